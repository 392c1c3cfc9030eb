import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  bothOf,
  buildEcosystem,
  chainScope,
  chainsOfEntity,
  ecosystemIndex,
  inOf,
  outOf,
  ownershipGroupOf,
  proposedOf,
} from './ecosystem.js';
import { randomEcosystem, smallEcosystem } from './fixtures/ecosystem.js';
import { detectGaps, gapCounts } from './gaps/detectGaps.js';
import { computeIndicators } from './indicators/computeIndicators.js';
import { suggestRelations } from './suggestions/suggestRelations.js';

describe('ownershipGroupOf', () => {
  it('takes the ownership attribute, else derives it from the kind', () => {
    expect(ownershipGroupOf({ kind: 'PrivateFirm', ownership: 'mixed' })).toBe('mixed');
    expect(ownershipGroupOf({ kind: 'ChainLeader' })).toBe('state');
    expect(ownershipGroupOf({ kind: 'PrivateFirm' })).toBe('private');
    expect(ownershipGroupOf({ kind: 'Lab', ownerType: 'soe' })).toBe('state');
    expect(ownershipGroupOf({ kind: 'PilotBase', ownerType: 'university' })).toBe('public');
    expect(ownershipGroupOf({ kind: 'Fund', fundType: 'social-capital-led' })).toBe('private');
    expect(ownershipGroupOf({ kind: 'Fund', fundType: 'soe-participating' })).toBe('state');
    expect(ownershipGroupOf({ kind: 'ServiceInstitution' })).toBeNull();
    expect(ownershipGroupOf({ kind: 'Consortium', ownership: 'nonsense' })).toBeNull();
  });
});

describe('buildEcosystem', () => {
  const eco = buildEcosystem(smallEcosystem());

  it('indexes active relations only; planned ones are proposals, ended ones are gone', () => {
    expect(outOf(eco, 'OPENS_TO', 'lab-1')).toEqual(['pf-2']);
    expect(outOf(eco, 'OPENS_TO', 'pb-1')).toEqual([]);
    expect(outOf(eco, 'OPENS_TO', 'lab-2')).toEqual([]);
    expect(proposedOf(eco, 'OPENS_TO', 'pf-3')).toEqual(['pb-1']);
    expect(inOf(eco, 'LOCATED_IN', 'sp-1')).toEqual(['lab-2', 'pf-1', 'si-2']);
    expect(bothOf(eco, 'PAIRED_WITH', 'sp-2')).toEqual(['si-1']);
    expect(chainsOfEntity(eco, 'pf-4')).toEqual([]); // its BELONGS_TO has ended
  });

  it('counts parks in the chains of what they host, consortia in their leaders’ chains', () => {
    expect(chainScope(eco, 'sp-1')).toEqual(['ic-nev']);
    expect(chainScope(eco, 'sp-3')).toEqual([]);
    expect(chainScope(eco, 'cons-1')).toEqual(['ic-nev']);
    expect(chainScope(eco, 'ic-eq')).toEqual(['ic-eq']);
  });
});

describe('ecosystemIndex (one index shared by several analyses)', () => {
  it.each([
    ['the small ecosystem', smallEcosystem, 'ic-nev'],
    ['a random ecosystem (seed 7)', () => randomEcosystem({ seed: 7, firms: 120 }), 'ic-1'],
  ])('gives the same answers as building one per call, on %s', (_name, make, chain) => {
    const graph = make();
    const index = ecosystemIndex(graph);
    expect(detectGaps(graph, undefined, index)).toEqual(detectGaps(graph));
    expect(gapCounts(graph, { chain }, index)).toEqual(gapCounts(graph, { chain }));
    expect(computeIndicators(graph, { chain }, index)).toEqual(computeIndicators(graph, { chain }));
    expect(suggestRelations(graph, { limit: 100 }, index)).toEqual(suggestRelations(graph, { limit: 100 }));
    expect(computeIndicators(graph, undefined, index)).toEqual(computeIndicators(graph));
    // And in any order: what one analysis caches in the index does not change another's answer.
    const fresh = ecosystemIndex(graph);
    expect(computeIndicators(graph, undefined, fresh)).toEqual(computeIndicators(graph));
    expect(detectGaps(graph, undefined, fresh)).toEqual(detectGaps(graph));
  });

  it("refuses an index of another graph or of the graph's earlier state", () => {
    const graph = smallEcosystem();
    const index = ecosystemIndex(graph);
    expect(() => detectGaps(smallEcosystem(), undefined, index)).toThrow(
      /analytics\/detectGaps: the given index was not built from this graph/,
    );
    expect(() => suggestRelations(graph, undefined, {} as never)).toThrow(/not built from this graph/);
    graph.addNode('pf-new', { kind: 'PrivateFirm', nameZh: '新', nameEn: 'New' });
    expect(() => computeIndicators(graph, undefined, index)).toThrow(
      /analytics\/computeIndicators: the graph changed since its index was built \(\d+ nodes and \d+ edges then/,
    );
    expect(() => ecosystemIndex({} as never)).toThrow(/analytics\/ecosystemIndex: the given graph is not/);
  });
});

describe('buildEcosystem with nodes sharing one attribute object', () => {
  it('still numbers the ends of every relation by their keys', () => {
    // graphology keeps the object a node was added with, so two nodes can share one.
    const shared = { kind: 'PrivateFirm', nameZh: '同', nameEn: 'Same' };
    const graph = new MultiDirectedGraph();
    graph.addNode('lab', { kind: 'Lab', ownerType: 'soe', nameZh: '实验室', nameEn: 'Lab' });
    graph.addNode('pf-a', shared);
    graph.addNode('pf-b', shared);
    graph.addEdgeWithKey('o-1', 'lab', 'pf-b', { type: 'OPENS_TO', status: 'active' });
    graph.addEdgeWithKey('s-1', 'pf-a', 'pf-b', { type: 'SUPPLIES', status: 'active' });
    const eco = buildEcosystem(graph);
    expect(outOf(eco, 'OPENS_TO', 'lab')).toEqual(['pf-b']);
    expect(inOf(eco, 'OPENS_TO', 'pf-a')).toEqual([]);
    expect(outOf(eco, 'SUPPLIES', 'pf-a')).toEqual(['pf-b']);
    expect(inOf(eco, 'SUPPLIES', 'pf-b')).toEqual(['pf-a']);
  });
});
