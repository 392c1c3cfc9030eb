/**
 * The illustrative seed graph of Chongqing's innovation ecosystem: the hand-named core of
 * `catalog.ts`, the long tail of private firms of `longTail.ts`, wired by the shared relation
 * patterns with sparse rates, so that the gaps the interview describes are there to find.
 * Deterministic: every build gives the same dataset.
 */
import { DATASET_FORMAT, type Dataset, type DatasetMeta } from '@innograph/model';
import { allActors, type Ecosystem, entitiesOf } from '../ecosystem.js';
import { NameMaker } from '../names.js';
import { Random } from '../random.js';
import { TieFactory } from '../ties.js';
import { type WiringRates, wireEcosystem } from '../wiring.js';
import { seedCatalog } from './catalog.js';
import { seedFirms } from './longTail.js';

/** The PRNG seed of the seed graph; change it and every generated name and tie changes. */
export const SEED_NUMBER = 2026;

export const SEED_EVIDENCE =
  'Illustrative seed data (示意数据) shaped on the 2026 Chongqing innovation interview; not a record of a real tie';

export const SEED_NOTICE =
  '示意数据：企业与机构名称及其相互关系均为虚构，仅依据2026年重庆创新访谈中的数据塑形，不指向任何真实企业。' +
  ' Illustrative data: the names of firms and institutions and the ties between them are made up,' +
  ' shaped only on the figures of the 2026 Chongqing innovation interview; they do not describe real companies.';

/**
 * Sparse on purpose: most firms reach no open platform, most growth-stage firms get no fund, few
 * join a consortium, and chain leaders rarely tie to private firms beyond buying from them.
 */
const SEED_RATES: WiringRates = {
  located: 0.85,
  supplies: {
    seed: { chance: 0.4, most: 1 },
    growth: { chance: 0.75, most: 2 },
    mature: { chance: 0.95, most: 3 },
  },
  opensTo: {
    seed: { chance: 0.06, most: 1 },
    growth: { chance: 0.18, most: 2 },
    mature: { chance: 0.25, most: 2 },
  },
  investsIn: {
    seed: { chance: 0.08, most: 1 },
    growth: { chance: 0.2, most: 2 },
    mature: { chance: 0.06, most: 1 },
  },
  firmMembership: { seed: 0.02, growth: 0.1, mature: 0.3 },
  leaderMembership: 0.4,
  labMembership: 0.25,
  soePairing: 0.015,
};

function seedMeta(entities: number): DatasetMeta {
  return {
    title: '重庆创新生态示意图谱 / Chongqing innovation ecosystem (illustrative seed)',
    description:
      'Intelligent connected new-energy vehicle and high-end equipment chains: chain-leader SOEs, private ' +
      'suppliers, labs, pilot bases, funds, science parks, service institutions and consortia, 2018–2026.',
    illustrative: true,
    notice: SEED_NOTICE,
    generator: { name: 'graph-seed/buildSeedDataset', seed: SEED_NUMBER, entities },
  };
}

export function buildSeedDataset(): Dataset {
  const random = new Random(SEED_NUMBER);
  const names = new NameMaker(random);
  const catalog = seedCatalog();
  for (const actor of allActors({ ...catalog, firms: [] })) names.reserve(actor.entity.name);
  const ecosystem: Ecosystem = { ...catalog, firms: seedFirms(random, names) };
  const ties = new TieFactory(random, SEED_EVIDENCE);
  wireEcosystem(ecosystem, SEED_RATES, random, ties);
  const entities = entitiesOf(ecosystem);
  return {
    format: DATASET_FORMAT,
    version: 1,
    meta: seedMeta(entities.length),
    entities,
    relations: ties.relations,
  };
}
