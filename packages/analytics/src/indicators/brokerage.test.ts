import { describe, expect, it } from 'vitest';
import { buildEcosystem } from '../ecosystem.js';
import { smallEcosystem } from '../fixtures/ecosystem.js';
import type { NodeSpec } from '../fixtures/graphs.js';
import { buildGraph } from '../fixtures/graphs.js';
import { undirectedProjection } from '../graph.js';
import { mulberry32 } from '../random.js';
import type { BrokerageCounts } from './brokerage.js';
import { brokerageOf, constraintOf } from './brokerage.js';

const firm = (id: string, ownership: string): NodeSpec => [id, 'PrivateFirm', id, { ownership }];

describe('brokerageOf (Gould–Fernandez)', () => {
  it('counts every role of one broker, leaving out closed and reciprocal pairs (by hand)', () => {
    // B is state-owned; a1 → B (and B ↔ a1 paired), a2 → B, a3 → B, B → c1, B → c2, a2 → c1.
    // Pairs through B: (a1, c1) coordinator, (a1, c2) representative, (a2, a1) gatekeeper,
    // (a2, c2) itinerant, (a3, a1) and (a3, c1) gatekeeper, (a3, c2) liaison; (a1, a1) is the
    // same node, (a2, c1) is closed by the tie a2 → c1. SOE–private pairs: (a1, c2), (a2, a1).
    const graph = buildGraph(
      [
        firm('B', 'state'),
        firm('a1', 'state'),
        firm('a2', 'private'),
        firm('a3', 'public'),
        firm('c1', 'state'),
        firm('c2', 'private'),
        ['ic', 'IndustryChain'],
      ],
      [
        ['a1', 'B', 'SUPPLIES'],
        ['B', 'a1', 'PAIRED_WITH'],
        ['a2', 'B', 'SUPPLIES'],
        ['a3', 'B', 'SUPPLIES'],
        ['B', 'c1', 'SUPPLIES'],
        ['B', 'c2', 'SUPPLIES'],
        ['a2', 'c1', 'SUPPLIES'],
        ['c2', 'B', 'SUPPLIES', { status: 'planned' }], // not a tie
        ['a1', 'ic', 'BELONGS_TO'], // not a tie
      ],
    );
    const brokerage = brokerageOf(buildEcosystem(graph));
    expect([...brokerage.keys()]).toEqual(['B']);
    expect(brokerage.get('B')).toEqual({
      coordinator: 1,
      itinerant: 1,
      representative: 1,
      gatekeeper: 3,
      liaison: 1,
      total: 7,
      soePrivate: 2,
    });
  });

  it('finds the brokers of the small ecosystem (by hand)', () => {
    const brokerage = brokerageOf(buildEcosystem(smallEcosystem()));
    const one = (role: keyof BrokerageCounts, extra: Partial<BrokerageCounts> = {}) => ({
      coordinator: 0,
      itinerant: 0,
      representative: 0,
      gatekeeper: 0,
      liaison: 0,
      total: 1,
      soePrivate: 1,
      [role]: 1,
      ...extra,
    });
    // cl-a: pf-1 → cl-a → lab-1 (gatekeeper, SOE–private) and → fund-1 (liaison, private–public).
    expect(brokerage.get('cl-a')).toEqual({ ...one('gatekeeper'), liaison: 1, total: 2 });
    expect(brokerage.get('lab-1')).toEqual(one('representative')); // cl-a → lab-1 → pf-2
    expect(brokerage.get('fund-1')).toEqual(one('liaison')); // cl-a → fund-1 → pf-2
    expect(brokerage.get('cl-b')).toEqual(one('gatekeeper')); // pf-3 → cl-b → pb-1
    expect(brokerage.size).toBe(4);
  });

  it('agrees with brute force on random graphs, whichever side closed pairs are found from', () => {
    const groups = ['state', 'private', 'mixed', 'public'];
    for (let seed = 1; seed <= 20; seed += 1) {
      const random = mulberry32(seed);
      const n = 12;
      const nodes = Array.from({ length: n }, (_, i) =>
        firm(`n${i}`, groups[Math.floor(random() * 4)] ?? 'state'),
      );
      const edges: [string, string, 'SUPPLIES' | 'PAIRED_WITH'][] = [];
      // From sparse to dense, so that both ways of finding closed pairs are used.
      for (let e = 0; e < 10 + seed * 4; e += 1) {
        const a = Math.floor(random() * n);
        const b = Math.floor(random() * n);
        edges.push([`n${a}`, `n${b}`, random() < 0.2 ? 'PAIRED_WITH' : 'SUPPLIES']);
      }
      const graph = buildGraph(nodes, edges);
      const ties = new Set<string>();
      for (const [a, b, type] of edges) {
        if (a === b) continue;
        ties.add(`${a}>${b}`);
        if (type === 'PAIRED_WITH') ties.add(`${b}>${a}`);
      }
      const group = (id: string) => graph.getNodeAttribute(id, 'ownership') as string;
      const ids = nodes.map(([id]) => id);
      const expected = new Map<string, Record<string, number>>();
      for (const b of ids) {
        const counts: Record<string, number> = { total: 0, soePrivate: 0 };
        for (const a of ids) {
          for (const c of ids) {
            if (a === c || a === b || c === b) continue;
            if (!ties.has(`${a}>${b}`) || !ties.has(`${b}>${c}`) || ties.has(`${a}>${c}`)) continue;
            const [ga, gb, gc] = [group(a), group(b), group(c)];
            const role =
              ga === gb
                ? gc === gb
                  ? 'coordinator'
                  : 'representative'
                : gc === gb
                  ? 'gatekeeper'
                  : ga === gc
                    ? 'itinerant'
                    : 'liaison';
            counts[role] = (counts[role] ?? 0) + 1;
            counts.total = (counts.total ?? 0) + 1;
            if (new Set([ga, gc]).size === 2 && [ga, gc].includes('state') && [ga, gc].includes('private')) {
              counts.soePrivate = (counts.soePrivate ?? 0) + 1;
            }
          }
        }
        if ((counts.total ?? 0) > 0) expected.set(b, counts);
      }
      const actual = brokerageOf(buildEcosystem(graph));
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [node, counts] of actual) {
        for (const [role, value] of Object.entries(counts))
          expect(value).toBe(expected.get(node)?.[role] ?? 0);
      }
    }
  });
});

describe('constraintOf (Burt)', () => {
  const projection = (edges: [string, string][]) => {
    const ids = [...new Set(edges.flat())];
    return undirectedProjection(
      buildGraph(
        ids.map((id): NodeSpec => [id, 'PrivateFirm']),
        edges.map(([a, b]) => [a, b, 'SUPPLIES']),
      ),
    );
  };

  it('gives a star centre 1/k and its leaves 1', () => {
    const c = constraintOf(
      projection([
        ['h', 'l1'],
        ['h', 'l2'],
        ['h', 'l3'],
      ]),
    );
    expect(c.h).toBeCloseTo(1 / 3, 12);
    for (const leaf of ['l1', 'l2', 'l3']) expect(c[leaf]).toBeCloseTo(1, 12);
  });

  it('computes a triangle with a pendant node (by hand, as networkx does)', () => {
    // a: (1 + 1/3)² / 4 (via b, common neighbour c of degree 3) + (1 + 1/2)² / 4 (via c) = 1.00694;
    // c: 2 × (1 + 1/2)² / 9 + 1 / 9 = 0.61111; d: 1.
    const c = constraintOf(
      projection([
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
        ['c', 'd'],
      ]),
    );
    expect(c.a).toBeCloseTo(1.0069444444, 9);
    expect(c.b).toBeCloseTo(1.0069444444, 9);
    expect(c.c).toBeCloseTo(0.6111111111, 9);
    expect(c.d).toBeCloseTo(1, 12);
  });

  it('gives isolated nodes no value', () => {
    const graph = buildGraph([['x', 'PrivateFirm']], []);
    expect(constraintOf(undirectedProjection(graph))).toEqual({});
  });
});
