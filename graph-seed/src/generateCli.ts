/**
 * `npx tsx graph-seed/src/generateCli.ts --entities N --out FILE [--seed S]`: writes a synthetic
 * dataset for scale tests and prints its counts. Small files are pretty-printed like the seed;
 * big ones get one record per line. Bad arguments exit 2 with one line naming the flag.
 */
import { countDataset } from '@innograph/model';
import { writeDatasetFile } from './datasetJson.js';
import { generateDataset } from './generate.js';
import { type GenerateArgs, GenerateArgsError, parseGenerateArgs } from './generateArgs.js';

/** Above this many entities the file has one record per line instead of an indented tree. */
const PRETTY_LIMIT = 5_000;

function table(title: string, rows: Record<string, number>): string {
  const width = Math.max(0, ...Object.keys(rows).map((key) => key.length));
  const lines = Object.entries(rows).map(([key, n]) => `  ${key.padEnd(width)}  ${String(n).padStart(8)}`);
  return [title, ...lines].join('\n');
}

function argsOrExit(): GenerateArgs {
  try {
    return parseGenerateArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof GenerateArgsError)) throw error;
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const { entities, seed, out } = argsOrExit();
  const started = performance.now();
  const dataset = generateDataset({ entities, seed });
  const generated = performance.now();
  await writeDatasetFile(out, dataset, entities <= PRETTY_LIMIT ? 'pretty' : 'lines');
  const written = performance.now();
  const counts = countDataset(dataset);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  process.stdout.write(
    [
      `Wrote ${out}: ${dataset.entities.length} entities, ${dataset.relations.length} relations (seed ${seed})`,
      `  generated in ${seconds(generated - started)} s, written in ${seconds(written - generated)} s`,
      table('Entities by kind:', counts.entities),
      table('Relations by kind:', counts.relations),
      '',
    ].join('\n'),
  );
}

await main();
