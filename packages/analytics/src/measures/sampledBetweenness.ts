/**
 * Betweenness centrality by Brandes' algorithm from a sample of source nodes (Brandes & Pich,
 * "Centrality estimation in large networks", 2007): k sources drawn without replacement by a
 * seeded PRNG, their dependencies summed and scaled by n / k, so the estimate is unbiased and on
 * the same scale as the exact value. With k = n it is the exact betweenness.
 *
 * Runs on the undirected simple projection (see `undirectedProjection`), unweighted, and
 * normalises like graphology-metrics' `betweenness` with `normalized: true`: the sum over
 * ordered pairs divided by (n − 1)(n − 2), so values lie in [0, 1].
 */
import type { AbstractGraph, CompactGraph, ProjectionOptions } from '../graph.js';
import { compactProjection } from '../graph.js';
import { mulberry32 } from '../random.js';
import { assertGraph, checkInteger, checkOptions, fail } from '../validate.js';

const MODULE = 'sampledBetweenness';

export interface SampledBetweennessOptions extends ProjectionOptions {
  /** How many source nodes to run Brandes from (capped at the node count). Default 200. */
  samples?: number;
  /** Seed of the PRNG that picks the sources. Default 1. */
  seed?: number;
}

export const SAMPLED_BETWEENNESS_DEFAULTS = { samples: 200, seed: 1 } as const;

/**
 * Sampled betweenness of a compact projection, as a value per node number; no input checks.
 * With `samples` >= n every node is a source: the exact betweenness.
 */
export function sampledBetweennessOfCompact(
  compact: CompactGraph,
  samples: number,
  seed: number,
): Float64Array {
  const { starts, neighbours: adjacency } = compact;
  const n = compact.nodes.length;

  // k distinct sources: a partial Fisher–Yates shuffle of 0..n-1.
  const k = Math.min(samples, n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }

  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const stack = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let s = 0; s < k; s++) {
    const source = order[s] ?? 0;
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[source] = 1;
    distance[source] = 0;
    let head = 0;
    let tail = 0;
    let size = 0;
    queue[tail++] = source;
    while (head < tail) {
      const v = queue[head++] ?? 0;
      stack[size++] = v;
      const dv = distance[v] ?? 0;
      for (let e = starts[v] ?? 0, end = starts[v + 1] ?? 0; e < end; e++) {
        const w = adjacency[e] ?? 0;
        if (distance[w] === -1) {
          distance[w] = dv + 1;
          queue[tail++] = w;
        }
        if (distance[w] === dv + 1) sigma[w] = (sigma[w] ?? 0) + (sigma[v] ?? 0);
      }
    }
    // Dependencies, farthest first; predecessors of w are its neighbours one step closer.
    while (size > 0) {
      const w = stack[--size] ?? 0;
      const dw = distance[w] ?? 0;
      const coefficient = (1 + (delta[w] ?? 0)) / (sigma[w] ?? 1);
      for (let e = starts[w] ?? 0, end = starts[w + 1] ?? 0; e < end; e++) {
        const v = adjacency[e] ?? 0;
        if (distance[v] === dw - 1) delta[v] = (delta[v] ?? 0) + (sigma[v] ?? 0) * coefficient;
      }
      if (w !== source) centrality[w] = (centrality[w] ?? 0) + (delta[w] ?? 0);
    }
  }

  const scale = k === 0 ? 0 : (n / k) * (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1);
  for (let i = 0; i < n; i++) centrality[i] = (centrality[i] ?? 0) * scale;
  return centrality;
}

/** Values per node number as a record keyed by node. */
export function byNode(nodes: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const result: Record<string, number> = {};
  nodes.forEach((node, i) => {
    result[node] = values[i] ?? 0;
  });
  return result;
}

/**
 * Sampled betweenness of every node of `graph` (kept by the filters), on its undirected simple
 * projection. Deterministic for a given graph, `samples` and `seed`.
 */
export function sampledBetweenness(
  graph: AbstractGraph,
  options?: SampledBetweennessOptions,
): Record<string, number> {
  assertGraph(MODULE, graph);
  checkOptions(MODULE, options);
  const { samples, seed, nodeFilter, edgeFilter } = { ...SAMPLED_BETWEENNESS_DEFAULTS, ...options };
  checkInteger(MODULE, 'samples', samples, 1);
  if (!Number.isInteger(seed)) fail(MODULE, `option seed must be an integer, got ${String(seed)}.`);
  const compact = compactProjection(graph, { nodeFilter, edgeFilter });
  return byNode(compact.nodes, sampledBetweennessOfCompact(compact, samples, seed));
}
