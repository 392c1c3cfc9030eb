import { describe, expect, it } from 'vitest';
import { curvatureFor, curveParallelEdges, emptyGraph, mergeSerialized } from './graph.js';
import { graphOf } from './records.js';

const node = (key: string) => ({
  key,
  attributes: { kind: 'PrivateFirm', nameZh: key, nameEn: key, version: 1 },
});
const edge = (key: string, source: string, target: string, type = 'SUPPLIES') => ({
  key,
  source,
  target,
  attributes: { type, status: 'active', since: '2024-01-01' },
});

describe('explorer graph', () => {
  it('spreads parallel relations symmetrically and keeps a lone one straight', () => {
    expect(curvatureFor(0, 1)).toBe(0);
    expect(curvatureFor(0, 2)).toBeCloseTo(-curvatureFor(1, 2));
    expect(curvatureFor(1, 3)).toBe(0);
    expect(Math.abs(curvatureFor(0, 4))).toBeGreaterThan(Math.abs(curvatureFor(0, 2)));
  });

  it('bends two relations between the same entities apart, whichever way each runs', () => {
    const g = emptyGraph();
    mergeSerialized(
      g,
      graphOf(
        [node('a'), node('b'), node('c')],
        [edge('r1', 'a', 'b'), edge('r2', 'b', 'a', 'PAIRED_WITH'), edge('r3', 'a', 'c')],
      ),
    );
    curveParallelEdges(g);
    const c1 = g.getEdgeAttribute('r1', 'curvature') ?? 0;
    const c2 = g.getEdgeAttribute('r2', 'curvature') ?? 0;
    expect(c1).not.toBe(0);
    // r2 runs b→a: the same value, read along its own direction, bends it to the other side.
    expect(c2).toBeCloseTo(c1);
    expect(g.getEdgeAttribute('r3', 'curvature')).toBe(0);
  });

  it('merges without moving placed nodes and places new ones near their neighbours, the same way every time', () => {
    const place = () => {
      const g = emptyGraph();
      mergeSerialized(g, graphOf([node('a')], []));
      g.mergeNodeAttributes('a', { x: 100, y: 50 });
      mergeSerialized(g, graphOf([node('a'), node('n')], [edge('r', 'n', 'a')]));
      return g;
    };
    const g = place();
    expect(g.getNodeAttributes('a')).toMatchObject({ x: 100, y: 50 });
    const { x, y } = g.getNodeAttributes('n');
    expect(Math.hypot(x - 100, y - 50)).toBeLessThan(70);
    expect(place().getNodeAttributes('n')).toMatchObject({ x, y });
  });

  it('skips nodes and relations of kinds the model does not know', () => {
    const g = emptyGraph();
    const result = mergeSerialized(
      g,
      graphOf(
        [node('a'), { key: 'x', attributes: { kind: 'Alien' } }, node('b')],
        [edge('r', 'a', 'b', 'NOT_A_KIND'), edge('s', 'a', 'x')],
      ),
    );
    expect(result.addedNodes.sort()).toEqual(['a', 'b']);
    expect(result.addedEdges).toEqual([]);
  });

  it("keeps the received attribute objects as the graph's own, with the display fields written in", () => {
    const g = emptyGraph();
    const received = graphOf([node('a'), node('b')], [edge('r', 'a', 'b')]);
    const [a] = received.nodes;
    const [r] = received.edges;
    mergeSerialized(g, received);
    expect(g.getNodeAttributes('a')).toBe(a?.attributes);
    expect(g.getNodeAttributes('a')).toMatchObject({
      kind: 'PrivateFirm',
      label: 'a',
      size: 5,
      color: '#999',
    });
    expect(g.getEdgeAttributes('r')).toBe(r?.attributes);
    expect(g.getEdgeAttributes('r')).toMatchObject({ type: 'SUPPLIES', size: 1, color: '#ccc' });
    // An update replaces the data but keeps the position and the curvature already there.
    g.mergeNodeAttributes('a', { x: 7, y: 8 });
    g.setEdgeAttribute('r', 'curvature', 0.3);
    const renamed = graphOf(
      [{ key: 'a', attributes: { kind: 'PrivateFirm', nameZh: '甲', nameEn: 'Renamed', version: 2 } }],
      [{ ...edge('r', 'a', 'b'), attributes: { type: 'SUPPLIES', status: 'planned', since: '2025-01-01' } }],
    );
    mergeSerialized(g, renamed);
    expect(g.getNodeAttributes('a')).toMatchObject({ label: 'Renamed', version: 2, x: 7, y: 8 });
    expect(g.getEdgeAttributes('r')).toMatchObject({ status: 'planned', curvature: 0.3 });
  });
});
