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
 * - betweenness: normalised to [0, 1] (ordered pairs over (n − 1)(n − 2)); exact
 *   (graphology-metrics, Brandes) up to `betweennessExactMax` nodes, above it sampled Brandes
 *   from `betweennessSamples` sources picked with `seed`, scaled by n / k.
 * - communities: graphology-communities-louvain with a PRNG seeded by `seed`; communities are
 *   renumbered 0, 1, 2... by size (largest first), ties by their smallest node key. A graph
 *   without edges has one community per node and modularity 0.
 */
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { AbstractGraph, EdgeFilter, NodeFilter } from '../graph.js';
import { compareKeys, undirectedProjection } from '../graph.js';
import { mulberry32 } from '../random.js';
import { assertGraph, checkInteger, checkOptions, checkPositive, fail } from '../validate.js';
import { sampledBetweennessOfProjection } from './sampledBetweenness.js';

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

function resolveOptions<M extends MeasureName>(options: MeasuresOptions<M> | undefined) {
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
  if (!Number.isInteger(seed)) fail(MODULE, `option seed must be an integer, got ${String(seed)}.`);
  if (!(pagerankAlpha > 0 && pagerankAlpha < 1)) {
    fail(MODULE, `option pagerankAlpha must be in (0, 1), got ${String(pagerankAlpha)}.`);
  }
  checkPositive(MODULE, 'louvainResolution', resolved.louvainResolution);
  return { ...resolved, measures: new Set<MeasureName>(measures) };
}

/** Renumbers communities 0, 1, 2... by size, largest first, ties by smallest member key. */
function renumberCommunities(raw: Record<string, number>): NodeValues {
  const groups = new Map<number, string[]>();
  for (const node of Object.keys(raw).sort(compareKeys)) {
    const id = raw[node] ?? 0;
    const group = groups.get(id) ?? [];
    if (!groups.has(id)) groups.set(id, group);
    group.push(node);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.length - a.length || compareKeys(a[0] ?? '', b[0] ?? ''),
  );
  const community: NodeValues = {};
  ordered.forEach((group, index) => {
    for (const node of group) community[node] = index;
  });
  return community;
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
  const resolved = resolveOptions(options);
  const { measures, seed } = resolved;
  const projection = undirectedProjection(graph, resolved);
  const nodes = projection.nodes();
  const result: Partial<AllMeasures> = {};

  if (measures.has('degree')) {
    const degree: NodeValues = {};
    for (const node of nodes) degree[node] = projection.degree(node);
    result.degree = degree;
  }

  if (measures.has('pagerank')) {
    // graphology-metrics' pagerank cannot run on an empty graph (it never converges).
    result.pagerank =
      nodes.length === 0
        ? {}
        : pagerank(projection, { getEdgeWeight: null, alpha: resolved.pagerankAlpha, maxIterations: 1000 });
  }

  if (measures.has('betweenness')) {
    if (nodes.length <= resolved.betweennessExactMax) {
      // graphology-metrics' betweenness cannot run on an empty graph either.
      result.betweenness =
        nodes.length === 0
          ? {}
          : betweennessCentrality(projection, { getEdgeWeight: null, normalized: true });
      result.betweennessMode = 'exact';
    } else {
      const samples = Math.min(resolved.betweennessSamples, nodes.length);
      result.betweenness = sampledBetweennessOfProjection(projection, samples, seed);
      result.betweennessMode = 'sampled';
      result.samples = samples;
    }
  }

  if (measures.has('communities')) {
    if (projection.size === 0) {
      result.community = renumberCommunities(Object.fromEntries(nodes.map((node, i) => [node, i])));
      result.communityCount = nodes.length;
      result.modularity = 0;
    } else {
      const detailed = louvain.detailed(projection, {
        getEdgeWeight: null,
        resolution: resolved.louvainResolution,
        rng: mulberry32(seed),
      });
      result.community = renumberCommunities(detailed.communities);
      result.communityCount = detailed.count;
      result.modularity = detailed.modularity;
    }
  }

  return result as Measures<M>;
}
