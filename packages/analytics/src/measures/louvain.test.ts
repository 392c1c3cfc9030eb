import { MultiDirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { compactProjection, undirectedProjection } from '../graph.js';
import { mulberry32 } from '../random.js';
import { louvainOfCompact } from './louvain.js';

/** A seeded random multigraph with planted groups, so that Louvain has several levels to climb. */
function plantedGraph(seed: number, n: number, edges: number): MultiDirectedGraph {
  const random = mulberry32(seed);
  const graph = new MultiDirectedGraph();
  for (let i = 0; i < n; i += 1) graph.addNode(`n${i}`);
  const groups = Math.max(2, Math.round(n / 40));
  for (let e = 0; e < edges; e += 1) {
    const a = Math.floor(random() * n);
    // Most edges inside a's group, some across; repeats and self-loops allowed.
    const b =
      random() < 0.8
        ? Math.min(n - 1, (a % groups) + groups * Math.floor(random() * (n / groups)))
        : Math.floor(random() * n);
    graph.addEdge(`n${a}`, `n${b}`);
  }
  return graph;
}

describe('louvainOfCompact', () => {
  it('gives graphology-communities-louvain’s partition, count and modularity for the same PRNG', () => {
    for (const [seed, n, edges, resolution] of [
      [1, 60, 150, 1],
      [2, 300, 900, 1],
      [3, 1000, 2500, 1],
      [4, 500, 2000, 0.5],
      [5, 500, 1200, 2],
      [6, 2000, 3000, 1],
    ] as const) {
      const graph = plantedGraph(seed, n, edges);
      const expected = louvain.detailed(undirectedProjection(graph), {
        getEdgeWeight: null,
        resolution,
        rng: mulberry32(seed),
      });
      const compact = compactProjection(graph);
      const actual = louvainOfCompact(compact, resolution, mulberry32(seed));
      const communities = Object.fromEntries(compact.nodes.map((node, i) => [node, actual.community[i]]));
      expect(communities).toEqual(expected.communities);
      expect(actual.count).toBe(expected.count);
      expect(actual.modularity).toBe(expected.modularity);
    }
  });
});
