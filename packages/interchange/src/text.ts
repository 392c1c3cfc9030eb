/**
 * Bytes to text, chunk by chunk, for files that are read as they arrive (a CSV of 100,000 rows is
 * never one string). A byte sequence the encoding does not allow is an error naming the line and
 * column where it sits; a UTF-8 byte-order mark is dropped.
 */
import type { TextEncoding } from '@innograph/model';

/** The file is not text in the expected encoding; `line` and `column` are 1-based. */
export class TextDecodingError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly encoding: TextEncoding,
  ) {
    super(
      encoding === 'utf-8'
        ? `not valid UTF-8 text at line ${line}, column ${column}; a spreadsheet saved by a Chinese Excel as "CSV (comma delimited)" is GB18030: save it as "CSV UTF-8", or import it with encoding gb18030`
        : `not valid GB18030 text at line ${line}, column ${column}`,
    );
    this.name = 'TextDecodingError';
  }
}

const REPLACEMENT = '\uFFFD';

/** Where in a text a character offset falls, given the line the text starts on. */
function position(text: string, offset: number, startLine: number, startColumn: number) {
  let line = startLine;
  let column = startColumn;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/**
 * Decodes byte chunks (or passes strings through) as they come. Bytes the encoding does not allow
 * throw a TextDecodingError at their place, after the text before them has been yielded.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  encoding: TextEncoding = 'utf-8',
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  let line = 1;
  let column = 1;
  const emit = (text: string): string => {
    const bad = text.indexOf(REPLACEMENT);
    if (bad >= 0) {
      const at = position(text, bad, line, column);
      throw new TextDecodingError(at.line, at.column, encoding);
    }
    const end = position(text, text.length, line, column);
    line = end.line;
    column = end.column;
    return text;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield emit(line === 1 && column === 1 ? text.replace(/^\uFEFF/, '') : text);
  }
  const rest = decoder.decode();
  if (rest !== '') yield emit(rest);
}

/** The whole text of a file (for the formats that are parsed as one document). */
export async function readText(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  encoding: TextEncoding = 'utf-8',
): Promise<string> {
  const parts: string[] = [];
  for await (const part of decodeText(chunks, encoding)) parts.push(part);
  return parts.join('');
}
