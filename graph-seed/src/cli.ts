/**
 * `npm run seed [-- --file F] [--reset]`: validates a dataset file against the model, then writes
 * it to Neo4j idempotently and prints counts by kind. Bad input exits 1 and writes nothing.
 */
import { parseArgs } from 'node:util';
import { formatIssue, ModelValidationError } from '@innograph/model';
import { neo4jConfig } from '@innograph/neo4j-local';
import {
  ensureSchema,
  graphCounts,
  loadDataset,
  Neo4jExecutor,
  StoreAuthError,
  StoreUnavailableError,
} from '@innograph/store';
import { DatasetFileError, readDatasetFile, SEED_FILE } from './datasetFile.js';

/** Issues printed before the rest are summed up. */
const MAX_SHOWN = 50;

const USAGE = 'usage: npm run seed -- [--file PATH] [--reset]';

function fail(message: string, code = 1): never {
  process.stderr.write(`seed: ${message}\n`);
  process.exit(code);
}

function table(rows: Record<string, number>): string {
  const width = Math.max(0, ...Object.keys(rows).map((k) => k.length));
  return Object.entries(rows)
    .map(([key, n]) => `  ${key.padEnd(width)}  ${String(n).padStart(6)}`)
    .join('\n');
}

async function main(): Promise<void> {
  let args: { file?: string | undefined; reset?: boolean | undefined };
  try {
    ({ values: args } = parseArgs({
      options: { file: { type: 'string' }, reset: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const file = args.file ?? SEED_FILE;

  let input: unknown;
  try {
    input = await readDatasetFile(file);
  } catch (error) {
    if (error instanceof DatasetFileError) fail(error.message);
    throw error;
  }

  const config = neo4jConfig();
  const executor = new Neo4jExecutor(config);
  try {
    await executor.verifyConnectivity();
    await ensureSchema(executor);
    const started = performance.now();
    const { dataset, report } = await loadDataset(executor, input, { reset: args.reset ?? false });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = await graphCounts(executor);
    const { entities: e, relations: r } = report;
    process.stdout.write(
      [
        `Loaded ${file}${dataset.meta.illustrative ? ' (illustrative data)' : ''} into ${config.uri} in ${seconds} s (${report.mode}${report.reset ? ', after reset' : ''})`,
        `  entities:  ${e.created} created, ${e.updated} updated, ${e.unchanged} unchanged`,
        `  relations: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`,
        `The database now holds ${counts.entities} entities:`,
        table(counts.entitiesByKind),
        `and ${counts.relations} relations:`,
        table(counts.relationsByKind),
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (error instanceof ModelValidationError) {
      const lines = error.issues.slice(0, MAX_SHOWN).map((issue) => `  ${formatIssue(issue, file)}`);
      if (error.issues.length > MAX_SHOWN) lines.push(`  … and ${error.issues.length - MAX_SHOWN} more`);
      fail(`${file}: ${error.issues.length} error(s); nothing was written\n${lines.join('\n')}`);
    }
    if (error instanceof StoreUnavailableError) {
      fail(
        `cannot reach Neo4j at ${config.uri}: ${config.local ? 'run `npm run db:start` first, or set NEO4J_URI' : 'check NEO4J_URI and that the server is up'}`,
      );
    }
    if (error instanceof StoreAuthError) {
      fail(`Neo4j at ${config.uri} refused user '${config.user}': check NEO4J_USER / NEO4J_PASSWORD`);
    }
    throw error;
  } finally {
    await executor.close();
  }
}

await main();
