/**
 * The JSON format is the seed's dataset file (`format: "innograph-dataset", version: 1`), written
 * one record a line so that big exports diff and stream well. An import reads it whole.
 */
import {
  DATASET_FORMAT,
  type Dataset,
  DatasetMeta,
  type ImportItem,
  issuesFromZod,
  ModelValidationError,
  parseJsonText,
} from '@innograph/model';
import { z } from 'zod';

const RECORDS_PER_CHUNK = 5_000;

function* recordLines(records: readonly unknown[]): Generator<string> {
  for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
    const chunk = records.slice(start, start + RECORDS_PER_CHUNK).map((record) => JSON.stringify(record));
    yield `${start === 0 ? '' : ',\n'}${chunk.join(',\n')}`;
  }
}

/** The dataset file, piece by piece; joined, one JSON document. */
export function* datasetJson(dataset: Pick<Dataset, 'meta' | 'entities' | 'relations'>): Generator<string> {
  yield `{"format":${JSON.stringify(DATASET_FORMAT)},"version":1,\n"meta":${JSON.stringify(dataset.meta)},\n"entities":[\n`;
  yield* recordLines(dataset.entities);
  yield '\n],\n"relations":[\n';
  yield* recordLines(dataset.relations);
  yield '\n]}\n';
}

const Envelope = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(1),
  meta: DatasetMeta,
  entities: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});

function idOf(raw: unknown): string | undefined {
  const id: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'id') : undefined;
  return typeof id === 'string' ? id : undefined;
}

function recordName(list: 'entities' | 'relations', index: number, raw: unknown): string {
  const id = idOf(raw);
  return id === undefined ? `${list}[${index}]` : `${list}[${index}] (id ${id})`;
}

/** The records of a dataset file as import items (issues for malformed JSON or a bad envelope). */
export function jsonItems(text: string, file: string): ImportItem[] {
  let input: unknown;
  try {
    input = parseJsonText(text);
  } catch (error) {
    if (!(error instanceof ModelValidationError)) throw error;
    return error.issues.map((issue) => {
      const line = /^line (\d+)/.exec(issue.record);
      return {
        type: 'issue',
        issue: { file, line: line === null ? null : Number(line[1]), ...issue },
      };
    });
  }
  const envelope = Envelope.safeParse(input);
  if (!envelope.success) {
    return issuesFromZod(envelope.error, 'dataset').map((issue) => ({
      type: 'issue',
      issue: { file, line: null, ...issue },
    }));
  }
  const items: ImportItem[] = [];
  envelope.data.entities.forEach((raw, index) => {
    items.push({
      type: 'entity',
      place: { file, line: null, record: recordName('entities', index, raw) },
      raw,
    });
  });
  envelope.data.relations.forEach((raw, index) => {
    items.push({
      type: 'relation',
      place: { file, line: null, record: recordName('relations', index, raw) },
      raw,
    });
  });
  return items;
}
