import { describe, expect, it } from 'vitest';
import { type RandomEcosystemOptions, randomEcosystem, smallEcosystem } from '../fixtures/ecosystem.js';
import { buildGraph, reversed } from '../fixtures/graphs.js';
import { ScoreFloor, words } from './common.js';
import { suggestRelations } from './suggestRelations.js';

const graph = smallEcosystem();
const brief = (items: { from: string; to: string; score: number }[]) =>
  items.map((s) => [s.from, s.to, s.score]);
const values = (item: { factors: { name: string; value: number }[] } | undefined) =>
  Object.fromEntries((item?.factors ?? []).map((f) => [f.name, f.value]));

describe('words', () => {
  it('splits tags into comparable words', () => {
    expect(words('Autonomous-driving scenario optimisation')).toEqual([
      'autonomous',
      'driving',
      'scenario',
      'optimisation',
    ]);
    expect(words('power batteries')).toEqual(['power', 'battery']);
    expect(words('vehicle software and OS')).toEqual(['vehicle', 'software', 'os']);
    expect(words('CNC systems')).toEqual(['cnc', 'system']);
  });
});

describe('suggestRelations: OPENS_TO', () => {
  it('scores platforms for the firms no platform opens to (by hand)', () => {
    const items = suggestRelations(graph, { type: 'OPENS_TO' });
    // lab-2 → pf-1: 0.2 chain + 0.3 × 1 ('intelligent cockpit') + 0.15 same park + 0 + 0.1 open + 0.1 idle.
    // lab-1 → pf-1: 0.2 + 0 + 0.15 × 0.5 (same district) + 0.15 (pf-1 supplies its operator cl-a)
    //   + 0.1 × 0.5 (partial) + 0.1 / (1 + 1/10) = 0.5659.
    // pb-1 → pf-3: 0.2 + 0.3 × 1/3 ('cnc' of CNC machine tools) + 0 + 0.15 (operator cl-b) + 0
    //   (closed) + 0.1 × (1 − 0/20) = 0.55.
    expect(brief(items)).toEqual([
      ['lab-2', 'pf-1', 0.85],
      ['lab-1', 'pf-1', 0.5659],
      ['pb-1', 'pf-3', 0.55],
    ]);
    expect(values(items[1])).toEqual({
      sameChain: 1,
      capability: 0,
      location: 0.5,
      supplierLink: 1,
      openness: 0.5,
      spareCapacity: 0.9091,
    });
    const first = items[0];
    expect(first?.closes).toBe('access');
    expect(first?.type).toBe('OPENS_TO');
    expect(first?.factors.map((f) => f.weight)).toEqual([0.2, 0.3, 0.15, 0.15, 0.1, 0.1]);
    expect(first?.factors[1]?.note).toEqual({
      zh: '企业能力与平台方向“intelligent cockpit”相符（100%）',
      en: "the firm's capabilities match the platform's domain 'intelligent cockpit' (100%)",
    });
  });
});

describe('suggestRelations: PAIRED_WITH', () => {
  it('scores service institutions for unpaired parks (by hand)', () => {
    // sp-1 hosts one growth firm: needs attraction 0.9, common-tech-rd 1, others 0.
    //   si-2 (common-tech-rd, market-integration; in sp-1; planned pairing): 0.35 + 0 + 0.2 + 0.15 + 0.1.
    //   si-1 (incubation; NEV; paired with sp-2 already): 0 + 0.2 + 0 + 0.15 / 2 + 0 = 0.275.
    // sp-3 has no chain and no neighbour: every institution is a candidate; it needs only
    //   attraction, which neither offers. si-2: 0.15 (no pairing yet); si-1: 0.075.
    expect(brief(suggestRelations(graph, { type: 'PAIRED_WITH' }))).toEqual([
      ['si-2', 'sp-1', 0.8],
      ['si-1', 'sp-1', 0.275],
      ['si-2', 'sp-3', 0.15],
      ['si-1', 'sp-3', 0.075],
    ]);
  });
});

describe('suggestRelations: INVESTS_IN', () => {
  it('scores funds for growth-stage firms no fund backs (by hand)', () => {
    // fund-1 → pf-1: 0.35 growth + 0.25 chain + 0.2 (backed by cl-a, which pf-1 supplies)
    //   + 0.1 patient + 0.1 / (1 + 1/20) = 0.9952.
    // pf-4 has no chain and supplies nobody: growth-focused funds only, fund-1: 0.35 + 0.1 + 0.0952.
    const items = suggestRelations(graph, { type: 'INVESTS_IN' });
    expect(brief(items)).toEqual([
      ['fund-1', 'pf-1', 0.9952],
      ['fund-1', 'pf-4', 0.5452],
    ]);
    expect(items[0]?.closes).toBe('capital');
  });
});

describe('suggestRelations', () => {
  it('merges the types by score, keeps perGap candidates per gap and cuts at limit', () => {
    const all = suggestRelations(graph);
    expect(all.map((s) => [s.type, s.from, s.to])).toEqual([
      ['INVESTS_IN', 'fund-1', 'pf-1'],
      ['OPENS_TO', 'lab-2', 'pf-1'],
      ['PAIRED_WITH', 'si-2', 'sp-1'],
      ['OPENS_TO', 'lab-1', 'pf-1'],
      ['OPENS_TO', 'pb-1', 'pf-3'],
      ['INVESTS_IN', 'fund-1', 'pf-4'],
      ['PAIRED_WITH', 'si-1', 'sp-1'],
      ['PAIRED_WITH', 'si-2', 'sp-3'],
      ['PAIRED_WITH', 'si-1', 'sp-3'],
    ]);
    expect(brief(suggestRelations(graph, { type: 'PAIRED_WITH', perGap: 1 }))).toEqual([
      ['si-2', 'sp-1', 0.8],
      ['si-2', 'sp-3', 0.15],
    ]);
    expect(suggestRelations(graph, { limit: 2 })).toEqual(all.slice(0, 2));
    expect(suggestRelations(graph, { chain: 'ic-eq' }).map((s) => s.to)).toEqual(['pf-3']);
  });

  it('does not depend on the order the graph was built in', () => {
    expect(suggestRelations(reversed(graph))).toEqual(suggestRelations(graph));
  });

  it('rejects bad options with errors naming the module', () => {
    expect(() => suggestRelations(graph, { type: 'SUPPLIES' as never })).toThrow(
      "analytics/suggestRelations: unknown suggestion type 'SUPPLIES'",
    );
    expect(() => suggestRelations(graph, { perGap: 0 })).toThrow(
      'analytics/suggestRelations: option perGap must be an integer >= 1, got 0.',
    );
    expect(() => suggestRelations(graph, { chain: 'nope' })).toThrow(
      /^analytics\/suggestRelations: option chain/,
    );
  });
});

describe('ScoreFloor', () => {
  it('is the limit-th best score added, -Infinity until limit are added', () => {
    const floor = new ScoreFloor(3);
    expect(floor.value).toBe(Number.NEGATIVE_INFINITY);
    for (const score of [0.5, 0.2, 0.9]) floor.add(score);
    expect(floor.value).toBe(0.2);
    floor.add(0.1);
    expect(floor.value).toBe(0.2);
    floor.add(0.7);
    expect(floor.value).toBe(0.5);
    for (const score of [0.95, 0.6, 0.6]) floor.add(score);
    expect(floor.value).toBe(0.7);
    expect(floor.reaches(0.69995)).toBe(true);
    expect(floor.reaches(0.6998)).toBe(false);
    expect(new ScoreFloor(0).reaches(1)).toBe(false);
  });
});

describe('suggestRelations: skipping what cannot be returned', () => {
  // The makers skip candidates and gaps whose best possible score is below the limit-th score
  // kept so far; with a limit larger than every candidate nothing is skipped.
  const everything = { limit: 1_000_000 };
  const ecosystems: RandomEcosystemOptions[] = [1, 2, 3, 4].map((seed) => ({ seed, firms: 400 }));
  // Many platforms and funds: the floor rises above what a candidate without a supplier or backer
  // link can reach, so the makers look only at the platforms and funds of the leaders supplied.
  ecosystems.push({ seed: 5, firms: 400, labs: 30, pilotBases: 20, funds: 20 });
  for (const options of ecosystems) {
    it(`returns the first limit of the unbounded list (random ecosystem ${JSON.stringify(options)})`, () => {
      const random = randomEcosystem(options);
      const all = suggestRelations(random, everything);
      expect(all.length).toBeGreaterThan(100);
      for (const limit of [1, 3, 10, 50]) {
        expect(suggestRelations(random, { limit })).toEqual(all.slice(0, limit));
        for (const type of ['OPENS_TO', 'INVESTS_IN', 'PAIRED_WITH'] as const) {
          const ofType = suggestRelations(random, { ...everything, type });
          expect(suggestRelations(random, { limit, type })).toEqual(ofType.slice(0, limit));
          expect(suggestRelations(random, { limit, type, perGap: 1 })).toEqual(
            suggestRelations(random, { ...everything, type, perGap: 1 }).slice(0, limit),
          );
        }
      }
    });
  }
});

describe('suggestRelations: a later gap whose only candidates a supplied leader runs', () => {
  // pf-a comes first and finds a perfect platform (lab-b: score 1), so with limit 1 the floor is 1
  // and pf-b is looked at only through the platforms its leaders run. Its perfect platform lab-a
  // ties with lab-b and wins on its key, so it must still be found.
  const perfect = { openness: 'open', domains: ['machine vision'] };
  const graph = buildGraph(
    [
      ['ic-1', 'IndustryChain'],
      ['cl-1', 'ChainLeader'],
      ['cl-2', 'ChainLeader'],
      ['sp-1', 'SciencePark', 'sp-1', { district: 'D1' }],
      ['sp-2', 'SciencePark', 'sp-2', { district: 'D2' }],
      ['pf-a', 'PrivateFirm', 'pf-a', { capabilities: ['machine vision'] }],
      ['pf-b', 'PrivateFirm', 'pf-b', { capabilities: ['machine vision'] }],
      ['lab-a', 'Lab', 'lab-a', perfect],
      ['lab-b', 'Lab', 'lab-b', perfect],
    ],
    [
      ['pf-a', 'ic-1', 'BELONGS_TO'],
      ['pf-b', 'ic-1', 'BELONGS_TO'],
      ['lab-a', 'ic-1', 'BELONGS_TO'],
      ['lab-b', 'ic-1', 'BELONGS_TO'],
      ['pf-a', 'sp-1', 'LOCATED_IN'],
      ['lab-b', 'sp-1', 'LOCATED_IN'],
      ['pf-b', 'sp-2', 'LOCATED_IN'],
      ['lab-a', 'sp-2', 'LOCATED_IN'],
      ['pf-a', 'cl-1', 'SUPPLIES'],
      ['cl-1', 'lab-b', 'OPERATES'],
      ['pf-b', 'cl-2', 'SUPPLIES'],
      ['cl-2', 'lab-a', 'OPERATES'],
    ],
  );

  it('finds it', () => {
    const all = suggestRelations(graph, { type: 'OPENS_TO' });
    expect(brief(all.slice(0, 2))).toEqual([
      ['lab-a', 'pf-b', 1],
      ['lab-b', 'pf-a', 1],
    ]);
    expect(suggestRelations(graph, { type: 'OPENS_TO', limit: 1 })).toEqual(all.slice(0, 1));
  });
});

describe('suggestRelations: a later park whose only candidates are located in it', () => {
  // sp-a comes first and finds si-b in it (score 0.9), so with limit 1 the floor is 0.9 and
  // sp-b is looked at only through the institutions located in it or its district. si-a, in
  // sp-b, ties at 0.9 and wins on its key, so it must still be found.
  const graph = buildGraph(
    [
      ['ic-1', 'IndustryChain'],
      ['sp-a', 'SciencePark', 'sp-a', { district: 'D1' }],
      ['sp-b', 'SciencePark', 'sp-b', { district: 'D2' }],
      ['si-a', 'ServiceInstitution', 'si-a', { serviceAreas: ['resource-attraction'] }],
      ['si-b', 'ServiceInstitution', 'si-b', { serviceAreas: ['resource-attraction'] }],
    ],
    [
      ['si-a', 'ic-1', 'BELONGS_TO'],
      ['si-b', 'ic-1', 'BELONGS_TO'],
      ['si-a', 'sp-b', 'LOCATED_IN'],
      ['si-b', 'sp-a', 'LOCATED_IN'],
    ],
  );

  it('finds it', () => {
    const all = suggestRelations(graph, { type: 'PAIRED_WITH' });
    expect(brief(all.slice(0, 2))).toEqual([
      ['si-a', 'sp-b', 0.9],
      ['si-b', 'sp-a', 0.9],
    ]);
    expect(suggestRelations(graph, { type: 'PAIRED_WITH', limit: 1 })).toEqual(all.slice(0, 1));
  });
});
