/**
 * Dataset files as text. `pretty` is JSON.stringify with a 2-space indent, for the seed that people
 * read and diff; `lines` puts one record per line, for big generated files, and is written in
 * chunks so that a million relations never have to sit in one string.
 */
import { open } from 'node:fs/promises';
import type { Dataset } from '@innograph/model';

export type DatasetLayout = 'pretty' | 'lines';

const RECORDS_PER_CHUNK = 10_000;

function* recordLines(records: readonly unknown[]): Generator<string> {
  for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
    const chunk = records.slice(start, start + RECORDS_PER_CHUNK).map((record) => JSON.stringify(record));
    yield `${start === 0 ? '' : ',\n'}${chunk.join(',\n')}`;
  }
}

/** The text of the file, piece by piece; joined, the pieces are one JSON document. */
export function* datasetJsonChunks(dataset: Dataset, layout: DatasetLayout): Generator<string> {
  if (layout === 'pretty') {
    yield `${JSON.stringify(dataset, null, 2)}\n`;
    return;
  }
  const { format, version, meta } = dataset;
  yield `{"format":${JSON.stringify(format)},"version":${version},\n"meta":${JSON.stringify(meta)},\n"entities":[\n`;
  yield* recordLines(dataset.entities);
  yield '\n],\n"relations":[\n';
  yield* recordLines(dataset.relations);
  yield '\n]}\n';
}

export function formatDataset(dataset: Dataset, layout: DatasetLayout): string {
  return [...datasetJsonChunks(dataset, layout)].join('');
}

export async function writeDatasetFile(file: string, dataset: Dataset, layout: DatasetLayout): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (const chunk of datasetJsonChunks(dataset, layout)) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
