import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDataset, writeDatasetFile } from './datasetJson.js';
import { generateDataset } from './generate.js';

const dataset = generateDataset({ entities: 200, seed: 5 });

describe('dataset files', () => {
  it('pretty-prints with a two-space indent', () => {
    const text = formatDataset(dataset, 'pretty');
    expect(text).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
  });

  it('writes one record per line that reads back as the same dataset', () => {
    const text = formatDataset(dataset, 'lines');
    expect(JSON.parse(text)).toEqual(dataset);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(dataset.entities.length + dataset.relations.length + 6);
  });

  it('writes the file in chunks, the same text as formatted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graph-seed-'));
    try {
      const file = join(dir, 'data.json');
      await writeDatasetFile(file, dataset, 'lines');
      expect(await readFile(file, 'utf8')).toBe(formatDataset(dataset, 'lines'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
