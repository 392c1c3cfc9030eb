/**
 * `npm run bench:analytics`: what the planner's analytics cost on the whole ecosystem, without a
 * database. The graphs are built in memory with `datasetGraph` (the same shape as the store's
 * `ecosystemGraph`): the seed dataset and graph-seed `generateDataset` (seed 1) at 1,000, 10,000
 * and 100,000 entities (BENCH_ANALYTICS_SIZES, e.g. `seed,1000`, picks them).
 *
 * Per graph, as the API's planning cache runs them: `ecosystemIndex` (built anew each run), then on
 * that index the gap report (`listGaps`: every gap found, scored, ranked and counted, and the
 * reasons of the API's default page of 500 written), `suggestRelations` and `computeIndicators`
 * with the network measures, each after a full collection, and their total; then the same four
 * back to back after one collection, as a request to a fresh revision pays for them (collections
 * included); and, apart, the reasons of every gap (a whole-report CSV download). Medians of RUNS
 * runs; the growth of each between sizes (linear growth = the entity ratio, 10×). The baseline,
 * measured in the same run, is one plain pass over the graph reading every node's `kind` and
 * every edge's `type` and `status`.
 *
 * Then the error of sampled betweenness (what the indicators use above `betweennessExactMax`
 * tie-network nodes) against exact betweenness on the tie networks of generated 2,000- and
 * 10,000-entity graphs. Writes its section of docs/BENCHMARKS.md (BENCH_NO_WRITE=1 only
 * prints). Run with `--expose-gc` (to collect garbage before each call) and the API's
 * `--max-semi-space-size=64` (see README, "Memory"); the npm script does both.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import {
  betweennessSources,
  computeIndicators,
  datasetGraph,
  type EcosystemIndex,
  ecosystemIndex,
  INDICATORS_DEFAULTS,
  isActiveTie,
  listGaps,
  networkMeasureSettings,
  sampledBetweenness,
  suggestRelations,
  tieNetwork,
  undirectedProjection,
} from '@innograph/analytics';
import { generateDataset, readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import { API_LIMITS, type Dataset, parseDataset } from '@innograph/model';
import type { MultiDirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { MeasuresWorker } from '../../apps/api/src/measures/measuresWorker.js';
import { writeBenchmarkSection } from './benchmarksDoc.js';
import { ms, percentile, table, timed } from './stats.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SIZES = (process.env.BENCH_ANALYTICS_SIZES ?? 'seed,1000,10000,100000').split(',');

function runsFor(entities: number): number {
  return entities >= 100_000 ? 3 : entities >= 10_000 ? 5 : 9;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function datasetFor(size: string): Promise<{ name: string; dataset: Dataset }> {
  if (size === 'seed') return { name: 'seed', dataset: parseDataset(await readDatasetFile(SEED_FILE)) };
  const entities = Number(size);
  return { name: `generated ${entities / 1000}k`, dataset: generateDataset({ entities, seed: 1 }) };
}

/** The baseline: one pass over nodes and edges reading the attributes every analysis reads. */
function graphScan(graph: MultiDirectedGraph): number {
  let count = 0;
  graph.forEachNode((_node, attributes) => {
    if (typeof attributes.kind === 'string') count += 1;
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.status === 'active' && typeof attributes.type === 'string' && source !== target)
      count += 1;
  });
  return count;
}

/** Nodes with at least one active tie, and the tie network the indicators measure. */
function tieProjection(graph: MultiDirectedGraph) {
  const tied = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target || !isActiveTie(edge, attributes)) return;
    tied.add(source);
    tied.add(target);
  });
  const options = { nodeFilter: (node: string) => tied.has(node), edgeFilter: isActiveTie };
  return { options, projection: undirectedProjection(graph, options) };
}

interface Row {
  name: string;
  entities: number;
  relations: number;
  tieNodes: number;
  tieEdges: number;
  runs: number;
  load: number;
  scan: number;
  index: number;
  gaps: number;
  suggestions: number;
  indicators: number;
  total: number;
  /** The four calls back to back after one collection. */
  inOneGo: number;
  /** The same with the network measures in the API's worker thread, as the API computes them. */
  withWorker: number;
  /** Writing the reasons of every gap. */
  describeAll: number;
  notes: string;
}

/** The gap report as `GET /api/gaps` serves it by default: every gap found, ranked and counted,
 *  the first page described. */
function gapReport(graph: MultiDirectedGraph, index: EcosystemIndex) {
  const list = listGaps(graph, undefined, index);
  return { list, page: list.entries.slice(0, API_LIMITS.gaps.default).map(list.describe) };
}

/** The graph of a size, built from its dataset, which is then let go: like the API, the
 *  measured process holds the graph only. */
async function graphFor(size: string): Promise<{ name: string; graph: MultiDirectedGraph }> {
  const { name, dataset } = await datasetFor(size);
  return { name, graph: datasetGraph(dataset) };
}

/** Back to back as the API's planning cache runs a new revision: the network measures sent to
 *  the worker as soon as the index exists, the gap report and suggestions on this thread
 *  meanwhile, then the indicators with the worker's values. */
async function withMeasuresWorker(graph: MultiDirectedGraph, worker: MeasuresWorker): Promise<void> {
  const shared = ecosystemIndex(graph);
  const measures = worker.compute(tieNetwork(graph, shared), networkMeasureSettings());
  gapReport(graph, shared);
  suggestRelations(graph, undefined, shared);
  computeIndicators(graph, undefined, shared, await measures);
}

async function measure(name: string, graph: MultiDirectedGraph, worker: MeasuresWorker): Promise<Row> {
  // Counted, then let go: only the graph stays in memory while measuring.
  const { order: tieNodes, size: tieEdges } = tieProjection(graph).projection;
  const entities = graph.order;
  const runs = runsFor(entities);
  const load = loadavg()[0] ?? Number.NaN;
  const samples = {
    scan: [] as number[],
    index: [] as number[],
    gaps: [] as number[],
    suggestions: [] as number[],
    indicators: [] as number[],
    totals: [] as number[],
    inOneGo: [] as number[],
    withWorker: [] as number[],
    describeAll: [] as number[],
  };
  let notes = '';
  // One warm-up run (JIT), not counted.
  for (let run = -1; run < runs; run += 1) {
    // A full collection before each call, so that no call pays for the garbage of the one before.
    const collect = () => globalThis.gc?.();
    collect();
    const scan = await timed(async () => graphScan(graph));
    collect();
    // As the API's planning cache runs them: one index of the graph, built anew each run, shared
    // by the three analyses.
    const index = await timed(async () => ecosystemIndex(graph));
    collect();
    const gaps = await timed(async () => gapReport(graph, index.value));
    collect();
    const suggestions = await timed(async () => suggestRelations(graph, undefined, index.value));
    collect();
    const indicators = await timed(async () => computeIndicators(graph, undefined, index.value));
    collect();
    const describeAll = await timed(async () => gaps.value.list.entries.map(gaps.value.list.describe));
    collect();
    // The same back to back, collections included, as one request to a new revision waits.
    const inOneGo = await timed(async () => {
      const shared = ecosystemIndex(graph);
      gapReport(graph, shared);
      suggestRelations(graph, undefined, shared);
      computeIndicators(graph, undefined, shared);
    });
    collect();
    const withWorker = await timed(() => withMeasuresWorker(graph, worker));
    if (run < 0) {
      const network = indicators.value.network;
      notes = `${gaps.value.list.entries.length} gaps, ${suggestions.value.length} suggestions, betweenness ${network?.betweennessMode}, ${network?.communities.count} communities`;
      continue;
    }
    samples.scan.push(scan.ms);
    samples.index.push(index.ms);
    samples.gaps.push(gaps.ms);
    samples.suggestions.push(suggestions.ms);
    samples.indicators.push(indicators.ms);
    samples.totals.push(index.ms + gaps.ms + suggestions.ms + indicators.ms);
    samples.inOneGo.push(inOneGo.ms);
    samples.withWorker.push(withWorker.ms);
    samples.describeAll.push(describeAll.ms);
  }
  const row: Row = {
    name,
    entities,
    relations: graph.size,
    tieNodes,
    tieEdges,
    runs,
    load,
    scan: percentile(samples.scan, 50),
    index: percentile(samples.index, 50),
    gaps: percentile(samples.gaps, 50),
    suggestions: percentile(samples.suggestions, 50),
    indicators: percentile(samples.indicators, 50),
    total: percentile(samples.totals, 50),
    inOneGo: percentile(samples.inOneGo, 50),
    withWorker: percentile(samples.withWorker, 50),
    describeAll: percentile(samples.describeAll, 50),
    notes,
  };
  say(
    `${name}: index ${ms(row.index)} ms, gap report ${ms(row.gaps)} ms, suggestRelations ${ms(row.suggestions)} ms, computeIndicators ${ms(row.indicators)} ms, total ${ms(row.total)} ms, back to back ${ms(row.inOneGo)} ms, with the measures worker ${ms(row.withWorker)} ms; every gap's reasons ${ms(row.describeAll)} ms (${notes}; load ${load.toFixed(2)})`,
  );
  return row;
}

function ratio(value: number): string {
  return `${value.toFixed(1)}×`;
}

function resultTable(rows: Row[]): string {
  return table(
    [
      'graph',
      'entities / relations',
      'tie network nodes / edges',
      'runs',
      'graph scan ms (baseline)',
      'ecosystemIndex ms',
      'gap report ms',
      'suggestRelations ms',
      'computeIndicators ms',
      'total ms',
      'back to back ms',
      'back to back / scan',
      'measures in the worker ms',
      'every gap described ms',
      'load avg',
    ],
    rows.map((r) => [
      r.name,
      `${r.entities.toLocaleString('en')} / ${r.relations.toLocaleString('en')}`,
      `${r.tieNodes.toLocaleString('en')} / ${r.tieEdges.toLocaleString('en')}`,
      String(r.runs),
      ms(r.scan),
      ms(r.index),
      ms(r.gaps),
      ms(r.suggestions),
      ms(r.indicators),
      ms(r.total),
      ms(r.inOneGo),
      `${(r.inOneGo / r.scan).toFixed(0)}×`,
      ms(r.withWorker),
      ms(r.describeAll),
      r.load.toFixed(2),
    ]),
  );
}

function growthTable(rows: Row[]): string {
  const generated = rows.filter((r) => r.name !== 'seed');
  const lines: string[][] = [];
  for (let i = 1; i < generated.length; i += 1) {
    const a = generated[i - 1] as Row;
    const b = generated[i] as Row;
    lines.push([
      `${a.name} → ${b.name}`,
      ratio(b.entities / a.entities),
      ratio(b.scan / a.scan),
      ratio(b.index / a.index),
      ratio(b.gaps / a.gaps),
      ratio(b.suggestions / a.suggestions),
      ratio(b.indicators / a.indicators),
      ratio(b.total / a.total),
      ratio(b.inOneGo / a.inOneGo),
      ratio(b.withWorker / a.withWorker),
    ]);
  }
  return table(
    [
      'sizes',
      'entities',
      'graph scan',
      'ecosystemIndex',
      'gap report',
      'suggestRelations',
      'computeIndicators',
      'total',
      'back to back',
      'measures in the worker',
    ],
    lines,
  );
}

/** Ranks (1 = largest), ties given their mean rank. */
function ranks(values: number[]): number[] {
  const order = values.map((value, i) => [value, i] as const).sort((a, b) => b[0] - a[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j += 1;
    for (let k = i; k <= j; k += 1) result[order[k]?.[1] ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

function spearman(x: number[], y: number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (rx[i] ?? 0) - mean;
    const dy = (ry[i] ?? 0) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function topKeys(values: Record<string, number>, k: number): string[] {
  return Object.keys(values)
    .sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, k);
}

interface ErrorCase {
  entities: number;
  /** Sources to try. */
  samples: number[];
  /** Exact reference: graphology-metrics (independent), or this package's Brandes from every
   *  node (the same code with k = n; equal to graphology-metrics in the unit tests), for sizes
   *  where graphology-metrics takes minutes. */
  reference: 'graphology-metrics' | 'brandes';
}

const ERROR_CASES: ErrorCase[] = [
  { entities: 2_000, samples: [50, 100, 200, 400], reference: 'graphology-metrics' },
  { entities: 10_000, samples: [50, 100, 200], reference: 'brandes' },
];

/** Sampled against exact betweenness on the tie network of a generated graph. */
async function betweennessError({
  entities,
  samples,
  reference,
}: ErrorCase): Promise<{ text: string; rows: string[][] }> {
  const graph = datasetGraph(generateDataset({ entities, seed: 1 }));
  const { options, projection } = tieProjection(graph);
  const exactRun = await timed(async () =>
    reference === 'graphology-metrics'
      ? betweennessCentrality(projection, { getEdgeWeight: null, normalized: true })
      : sampledBetweenness(graph, { ...options, samples: projection.order }),
  );
  const exact = exactRun.value;
  const nodes = Object.keys(exact);
  const top50 = topKeys(exact, 50);
  const top10 = topKeys(exact, 10);
  // The indicators' broker list (SOE–private pairs, all pairs, betweenness, key), with exact
  // and with sampled betweenness.
  const brokerage = Object.entries(
    computeIndicators(graph, { betweennessExactMax: 0 }).network?.brokerage ?? {},
  );
  const brokers = (betweenness: Record<string, number>) =>
    [...brokerage]
      .sort(
        (a, b) =>
          b[1].soePrivate - a[1].soePrivate ||
          b[1].total - a[1].total ||
          (betweenness[b[0]] ?? 0) - (betweenness[a[0]] ?? 0) ||
          (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
      )
      .slice(0, INDICATORS_DEFAULTS.topBrokers)
      .map(([node]) => node);
  const exactBrokers = brokers(exact);
  const rows: string[][] = [];
  for (const k of samples) {
    const sampledRun = await timed(async () =>
      sampledBetweenness(graph, { ...options, samples: k, seed: 1 }),
    );
    const sampled = sampledRun.value;
    const relative = top50.map(
      (node) => Math.abs((sampled[node] ?? 0) - (exact[node] ?? 0)) / (exact[node] ?? 1),
    );
    const overlap = (count: number, exactTop: string[]) => {
      const mine = new Set(topKeys(sampled, count));
      return exactTop.filter((node) => mine.has(node)).length;
    };
    rows.push([
      `${entities.toLocaleString('en')} entities (${projection.order.toLocaleString('en')} nodes)`,
      String(k),
      spearman(
        nodes.map((n) => exact[n] ?? 0),
        nodes.map((n) => sampled[n] ?? 0),
      ).toFixed(3),
      spearman(
        top50.map((n) => exact[n] ?? 0),
        top50.map((n) => sampled[n] ?? 0),
      ).toFixed(3),
      (relative.reduce((sum, e) => sum + e, 0) / relative.length).toFixed(3),
      `${overlap(10, top10)} / 10`,
      `${overlap(50, top50)} / 50`,
      `${brokers(sampled).filter((node, i) => exactBrokers[i] === node).length} / ${exactBrokers.length}`,
      ms(sampledRun.ms),
    ]);
  }
  const text = `${entities.toLocaleString('en')} entities: tie network of ${projection.order.toLocaleString('en')} nodes, ${projection.size.toLocaleString('en')} edges; exact betweenness by ${reference === 'graphology-metrics' ? 'graphology-metrics' : 'Brandes from every node (this package, k = n)'} in ${ms(exactRun.ms)} ms.`;
  return { text, rows };
}

async function betweennessErrors(largest: Row | undefined): Promise<{ text: string; table: string }> {
  const { betweennessExactMax, betweennessSamples, betweennessSampledMax } = INDICATORS_DEFAULTS;
  const texts: string[] = [];
  const rows: string[][] = [];
  for (const errorCase of ERROR_CASES) {
    const result = await betweennessError(errorCase);
    texts.push(result.text);
    rows.push(...result.rows);
  }
  const fewest = betweennessSources(Number.MAX_SAFE_INTEGER, betweennessSamples, betweennessSampledMax);
  const atLargest =
    largest === undefined
      ? ''
      : ` (the ${largest.name} graph's ${largest.tieNodes.toLocaleString('en')} tie-network nodes get ${betweennessSources(largest.tieNodes, betweennessSamples, betweennessSampledMax)})`;
  const rule = `The indicators' betweenness is exact up to ${betweennessExactMax.toLocaleString('en')} tie-network nodes, sampled from ${betweennessSamples} seeded sources up to ${betweennessSampledMax.toLocaleString('en')} nodes, and above that from ${betweennessSamples} × ${betweennessSampledMax.toLocaleString('en')} / n sources, at least ${fewest}${atLargest}. Sampled Brandes, seed 1, scaled by n / k.`;
  return {
    text: [rule, ...texts].join(' '),
    table: table(
      [
        'graph',
        'sources k',
        'Spearman, all nodes',
        'Spearman, exact top 50',
        'mean relative error, exact top 50',
        'top 10 found',
        'top 50 found',
        'top brokers in place',
        'sampled ms',
      ],
      rows,
    ),
  };
}

function libraryVersions(): string {
  const version = (name: string) => {
    const meta: unknown = JSON.parse(
      readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    );
    return typeof meta === 'object' && meta !== null && 'version' in meta ? String(meta.version) : '?';
  };
  return ['graphology', 'graphology-metrics', 'graphology-communities-louvain']
    .map((name) => `${name} ${version(name)}`)
    .join(', ');
}

/** Issue #5's target: the gap report plus indicators at 100,000 entities under 3 s, growth near
 *  linear. */
function targetVerdict(rows: Row[]): string {
  const largest = rows.find((r) => r.entities >= 100_000);
  if (!largest) return 'Target (100,000 entities under 3 s): not measured in this run.';
  const before = rows.find((r) => r.entities === largest.entities / 10);
  const growth = before
    ? `; growth from ${before.name}: ${ratio(largest.withWorker / before.withWorker)} as the API computes it, ${ratio(largest.inOneGo / before.inOneGo)} back to back on one thread (linear: 10×)`
    : '';
  const verdict = (value: number) => (value < 3000 ? '**met**' : '**not met**');
  return `Target: the index, the gap report, suggestRelations and computeIndicators at 100,000 entities under 3 s. As the API computes a revision (network measures in its worker thread, collections included): ${verdict(largest.withWorker)} (${ms(largest.withWorker)} ms). On one thread: back to back ${verdict(largest.inOneGo)} (${ms(largest.inOneGo)} ms), as a total of the calls each after a collection ${verdict(largest.total)} (${ms(largest.total)} ms). Load average ${largest.load.toFixed(2)}${growth}.`;
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  say(
    `${machine}; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const rows: Row[] = [];
  const worker = new MeasuresWorker();
  worker.start();
  try {
    for (const size of SIZES) {
      const { name, graph } = await graphFor(size);
      rows.push(await measure(name, graph, worker));
    }
  } finally {
    await worker.close();
  }
  say('');
  say(resultTable(rows));
  say('');
  say(growthTable(rows));
  say('');
  const verdict = targetVerdict(rows);
  say(verdict);
  say('');
  const error = await betweennessErrors(
    rows.reduce<Row | undefined>((a, r) => (a && a.tieNodes >= r.tieNodes ? a : r), undefined),
  );
  say(error.text);
  say(error.table);
  if (process.env.BENCH_NO_WRITE) return;
  const body = [
    '## Analytics (`npm run bench:analytics`)',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} on ${machine}; ${libraryVersions()}. Graphs built in memory with \`datasetGraph\` (the store's \`ecosystemGraph\` shape) from the seed and graph-seed \`generateDataset\` (seed 1). Node runs with \`--max-semi-space-size=64\`, as \`npm start\` runs the API. Median of the runs after one warm-up. A run is what the API's planning cache computes for a new graph revision: \`ecosystemIndex\` built once, then on that index the gap report (\`listGaps\`: all gaps found, ranked and counted, and the reasons written for the API's default page of \`GET /api/gaps\`, 500 items), suggestRelations (limit 50) and computeIndicators (network measures on). "total" sums the four calls each timed after a full collection; "back to back" times them in one go after one collection, collections included, as a request waits for them; "measures in the worker" is back to back as the API actually computes a revision, with the network measures (betweenness, Louvain, constraint) in its worker thread on the second core while this thread builds the gap report and suggestions; "every gap described" is writing the reasons of every gap (a whole-report CSV download), not in the totals. "load avg" is the 1-minute load average when the graph's runs began. The baseline is one plain pass over the graph reading each node's kind and each edge's type and status.`,
    '',
    resultTable(rows),
    '',
    'Growth between sizes (linear = the entity ratio):',
    '',
    growthTable(rows),
    '',
    verdict,
    '',
    'Sampled betweenness against exact:',
    '',
    error.text,
    '',
    error.table,
  ].join('\n');
  say(`wrote ${await writeBenchmarkSection('bench-analytics', body)}`);
}

await main();
