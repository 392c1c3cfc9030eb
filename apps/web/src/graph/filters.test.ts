import { ViewFilters } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { facetCounts, memberships, timelineDates, visibility } from './filters.js';
import { type EcoGraph, emptyGraph } from './graph.js';

/**
 * chain-a ← cl (state) ← pf1 (private, growth) supplies since 2020; pf2 (private, seed) supplies
 * since 2023 until 2024 (ended); lab opens to pf1 (planned, 2025); pf1 and lab sit in park-x.
 */
function sample(): EcoGraph {
  const g = emptyGraph();
  const node = (key: string, kind: string, extra: Record<string, unknown> = {}) =>
    g.addNode(key, {
      kind: kind as never,
      nameZh: key,
      nameEn: key,
      label: key,
      version: 1,
      x: 0,
      y: 0,
      size: 1,
      color: '#000',
      ...extra,
    });
  node('chain-a', 'IndustryChain');
  node('park-x', 'SciencePark');
  node('cl', 'ChainLeader', { ownership: 'state' });
  node('pf1', 'PrivateFirm', { ownership: 'private', stage: 'growth' });
  node('pf2', 'PrivateFirm', { ownership: 'private', stage: 'seed' });
  node('lab', 'Lab', { ownership: 'state' });
  const edge = (
    key: string,
    source: string,
    target: string,
    type: string,
    status: string,
    since: string,
    until?: string,
  ) =>
    g.addDirectedEdgeWithKey(key, source, target, {
      type: type as never,
      status: status as never,
      since,
      ...(until ? { until } : {}),
      size: 1,
      color: '#000',
    });
  edge('b1', 'cl', 'chain-a', 'BELONGS_TO', 'active', '2018-01-01');
  edge('b2', 'pf1', 'chain-a', 'BELONGS_TO', 'active', '2019-01-01');
  edge('s1', 'pf1', 'cl', 'SUPPLIES', 'active', '2020-05-01');
  edge('s2', 'pf2', 'cl', 'SUPPLIES', 'ended', '2023-01-01', '2024-01-01');
  edge('o1', 'lab', 'pf1', 'OPENS_TO', 'planned', '2025-03-01');
  edge('l1', 'pf1', 'park-x', 'LOCATED_IN', 'active', '2019-01-01');
  edge('l2', 'lab', 'park-x', 'LOCATED_IN', 'active', '2019-06-01');
  return g;
}

const filters = (patch: Partial<ViewFilters> = {}) => ViewFilters.parse(patch);
const sorted = (set: Set<string>) => [...set].sort();

describe('view filters', () => {
  const g = sample();
  const index = memberships(g);

  it('indexes chains, parks and the first relation date of each entity', () => {
    expect(index.chains.get('pf1')).toEqual(['chain-a']);
    expect(index.parks.get('lab')).toEqual(['park-x']);
    expect(index.firstSince.get('pf2')).toBe('2023-01-01');
    expect(index.firstSince.get('chain-a')).toBe('2018-01-01');
  });

  it('shows everything without filters', () => {
    const v = visibility(g, filters(), index);
    expect(v.nodes.size).toBe(6);
    expect(v.edges.size).toBe(7);
  });

  it('hides a kind and the relations at its entities', () => {
    const v = visibility(g, filters({ hiddenKinds: ['PrivateFirm'] }), index);
    expect(sorted(v.nodes)).toEqual(['chain-a', 'cl', 'lab', 'park-x']);
    expect(sorted(v.edges)).toEqual(['b1', 'l2']);
  });

  it('keeps a chain with its members, and a park with its entities', () => {
    expect(sorted(visibility(g, filters({ chain: 'chain-a' }), index).nodes)).toEqual([
      'chain-a',
      'cl',
      'pf1',
    ]);
    expect(sorted(visibility(g, filters({ park: 'park-x' }), index).nodes)).toEqual(['lab', 'park-x', 'pf1']);
  });

  it('matches ownership and stage only on entities that have them', () => {
    expect(sorted(visibility(g, filters({ ownership: 'state' }), index).nodes)).toEqual(['cl', 'lab']);
    expect(sorted(visibility(g, filters({ stage: 'seed' }), index).nodes)).toEqual(['pf2']);
  });

  it('shows the network as it stood on a date', () => {
    const v = visibility(g, filters({ date: '2023-06-30' }), index);
    // The lab appears with its first relation (2019-06-01); its planned opening is not there yet.
    expect(sorted(v.nodes)).toEqual(['chain-a', 'cl', 'lab', 'park-x', 'pf1', 'pf2']);
    expect(sorted(v.edges)).toEqual(['b1', 'b2', 'l1', 'l2', 's1', 's2']);
    const before = visibility(g, filters({ date: '2018-12-31' }), index);
    expect(sorted(before.nodes)).toEqual(['chain-a', 'cl']);
    const after = visibility(g, filters({ date: '2024-06-30' }), index);
    expect(after.edges.has('s2')).toBe(false);
  });

  it('hides relations by kind and status', () => {
    const v = visibility(g, filters({ hiddenRelations: ['BELONGS_TO'], hiddenStatuses: ['planned'] }), index);
    expect(sorted(v.edges)).toEqual(['l1', 'l2', 's1', 's2']);
  });

  it('counts each choice as what taking it would show, other filters kept', () => {
    const counts = facetCounts(g, filters({ hiddenKinds: ['PrivateFirm'], ownership: 'state' }), index);
    // Kinds ignore their own filter: with ownership=state, two entities would show, one of each kind.
    expect(counts.kinds).toEqual({ ChainLeader: 1, Lab: 1 });
    // Ownership ignores its own filter: private firms are hidden by kind, so only state ones count.
    expect(counts.ownership).toEqual({ state: 2 });
    // Relations among what shows (cl and lab): none.
    expect(counts.relations).toEqual({});
    const all = facetCounts(g, filters({ hiddenRelations: ['SUPPLIES'] }), index);
    expect(all.relations.SUPPLIES).toBe(2);
    expect(all.statuses).toEqual({ active: 4, planned: 1 });
    expect(all.chains).toEqual({ 'chain-a': 2 });
    expect(all.parks).toEqual({ 'park-x': 2 });
    expect(all.stage).toEqual({ growth: 1, seed: 1 });
  });

  it('lists the dates at which the network changed, sorted', () => {
    expect(timelineDates(g)).toEqual([
      '2018-01-01',
      '2019-01-01',
      '2019-06-01',
      '2020-05-01',
      '2023-01-01',
      '2024-01-01',
      '2025-03-01',
    ]);
  });
});
