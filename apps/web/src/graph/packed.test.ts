import type { SerializedGraph } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { packGraph, unpackGraph } from './packed.js';

const SOURCE = 'Synthetic data from graph-seed generateDataset (seed 1) for scale tests';

function sample(): SerializedGraph {
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: { truncated: true, maxNodes: 3, nodeCount: 3, edgeCount: 4, center: 'a' },
    nodes: [
      {
        key: 'a',
        attributes: { kind: 'Lab', nameZh: '实验室', nameEn: 'Lab A', label: 'Lab A', version: 2 },
      },
      {
        key: 'b',
        attributes: { kind: 'PrivateFirm', nameZh: '甲', nameEn: 'Firm B', version: 1, focus: ['x', 'y'] },
      },
      { key: 'c', attributes: {} },
    ],
    edges: [
      {
        key: 'e1',
        source: 'a',
        target: 'b',
        attributes: { type: 'OPENS_TO', status: 'active', since: '2021-01-02', source: SOURCE, share: 0.5 },
      },
      {
        key: 'e2',
        source: 'b',
        target: 'a',
        attributes: { type: 'OPENS_TO', status: 'planned', since: '2021-01-02', source: SOURCE, ok: true },
        undirected: false,
      },
      { key: 'e3', source: 'a', target: 'c', attributes: { note: null, nested: { a: 1 } }, undirected: true },
      // A value that looks like a string's index stays a number.
      { key: 'e4', source: 'c', target: 'b', attributes: { type: 'OPENS_TO', count: 0 } },
    ],
  };
}

describe('packGraph / unpackGraph', () => {
  it('gives back the same graph after a structured clone, each distinct string packed once', () => {
    const graph = sample();
    const { packed, transfer } = packGraph(graph);
    expect(packed.strings.filter((s) => s === SOURCE)).toHaveLength(1);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    const received = unpackGraph(structuredClone(packed, { transfer }));
    expect(received.options).toEqual(graph.options);
    expect(received.attributes).toEqual(graph.attributes);
    expect([...received.nodes]).toEqual(graph.nodes);
    const edges = [...received.edges];
    expect(edges).toEqual(graph.edges);
    expect(Object.keys(edges[0]?.attributes ?? {})).toEqual(Object.keys(graph.edges[0]?.attributes ?? {}));
    expect('undirected' in (edges[0] ?? {})).toBe(false);
  });

  it('makes new attribute objects on each reading', () => {
    const received = unpackGraph(packGraph(sample()).packed);
    const first = [...received.nodes];
    const second = [...received.nodes];
    expect(second).toEqual(first);
    expect(second[0]?.attributes).not.toBe(first[0]?.attributes);
  });

  it('packs an empty graph', () => {
    const graph = { ...sample(), nodes: [], edges: [] };
    const received = unpackGraph(packGraph(graph).packed);
    expect([...received.nodes]).toEqual([]);
    expect([...received.edges]).toEqual([]);
  });
});
