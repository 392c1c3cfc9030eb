import { readFile } from 'node:fs/promises';
import {
  type Dataset,
  ENTITY_KIND_NAMES,
  type Entity,
  parseDataset,
  RELATION_KIND_NAMES,
  type Relation,
} from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { SEED_FILE } from '../datasetFile.js';
import { formatDataset } from '../datasetJson.js';
import { AUTOMOTIVE_SOFTWARE, SCENARIO_OPTIMISATION } from '../vocabulary.js';
import { buildSeedDataset } from './buildSeed.js';

const seed = buildSeedDataset();

function ofKind<K extends Entity['kind']>(dataset: Dataset, kind: K): Extract<Entity, { kind: K }>[] {
  return dataset.entities.filter((entity): entity is Extract<Entity, { kind: K }> => entity.kind === kind);
}

function ofType<T extends Relation['type']>(dataset: Dataset, type: T): Extract<Relation, { type: T }>[] {
  return dataset.relations.filter(
    (relation): relation is Extract<Relation, { type: T }> => relation.type === type,
  );
}

function idsAt(relations: readonly Relation[], end: 'from' | 'to'): Set<string> {
  return new Set(relations.map((relation) => relation[end]));
}

const firms = ofKind(seed, 'PrivateFirm');
const softwareFirms = firms.filter((firm) => firm.attributes.sector === AUTOMOTIVE_SOFTWARE);

describe('the seed dataset', () => {
  it('passes the model and holds exactly what the builder made', () => {
    const parsed = parseDataset(JSON.parse(JSON.stringify(seed)));
    expect(parsed).toEqual(seed);
  });

  it('has at least 400 entities of all nine kinds and 1,000 relations of all ten kinds', () => {
    expect(seed.entities.length).toBeGreaterThanOrEqual(400);
    expect(new Set(seed.entities.map((entity) => entity.kind))).toEqual(new Set(ENTITY_KIND_NAMES));
    expect(seed.relations.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(seed.relations.map((relation) => relation.type))).toEqual(new Set(RELATION_KIND_NAMES));
  });

  it('says it is illustrative, in Chinese and English', () => {
    expect(seed.meta.illustrative).toBe(true);
    expect(seed.meta.notice).toContain('示意');
    expect(seed.meta.notice).toContain('Illustrative');
    for (const relation of seed.relations) expect(relation.evidence.source).toContain('Illustrative');
  });

  it('matches the interview: over 300 software firms, fewer than 10 above 100m yuan, under 8% advanced', () => {
    expect(softwareFirms.length).toBeGreaterThan(300);
    const large = softwareFirms.filter((firm) => ['100m-1b', 'over1b'].includes(firm.attributes.revenueBand));
    expect(large.length).toBeGreaterThan(0);
    expect(large.length).toBeLessThan(10);
    const advanced = softwareFirms.filter((firm) => firm.attributes.advancedServices);
    expect(advanced.length).toBeGreaterThan(0);
    expect(advanced.length / softwareFirms.length).toBeLessThan(0.08);
    const optimisers = firms.filter((firm) => firm.attributes.capabilities.includes(SCENARIO_OPTIMISATION));
    expect(optimisers.every((firm) => firm.attributes.advancedServices)).toBe(true);
  });

  it('gives every entity a name of its own in both languages, none of a real car maker', () => {
    expect(new Set(seed.entities.map((entity) => entity.name.zh)).size).toBe(seed.entities.length);
    expect(new Set(seed.entities.map((entity) => entity.name.en)).size).toBe(seed.entities.length);
    const real = /长安|赛力斯|庆铃|力帆|宗申|Changan|Seres|Qingling|Lifan|Zongshen/;
    expect(seed.entities.filter((entity) => real.test(`${entity.name.zh} ${entity.name.en}`))).toEqual([]);
  });

  it('keeps every tie inside 2018–2026, with an end date exactly on ended ties', () => {
    for (const relation of seed.relations) {
      expect(relation.since >= '2018-01-01' && relation.since <= '2026-12-31').toBe(true);
      expect(relation.until !== undefined).toBe(relation.status === 'ended');
    }
    expect(new Set(seed.relations.map((relation) => relation.status))).toEqual(
      new Set(['planned', 'active', 'ended']),
    );
    expect(new Set(seed.relations.map((relation) => relation.evidence.confidence))).toEqual(
      new Set(['confirmed', 'reported', 'assumed']),
    );
  });

  it('grows over time: more ties start in later years', () => {
    const startingIn = (from: string, to: string) =>
      seed.relations.filter((relation) => relation.since >= from && relation.since < to).length;
    expect(startingIn('2023-01-01', '2026-01-01')).toBeGreaterThan(
      2 * startingIn('2018-01-01', '2021-01-01'),
    );
    expect(startingIn('2025-01-01', '2026-01-01')).toBeGreaterThan(startingIn('2019-01-01', '2020-01-01'));
  });

  it('gives university and institute labs no operator', () => {
    const operated = idsAt(ofType(seed, 'OPERATES'), 'to');
    for (const lab of ofKind(seed, 'Lab')) {
      expect(operated.has(lab.id)).toBe(lab.attributes.ownerType === 'soe');
    }
  });

  it('is deterministic', () => {
    expect(buildSeedDataset()).toEqual(seed);
  });

  it('is what data/seed.json holds (regenerate with `npx tsx graph-seed/src/seed/writeSeed.ts`)', async () => {
    expect(await readFile(SEED_FILE, 'utf8')).toBe(formatDataset(seed, 'pretty'));
  });
});

describe('the gaps a planner looks for', () => {
  const opensTo = ofType(seed, 'OPENS_TO');

  it('access gap: most private firms reach no lab or pilot base', () => {
    const reached = idsAt(opensTo, 'to');
    const unreached = firms.filter((firm) => !reached.has(firm.id));
    expect(unreached.length).toBeGreaterThan(firms.length / 2);
  });

  it('closed platforms: several labs and pilot bases open to nobody, and every closed one is among them', () => {
    const opening = idsAt(opensTo, 'from');
    const platforms = [...ofKind(seed, 'Lab'), ...ofKind(seed, 'PilotBase')];
    const closed = platforms.filter((platform) => !opening.has(platform.id));
    expect(closed.length).toBeGreaterThanOrEqual(5);
    for (const platform of platforms) {
      if (platform.attributes.openness === 'closed') expect(closed).toContain(platform);
    }
  });

  it('pairing gap: at least two parks have no active service partner', () => {
    const paired = new Set(
      ofType(seed, 'PAIRED_WITH')
        .filter((pairing) => pairing.status === 'active')
        .flatMap((pairing) => [pairing.from, pairing.to]),
    );
    const unpaired = ofKind(seed, 'SciencePark').filter((park) => !paired.has(park.id));
    expect(unpaired.length).toBeGreaterThanOrEqual(2);
  });

  it('capital gap: most growth-stage firms have no fund', () => {
    const funded = idsAt(ofType(seed, 'INVESTS_IN'), 'to');
    const growth = firms.filter((firm) => firm.attributes.stage === 'growth');
    const unfunded = growth.filter((firm) => !funded.has(firm.id));
    expect(growth.length).toBeGreaterThan(firms.length / 3);
    expect(unfunded.length).toBeGreaterThan(growth.length / 2);
  });

  it("consortium exclusion: in every chain, most private firms are outside all of the chain's consortia", () => {
    const chainOf = new Map(ofType(seed, 'BELONGS_TO').map((link) => [link.from, link.to]));
    const members = ofType(seed, 'MEMBER_OF');
    for (const chain of ofKind(seed, 'IndustryChain')) {
      const chainFirms = firms.filter((firm) => chainOf.get(firm.id) === chain.id);
      const inside = new Set(
        members.filter((member) => chainOf.get(member.to) === chain.id).map((member) => member.from),
      );
      const outside = chainFirms.filter((firm) => !inside.has(firm.id));
      expect(inside.size).toBeGreaterThan(0);
      expect(outside.length).toBeGreaterThan(chainFirms.length / 2);
    }
  });

  it('capability gap: chain leaders need capabilities that no local firm offers or supplies', () => {
    const needed = new Set(
      ofKind(seed, 'ChainLeader').flatMap((leader) => leader.attributes.capabilitiesNeeded),
    );
    const offered = new Set([
      ...firms.flatMap((firm) => firm.attributes.capabilities),
      ...ofType(seed, 'SUPPLIES').flatMap((supply) => supply.attributes.capability ?? []),
    ]);
    const unmet = [...needed].filter((capability) => !offered.has(capability));
    expect(unmet).toEqual(
      expect.arrayContaining(['vehicle OS', 'lidar perception', 'precision reducers', 'CNC systems']),
    );
  });

  it('weak bridging: chain leaders and private firms meet almost only through supply', () => {
    const leaders = new Set(ofKind(seed, 'ChainLeader').map((leader) => leader.id));
    const firmIds = new Set(firms.map((firm) => firm.id));
    const crossing = seed.relations.filter(
      (relation) =>
        (leaders.has(relation.from) && firmIds.has(relation.to)) ||
        (firmIds.has(relation.from) && leaders.has(relation.to)),
    );
    const beyondSupply = crossing.filter((relation) => relation.type !== 'SUPPLIES');
    expect(beyondSupply.length).toBeGreaterThan(0);
    expect(beyondSupply.length).toBeLessThan(crossing.length * 0.05);
  });
});
