/**
 * The CSV files as import items, read as they arrive: decode, split into rows, map the header,
 * turn each row into a record. Nothing but the current row is held, so a file of 100,000 rows
 * takes no more memory than one of ten.
 */
import type { CsvMapping, ImportIssue, ImportItem, TextEncoding } from '@innograph/model';
import { type CsvFile, entityFromRow, extraCells, planColumns, relationFromRow, rowId } from './csvFormat.js';
import { CsvSyntaxError, csvRows } from './csvReader.js';
import { decodeText, TextDecodingError } from './text.js';

export interface CsvSource {
  /** The file's name, as issues name it. */
  file: string;
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
}

export interface CsvReadOptions {
  encoding?: TextEncoding;
  mapping?: CsvMapping;
}

function issueItem(issue: ImportIssue): ImportItem {
  return { type: 'issue', issue };
}

/** The records of one CSV file; a file that cannot be read further ends with its issue. */
export async function* csvFileItems(
  kind: CsvFile,
  source: CsvSource,
  options: CsvReadOptions = {},
): AsyncGenerator<ImportItem> {
  const { file } = source;
  let plan: ReturnType<typeof planColumns> | undefined;
  try {
    for await (const row of csvRows(decodeText(source.chunks, options.encoding ?? 'utf-8'))) {
      if (plan === undefined) {
        plan = planColumns(kind, row.fields, options.mapping);
        for (const problem of plan.issues) {
          yield issueItem({
            file,
            line: row.line,
            record: `line ${row.line} (header)`,
            field: problem.column,
            message: problem.message,
          });
        }
        // Without the columns the records need, every row would repeat the header's issue.
        if (plan.issues.some((problem) => problem.message.startsWith('missing column'))) return;
        continue;
      }
      const id = rowId(row, plan);
      const record = id === undefined ? `line ${row.line}` : `line ${row.line} (id ${id})`;
      const extra = extraCells(row, plan);
      if (extra !== undefined) {
        yield issueItem({ file, line: row.line, record, field: '', message: extra });
        continue;
      }
      const place = { file, line: row.line, record };
      yield kind === 'entities'
        ? { type: 'entity', place, raw: entityFromRow(row, plan, options.mapping) }
        : { type: 'relation', place, raw: relationFromRow(row, plan, options.mapping) };
    }
  } catch (error) {
    if (error instanceof TextDecodingError || error instanceof CsvSyntaxError) {
      yield issueItem({
        file,
        line: error.line,
        record: `line ${error.line}`,
        field: '',
        message: error.message,
      });
      return;
    }
    throw error;
  }
  if (plan === undefined) {
    yield issueItem({
      file,
      line: null,
      record: 'file',
      field: '',
      message: 'the file is empty: expected a header row',
    });
  }
}

/** Both CSV files: every entity of `entities.csv`, then every relation of `relations.csv`. */
export async function* csvItems(
  entities: CsvSource,
  relations: CsvSource,
  options: CsvReadOptions = {},
): AsyncGenerator<ImportItem> {
  yield* csvFileItems('entities', entities, options);
  yield* csvFileItems('relations', relations, options);
}
