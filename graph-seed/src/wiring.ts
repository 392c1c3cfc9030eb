/**
 * The relation patterns of the ecosystem, shared by the seed and the generator: every entity
 * belongs to its chains, organisations sit in parks, private firms supply chain leaders, open
 * platforms open to some firms, funds invest in some, consortia take in a few, and now and then a
 * chain leader pairs with a firm. The rates decide how dense each pattern is; what they leave out
 * is the gap a planner looks for. Work is linear in the number of firms: every lookup goes
 * through a per-chain index.
 */
import type { FirmStage, RelationAttributes } from '@innograph/model';
import { getOrCreate, listIn } from './collections.js';
import { type Actor, type AnyActor, allActors, type Ecosystem, type FirmActor } from './ecosystem.js';
import type { Random } from './random.js';
import type { TieFactory } from './ties.js';
import type { FirmLine } from './vocabulary.js';

/** How likely a firm is to have ties of one kind, and at most how many. */
export interface Reach {
  chance: number;
  most: number;
}

export interface WiringRates {
  /** Chance that an organisation with no declared park sits in one of its chain's parks. */
  located: number;
  supplies: Record<FirmStage, Reach>;
  /** Ties from open or partly open labs and pilot bases of the firm's chain. */
  opensTo: Record<FirmStage, Reach>;
  investsIn: Record<FirmStage, Reach>;
  /** Chance that a firm joins a consortium of its chain. */
  firmMembership: Record<FirmStage, number>;
  /** Chance that a chain leader joins a consortium another leader of its chain leads. */
  leaderMembership: number;
  /** Chance that a lab of the chain joins a consortium (twice that for its operator's). */
  labMembership: number;
  /** Chance that a chain leader pairs with a firm (结对) beyond buying from it. */
  soePairing: number;
}

type Platform = Actor<'Lab'> | Actor<'PilotBase'>;
/** Organisations that may sit in a park. */
type Placeable =
  | FirmActor
  | Actor<'ChainLeader'>
  | Actor<'Lab'>
  | Actor<'PilotBase'>
  | Actor<'ServiceInstitution'>;
type AccessTypes = RelationAttributes<'OPENS_TO'>['accessTypes'];
type AmountBand = NonNullable<RelationAttributes<'INVESTS_IN'>['amountBand']>;

const LAB_ACCESS: AccessTypes = ['equipment', 'joint-testing', 'data', 'expertise'];
const PILOT_BASE_ACCESS: AccessTypes = ['pilot-runs', 'equipment', 'joint-testing'];
const OPENNESS_WEIGHT = { open: 3, partial: 1, closed: 0 } as const;
const SOE_PAIRING_FOCUS = ['supplier upgrading', 'joint R&D', 'talent exchange', 'market access'];

const AMOUNTS_BY_STAGE: Record<FirmStage, readonly AmountBand[]> = {
  seed: ['under10m'],
  growth: ['10m-50m', '10m-50m', '50m-200m'],
  mature: ['50m-200m', 'over200m'],
};

/** Which firm stages a fund's stage focus covers. */
const STAGES_OF_FOCUS = {
  seed: 'seed',
  early: 'seed',
  growth: 'growth',
  mature: 'mature',
} as const satisfies Record<string, FirmStage>;

/** What a firm of one chain can reach, prepared once per chain. */
interface ChainIndex {
  leaders: Actor<'ChainLeader'>[];
  leadersByNeed: Map<string, Actor<'ChainLeader'>[]>;
  openPlatforms: (readonly [Platform, number])[];
  /** Open platforms whose domains suit a line of business, by sector; filled when first asked. */
  openPlatformsBySector: Map<string, (readonly [Platform, number])[]>;
  fundsByStage: Map<FirmStage, Actor<'Fund'>[]>;
  consortia: Actor<'Consortium'>[];
  consortiaByLeader: Map<string, Actor<'Consortium'>[]>;
  labs: Actor<'Lab'>[];
  parks: Actor<'SciencePark'>[];
  parksByFocus: Map<string, Actor<'SciencePark'>[]>;
}

function emptyIndex(): ChainIndex {
  return {
    leaders: [],
    leadersByNeed: new Map(),
    openPlatforms: [],
    openPlatformsBySector: new Map(),
    fundsByStage: new Map(),
    consortia: [],
    consortiaByLeader: new Map(),
    labs: [],
    parks: [],
    parksByFocus: new Map(),
  };
}

function indexChains(ecosystem: Ecosystem, leaderOf: Map<string, string>): Map<string, ChainIndex> {
  const indexes = new Map<string, ChainIndex>();
  const at = (chain: string): ChainIndex => getOrCreate(indexes, chain, emptyIndex);
  for (const leader of ecosystem.leaders) {
    for (const chain of leader.chains) {
      const index = at(chain);
      index.leaders.push(leader);
      for (const need of leader.entity.attributes.capabilitiesNeeded)
        listIn(index.leadersByNeed, need).push(leader);
    }
  }
  for (const platform of [...ecosystem.labs, ...ecosystem.pilotBases]) {
    const weight = OPENNESS_WEIGHT[platform.entity.attributes.openness];
    for (const chain of platform.chains) if (weight > 0) at(chain).openPlatforms.push([platform, weight]);
  }
  for (const lab of ecosystem.labs) for (const chain of lab.chains) at(chain).labs.push(lab);
  for (const fund of ecosystem.funds) {
    const stages = new Set(fund.entity.attributes.stageFocus.map((focus) => STAGES_OF_FOCUS[focus]));
    for (const chain of fund.chains)
      for (const stage of stages) listIn(at(chain).fundsByStage, stage).push(fund);
  }
  for (const consortium of ecosystem.consortia) {
    const leader = leaderOf.get(consortium.entity.id);
    for (const chain of consortium.chains) {
      at(chain).consortia.push(consortium);
      if (leader !== undefined) listIn(at(chain).consortiaByLeader, leader).push(consortium);
    }
  }
  for (const park of ecosystem.parks) {
    for (const chain of park.chains) {
      at(chain).parks.push(park);
      for (const focus of park.entity.attributes.focus) listIn(at(chain).parksByFocus, focus).push(park);
    }
  }
  return indexes;
}

/** Distinct picks, weighted; fewer than `count` when the list is short. */
function pickWeighted<T>(random: Random, choices: readonly (readonly [T, number])[], count: number): T[] {
  const picked = new Set<T>();
  for (let attempt = 0; attempt < count * 3 && picked.size < Math.min(count, choices.length); attempt++) {
    picked.add(random.weighted(choices));
  }
  return [...picked];
}

function laterOf(...actors: { entered: number }[]): number {
  return Math.max(...actors.map((actor) => actor.entered));
}

class Wiring {
  private readonly indexes: Map<string, ChainIndex>;
  private readonly noChain = emptyIndex();
  /** Consortium id → the leader that leads it. */
  private readonly leaderOf: Map<string, string>;
  /** Leader id → the platforms it operates. */
  private readonly platformsOf = new Map<string, Set<string>>();

  constructor(
    private readonly ecosystem: Ecosystem,
    private readonly rates: WiringRates,
    private readonly random: Random,
    private readonly ties: TieFactory,
  ) {
    this.leaderOf = new Map(ecosystem.core.leads.map((lead) => [lead.consortium, lead.leader]));
    for (const { leader, platform } of ecosystem.core.operates) {
      getOrCreate(this.platformsOf, leader, () => new Set<string>()).add(platform);
    }
    this.indexes = indexChains(ecosystem, this.leaderOf);
  }

  run(): void {
    this.coreTies();
    for (const actor of allActors(this.ecosystem)) this.belonging(actor);
    for (const actor of this.placeable()) this.location(actor);
    for (const firm of this.ecosystem.firms) this.firmTies(firm);
    for (const consortium of this.ecosystem.consortia) this.consortiumMembers(consortium);
  }

  private homeOf(actor: { chains: readonly string[] }): ChainIndex {
    const home = actor.chains[0];
    return (home === undefined ? undefined : this.indexes.get(home)) ?? this.noChain;
  }

  private coreTies(): void {
    const entered = new Map(allActors(this.ecosystem).map((actor) => [actor.entity.id, actor.entered]));
    const after = (a: string, b: string) => Math.max(entered.get(a) ?? 0, entered.get(b) ?? 0);
    const { operates, leads, backs, servicePairings } = this.ecosystem.core;
    for (const { leader, platform } of operates) {
      const draft = { type: 'OPERATES', from: leader, to: platform, attributes: {} } as const;
      this.ties.add(draft, { after: after(leader, platform), since: after(leader, platform) });
    }
    for (const { leader, consortium } of leads) {
      const draft = { type: 'LEADS', from: leader, to: consortium, attributes: {} } as const;
      this.ties.add(draft, { after: after(leader, consortium), since: after(leader, consortium) });
    }
    for (const { leader, fund, role } of backs) {
      this.ties.add(
        { type: 'BACKS', from: leader, to: fund, attributes: { role } },
        { after: after(leader, fund) },
      );
    }
    for (const { service, park, status, focusAreas } of servicePairings) {
      this.ties.add(
        { type: 'PAIRED_WITH', from: service, to: park, attributes: { focusAreas } },
        { after: after(service, park), status },
      );
    }
  }

  private belonging(actor: AnyActor): void {
    const position = actor.position === undefined ? {} : { position: actor.position };
    for (const chain of actor.chains) {
      this.ties.add(
        { type: 'BELONGS_TO', from: actor.entity.id, to: chain, attributes: position },
        { after: actor.entered, since: actor.entered, status: 'active' },
      );
    }
  }

  private placeable(): Placeable[] {
    const { leaders, firms, labs, pilotBases, services } = this.ecosystem;
    return [...leaders, ...firms, ...labs, ...pilotBases, ...services];
  }

  /** A declared park, else (leaders excepted) a park of the home chain, preferring one of its sector. */
  private location(actor: Placeable): void {
    const park = actor.park ?? this.parkFor(actor);
    if (park === undefined) return;
    this.ties.add(
      { type: 'LOCATED_IN', from: actor.entity.id, to: park, attributes: {} },
      { after: actor.entered, since: actor.entered },
    );
  }

  private parkFor(actor: Placeable): string | undefined {
    if (actor.entity.kind === 'ChainLeader' || !this.random.chance(this.rates.located)) return undefined;
    const index = this.homeOf(actor);
    const sector = 'line' in actor ? actor.line.sector : undefined;
    const focused = sector === undefined ? undefined : index.parksByFocus.get(sector);
    const parks = focused !== undefined && this.random.chance(0.7) ? focused : index.parks;
    return parks.length === 0 ? undefined : this.random.pick(parks).entity.id;
  }

  private firmTies(firm: FirmActor): void {
    const index = this.homeOf(firm);
    const customers = this.supplies(firm, index);
    this.openings(firm, index);
    this.investments(firm, index);
    this.membership(firm, index, customers);
    this.soePairing(firm, index, customers);
  }

  /** Leaders that need one of the firm's capabilities come first; others fill up. */
  private supplies(firm: FirmActor, index: ChainIndex): Actor<'ChainLeader'>[] {
    const reach = this.rates.supplies[firm.entity.attributes.stage];
    if (index.leaders.length === 0 || !this.random.chance(reach.chance)) return [];
    const wanted = this.random.int(1, reach.most);
    const capabilities = firm.entity.attributes.capabilities;
    const matching = new Set(capabilities.flatMap((capability) => index.leadersByNeed.get(capability) ?? []));
    const customers = this.random.sample([...matching], wanted);
    if (customers.length < wanted) {
      const others = index.leaders.filter((leader) => !matching.has(leader));
      customers.push(...this.random.sample(others, wanted - customers.length));
    }
    for (const leader of customers) {
      const needs = leader.entity.attributes.capabilitiesNeeded;
      const capability = capabilities.find((c) => needs.includes(c)) ?? this.random.pick(capabilities);
      const part = firm.line.parts.length === 0 ? {} : { part: this.random.pick(firm.line.parts) };
      this.ties.add(
        { type: 'SUPPLIES', from: firm.entity.id, to: leader.entity.id, attributes: { capability, ...part } },
        { after: laterOf(firm, leader) },
      );
    }
    return customers;
  }

  /** Open platforms of the chain whose domains suit the firm's line, or all of them if none do. */
  private suitablePlatforms(index: ChainIndex, line: FirmLine): (readonly [Platform, number])[] {
    const suitable = getOrCreate(index.openPlatformsBySector, line.sector, () =>
      index.openPlatforms.filter(([platform]) =>
        platform.entity.attributes.domains.some((domain) => line.domains.includes(domain)),
      ),
    );
    return suitable.length > 0 ? suitable : index.openPlatforms;
  }

  /** Mostly platforms of the firm's own field; now and then any open one of the chain. */
  private openings(firm: FirmActor, index: ChainIndex): void {
    const reach = this.rates.opensTo[firm.entity.attributes.stage];
    if (index.openPlatforms.length === 0 || !this.random.chance(reach.chance)) return;
    const candidates = this.random.chance(0.85)
      ? this.suitablePlatforms(index, firm.line)
      : index.openPlatforms;
    const platforms = pickWeighted(this.random, candidates, this.random.int(1, reach.most));
    for (const platform of platforms) {
      const access = platform.entity.kind === 'Lab' ? LAB_ACCESS : PILOT_BASE_ACCESS;
      const accessTypes = this.random.sample(access, this.random.int(1, 2));
      this.ties.add(
        { type: 'OPENS_TO', from: platform.entity.id, to: firm.entity.id, attributes: { accessTypes } },
        { after: laterOf(firm, platform) },
      );
    }
  }

  private investments(firm: FirmActor, index: ChainIndex): void {
    const stage = firm.entity.attributes.stage;
    const funds = index.fundsByStage.get(stage) ?? [];
    const reach = this.rates.investsIn[stage];
    if (funds.length === 0 || !this.random.chance(reach.chance)) return;
    for (const fund of this.random.sample(funds, this.random.int(1, reach.most))) {
      const attributes = { stage, amountBand: this.random.pick(AMOUNTS_BY_STAGE[stage]) };
      this.ties.add(
        { type: 'INVESTS_IN', from: fund.entity.id, to: firm.entity.id, attributes },
        { after: laterOf(firm, fund) },
      );
    }
  }

  /** 以大带小: a firm most likely joins the consortium of a leader it supplies. */
  private membership(firm: FirmActor, index: ChainIndex, customers: Actor<'ChainLeader'>[]): void {
    if (index.consortia.length === 0) return;
    if (!this.random.chance(this.rates.firmMembership[firm.entity.attributes.stage])) return;
    const led = customers.flatMap((leader) => index.consortiaByLeader.get(leader.entity.id) ?? []);
    const consortium = this.random.pick(led.length > 0 && this.random.chance(0.8) ? led : index.consortia);
    this.ties.add(
      { type: 'MEMBER_OF', from: firm.entity.id, to: consortium.entity.id, attributes: { role: 'member' } },
      { after: laterOf(firm, consortium) },
    );
  }

  private soePairing(firm: FirmActor, index: ChainIndex, customers: Actor<'ChainLeader'>[]): void {
    if (index.leaders.length === 0 || !this.random.chance(this.rates.soePairing)) return;
    const leader = customers[0] ?? this.random.pick(index.leaders);
    const focusAreas = this.random.sample(SOE_PAIRING_FOCUS, this.random.int(1, 2));
    this.ties.add(
      { type: 'PAIRED_WITH', from: leader.entity.id, to: firm.entity.id, attributes: { focusAreas } },
      { after: laterOf(firm, leader) },
    );
  }

  /** Other leaders of the chain join as core members; labs join, their operator's consortium first. */
  private consortiumMembers(consortium: Actor<'Consortium'>): void {
    const index = this.homeOf(consortium);
    const lead = this.leaderOf.get(consortium.entity.id);
    for (const leader of index.leaders) {
      if (leader.entity.id === lead || !this.random.chance(this.rates.leaderMembership)) continue;
      this.ties.add(
        { type: 'MEMBER_OF', from: leader.entity.id, to: consortium.entity.id, attributes: { role: 'core' } },
        { after: laterOf(leader, consortium) },
      );
    }
    const operatedByLead = lead === undefined ? undefined : this.platformsOf.get(lead);
    for (const lab of index.labs) {
      const own = operatedByLead?.has(lab.entity.id) ?? false;
      if (!this.random.chance(this.rates.labMembership * (own ? 2 : 1))) continue;
      this.ties.add(
        {
          type: 'MEMBER_OF',
          from: lab.entity.id,
          to: consortium.entity.id,
          attributes: { role: own ? 'core' : 'member' },
        },
        { after: laterOf(lab, consortium) },
      );
    }
  }
}

/** Adds every relation of the ecosystem to `ties`, core ties first, in a fixed order. */
export function wireEcosystem(
  ecosystem: Ecosystem,
  rates: WiringRates,
  random: Random,
  ties: TieFactory,
): void {
  new Wiring(ecosystem, rates, random, ties).run();
}
