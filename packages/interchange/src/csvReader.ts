/**
 * A streaming CSV reader (RFC 4180, as spreadsheets write it): fields separated by commas (or tabs,
 * or semicolons, whichever the header line uses), quoted with `"` where they hold a separator, a
 * quote (doubled) or a line break; lines end with LF or CRLF. Each row comes with the line it starts
 * on, so that every issue can name it. Blank lines are skipped.
 */

export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const SEPARATORS = [',', '\t', ';'] as const;

/** The separator the first line uses most (outside quotes); a comma when it uses none. */
export function detectSeparator(firstLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best = ',';
  let most = 0;
  for (const separator of SEPARATORS) {
    const n = counts.get(separator) ?? 0;
    if (n > most) {
      best = separator;
      most = n;
    }
  }
  return best;
}

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Rows of a CSV text that arrives in chunks. */
export async function* csvRows(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRow> {
  let separator: string | undefined;
  let pending = '';
  let state = State.FieldStart;
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let previousWasCr = false;

  const endRow = (): CsvRow | undefined => {
    fields.push(field);
    const row = { line: rowLine, fields };
    field = '';
    fields = [];
    state = State.FieldStart;
    const blank = row.fields.length === 1 && row.fields[0] === '';
    return blank ? undefined : row;
  };

  for await (const chunk of text) {
    let input = chunk;
    if (separator === undefined) {
      pending += chunk;
      const newline = pending.search(/\r?\n/);
      if (newline < 0) continue;
      separator = detectSeparator(pending.slice(0, newline));
      input = pending;
      pending = '';
    }
    const out: CsvRow[] = [];
    for (let i = 0; i < input.length; i++) {
      const char = input.charAt(i);
      if (char === '\n' && previousWasCr) {
        // The LF of a CRLF: the line was counted (and a row ended) at the CR.
        previousWasCr = false;
        if (state === State.Quoted) field += char;
        continue;
      }
      previousWasCr = false;
      const newline = char === '\n' || char === '\r';
      switch (state) {
        case State.FieldStart:
          if (field === '' && fields.length === 0) rowLine = line;
          if (char === '"') {
            state = State.Quoted;
            quoteLine = line;
          } else if (char === separator) fields.push('');
          else if (newline) {
            const row = endRow();
            if (row !== undefined) out.push(row);
          } else {
            field = char;
            state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (char === separator) {
            fields.push(field);
            field = '';
            state = State.FieldStart;
          } else if (newline) {
            const row = endRow();
            if (row !== undefined) out.push(row);
          } else if (char === '"') {
            throw new CsvSyntaxError(
              line,
              `a quote inside an unquoted field; quote the whole field and double the quote ("")`,
            );
          } else field += char;
          break;
        case State.Quoted:
          if (char === '"') state = State.QuoteInQuoted;
          else field += char;
          break;
        case State.QuoteInQuoted:
          if (char === '"') {
            field += '"';
            state = State.Quoted;
          } else if (char === separator) {
            fields.push(field);
            field = '';
            state = State.FieldStart;
          } else if (newline) {
            const row = endRow();
            if (row !== undefined) out.push(row);
          } else {
            throw new CsvSyntaxError(
              line,
              `text after the closing quote of a field: ${JSON.stringify(char)}`,
            );
          }
          break;
      }
      if (newline) {
        line++;
        previousWasCr = char === '\r';
      }
    }
    yield* out;
  }
  if (separator === undefined && pending !== '') {
    // A file of one line without a line break.
    separator = detectSeparator(pending);
    yield* csvRows([`${pending}\n`]);
    return;
  }
  if (state === State.Quoted) {
    throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed (a missing `"`)');
  }
  if (state !== State.FieldStart || field !== '' || fields.length > 0) {
    const row = endRow();
    if (row !== undefined) yield row;
  }
}
