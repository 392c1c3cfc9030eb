/**
 * The formats in one place: which one a file name means, a whole document as import items, and a
 * dataset as the text of each format (piece by piece, so that a caller can write it as it goes).
 */
import type { CsvPart, Dataset, ImportItem, InterchangeFormat } from '@innograph/model';
import { entitiesCsv, relationsCsv } from './csvFormat.js';
import { graphItems, graphmlChunks, writeGexf } from './graphFormats.js';
import { datasetJson, jsonItems } from './jsonFormat.js';

/** File name endings of each format. */
export const FORMAT_EXTENSIONS: Record<InterchangeFormat, string> = {
  json: '.json',
  gexf: '.gexf',
  graphml: '.graphml',
  csv: '.csv',
};

export const MEDIA_TYPES: Record<InterchangeFormat, string> = {
  json: 'application/json; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The format a file name says (`.json`, `.gexf`, `.graphml` or `.xml`, `.csv` or `.tsv`). */
export function formatOfFile(name: string): InterchangeFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.gexf')) return 'gexf';
  if (lower.endsWith('.graphml') || lower.endsWith('.xml')) return 'graphml';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  return undefined;
}

/** A JSON, GEXF or GraphML document as import items. */
export function documentItems(
  format: Exclude<InterchangeFormat, 'csv'>,
  text: string,
  file: string,
): ImportItem[] {
  return format === 'json' ? jsonItems(text, file) : graphItems(format, text, file);
}

/** A dataset as the text of a format; CSV needs `part` (its two files). */
export function* exportChunks(
  format: InterchangeFormat,
  dataset: Pick<Dataset, 'meta' | 'entities' | 'relations'>,
  part?: CsvPart,
): Generator<string> {
  switch (format) {
    case 'json':
      yield* datasetJson(dataset);
      return;
    case 'gexf':
      yield writeGexf(dataset);
      return;
    case 'graphml':
      yield* graphmlChunks(dataset);
      return;
    case 'csv':
      if (part === undefined)
        throw new Error('interchange/exportChunks: CSV needs part (entities or relations)');
      yield* part === 'entities' ? entitiesCsv(dataset.entities) : relationsCsv(dataset.relations);
  }
}
