/**
 * `npx tsx tests/bench/planning.ts`: what the planner's endpoints cost on the whole ecosystem,
 * on the seed graph and a generated one (BENCH_ENTITIES, default 100,000 entities, about
 * 500,000 relations): `ecosystemGraph` (read from Neo4j into graphology, warm runs), the
 * revision check every cached request makes, and the analytics on the graph (gaps, indicators
 * without and with network measures, suggestions, a scenario copy). Prints a Markdown table.
 *
 * Needs NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD) of a server it may clear: it loads the
 * datasets into it.
 */
import { applyScenarioChanges, computeIndicators, detectGaps, suggestRelations } from '@innograph/analytics';
import { generateDataset, readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import { neo4jConfig } from '@innograph/neo4j-local';
import {
  clearEcosystem,
  ecosystemGraph,
  ensureSchema,
  graphRevision,
  loadDataset,
  Neo4jExecutor,
} from '@innograph/store';
import { ms, percentile, table, timed } from './stats.js';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const RUNS = 3;

function timedSync<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

async function measure(executor: Neo4jExecutor, label: string): Promise<string[][]> {
  const reads: number[] = [];
  await ecosystemGraph(executor); // the first read warms the page cache
  let graph: Awaited<ReturnType<typeof ecosystemGraph>>['graph'] | null = null;
  let heap = Number.NaN;
  for (let run = 0; run < RUNS; run += 1) {
    graph = null;
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const read = await timed(() => ecosystemGraph(executor));
    reads.push(read.ms);
    graph = read.value.graph;
    global.gc?.();
    heap = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  }
  if (graph === null) throw new Error('no graph read');
  process.stdout.write(`${label}: graph heap ≈ ${heap.toFixed(0)} MB (node --expose-gc)\n`);
  const revisions: number[] = [];
  for (let i = 0; i < 20; i += 1) revisions.push((await timed(() => graphRevision(executor))).ms);
  const gaps = timedSync(() => detectGaps(graph));
  const lean = timedSync(() => computeIndicators(graph, { network: false }));
  const full = timedSync(() => computeIndicators(graph));
  const suggestions = timedSync(() => suggestRelations(graph));
  const copy = timedSync(() => applyScenarioChanges(graph, []));
  const size = `${graph.order.toLocaleString('en')} / ${graph.size.toLocaleString('en')}`;
  return [
    [label, size, 'ecosystemGraph (median of 3 warm)', ms(percentile(reads, 50))],
    [label, size, 'graphRevision (p50 of 20)', ms(percentile(revisions, 50))],
    [label, size, `detectGaps (${gaps.value.length} items)`, ms(gaps.ms)],
    [label, size, 'computeIndicators network=false', ms(lean.ms)],
    [label, size, `computeIndicators network=true (${full.value.network?.betweennessMode})`, ms(full.ms)],
    [label, size, 'suggestRelations (limit 50)', ms(suggestions.ms)],
    [label, size, 'scenario copy (applyScenarioChanges, no changes)', ms(copy.ms)],
  ];
}

async function main(): Promise<void> {
  if (!process.env.NEO4J_URI) throw new Error('set NEO4J_URI to a server this benchmark may clear');
  const executor = new Neo4jExecutor(neo4jConfig());
  try {
    await ensureSchema(executor);
    const rows: string[][] = [];
    await clearEcosystem(executor);
    await loadDataset(executor, await readDatasetFile(SEED_FILE));
    rows.push(...(await measure(executor, 'seed')));
    await clearEcosystem(executor);
    process.stdout.write(`Loading a generated graph of ${ENTITIES} entities…\n`);
    const load = await timed(() => loadDataset(executor, generateDataset({ entities: ENTITIES, seed: 1 })));
    process.stdout.write(`loaded in ${(load.ms / 1000).toFixed(0)} s\n`);
    rows.push(...(await measure(executor, `generated ${ENTITIES / 1000}k`)));
    process.stdout.write(`${table(['graph', 'entities / relations', 'step', 'ms'], rows)}\n`);
  } finally {
    await executor.close();
  }
}

await main();
