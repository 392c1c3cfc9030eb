import { describe, expect, it } from 'vitest';
import { buildGraph, reversed, twoTriangles } from '../fixtures/graphs.js';
import { betweennessSources, computeMeasures } from './computeMeasures.js';

describe('computeMeasures', () => {
  it('computes every measure on the undirected simple projection (two triangles, by hand)', () => {
    const measures = computeMeasures(twoTriangles());
    // a has edges to b (three, both ways), c and itself: two distinct neighbours.
    expect(measures.degree).toEqual({ a: 2, b: 2, c: 3, d: 3, e: 2, f: 2 });
    // Bridge ends lie on 2 × 3 of the 15 pairs: 2 × 6 / (5 × 4).
    expect(measures.betweennessMode).toBe('exact');
    expect(measures.samples).toBeUndefined();
    for (const [node, value] of Object.entries({ a: 0, b: 0, c: 0.6, d: 0.6, e: 0, f: 0 })) {
      expect(measures.betweenness[node]).toBeCloseTo(value, 10);
    }
    // Louvain splits at the bridge; equal sizes, so a's community (smaller key) is 0.
    expect(measures.community).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 });
    expect(measures.communityCount).toBe(2);
    // Q = Σ (L_c / m − (d_c / 2m)²) = 2 × (3/7 − (7/14)²) = 5/14.
    expect(measures.modularity).toBeCloseTo(5 / 14, 10);
    // PageRank: symmetric, sums to 1, the bridge ends rank highest.
    const pr = measures.pagerank;
    expect(Object.values(pr).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
    expect(pr.a).toBeCloseTo(pr.f ?? 0, 6);
    expect(pr.c).toBeCloseTo(pr.d ?? 0, 6);
    expect(pr.c ?? 0).toBeGreaterThan(pr.a ?? 0);
  });

  it('computes PageRank on a star (by hand)', () => {
    // Star with centre h and leaves 1..3, α = 0.85, n = 4:
    // leaf = 0.15/4 + 0.85·h/3 and h = 0.15/4 + 3·0.85·leaf
    // ⇒ h = (0.0375 + 2.55 × 0.0375) / (1 − 2.55 × 0.85/3) = 0.133125 / 0.2775 ≈ 0.479730,
    //   leaf = (1 − h)/3 ≈ 0.173423.
    const star = buildGraph(
      [
        ['h', 'ChainLeader'],
        ['l1', 'PrivateFirm'],
        ['l2', 'PrivateFirm'],
        ['l3', 'PrivateFirm'],
      ],
      [
        ['l1', 'h', 'SUPPLIES'],
        ['l2', 'h', 'SUPPLIES'],
        ['h', 'l3', 'PAIRED_WITH'], // direction does not matter
      ],
    );
    const { pagerank } = computeMeasures(star, { measures: ['pagerank'] });
    expect(pagerank.h).toBeCloseTo(0.133125 / 0.2775, 5);
    for (const leaf of ['l1', 'l2', 'l3']) expect(pagerank[leaf]).toBeCloseTo((1 - 0.133125 / 0.2775) / 3, 5);
  });

  it('returns only the measures asked for', () => {
    const measures = computeMeasures(twoTriangles(), { measures: ['degree', 'communities'] });
    expect(Object.keys(measures).sort()).toEqual(['community', 'communityCount', 'degree', 'modularity']);
  });

  it('leaves out filtered nodes and edges', () => {
    // Without c, the triangle a-b-c is a single tie a-b; ended edges dropped change nothing else.
    const measures = computeMeasures(twoTriangles(), {
      nodeFilter: (node, attributes) => node !== 'c' && attributes.hidden !== true,
      edgeFilter: (_edge, attributes) => attributes.status !== 'ended',
    });
    expect(measures.degree).toEqual({ a: 1, b: 1, d: 2, e: 2, f: 2 });
    expect(Object.keys(measures.betweenness).sort()).toEqual(['a', 'b', 'd', 'e', 'f']);
    expect(measures.community).toEqual({ d: 0, e: 0, f: 0, a: 1, b: 1 });
    // Two components: a-b (1 edge) and d-e-f (3 edges), m = 4:
    // Q = (1/4 − (2/8)²) + (3/4 − (6/8)²) = 0.1875 + 0.1875.
    expect(measures.modularity).toBeCloseTo(0.375, 10);
  });

  it('switches to sampled betweenness above betweennessExactMax, with samples = n exact', () => {
    const measures = computeMeasures(twoTriangles(), {
      measures: ['betweenness'],
      betweennessExactMax: 5,
      betweennessSamples: 6,
    });
    expect(measures.betweennessMode).toBe('sampled');
    expect(measures.samples).toBe(6);
    expect(measures.betweenness.c).toBeCloseTo(0.6, 10);
    expect(measures.betweenness.a).toBeCloseTo(0, 10);
  });

  it('samples fewer betweenness sources above betweennessSampledMax nodes, never fewer than 50', () => {
    expect(betweennessSources(10_000, 200, 20_000)).toBe(200);
    expect(betweennessSources(20_000, 200, 20_000)).toBe(200);
    expect(betweennessSources(40_000, 200, 20_000)).toBe(100);
    expect(betweennessSources(90_644, 200, 20_000)).toBe(50);
    expect(betweennessSources(400_000, 200, 20_000)).toBe(50);
    // Never more sources than nodes, and never more than asked for.
    expect(betweennessSources(120, 200, 20_000)).toBe(120);
    expect(betweennessSources(90_000, 30, 20_000)).toBe(30);
    const measures = computeMeasures(twoTriangles(), {
      measures: ['betweenness'],
      betweennessExactMax: 1,
      betweennessSamples: 4,
      betweennessSampledMax: 2,
    });
    expect(measures.samples).toBe(4);
  });

  it('does not depend on insertion order or display attributes', () => {
    const graph = twoTriangles();
    const shuffled = reversed(graph);
    shuffled.forEachNode((node) => {
      shuffled.mergeNodeAttributes(node, { x: Math.random(), size: Math.random() });
    });
    expect(computeMeasures(shuffled)).toEqual(computeMeasures(graph));
  });

  it('handles an empty graph and a graph without edges', () => {
    expect(computeMeasures(buildGraph([], []))).toEqual({
      degree: {},
      pagerank: {},
      betweenness: {},
      betweennessMode: 'exact',
      community: {},
      communityCount: 0,
      modularity: 0,
    });
    const lonely = computeMeasures(
      buildGraph(
        [
          ['b', 'Lab'],
          ['a', 'Lab'],
        ],
        [],
      ),
    );
    expect(lonely.community).toEqual({ a: 0, b: 1 });
    expect(lonely.communityCount).toBe(2);
    expect(lonely.modularity).toBe(0);
    expect(lonely.pagerank).toEqual({ a: 0.5, b: 0.5 });
  });

  it('rejects bad input, naming the module', () => {
    expect(() => computeMeasures(undefined as never)).toThrow(/^analytics\/computeMeasures: /);
    expect(() => computeMeasures(twoTriangles(), { betweennessSamples: -5 })).toThrow(
      'analytics/computeMeasures: option betweennessSamples must be an integer >= 1, got -5.',
    );
    expect(() => computeMeasures(twoTriangles(), { betweennessExactMax: -1 })).toThrow(/betweennessExactMax/);
    expect(() => computeMeasures(twoTriangles(), { measures: ['closeness' as never] })).toThrow(
      /unknown measure 'closeness'/,
    );
    expect(() => computeMeasures(twoTriangles(), { pagerankAlpha: 1 })).toThrow(/pagerankAlpha/);
    expect(() => computeMeasures(twoTriangles(), { nodeFilter: 'hidden' as never })).toThrow(/nodeFilter/);
  });
});
