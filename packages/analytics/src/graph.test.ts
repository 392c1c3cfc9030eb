import { describe, expect, it } from 'vitest';
import { buildGraph, twoChains, twoParks, twoTriangles } from './fixtures/graphs.js';
import { chainOf, chainsOf, parkOf, parksOf, undirectedProjection } from './graph.js';

describe('chainOf / chainsOf', () => {
  const graph = twoChains();

  it('a chain node is its own chain', () => {
    expect(chainOf(graph, 'ic-a')).toBe('ic-a');
    expect(chainsOf(graph, 'ic-a')).toEqual(['ic-a']);
  });

  it('prefers active memberships, then a BELONGS_TO with a position, then the smallest id', () => {
    expect(chainOf(graph, 'pf-1')).toBe('ic-a');
    expect(chainOf(graph, 'pf-2')).toBe('ic-b'); // position set towards ic-b only
    expect(chainOf(graph, 'pf-3')).toBe('ic-a'); // no positions: smallest id
    expect(chainOf(graph, 'pf-4')).toBe('ic-b'); // ic-a membership ended (even with a position)
    expect(chainOf(graph, 'sp-1')).toBeNull();
  });

  it('lists every chain, sorted, whatever the status', () => {
    expect(chainsOf(graph, 'pf-2')).toEqual(['ic-a', 'ic-b']);
    expect(chainsOf(graph, 'pf-4')).toEqual(['ic-a', 'ic-b']);
    expect(chainsOf(graph, 'si-1')).toEqual([]);
  });

  it('ignores BELONGS_TO edges to nodes that are not chains', () => {
    const odd = buildGraph(
      [
        ['pf-1', 'PrivateFirm'],
        ['pf-2', 'PrivateFirm'],
      ],
      [['pf-1', 'pf-2', 'BELONGS_TO']],
    );
    expect(chainOf(odd, 'pf-1')).toBeNull();
  });
});

describe('parkOf / parksOf', () => {
  const graph = twoParks();

  it('a park is in itself; several parks → the smallest id; ended stays last', () => {
    expect(parkOf(graph, 'sp-b')).toBe('sp-b');
    expect(parkOf(graph, 'pf-2')).toBe('sp-a');
    expect(parkOf(graph, 'pf-3')).toBe('sp-b');
    expect(parkOf(graph, 'cl-1')).toBeNull();
    expect(parksOf(graph, 'pf-3')).toEqual(['sp-a', 'sp-b']);
    expect(parksOf(graph, 'si-1')).toEqual(['sp-a']); // two edges to sp-a, listed once
  });
});

describe('undirectedProjection', () => {
  it('collapses parallel and opposite edges, drops self-loops, sorts nodes', () => {
    const projection = undirectedProjection(twoTriangles());
    expect(projection.type).toBe('undirected');
    expect(projection.multi).toBe(false);
    expect(projection.nodes()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(projection.size).toBe(7); // a-b, b-c, a-c, c-d, d-e, e-f, d-f
    expect(projection.hasEdge('a', 'a')).toBe(false);
    expect(projection.getNodeAttributes('a')).toEqual({});
  });

  it('leaves out filtered nodes, their edges and filtered edges', () => {
    const projection = undirectedProjection(twoTriangles(), {
      nodeFilter: (node) => node !== 'e',
      edgeFilter: (_edge, attributes, source) => attributes.status !== 'ended' && source !== 'c',
    });
    expect(projection.nodes()).toEqual(['a', 'b', 'c', 'd', 'f']);
    // c→a and c→d are filtered; d→c is ended; e's edges go with e.
    expect(projection.edges().map((edge) => projection.extremities(edge).join('-'))).toEqual([
      'a-b',
      'b-c',
      'd-f',
    ]);
  });
});
