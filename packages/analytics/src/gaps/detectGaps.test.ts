import { describe, expect, it } from 'vitest';
import { randomEcosystem, smallEcosystem } from '../fixtures/ecosystem.js';
import { buildGraph, reversed } from '../fixtures/graphs.js';
import { accessGaps } from './accessGaps.js';
import { bridgingGaps } from './bridgingGaps.js';
import { capabilityGaps } from './capabilityGaps.js';
import { capitalGaps } from './capitalGaps.js';
import { closedPlatformGaps } from './closedPlatformGaps.js';
import { compareGaps } from './common.js';
import { consortiumGaps } from './consortiumGaps.js';
import { detectGaps, gapCounts, listGaps } from './detectGaps.js';
import { pairingGaps } from './pairingGaps.js';

const graph = smallEcosystem();
const brief = (items: { entity: string; severity: number }[]) => items.map((i) => [i.entity, i.severity]);

describe('accessGaps', () => {
  it('lists private firms in a chain that no platform actively opens to (by hand)', () => {
    const items = accessGaps(graph);
    // pf-1: 0.4 + 0.15 × 1 leader + 0.2 × growth + 0.1 advanced; pf-3: 0.4 + 0.15 (mature).
    // pf-2 has an active opening; pf-4's chain membership has ended.
    expect(brief(items)).toEqual([
      ['pf-1', 0.85],
      ['pf-3', 0.55],
    ]);
    expect(items[0]).toEqual({
      type: 'access',
      entity: 'pf-1',
      severity: 0.85,
      reasons: {
        zh: '民营企业，属于NEV chain（中）；成长期；提供高端服务；为1家链主企业配套（Leader A（中））；未获得任何实验室或中试基地开放',
        en: 'Private firm in NEV chain; growth stage; offers advanced services; supplies 1 chain leader (Leader A); reaches no open lab or pilot base',
      },
      involved: ['cl-a', 'ic-nev'],
    });
  });

  it('names planned openings, which do not close the gap', () => {
    const pf3 = accessGaps(graph).find((i) => i.entity === 'pf-3');
    expect(pf3?.reasons.en).toContain('1 opening only planned: Pilot base 1');
    expect(pf3?.involved).toEqual(['cl-b', 'ic-eq', 'pb-1']);
  });
});

describe('closedPlatformGaps', () => {
  it('lists labs and pilot bases with no active opening (by hand)', () => {
    // pb-1: 0.4 + 0.3 SOE + 0.2 × 1/10 unserved (pf-3) + 0 closed;
    // lab-2: 0.4 + 0 + 0.2 × 1/10 (pf-1) + 0.1 declared open.
    const items = closedPlatformGaps(graph);
    expect(brief(items)).toEqual([
      ['pb-1', 0.72],
      ['lab-2', 0.52],
    ]);
    expect(items[0]?.reasons.en).toBe(
      'State-owned pilot base in Equipment chain; operated by Leader B; opens to no firm; declared closed; 1 private firm of its chain reaches no lab or pilot base; 1 opening only planned',
    );
    expect(items[0]?.involved).toEqual(['cl-b', 'ic-eq']);
  });
});

describe('pairingGaps', () => {
  it('lists parks with no active service partner (by hand)', () => {
    // sp-1: 0.4 + 0.4 × 1/20 firms + 0.2 national; sp-3: 0.4 (empty, district level).
    const items = pairingGaps(graph);
    expect(brief(items)).toEqual([
      ['sp-1', 0.62],
      ['sp-3', 0.4],
    ]);
    expect(items[0]?.reasons.en).toBe(
      'National science park in D1; hosts 1 private firm; no active paired service institution (pairing with Service 2 only planned)',
    );
    expect(items[0]?.involved).toEqual(['si-2']);
  });
});

describe('capitalGaps', () => {
  it('lists growth-stage firms no fund actively invests in, chain or not (by hand)', () => {
    // pf-1: 0.5 + 0.1 × 1 leader + 0.2 × under 10M + 0.1 advanced; pf-4: 0.5 + 0.2 × 0.25.
    expect(brief(capitalGaps(graph))).toEqual([
      ['pf-1', 0.9],
      ['pf-4', 0.55],
    ]);
  });
});

describe('consortiumGaps', () => {
  it("lists a chain's firms outside every consortium of the chain (by hand)", () => {
    // cons-1 counts in NEV through its leader cl-a. pf-1 supplies cl-a (+0.3) and its capability
    // matches cons-1's focus 'Intelligent Cockpit' case-insensitively (+0.3). The equipment chain
    // has no consortium, so pf-3 is not excluded from anything.
    const items = consortiumGaps(graph);
    expect(brief(items)).toEqual([['pf-1', 1]]);
    expect(items[0]?.reasons.en).toBe(
      "Private firm in NEV chain; supplies Leader A, which leads Consortium 1; its capability 'intelligent cockpit' matches the focus of Consortium 1; member of none of its chain's 1 consortium",
    );
    expect(items[0]?.involved).toEqual(['cons-1', 'ic-nev']);
  });
});

describe('capabilityGaps', () => {
  it('splits needs into sourced, unsourced and missing (by hand)', () => {
    // cl-a: 'intelligent cockpit' sourced (pf-1 supplies it), 'OTA updates' offered by pf-1 but
    // not supplied, 'lidar perception' offered by nobody: (1 + 0.5) / 3. cl-b's one need is
    // sourced through its supplier's capabilities (the SUPPLIES names none).
    const items = capabilityGaps(graph);
    expect(brief(items)).toEqual([['cl-a', 0.5]]);
    expect(items[0]?.reasons.en).toBe(
      "Chain leader in NEV chain; needs 3 capabilities; no local firm offers 'lidar perception'; local firms offer but none supplies it with 'OTA updates'",
    );
    expect(items[0]?.involved).toEqual(['ic-nev', 'pf-1']);
  });
});

describe('bridgingGaps', () => {
  it('flags chains with few SOE–private ties or brokers (by hand)', () => {
    // NEV: 2 of 6 ties SOE–private (1/3 ≥ 0.25), brokers cl-a, fund-1, lab-1 (3) → no gap.
    // Equipment: 1 of 2 ties (0.5), one broker (cl-b) → 0.4 × (1 − 1/3).
    const items = bridgingGaps(graph);
    expect(brief(items)).toEqual([['ic-eq', 0.2667]]);
    expect(items[0]?.involved).toEqual(['cl-b']);
    expect(items[0]?.reasons.en).toBe(
      'Equipment chain; 1 of its 2 ties between organisations join an SOE and a private firm (50%, target 25%); 1 organisation brokers between the SOE and private worlds (Leader B; target 3)',
    );
    // A stricter share target flags NEV too: 0.6 × (1 − (1/3) / 0.5); equipment's 0.5 meets it.
    const strict = bridgingGaps(graph, { bridgingTargetShare: 0.5 });
    expect(brief(strict)).toEqual([
      ['ic-eq', 0.2667],
      ['ic-nev', 0.2],
    ]);
  });

  it('gives a chain with no ties the full severity', () => {
    const lonely = buildGraph([['ic', 'IndustryChain']], []);
    expect(brief(bridgingGaps(lonely))).toEqual([['ic', 1]]);
  });
});

describe('detectGaps', () => {
  it('returns every item in one order: severity desc, then entity, then type', () => {
    const items = detectGaps(graph);
    expect(items.map((i) => [i.type, i.entity, i.severity])).toEqual([
      ['consortiumExclusion', 'pf-1', 1],
      ['capital', 'pf-1', 0.9],
      ['access', 'pf-1', 0.85],
      ['closedPlatform', 'pb-1', 0.72],
      ['pairing', 'sp-1', 0.62],
      ['access', 'pf-3', 0.55],
      ['capital', 'pf-4', 0.55],
      ['closedPlatform', 'lab-2', 0.52],
      ['capability', 'cl-a', 0.5],
      ['pairing', 'sp-3', 0.4],
      ['bridging', 'ic-eq', 0.2667],
    ]);
    expect(gapCounts(graph)).toEqual({
      access: 2,
      closedPlatform: 2,
      pairing: 2,
      capital: 2,
      consortiumExclusion: 1,
      capability: 1,
      bridging: 1,
    });
  });

  it('keeps the types asked for and the entities of one chain', () => {
    expect(detectGaps(graph, { types: ['pairing', 'capital'] }).map((i) => i.entity)).toEqual([
      'pf-1',
      'sp-1',
      'pf-4',
      'sp-3',
    ]);
    // Equipment: pf-3, pb-1, cl-b's chain itself. sp-3 hosts nobody, so it is in no chain.
    expect(detectGaps(graph, { chain: 'ic-eq' }).map((i) => [i.type, i.entity])).toEqual([
      ['closedPlatform', 'pb-1'],
      ['access', 'pf-3'],
      ['bridging', 'ic-eq'],
    ]);
    expect(gapCounts(graph, { chain: 'ic-nev', types: ['access'] }).access).toBe(1);
  });

  it('does not depend on the order the graph was built in, and leaves the graph as it is', () => {
    const before = JSON.stringify(graph.export());
    expect(detectGaps(reversed(graph))).toEqual(detectGaps(graph));
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it('treats a planned relation as no tie until it is active', () => {
    const activated = smallEcosystem();
    activated.setEdgeAttribute(
      activated.findEdge((_e, a, s, t) => s === 'pb-1' && t === 'pf-3' && a.type === 'OPENS_TO') ?? '',
      'status',
      'active',
    );
    const counts = gapCounts(activated);
    expect(counts.access).toBe(1);
    expect(counts.closedPlatform).toBe(1);
  });

  it('rejects bad input with errors naming the module', () => {
    expect(() => detectGaps({} as never)).toThrow(/^analytics\/detectGaps: the given graph/);
    expect(() => detectGaps(graph, { types: ['nope' as never] })).toThrow(
      "analytics/detectGaps: unknown gap type 'nope'",
    );
    expect(() => detectGaps(graph, { chain: 'pf-1' })).toThrow(
      /^analytics\/detectGaps: option chain must be/,
    );
    expect(() => accessGaps(graph, { chain: 'missing' })).toThrow(/^analytics\/accessGaps: option chain/);
    expect(() => bridgingGaps(graph, { bridgingMinBrokers: 0 })).toThrow(
      /^analytics\/bridgingGaps: option bridgingMinBrokers must be an integer >= 1/,
    );
    expect(() => detectGaps(graph, 3 as never)).toThrow('analytics/detectGaps: options must be an object');
  });
});

describe('listGaps', () => {
  const graphs = {
    small: [smallEcosystem(), 'ic-nev'],
    'random (seed 3)': [randomEcosystem({ seed: 3, firms: 300 }), 'ic-1'],
    'random (seed 9)': [randomEcosystem({ seed: 9, firms: 300, labs: 12, funds: 8 }), 'ic-0'],
  } as const;
  for (const [name, [g, chainKey]] of Object.entries(graphs)) {
    it(`lists the entries of detectGaps, counts them and describes each as detectGaps does (${name})`, () => {
      const items = detectGaps(g);
      const list = listGaps(g);
      expect(list.entries).toEqual(items.map(({ type, entity, severity }) => ({ type, entity, severity })));
      expect(list.entries.map(list.describe)).toEqual(items);
      expect(list.entries).toEqual([...list.entries].sort(compareGaps));
      expect(list.counts).toEqual(gapCounts(g));
      expect(Object.values(list.counts).reduce((a, b) => a + b, 0)).toBe(items.length);
      const chain = listGaps(g, { chain: chainKey, types: ['access', 'bridging'] });
      expect(chain.entries.map(chain.describe)).toEqual(
        detectGaps(g, { chain: chainKey, types: ['access', 'bridging'] }),
      );
    });
  }

  it('scores a consortium exclusion by what its reasons name (found and described apart)', () => {
    // The severity is found without the lists the reasons are written from: 0.3 when a supplied
    // leader leads one of the chain's consortia ("which leads"), 0.3 when a capability matches a
    // consortium's focus ("matches the focus").
    const g = randomEcosystem({ seed: 11, firms: 400 });
    const items = detectGaps(g, { types: ['consortiumExclusion'] });
    const seen = new Set<number>();
    for (const item of items) {
      const led = item.reasons.en.includes(', which leads ');
      const matched = item.reasons.en.includes('matches the focus of');
      expect(item.severity).toBe(Math.round((0.4 + (led ? 0.3 : 0) + (matched ? 0.3 : 0)) * 10_000) / 10_000);
      seen.add(item.severity);
    }
    expect([...seen].sort()).toEqual([0.4, 0.7, 1]);
  });
});
