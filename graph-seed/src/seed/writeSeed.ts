/** `npx tsx graph-seed/src/seed/writeSeed.ts`: rebuilds graph-seed/data/seed.json from the builder. */
import { countDataset } from '@innograph/model';
import { SEED_FILE } from '../datasetFile.js';
import { writeDatasetFile } from '../datasetJson.js';
import { buildSeedDataset } from './buildSeed.js';

const dataset = buildSeedDataset();
await writeDatasetFile(SEED_FILE, dataset, 'pretty');
const counts = countDataset(dataset);
process.stdout.write(
  `Wrote ${SEED_FILE}: ${dataset.entities.length} entities, ${dataset.relations.length} relations\n` +
    `${JSON.stringify(counts, null, 2)}\n`,
);
