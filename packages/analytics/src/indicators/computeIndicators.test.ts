import { networkMeasureValuesSchema } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { ecosystemIndex } from '../ecosystem.js';
import { randomEcosystem, smallEcosystem } from '../fixtures/ecosystem.js';
import { reversed } from '../fixtures/graphs.js';
import { computeIndicators, networkMeasureValues, tieNetwork } from './computeIndicators.js';

const graph = smallEcosystem();
const s = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

describe('computeIndicators', () => {
  it('computes the shares overall and per chain (by hand)', () => {
    const { overall, chains } = computeIndicators(graph, { network: false });
    expect(overall.shares).toEqual({
      privateFirmsWithAccess: s(1, 3), // pf-1, pf-2, pf-3 are in chains; lab-1 opens to pf-2
      soePlatformsOpen: s(1, 2), // lab-1 serves pf-2, pb-1 nobody (lab-2 is a university's)
      parksPaired: s(1, 3), // sp-2 with si-1
      growthFirmsFunded: s(0, 2), // pf-1, pf-4
      consortiumInclusion: s(1, 2), // NEV has cons-1: pf-2 in, pf-1 out; equipment has none
      leaderNeedsSourced: s(2, 4), // cl-a 1 of 3, cl-b 1 of 1
      crossOwnershipTies: s(5, 8), // 2 SUPPLIES, OPENS_TO, BACKS, INVESTS_IN of 8 known ties
      soePrivateTies: s(3, 8), // the SUPPLIES and OPENS_TO
    });
    expect(overall.soePrivateBrokers).toBe(4);
    expect(chains.map((c) => c.chain)).toEqual(['ic-eq', 'ic-nev']);
    const [eq, nev] = chains;
    expect(eq?.shares).toEqual({
      privateFirmsWithAccess: s(0, 1),
      soePlatformsOpen: s(0, 1),
      parksPaired: s(0, 0),
      growthFirmsFunded: s(0, 0),
      consortiumInclusion: s(0, 0),
      leaderNeedsSourced: s(1, 1),
      crossOwnershipTies: s(1, 2),
      soePrivateTies: s(1, 2),
    });
    expect(nev?.shares).toEqual({
      privateFirmsWithAccess: s(1, 2),
      soePlatformsOpen: s(1, 1),
      parksPaired: s(1, 2), // sp-1 and sp-2 host NEV organisations
      growthFirmsFunded: s(0, 1),
      consortiumInclusion: s(1, 2),
      leaderNeedsSourced: s(1, 3),
      crossOwnershipTies: s(4, 6), // the si-1 pairing counts in NEV, public–public
      soePrivateTies: s(2, 6),
    });
    expect(nev?.soePrivateBrokers).toBe(3);
    expect(eq?.name).toEqual({ zh: 'Equipment chain（中）', en: 'Equipment chain' });
  });

  it('ranks brokers, and gives constraint, betweenness, communities and their bridges', () => {
    const network = computeIndicators(graph, { topBrokers: 2 }).network;
    if (!network) throw new Error('network expected');
    // Ties: pf-1–cl-a, cl-a–lab-1, lab-1–pf-2, cl-a–fund-1, fund-1–pf-2, cl-a–cons-1, pf-2–cons-1,
    // pf-3–cl-b, cl-b–pb-1, si-1–sp-2. cl-a brokers two pairs; cl-b, lab-1 and fund-1 one SOE–private
    // pair each, and cl-b has the highest betweenness of the three (pf-3–pb-1 runs only through it,
    // while lab-1 and fund-1 share their paths with each other and cons-1).
    expect(network.brokers.map((b) => b.node)).toEqual(['cl-a', 'cl-b']);
    expect(network.brokers[0]).toMatchObject({ kind: 'ChainLeader', ownership: 'state' });
    // cl-b has two neighbours, pf-3 and pb-1, not tied to each other: 2 × (1/2)².
    expect(network.constraint['cl-b']).toBeCloseTo(0.5, 12);
    expect(network.constraint['pf-3']).toBeCloseTo(1, 12);
    expect(network.betweenness['cl-b']).toBeGreaterThan(0);
    expect(network.betweennessMode).toBe('exact');
    // Nodes without any active tie (chains, lab-2, sp-1, sp-3...) are left out of the measures.
    expect(Object.keys(network.communities.membership).sort()).toEqual(
      ['cl-a', 'cl-b', 'cons-1', 'fund-1', 'lab-1', 'pb-1', 'pf-1', 'pf-2', 'pf-3', 'si-1', 'sp-2'].sort(),
    );
    // Three connected components, so at least three communities and no tie between them.
    expect(network.communities.count).toBeGreaterThanOrEqual(3);
    const sizes = network.communities.summaries.map((c) => c.size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(11);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const bridge of network.bridges) {
      expect(bridge.communities[0]).toBeLessThan(bridge.communities[1]);
      expect(bridge.edges.length).toBeLessThanOrEqual(5);
    }
  });

  it('restricts the chain list to one chain and is deterministic', () => {
    const one = computeIndicators(graph, { chain: 'ic-nev' });
    expect(one.chains.map((c) => c.chain)).toEqual(['ic-nev']);
    expect(computeIndicators(reversed(graph))).toEqual(computeIndicators(graph));
  });

  it('rejects bad options with errors naming the module', () => {
    expect(() => computeIndicators(graph, { topBrokers: -1 })).toThrow(
      'analytics/computeIndicators: option topBrokers must be an integer >= 0',
    );
    expect(() => computeIndicators(graph, { chain: 'cl-a' })).toThrow(
      /^analytics\/computeIndicators: option chain must be the key of an IndustryChain/,
    );
    expect(() => computeIndicators(null as never)).toThrow(/^analytics\/computeIndicators: the given graph/);
  });

  it('takes the network measures computed apart (as the API worker does) with the same result', () => {
    for (const [seed, options] of [
      [3, {}],
      [8, { seed: 5, betweennessExactMax: 10, betweennessSamples: 7, louvainResolution: 0.8 }],
    ] as const) {
      const random = randomEcosystem({ seed, firms: 60 });
      const index = ecosystemIndex(random);
      const topology = tieNetwork(random, index);
      expect(topology.starts.length - 1).toBeGreaterThan(10);
      const values = networkMeasureValuesSchema.parse(networkMeasureValues(topology, options));
      expect(values.betweennessMode).toBe('seed' in options ? 'sampled' : 'exact');
      // A copy, as a worker thread receives it, gives the same values.
      const copied = {
        starts: Int32Array.from(topology.starts),
        neighbours: Int32Array.from(topology.neighbours),
        size: topology.size,
      };
      expect(networkMeasureValues(copied, options)).toEqual(values);
      const handed = computeIndicators(random, options, index, values);
      expect(handed).toEqual(computeIndicators(random, options));
      expect(handed.network?.betweennessMode).toBe(values.betweennessMode);
    }
  });

  it('refuses network measures of another graph or other settings', () => {
    const random = randomEcosystem({ seed: 3, firms: 60 });
    const index = ecosystemIndex(random);
    const values = networkMeasureValues(tieNetwork(random, index));
    const other = networkMeasureValues(tieNetwork(graph));
    expect(() => computeIndicators(random, {}, index, other)).toThrow(
      /^analytics\/computeIndicators: the given network measures are for 11 nodes but this graph's tie network has \d+/,
    );
    expect(() => computeIndicators(random, { seed: 2 }, index, values)).toThrow(
      'analytics/computeIndicators: the given network measures were computed with seed 1, these options use 2.',
    );
    // Without the network part the measures are not read.
    expect(computeIndicators(random, { network: false }, index, other).network).toBeNull();
  });
});
