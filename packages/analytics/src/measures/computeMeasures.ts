/**
 * Node measures for the researcher's view: degree, PageRank, betweenness and Louvain
 * communities, in one pass over one projection.
 *
 * Every measure runs on the undirected simple projection of the graph (`undirectedProjection`):
 * parallel edges collapse into one, direction is ignored, self-loops are dropped and nothing is
 * weighted. An ecosystem tie (a lab opening to a firm, a firm supplying a leader) connects both
 * ends whichever way it is stored, and two relations between the same pair count as one tie.
 * Nodes and edges the filters leave out (hidden, filtered by time...) are not in the projection
 * and get no value.
 *
 * - degree: number of distinct neighbours in the projection.
 * - pagerank: graphology-metrics' PageRank (damping `pagerankAlpha`), values sum to 1.
 * - betweenness: normalised to [0, 1] (ordered pairs over (n − 1)(n − 2)); exact (Brandes from
 *   every node) up to `betweennessExactMax` nodes (2,000), above it sampled Brandes from k
 *   sources picked with `seed`, scaled by n / k (`sampledBetweenness`): k = `betweennessSamples`
 *   (200) up to `betweennessSampledMax` nodes (20,000), above that k = samples × sampledMax / n,
 *   at least 50, so that the work stops growing faster than the graph (one BFS per source).
 *   Accuracy (docs/BENCHMARKS.md, Analytics): on the tie network of a generated 10,000-entity
 *   ecosystem (9,028 nodes), 200 sources give a mean relative error of 0.11–0.15 on the 50
 *   nodes of highest exact betweenness and find 9–10 of the top 10; 50 sources 0.29–0.37 and
 *   4–6 of the top 10.
 * - communities: Louvain as graphology-communities-louvain computes it (`louvainOfCompact`, the
 *   same algorithm on typed arrays) with a PRNG seeded by `seed`; communities are renumbered
 *   0, 1, 2... by size (largest first), ties by their smallest node key. A graph without edges
 *   has one community per node and modularity 0.
 *
 * Everything but PageRank runs on the projection as typed arrays (`compactProjection`); PageRank
 * (graphology-metrics) gets a graphology projection built from them when it is asked for.
 */
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { AbstractGraph, CompactGraph, CompactTopology, EdgeFilter, NodeFilter } from '../graph.js';
import { compactProjection, graphologyOf, orderOf } from '../graph.js';
import { mulberry32 } from '../random.js';
import { assertGraph, checkInteger, checkOptions, checkPositive, fail } from '../validate.js';
import { louvainOfCompact } from './louvain.js';
import { byNode, sampledBetweennessOfCompact } from './sampledBetweenness.js';

const MODULE = 'computeMeasures';

export const MEASURE_NAMES = ['degree', 'pagerank', 'betweenness', 'communities'] as const;
export type MeasureName = (typeof MEASURE_NAMES)[number];

export type NodeValues = Record<string, number>;

export interface MeasuresOptions<M extends MeasureName = MeasureName> {
  /** Which measures to compute. Default: all of MEASURE_NAMES. */
  measures?: readonly M[];
  /** Keep only these nodes (default: all). */
  nodeFilter?: NodeFilter;
  /** Keep only these edges (default: all); edges to a left-out node are left out too. */
  edgeFilter?: EdgeFilter;
  /** Largest node count for exact betweenness; above it betweenness is sampled. Default 2000. */
  betweennessExactMax?: number;
  /** Source nodes of sampled betweenness. Default 200. */
  betweennessSamples?: number;
  /** Largest node count sampled from `betweennessSamples` sources; above it fewer (see the
   *  module comment). Default 20,000. */
  betweennessSampledMax?: number;
  /** Seed of every random choice (betweenness sources, Louvain). Default 1. */
  seed?: number;
  /** PageRank damping factor, in (0, 1). Default 0.85. */
  pagerankAlpha?: number;
  /** Louvain resolution (> 0; higher gives more, smaller communities). Default 1. */
  louvainResolution?: number;
}

export const MEASURES_DEFAULTS = {
  measures: MEASURE_NAMES,
  betweennessExactMax: 2000,
  betweennessSamples: 200,
  betweennessSampledMax: 20_000,
  seed: 1,
  pagerankAlpha: 0.85,
  louvainResolution: 1,
} as const;

export interface DegreeMeasures {
  degree: NodeValues;
}
export interface PagerankMeasures {
  pagerank: NodeValues;
}
export interface BetweennessMeasures {
  betweenness: NodeValues;
  betweennessMode: 'exact' | 'sampled';
  /** Sources used, when sampled. */
  samples?: number;
}
export interface CommunityMeasures {
  community: NodeValues;
  communityCount: number;
  modularity: number;
}

/** The result holds exactly the fields of the measures asked for. */
export type Measures<M extends MeasureName = MeasureName> = ('degree' extends M ? DegreeMeasures : unknown) &
  ('pagerank' extends M ? PagerankMeasures : unknown) &
  ('betweenness' extends M ? BetweennessMeasures : unknown) &
  ('communities' extends M ? CommunityMeasures : unknown);

type AllMeasures = DegreeMeasures & PagerankMeasures & BetweennessMeasures & CommunityMeasures;

export function resolveMeasuresOptions<M extends MeasureName>(options: MeasuresOptions<M> | undefined) {
  checkOptions(MODULE, options);
  const resolved = { ...MEASURES_DEFAULTS, ...options };
  const { measures, nodeFilter, edgeFilter, seed, pagerankAlpha } = resolved;
  if (!Array.isArray(measures)) fail(MODULE, 'option measures must be an array of measure names.');
  for (const name of measures) {
    if (!(MEASURE_NAMES as readonly string[]).includes(name)) {
      fail(MODULE, `unknown measure '${String(name)}' (known: ${MEASURE_NAMES.join(', ')}).`);
    }
  }
  if (nodeFilter !== undefined && typeof nodeFilter !== 'function') {
    fail(MODULE, 'option nodeFilter must be a function.');
  }
  if (edgeFilter !== undefined && typeof edgeFilter !== 'function') {
    fail(MODULE, 'option edgeFilter must be a function.');
  }
  checkInteger(MODULE, 'betweennessExactMax', resolved.betweennessExactMax, 0);
  checkInteger(MODULE, 'betweennessSamples', resolved.betweennessSamples, 1);
  checkInteger(MODULE, 'betweennessSampledMax', resolved.betweennessSampledMax, 1);
  if (!Number.isInteger(seed)) fail(MODULE, `option seed must be an integer, got ${String(seed)}.`);
  if (!(pagerankAlpha > 0 && pagerankAlpha < 1)) {
    fail(MODULE, `option pagerankAlpha must be in (0, 1), got ${String(pagerankAlpha)}.`);
  }
  checkPositive(MODULE, 'louvainResolution', resolved.louvainResolution);
  return { ...resolved, measures: new Set<MeasureName>(measures) };
}

/**
 * Renumbers communities 0, 1, 2... by size, largest first, ties by smallest member key. `raw`
 * gives the community of each node number (node numbers are in key order).
 */
function renumberCommunities(raw: ArrayLike<number>): Int32Array {
  const n = raw.length;
  // Size and first (smallest) member of each raw label.
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const id = raw[i] ?? 0;
    size.set(id, (size.get(id) ?? 0) + 1);
    if (!first.has(id)) first.set(id, i);
  }
  const ordered = [...size.keys()].sort(
    (a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || (first.get(a) ?? 0) - (first.get(b) ?? 0),
  );
  const rank = new Map<number, number>(ordered.map((id, index) => [id, index]));
  const community = new Int32Array(n);
  for (let i = 0; i < n; i += 1) community[i] = rank.get(raw[i] ?? 0) ?? 0;
  return community;
}

/** Fewest sources of sampled betweenness above `betweennessSampledMax` nodes. */
export const MIN_BETWEENNESS_SOURCES = 50;

/** Sources of sampled betweenness on n nodes (see the module comment). */
export function betweennessSources(n: number, samples: number, sampledMax: number): number {
  const k =
    n <= sampledMax
      ? samples
      : Math.max(Math.min(samples, MIN_BETWEENNESS_SOURCES), Math.round((samples * sampledMax) / n));
  return Math.min(k, n);
}

export type ResolvedMeasuresOptions = ReturnType<typeof resolveMeasuresOptions>;

/** Betweenness per node number by the rule in the module comment (exact or sampled). */
export function betweennessOfCompact(
  topology: CompactTopology,
  settings: Pick<
    ResolvedMeasuresOptions,
    'betweennessExactMax' | 'betweennessSamples' | 'betweennessSampledMax' | 'seed'
  >,
): { values: Float64Array; mode: 'exact' | 'sampled'; sources: number } {
  const n = orderOf(topology);
  const exact = n <= settings.betweennessExactMax;
  const sources = exact
    ? n
    : betweennessSources(n, settings.betweennessSamples, settings.betweennessSampledMax);
  return {
    values: sampledBetweennessOfCompact(topology, sources, settings.seed),
    mode: exact ? 'exact' : 'sampled',
    sources,
  };
}

/** Louvain communities per node number, renumbered by size (see the module comment). */
export function communitiesOfCompact(
  topology: CompactTopology,
  resolution: number,
  seed: number,
): { values: Int32Array; count: number; modularity: number } {
  const n = orderOf(topology);
  if (topology.size === 0) {
    return { values: Int32Array.from({ length: n }, (_, i) => i), count: n, modularity: 0 };
  }
  const detailed = louvainOfCompact(topology, resolution, mulberry32(seed));
  return {
    values: renumberCommunities(detailed.community),
    count: detailed.count,
    modularity: detailed.modularity,
  };
}

/** The measures asked for on a compact projection (no input checks). */
export function measuresOfCompact(compact: CompactGraph, resolved: ResolvedMeasuresOptions) {
  const { measures, seed } = resolved;
  const { nodes } = compact;
  const n = nodes.length;
  const result: Partial<AllMeasures> = {};
  let betweennessValues: Float64Array | undefined;
  let communityValues: Int32Array | undefined;

  if (measures.has('degree')) {
    const degree: NodeValues = {};
    nodes.forEach((node, i) => {
      degree[node] = (compact.starts[i + 1] ?? 0) - (compact.starts[i] ?? 0);
    });
    result.degree = degree;
  }

  if (measures.has('pagerank')) {
    // graphology-metrics' pagerank cannot run on an empty graph (it never converges).
    result.pagerank =
      n === 0
        ? {}
        : pagerank(graphologyOf(compact), {
            getEdgeWeight: null,
            alpha: resolved.pagerankAlpha,
            maxIterations: 1000,
          });
  }

  if (measures.has('betweenness')) {
    const found = betweennessOfCompact(compact, resolved);
    betweennessValues = found.values;
    result.betweennessMode = found.mode;
    if (found.mode === 'sampled') result.samples = found.sources;
    result.betweenness = byNode(nodes, betweennessValues);
  }

  if (measures.has('communities')) {
    const found = communitiesOfCompact(compact, resolved.louvainResolution, seed);
    communityValues = found.values;
    result.communityCount = found.count;
    result.modularity = found.modularity;
    result.community = byNode(nodes, communityValues);
  }

  return { result, betweennessValues, communityValues };
}

/**
 * Computes the measures asked for (default all) on the undirected simple projection of `graph`.
 * See the module comment for what each one means and the defaults in MEASURES_DEFAULTS.
 */
export function computeMeasures<M extends MeasureName = MeasureName>(
  graph: AbstractGraph,
  options?: MeasuresOptions<M>,
): Measures<M> {
  assertGraph(MODULE, graph);
  const resolved = resolveMeasuresOptions(options);
  const compact = compactProjection(graph, resolved);
  return measuresOfCompact(compact, resolved).result as Measures<M>;
}
