/**
 * Synthetic ecosystems for scale tests: the kinds in about the seed's proportions, one chain per
 * ~2,000 entities (at least two), and the seed's relation patterns (`wireEcosystem`) with denser
 * rates, about five relations per entity. Deterministic for a given seed; linear in size.
 */
import {
  type Bilingual,
  DATASET_FORMAT,
  type Dataset,
  type FUND_STAGE_FOCUS,
  FUND_TYPES,
  type Ownership,
  type RelationStatus,
  SERVICE_AREAS,
} from '@innograph/model';
import { listIn } from './collections.js';
import {
  type Actor,
  type CoreTies,
  type Ecosystem,
  type EntityOf,
  entitiesOf,
  type FirmActor,
  type ServicePairing,
} from './ecosystem.js';
import { makeFirm, SOFTWARE_REVENUE, SUPPLIER_REVENUE } from './firms.js';
import { joinName, NameMaker } from './names.js';
import { Random } from './random.js';
import { dayOf, entryDay, TieFactory } from './ties.js';
import {
  AUTOMOTIVE_SOFTWARE,
  CHAIN_THEMES,
  type ChainTheme,
  DISTRICTS,
  type FirmLine,
  INSTITUTION_NAMES,
} from './vocabulary.js';
import { type WiringRates, wireEcosystem } from './wiring.js';

export interface GenerateOptions {
  entities: number;
  seed: number;
  /** Number of industry chains; by default one per ~2,000 entities, at least two. */
  chains?: number;
}

export const MIN_ENTITIES = 10;
export const ENTITIES_PER_CHAIN = 2_000;

/** Share of each kind other than firms and chains, per entity: the seed's proportions. */
const KIND_SHARES = {
  leaders: 9 / 452,
  labs: 12 / 452,
  pilotBases: 8 / 452,
  funds: 8 / 452,
  parks: 8 / 452,
  services: 10 / 452,
  consortia: 5 / 452,
} as const;

type KindCounts = Record<keyof typeof KIND_SHARES | 'chains' | 'firms', number>;

/** Denser than the seed, so that there are about five relations per entity. */
const GENERATOR_RATES: WiringRates = {
  located: 0.85,
  supplies: {
    seed: { chance: 0.7, most: 2 },
    growth: { chance: 0.95, most: 4 },
    mature: { chance: 1, most: 5 },
  },
  opensTo: {
    seed: { chance: 0.2, most: 1 },
    growth: { chance: 0.45, most: 3 },
    mature: { chance: 0.6, most: 3 },
  },
  investsIn: {
    seed: { chance: 0.2, most: 1 },
    growth: { chance: 0.35, most: 2 },
    mature: { chance: 0.15, most: 1 },
  },
  firmMembership: { seed: 0.05, growth: 0.2, mature: 0.4 },
  leaderMembership: 0.15,
  labMembership: 0.05,
  soePairing: 0.03,
};

/** Advanced services, as in the seed: under 8% of automotive-software firms. */
const ADVANCED_SHARE = 0.07;
/** Share of funds, parks and service institutions that serve a second chain. */
const SECOND_CHAIN_SHARE = 0.3;

type FundType = (typeof FUND_TYPES)[number];
type FundStage = (typeof FUND_STAGE_FOCUS)[number];

interface FundProfile {
  weight: number;
  ending: Bilingual;
  ownership: Ownership;
  stageFoci: readonly (readonly FundStage[])[];
  /** How many chain leaders back it; the first leads when `soeLed`. */
  backers: readonly [number, number];
  soeLed: boolean;
  patientChance: number;
}

/** 政府引导、国企参与、社会资本主导: the three kinds of fund the source names. */
const FUND_PROFILES: Record<FundType, FundProfile> = {
  'government-guided': {
    weight: 3,
    ending: { zh: '产业引导基金', en: 'Industry Guidance Fund' },
    ownership: 'public',
    stageFoci: [
      ['growth', 'mature'],
      ['early', 'growth'],
      ['seed', 'early'],
    ],
    backers: [0, 2],
    soeLed: false,
    patientChance: 1,
  },
  'soe-participating': {
    weight: 3,
    ending: { zh: '产业投资基金', en: 'Industry Investment Fund' },
    ownership: 'state',
    stageFoci: [['growth'], ['growth', 'mature']],
    backers: [1, 3],
    soeLed: true,
    patientChance: 1,
  },
  'social-capital-led': {
    weight: 2,
    ending: { zh: '成长股权基金', en: 'Growth Equity Fund' },
    ownership: 'private',
    stageFoci: [['early', 'growth'], ['growth']],
    backers: [0, 1],
    soeLed: false,
    patientChance: 0.25,
  },
};

const FUND_TYPE_WEIGHTS = FUND_TYPES.map((type) => [type, FUND_PROFILES[type].weight] as const);

export function chainCountFor(entities: number): number {
  return Math.max(2, Math.round(entities / ENTITIES_PER_CHAIN));
}

function planCounts(entities: number, chains: number): KindCounts {
  const share = (key: keyof typeof KIND_SHARES) => Math.max(1, Math.round(KIND_SHARES[key] * entities));
  const others = {
    leaders: share('leaders'),
    labs: share('labs'),
    pilotBases: share('pilotBases'),
    funds: share('funds'),
    parks: share('parks'),
    services: share('services'),
    consortia: share('consortia'),
  };
  const firms = entities - chains - Object.values(others).reduce((sum, n) => sum + n, 0);
  if (firms < 1) {
    throw new RangeError(
      `generate: ${entities} entities leave no room for private firms in ${chains} chains`,
    );
  }
  return { chains, firms, ...others };
}

function checkOptions(options: GenerateOptions): number {
  const { entities, seed } = options;
  if (!Number.isInteger(entities) || entities < MIN_ENTITIES) {
    throw new RangeError(
      `generate: entities must be an integer of at least ${MIN_ENTITIES}, got ${entities}`,
    );
  }
  if (!Number.isInteger(seed)) throw new RangeError(`generate: seed must be an integer, got ${seed}`);
  const chains = options.chains ?? chainCountFor(entities);
  if (!Number.isInteger(chains) || chains < 1) {
    throw new RangeError(`generate: chains must be a positive integer, got ${chains}`);
  }
  return chains;
}

/** Synthetic ids start with `syn-`, so a generated dataset never collides with the seed graph's
 *  ids and can be loaded beside it. */
export const SYNTHETIC_ID_PREFIX = 'syn-';

const padded = (prefix: string, n: number) =>
  `${SYNTHETIC_ID_PREFIX}${prefix}-${String(n + 1).padStart(6, '0')}`;

/** Draws the entities and core ties of a synthetic ecosystem; the wiring adds the rest. */
class SyntheticEcosystem {
  private readonly themes: ChainTheme[] = [];
  private readonly chainIds: string[] = [];
  private readonly leadersByChain = new Map<string, Actor<'ChainLeader'>[]>();
  private readonly servicesByChain = new Map<string, Actor<'ServiceInstitution'>[]>();
  private readonly core: CoreTies = { operates: [], leads: [], backs: [], servicePairings: [] };

  constructor(
    private readonly random: Random,
    private readonly names: NameMaker,
  ) {}

  build(counts: KindCounts): Ecosystem {
    const chains = this.chains(counts.chains);
    const leaders = this.repeat(counts.leaders, (n) => this.leader(n));
    const firms = this.repeat(counts.firms, (n) => this.firm(n));
    const labs = this.repeat(counts.labs, (n) => this.lab(n));
    const pilotBases = this.repeat(counts.pilotBases, (n) => this.pilotBase(n));
    const funds = this.repeat(counts.funds, (n) => this.fund(n));
    const services = this.repeat(counts.services, (n) => this.service(n));
    const parks = this.repeat(counts.parks, (n) => this.park(n));
    const consortia = this.repeat(counts.consortia, (n) => this.consortium(n));
    return { chains, leaders, firms, labs, pilotBases, funds, parks, services, consortia, core: this.core };
  }

  private repeat<T>(count: number, make: (n: number) => T): T[] {
    return Array.from({ length: count }, (_, n) => make(n));
  }

  /** Entities are dealt to chains in turn, so every chain gets its share of each kind. */
  private chainAt(n: number): { id: string; theme: ChainTheme } {
    const index = n % this.chainIds.length;
    const id = this.chainIds[index];
    const theme = this.themes[index];
    if (id === undefined || theme === undefined) throw new Error('generate: chains are made first');
    return { id, theme };
  }

  /** The home chain, and now and then a second one. */
  private chainsFrom(home: string): string[] {
    if (this.chainIds.length < 2 || !this.random.chance(SECOND_CHAIN_SHARE)) return [home];
    const other = this.random.pick(this.chainIds.filter((id) => id !== home));
    return [home, other];
  }

  private enteredDay(skew: number): number {
    return entryDay(this.random, skew);
  }

  private name(ending: Bilingual): Bilingual {
    return this.names.unique((prefix) => joinName(prefix, ending));
  }

  private chains(count: number): Actor<'IndustryChain'>[] {
    return this.repeat(count, (n) => {
      const theme = CHAIN_THEMES[n % CHAIN_THEMES.length];
      if (theme === undefined) throw new Error('generate: no chain themes');
      const cluster = Math.floor(n / CHAIN_THEMES.length) + 1;
      const name =
        count <= CHAIN_THEMES.length
          ? { ...theme.name }
          : { zh: `${theme.name.zh}（第${cluster}集群）`, en: `${theme.name.en}, cluster ${cluster}` };
      const id = padded('chain', n);
      this.themes.push(theme);
      this.chainIds.push(id);
      return {
        entity: {
          id,
          kind: 'IndustryChain',
          name: this.names.reserve(name),
          attributes: { chainChief: theme.chainChief, segments: [...theme.segments] },
        },
        chains: [],
        entered: 0,
      };
    });
  }

  private leader(n: number): Actor<'ChainLeader'> {
    const chain = this.chainAt(n);
    const leader: Actor<'ChainLeader'> = {
      entity: {
        id: padded('cl', n),
        kind: 'ChainLeader',
        name: this.name(this.random.pick(chain.theme.leaderNames)),
        attributes: {
          ownership: this.random.chance(0.85) ? 'state' : 'mixed',
          sector: this.random.pick(chain.theme.segments),
          revenueBand: this.random.chance(0.6) ? 'over1b' : '100m-1b',
          capabilitiesNeeded: this.random.sample(chain.theme.leaderNeeds, this.random.int(3, 6)),
        },
      },
      chains: [chain.id],
      position: this.random.pick(['upstream', 'midstream', 'midstream'] as const),
      entered: this.enteredDay(3),
    };
    listIn(this.leadersByChain, chain.id).push(leader);
    return leader;
  }

  private leadersOf(chain: string): Actor<'ChainLeader'>[] {
    return this.leadersByChain.get(chain) ?? [];
  }

  private firm(n: number): FirmActor {
    const chain = this.chainAt(n);
    const line: FirmLine = this.random.weighted(chain.theme.lines.map((l) => [l, l.weight] as const));
    const software = line.sector === AUTOMOTIVE_SOFTWARE;
    const profile = {
      revenueBand: this.random.weighted(software ? SOFTWARE_REVENUE : SUPPLIER_REVENUE),
      advanced: software && this.random.chance(ADVANCED_SHARE),
    };
    return makeFirm(this.random, this.names, padded('pf', n), chain.id, line, profile);
  }

  /** SOE platforms get an operator from their chain's leaders. */
  private operatedBy(platform: string, chain: string): void {
    const leaders = this.leadersOf(chain);
    if (leaders.length > 0)
      this.core.operates.push({ leader: this.random.pick(leaders).entity.id, platform });
  }

  private lab(n: number): Actor<'Lab'> {
    const chain = this.chainAt(n);
    const ownerType = this.random.weighted([
      ['soe', 75],
      ['university', 15],
      ['institute', 10],
    ] as const);
    const id = padded('lab', n);
    if (ownerType === 'soe') this.operatedBy(id, chain.id);
    return {
      entity: {
        id,
        kind: 'Lab',
        name: this.name(this.random.pick(INSTITUTION_NAMES.Lab)),
        attributes: {
          ownerType,
          ownership: ownerType === 'soe' ? 'state' : 'public',
          openness: this.random.weighted([
            ['open', 35],
            ['partial', 30],
            ['closed', 35],
          ] as const),
          domains: this.random.sample(chain.theme.platformDomains, this.random.int(1, 2)),
        },
      },
      chains: [chain.id],
      position: 'support',
      entered: this.enteredDay(1.2),
    };
  }

  private pilotBase(n: number): Actor<'PilotBase'> {
    const chain = this.chainAt(n);
    const ownerType = this.random.weighted([
      ['soe', 80],
      ['government', 10],
      ['institute', 10],
    ] as const);
    const id = padded('pb', n);
    if (ownerType === 'soe') this.operatedBy(id, chain.id);
    return {
      entity: {
        id,
        kind: 'PilotBase',
        name: this.name(this.random.pick(INSTITUTION_NAMES.PilotBase)),
        attributes: {
          ownerType,
          ownership: ownerType === 'soe' ? 'state' : 'public',
          openness: this.random.weighted([
            ['open', 30],
            ['partial', 25],
            ['closed', 45],
          ] as const),
          domains: this.random.sample(chain.theme.platformDomains, this.random.int(1, 2)),
          capacity: this.random.int(10, 120),
        },
      },
      chains: [chain.id],
      position: 'support',
      entered: this.enteredDay(1.2),
    };
  }

  private fund(n: number): Actor<'Fund'> {
    const chain = this.chainAt(n);
    const fundType = this.random.weighted(FUND_TYPE_WEIGHTS);
    const profile = FUND_PROFILES[fundType];
    const id = padded('fund', n);
    this.backedBy(id, profile, chain.id);
    return {
      entity: {
        id,
        kind: 'Fund',
        name: this.name(profile.ending),
        attributes: {
          fundType,
          ownership: profile.ownership,
          stageFocus: [...this.random.pick(profile.stageFoci)],
          sizeBand: this.random.chance(0.7) ? 'over200m' : '50m-200m',
          patientCapital: this.random.chance(profile.patientChance),
        },
      },
      chains: this.chainsFrom(chain.id),
      position: 'support',
      entered: this.enteredDay(1),
    };
  }

  private backedBy(fund: string, profile: FundProfile, chain: string): void {
    const [fewest, most] = profile.backers;
    const backers = this.random.sample(this.leadersOf(chain), this.random.int(fewest, most));
    backers.forEach((leader, i) => {
      const role = profile.soeLed && i === 0 ? 'lead' : 'participant';
      this.core.backs.push({ leader: leader.entity.id, fund, role });
    });
  }

  private service(n: number): Actor<'ServiceInstitution'> {
    const chain = this.chainAt(n);
    const service: Actor<'ServiceInstitution'> = {
      entity: {
        id: padded('si', n),
        kind: 'ServiceInstitution',
        name: this.name(this.random.pick(INSTITUTION_NAMES.ServiceInstitution)),
        attributes: {
          ownership: this.random.pick(['public', 'public', 'mixed', 'private'] as const),
          serviceAreas: this.random.sample(SERVICE_AREAS, this.random.int(1, 2)),
        },
      },
      chains: this.chainsFrom(chain.id),
      position: 'support',
      entered: this.enteredDay(1),
    };
    for (const id of service.chains) listIn(this.servicesByChain, id).push(service);
    return service;
  }

  private park(n: number): Actor<'SciencePark'> {
    const chain = this.chainAt(n);
    const id = padded('park', n);
    this.pairedWith(id, chain.id);
    return {
      entity: {
        id,
        kind: 'SciencePark',
        name: this.name(this.random.pick(INSTITUTION_NAMES.SciencePark)),
        attributes: {
          ownership: 'public',
          district: this.random.pick(DISTRICTS),
          level: this.random.pick(['national', 'municipal', 'municipal', 'district'] as const),
          focus: this.random.sample(
            chain.theme.lines.map((line) => line.sector),
            this.random.int(1, 2),
          ),
        },
      },
      chains: this.chainsFrom(chain.id),
      position: 'support',
      entered: this.enteredDay(2),
    };
  }

  /** About a third of parks get no service partner: the pairing gap. */
  private pairedWith(park: string, chain: string): void {
    const services = this.servicesByChain.get(chain) ?? [];
    if (services.length === 0 || this.random.chance(0.3)) return;
    for (const service of this.random.sample(services, this.random.int(1, 2))) {
      const status: RelationStatus = this.random.weighted([
        ['active', 65],
        ['planned', 20],
        ['ended', 15],
      ] as const);
      const areas = service.entity.attributes.serviceAreas;
      const pairing: ServicePairing = {
        service: service.entity.id,
        park,
        status,
        focusAreas: this.random.sample(areas, this.random.int(1, areas.length)),
      };
      this.core.servicePairings.push(pairing);
    }
  }

  private consortium(n: number): Actor<'Consortium'> {
    const chain = this.chainAt(n);
    const id = padded('cons', n);
    const leaders = this.leadersOf(chain.id);
    const leader = leaders[Math.floor(n / this.chainIds.length) % Math.max(1, leaders.length)];
    if (leader !== undefined) this.core.leads.push({ leader: leader.entity.id, consortium: id });
    const entity: EntityOf<'Consortium'> = {
      id,
      kind: 'Consortium',
      name: this.name(this.random.pick(INSTITUTION_NAMES.Consortium)),
      attributes: { focus: this.random.sample(chain.theme.leaderNeeds, this.random.int(1, 2)) },
    };
    const start = dayOf('2020-01-01');
    return {
      entity,
      chains: [chain.id],
      position: 'support',
      entered: start + Math.floor((dayOf('2025-06-30') - start) * this.random.next()),
    };
  }
}

export function generateDataset(options: GenerateOptions): Dataset {
  const chains = checkOptions(options);
  const { entities, seed } = options;
  const random = new Random(seed);
  const ecosystem = new SyntheticEcosystem(random, new NameMaker(random)).build(planCounts(entities, chains));
  const ties = new TieFactory(
    random,
    `Synthetic data from graph-seed generateDataset (seed ${seed}) for scale tests`,
    SYNTHETIC_ID_PREFIX,
  );
  wireEcosystem(ecosystem, GENERATOR_RATES, random, ties);
  return {
    format: DATASET_FORMAT,
    version: 1,
    meta: {
      title: `Synthetic innovation ecosystem (${entities} entities, seed ${seed})`,
      illustrative: true,
      notice:
        '合成数据：名称与关系均为随机生成，仅用于规模测试。 Synthetic data: names and ties are generated at random, for scale tests only.',
      generator: { name: 'graph-seed/generateDataset', seed, entities },
    },
    entities: entitiesOf(ecosystem),
    relations: ties.relations,
  };
}
