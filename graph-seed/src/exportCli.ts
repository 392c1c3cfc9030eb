/**
 * `npm run export -- --format gexf|graphml|json|csv --out PATH [--kinds K,…] [--relations R,…]
 * [--chain ID] [--park ID] [--ownership O] [--stage S] [--status S,…] [--from DATE] [--to DATE]
 * [--limit N]`: writes the whole graph, or
 * with any filter the subgraph `GET /api/graph` gives for it. CSV writes a folder PATH holding
 * `entities.csv` and `relations.csv`.
 */
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportChunks } from '@innograph/interchange';
import { EXPORT_FILTERS, ExportQuery, formatIssue, GraphQuery, issuesFromZod } from '@innograph/model';
import { neo4jConfig } from '@innograph/neo4j-local';
import { exportEcosystem, exportSubgraph, Neo4jExecutor, StoreUnavailableError } from '@innograph/store';

const USAGE =
  'usage: npm run export -- --format gexf|graphml|json|csv --out PATH [--kinds K,…] [--relations R,…] [--chain ID] [--park ID] [--ownership state|private|mixed|public] [--stage S] [--status S,…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]';

function fail(message: string, code = 1): never {
  process.stderr.write(`export: ${message}\n`);
  process.exit(code);
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        ...Object.fromEntries(EXPORT_FILTERS.map((name) => [name, { type: 'string' as const }])),
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const out = values.out;
  if (out === undefined) fail(`--out is needed\n${USAGE}`, 2);
  const query = ExportQuery.safeParse(
    Object.fromEntries(Object.entries(values).filter(([key]) => key !== 'out')),
  );
  if (!query.success) {
    fail(
      `${issuesFromZod(query.error, 'arguments')
        .map((issue) => formatIssue(issue))
        .join('\n')}\n${USAGE}`,
      2,
    );
  }
  const filtered = EXPORT_FILTERS.some((name) => values[name] !== undefined);

  const config = neo4jConfig();
  const executor = new Neo4jExecutor(config);
  try {
    const started = performance.now();
    const dataset = filtered
      ? await exportSubgraph(
          executor,
          GraphQuery.parse(Object.fromEntries(EXPORT_FILTERS.map((name) => [name, values[name]]))),
        )
      : await exportEcosystem(executor);
    const format = query.data.format;
    const written: string[] = [];
    if (format === 'csv') {
      await mkdir(out, { recursive: true });
      for (const part of ['entities', 'relations'] as const) {
        const path = join(out, `${part}.csv`);
        await writeChunks(path, exportChunks('csv', dataset, part));
        written.push(path);
      }
    } else {
      await writeChunks(out, exportChunks(format, dataset));
      written.push(out);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Exported ${dataset.entities.length} entities and ${dataset.relations.length} relations${filtered ? ' (subgraph)' : ''}${dataset.truncated ? ', cut at the node limit' : ''} as ${format} to ${written.join(' and ')} in ${seconds} s\n`,
    );
  } catch (error) {
    if (error instanceof StoreUnavailableError) fail(`cannot reach Neo4j at ${config.uri}: ${error.message}`);
    throw error;
  } finally {
    await executor.close();
  }
}

await main();
