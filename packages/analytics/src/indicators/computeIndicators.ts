/**
 * Ecosystem indicators for the planner's report, overall and per industry chain, plus who
 * brokers between the SOE and private worlds and how the tie network clusters.
 *
 * Shares (each `{numerator, denominator, value}`, value null when the denominator is 0). Their
 * populations are the gap detectors', so denominator − numerator is the gap count overall:
 * - privateFirmsWithAccess: private firms in a chain reached by an active OPENS_TO (access gap);
 * - soePlatformsOpen: state-owned labs and pilot bases with an active OPENS_TO to a firm (the
 *   closed-platform gap counts every platform, this share only the SOEs');
 * - parksPaired: science parks with an active PAIRED_WITH service institution (pairing gap);
 * - growthFirmsFunded: growth-stage private firms with an active INVESTS_IN (capital gap);
 * - consortiumInclusion: private firms of chains that have consortia, inside a consortium of
 *   each such chain (consortium exclusion);
 * - leaderNeedsSourced: chain leaders' needed capabilities that a firm actively supplies;
 * - crossOwnershipTies / soePrivateTies: ties between organisations of known ownership whose
 *   groups differ / that join a state-owned and a private organisation (`ownershipTiesOf`).
 * Per chain, an entity counts in every chain it actively belongs to (parks through
 * `chainScope`), and `soePrivateBrokers` counts the chain's members that broker SOE–private
 * pairs.
 *
 * Network measures run on the active ties (TIE_TYPES) between the nodes that have at least one:
 * Gould–Fernandez brokerage (directed, see `brokerage.ts` for the direction convention), Burt's
 * constraint (undirected projection), betweenness and Louvain communities (`computeMeasures`,
 * exact betweenness up to `betweennessExactMax` nodes, seeded sampling above, with fewer sources
 * above `betweennessSampledMax` nodes: see computeMeasures for the rule and its accuracy). `brokers` ranks
 * nodes by SOE–private pairs brokered, then by all pairs brokered, then betweenness, then key.
 * `bridges` groups the ties whose ends lie in different communities by community pair.
 */
import {
  type Bilingual,
  type NetworkMeasureSettings,
  type NetworkMeasureValues,
  OWNERSHIPS,
  SHARE_NAME_LIST,
  type TieTopology,
} from '@innograph/model';
import type { Ecosystem, EcosystemIndex, OwnershipGroup } from '../ecosystem.js';
import {
  chainScope,
  chainsAt,
  chainsOfEntity,
  hasPlatformAccessAt,
  isFundedAt,
  isPaired,
  isStateOwned,
  kindIn,
  numbersOfKind,
  ofKind,
  ownershipIn,
  servesAnyFirm,
  useIndex,
} from '../ecosystem.js';
import { accessPopulationNumbers } from '../gaps/accessGaps.js';
import { brokersByChain } from '../gaps/bridgingGaps.js';
import { leaderNeeds } from '../gaps/capabilityGaps.js';
import { growthFirmNumbers } from '../gaps/capitalGaps.js';
import { platformsOf } from '../gaps/closedPlatformGaps.js';
import { chainFilter } from '../gaps/common.js';
import { consortiumStandingAt } from '../gaps/consortiumGaps.js';
import type { AbstractGraph, CompactGraph } from '../graph.js';
import { compactGraph, compareKeys, namesOf, orderOf } from '../graph.js';
import { betweennessOfCompact, communitiesOfCompact } from '../measures/computeMeasures.js';
import { byNode } from '../measures/sampledBetweenness.js';
import { assertGraph, checkInteger, checkOptions, checkPositive, fail } from '../validate.js';
import type { BrokerageCounts } from './brokerage.js';
import { brokerageOf, constraintOfCompact } from './brokerage.js';
import type { TieCounts } from './ownershipTies.js';
import { ownershipTiesOf } from './ownershipTies.js';

const MODULE = 'computeIndicators';

export interface Share {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
}

/** The shares reported; the model's list, which the HTTP contract validates against. */
export const SHARE_NAMES = SHARE_NAME_LIST;
export type ShareName = (typeof SHARE_NAMES)[number];
export type EcosystemShares = Record<ShareName, Share>;

export interface ChainIndicators {
  chain: string;
  name: Bilingual;
  shares: EcosystemShares;
  /** The chain's members that broker at least one SOE–private pair. */
  soePrivateBrokers: number;
}

export interface BrokerEntry {
  node: string;
  name: Bilingual;
  kind: string;
  ownership: OwnershipGroup | null;
  roles: BrokerageCounts;
  betweenness: number;
  /** Burt's constraint (lower: more structural holes around the node). */
  constraint: number | null;
}

export interface CommunitySummary {
  community: number;
  size: number;
  byKind: Record<string, number>;
  byOwnership: Record<string, number>;
  /** Up to three members with the most distinct tie partners (then by key). */
  hubs: string[];
}

export interface CommunityBridge {
  /** The two communities, smaller number first. */
  communities: [number, number];
  /** Ties between them. */
  ties: number;
  /** Up to `bridgeEdgesPerPair` of those ties' edge keys, sorted. */
  edges: string[];
}

export interface NetworkIndicators {
  /** Gould–Fernandez counts of every node that brokers at least one pair. */
  brokerage: Record<string, BrokerageCounts>;
  constraint: Record<string, number>;
  betweenness: Record<string, number>;
  betweennessMode: 'exact' | 'sampled';
  brokers: BrokerEntry[];
  communities: {
    count: number;
    modularity: number;
    membership: Record<string, number>;
    summaries: CommunitySummary[];
  };
  bridges: CommunityBridge[];
}

export interface Indicators {
  overall: { shares: EcosystemShares; soePrivateBrokers: number };
  chains: ChainIndicators[];
  /** Null when `network: false`. */
  network: NetworkIndicators | null;
}

export interface IndicatorsOptions {
  /** Give the per-chain indicators of this IndustryChain only (overall is unchanged). */
  chain?: string;
  /** Compute the network measures (brokerage, constraint, betweenness, communities). Default true. */
  network?: boolean;
  /** Length of the `brokers` list. Default 10. */
  topBrokers?: number;
  /** Edge keys listed per community pair in `bridges`. Default 5. */
  bridgeEdgesPerPair?: number;
  /** Largest node count for exact betweenness. Default 2000 (computeMeasures' default). */
  betweennessExactMax?: number;
  /** Sources of sampled betweenness. Default 200. */
  betweennessSamples?: number;
  /** Largest node count sampled from `betweennessSamples` sources. Default 20,000. */
  betweennessSampledMax?: number;
  /** Seed of betweenness sampling and Louvain. Default 1. */
  seed?: number;
  /** Louvain resolution. Default 1. */
  louvainResolution?: number;
}

export const INDICATORS_DEFAULTS = {
  network: true,
  topBrokers: 10,
  bridgeEdgesPerPair: 5,
  betweennessExactMax: 2000,
  betweennessSamples: 200,
  betweennessSampledMax: 20_000,
  seed: 1,
  louvainResolution: 1,
} as const;

function resolveOptions(options: IndicatorsOptions | undefined) {
  checkOptions(MODULE, options);
  const resolved = { ...INDICATORS_DEFAULTS, ...options };
  if (typeof resolved.network !== 'boolean') fail(MODULE, 'option network must be a boolean.');
  checkInteger(MODULE, 'topBrokers', resolved.topBrokers, 0);
  checkInteger(MODULE, 'bridgeEdgesPerPair', resolved.bridgeEdgesPerPair, 0);
  checkInteger(MODULE, 'betweennessExactMax', resolved.betweennessExactMax, 0);
  checkInteger(MODULE, 'betweennessSamples', resolved.betweennessSamples, 1);
  checkInteger(MODULE, 'betweennessSampledMax', resolved.betweennessSampledMax, 1);
  if (!Number.isInteger(resolved.seed))
    fail(MODULE, `option seed must be an integer, got ${String(resolved.seed)}.`);
  checkPositive(MODULE, 'louvainResolution', resolved.louvainResolution);
  return resolved;
}

function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Counts a population overall and per chain: [numerator, denominator] pairs. */
class Tally {
  overall: [number, number] = [0, 0];
  byChain = new Map<string, [number, number]>();

  add(chains: readonly string[], hits: number, total = 1): void {
    this.overall[0] += hits;
    this.overall[1] += total;
    for (const chain of chains) this.addTo(chain, hits, total);
  }

  addTo(chain: string, hits: number, total: number): void {
    const pair = this.byChain.get(chain);
    if (pair) {
      pair[0] += hits;
      pair[1] += total;
    } else this.byChain.set(chain, [hits, total]);
  }

  overallShare(): Share {
    return share(...this.overall);
  }

  chainShare(chain: string): Share {
    const [n, d] = this.byChain.get(chain) ?? [0, 0];
    return share(n, d);
  }
}

function tallies(eco: Ecosystem): Record<Exclude<ShareName, 'crossOwnershipTies' | 'soePrivateTies'>, Tally> {
  const access = new Tally();
  for (const i of accessPopulationNumbers(eco))
    access.add(chainsAt(eco, i), hasPlatformAccessAt(eco, i) ? 1 : 0);
  const platforms = new Tally();
  for (const platform of platformsOf(eco)) {
    if (isStateOwned(eco, platform))
      platforms.add(chainsOfEntity(eco, platform), servesAnyFirm(eco, platform) ? 1 : 0);
  }
  const parks = new Tally();
  for (const park of ofKind(eco, 'SciencePark'))
    parks.add(chainScope(eco, park), isPaired(eco, park) ? 1 : 0);
  const funded = new Tally();
  for (const i of growthFirmNumbers(eco)) funded.add(chainsAt(eco, i), isFundedAt(eco, i) ? 1 : 0);
  const inclusion = new Tally();
  for (const i of numbersOfKind(eco, 'PrivateFirm')) {
    const { eligible, excluded } = consortiumStandingAt(eco, i);
    if (eligible.length === 0) continue;
    inclusion.overall[0] += excluded.length === 0 ? 1 : 0;
    inclusion.overall[1] += 1;
    for (const chain of eligible) inclusion.addTo(chain, excluded.includes(chain) ? 0 : 1, 1);
  }
  const needs = new Tally();
  for (const leader of ofKind(eco, 'ChainLeader')) {
    const split = leaderNeeds(eco, leader);
    needs.add(chainsOfEntity(eco, leader), split.sourced.length, split.needs.length);
  }
  return {
    privateFirmsWithAccess: access,
    soePlatformsOpen: platforms,
    parksPaired: parks,
    growthFirmsFunded: funded,
    consortiumInclusion: inclusion,
    leaderNeedsSourced: needs,
  };
}

function sharesOf(
  counts: ReturnType<typeof tallies>,
  ties: TieCounts | undefined,
  pick: (tally: Tally) => Share,
): EcosystemShares {
  const t = ties ?? { known: 0, crossing: 0, soePrivate: 0 };
  return {
    privateFirmsWithAccess: pick(counts.privateFirmsWithAccess),
    soePlatformsOpen: pick(counts.soePlatformsOpen),
    parksPaired: pick(counts.parksPaired),
    growthFirmsFunded: pick(counts.growthFirmsFunded),
    consortiumInclusion: pick(counts.consortiumInclusion),
    leaderNeedsSourced: pick(counts.leaderNeedsSourced),
    crossOwnershipTies: share(t.crossing, t.known),
    soePrivateTies: share(t.soePrivate, t.known),
  };
}

/** Keeps the `k` first items by `compare` in a small sorted array (for top-k of long lists). */
function keepFirst<T>(kept: T[], item: T, k: number, compare: (a: T, b: T) => number): void {
  if (k === 0) return;
  if (kept.length === k) {
    const last = kept[k - 1] as T;
    if (compare(item, last) >= 0) return;
    kept.pop();
  }
  let i = kept.length;
  while (i > 0 && compare(item, kept[i - 1] as T) < 0) i -= 1;
  kept.splice(i, 0, item);
}

/** The tie network of an index: nodes with at least one active tie (numbered in key order). */
interface TieNetwork {
  /** Node keys by tie-network number. */
  tied: string[];
  /** The index's node number of each tie-network node. */
  tiedNumbers: Int32Array;
  /** Each tie's ends as tie-network numbers (ties in the index's order). */
  from: Int32Array;
  to: Int32Array;
  compact: CompactGraph;
}

function tieNetworkOf(eco: Ecosystem): TieNetwork {
  const known = eco.cache.get('tieNetwork') as TieNetwork | undefined;
  if (known) return known;
  const { ties, nodes } = eco;
  const local = new Int32Array(nodes.length).fill(-1);
  for (let k = 0; k < ties.count; k += 1) {
    local[ties.source[k] ?? 0] = 0;
    local[ties.target[k] ?? 0] = 0;
  }
  const tied: string[] = [];
  const numbers: number[] = [];
  nodes.forEach((node, i) => {
    if (local[i] === 0) {
      local[i] = tied.length;
      tied.push(node);
      numbers.push(i);
    }
  });
  const from = new Int32Array(ties.count);
  const to = new Int32Array(ties.count);
  for (let k = 0; k < ties.count; k += 1) {
    from[k] = local[ties.source[k] ?? 0] ?? 0;
    to[k] = local[ties.target[k] ?? 0] ?? 0;
  }
  const network: TieNetwork = {
    tied,
    tiedNumbers: Int32Array.from(numbers),
    from,
    to,
    compact: compactGraph(tied, ties.count, from, to),
  };
  eco.cache.set('tieNetwork', network);
  return network;
}

/**
 * The structure of the tie network the indicators measure (nodes with at least one active tie,
 * numbered in key order; see the module comment): what `networkMeasureValues` needs, as typed
 * arrays another thread can receive. The arrays are the index's own: do not change them.
 */
export function tieNetwork(graph: AbstractGraph, index?: EcosystemIndex): TieTopology {
  assertGraph('tieNetwork', graph);
  const { compact } = tieNetworkOf(useIndex('tieNetwork', graph, index));
  return { starts: compact.starts, neighbours: compact.neighbours, size: compact.size };
}

function settingsOf(resolved: ReturnType<typeof resolveOptions>): NetworkMeasureSettings {
  const { betweennessExactMax, betweennessSamples, betweennessSampledMax, seed, louvainResolution } =
    resolved;
  return { betweennessExactMax, betweennessSamples, betweennessSampledMax, seed, louvainResolution };
}

/** The settings the network measures use under these options (the defaults when none). */
export function networkMeasureSettings(
  options?: Omit<IndicatorsOptions, 'chain' | 'network' | 'topBrokers' | 'bridgeEdgesPerPair'>,
): NetworkMeasureSettings {
  return settingsOf(resolveOptions(options));
}

/**
 * The heavy network measures of a tie network (`tieNetwork`): betweenness (exact up to
 * `betweennessExactMax` nodes, sampled above), Louvain communities and Burt's constraint, as
 * typed arrays by node number. `computeIndicators` computes them itself unless they are handed
 * in; the API runs this function in a worker thread while its main thread does other work.
 */
export function networkMeasureValues(
  topology: TieTopology,
  options?: Omit<IndicatorsOptions, 'chain' | 'network' | 'topBrokers' | 'bridgeEdgesPerPair'>,
): NetworkMeasureValues {
  const settings = settingsOf(resolveOptions(options));
  const betweenness = betweennessOfCompact(topology, settings);
  const communities = communitiesOfCompact(topology, settings.louvainResolution, settings.seed);
  return {
    order: orderOf(topology),
    settings,
    betweenness: betweenness.values,
    betweennessMode: betweenness.mode,
    betweennessSources: betweenness.sources,
    community: communities.values,
    communityCount: communities.count,
    modularity: communities.modularity,
    constraint: constraintOfCompact(topology),
  };
}

/**
 * The values to use: the ones handed in, checked to fit this network and these options, or else
 * computed once per index and settings (the per-chain indicators share them).
 */
function measureValuesFor(
  eco: Ecosystem,
  network: TieNetwork,
  resolved: ReturnType<typeof resolveOptions>,
  given: NetworkMeasureValues | undefined,
): NetworkMeasureValues {
  if (given === undefined) {
    const settings = settingsOf(resolved);
    const key = `networkMeasures:${JSON.stringify(settings)}`;
    const known = eco.cache.get(key) as NetworkMeasureValues | undefined;
    if (known) return known;
    const computed = networkMeasureValues(network.compact, settings);
    eco.cache.set(key, computed);
    return computed;
  }
  const order = network.tied.length;
  if (given.order !== order || given.betweenness.length !== order || given.community.length !== order) {
    fail(
      MODULE,
      `the given network measures are for ${given.order} nodes but this graph's tie network has ${order} ` +
        '(compute them with networkMeasureValues(tieNetwork(graph, index))).',
    );
  }
  if (given.constraint.length !== order) {
    fail(
      MODULE,
      `the given network measures have ${given.constraint.length} constraint values for ${order} nodes.`,
    );
  }
  const expected = settingsOf(resolved);
  for (const key of Object.keys(expected) as (keyof NetworkMeasureSettings)[]) {
    if (given.settings[key] !== expected[key]) {
      fail(
        MODULE,
        `the given network measures were computed with ${String(key)} ${String(given.settings[key])}, ` +
          `these options use ${String(expected[key])}.`,
      );
    }
  }
  return given;
}

function networkOf(
  eco: Ecosystem,
  resolved: ReturnType<typeof resolveOptions>,
  given: NetworkMeasureValues | undefined,
): NetworkIndicators {
  const network = tieNetworkOf(eco);
  const { tied, tiedNumbers, from, to, compact } = network;
  const { ties } = eco;
  const values = measureValuesFor(eco, network, resolved, given);
  const betweenness = byNode(tied, values.betweenness);
  const communityOf = values.community;
  const community = byNode(tied, communityOf);
  const constraint: Record<string, number> = {};
  tied.forEach((node, i) => {
    const value = values.constraint[i] ?? Number.NaN;
    if (!Number.isNaN(value)) constraint[node] = value;
  });

  const brokerageMap = brokerageOf(eco);
  const brokerage: Record<string, BrokerageCounts> = {};
  for (const node of [...brokerageMap.keys()].sort(compareKeys)) {
    const counts = brokerageMap.get(node);
    if (counts) brokerage[node] = counts;
  }

  const rankBrokers = (a: [string, BrokerageCounts], b: [string, BrokerageCounts]) =>
    b[1].soePrivate - a[1].soePrivate ||
    b[1].total - a[1].total ||
    (betweenness[b[0]] ?? 0) - (betweenness[a[0]] ?? 0) ||
    compareKeys(a[0], b[0]);
  const top: [string, BrokerageCounts][] = [];
  for (const entry of brokerageMap) keepFirst(top, entry, resolved.topBrokers, rankBrokers);
  const brokers = top.map(
    ([node, roles]): BrokerEntry => ({
      node,
      name: namesOf(eco.graph, node),
      kind: kindIn(eco, node),
      ownership: ownershipIn(eco, node) ?? null,
      roles,
      betweenness: betweenness[node] ?? 0,
      constraint: constraint[node] ?? null,
    }),
  );

  // Community summaries, in community order (largest first); members in key order.
  const count = values.communityCount;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < tied.length; i += 1) members[communityOf[i] ?? 0]?.push(i);
  const degreeOf = (i: number) => (compact.starts[i + 1] ?? 0) - (compact.starts[i] ?? 0);
  const byDegree = (a: number, b: number) => degreeOf(b) - degreeOf(a) || a - b;
  const summaries = members.map((list, index): CommunitySummary => {
    const byKind: Record<string, number> = {};
    const byOwnership: Record<string, number> = {};
    const hubs: number[] = [];
    for (const i of list) {
      const kind = eco.kindOf[tiedNumbers[i] ?? 0] ?? '';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      const group = OWNERSHIPS[eco.groupOf[tiedNumbers[i] ?? 0] ?? -1] ?? 'unknown';
      byOwnership[group] = (byOwnership[group] ?? 0) + 1;
      keepFirst(hubs, i, 3, byDegree);
    }
    return {
      community: index,
      size: list.length,
      byKind,
      byOwnership,
      hubs: hubs.map((i) => tied[i] as string),
    };
  });

  const bridgesByPair = new Map<number, CommunityBridge>();
  for (let k = 0; k < ties.count; k += 1) {
    const a = communityOf[from[k] ?? 0] ?? 0;
    const b = communityOf[to[k] ?? 0] ?? 0;
    if (a === b) continue;
    const pair: [number, number] = a < b ? [a, b] : [b, a];
    const code = pair[0] * count + pair[1];
    let bridge = bridgesByPair.get(code);
    if (!bridge) {
      bridge = { communities: pair, ties: 0, edges: [] };
      bridgesByPair.set(code, bridge);
    }
    bridge.ties += 1;
    keepFirst(bridge.edges, ties.edge[k] as string, resolved.bridgeEdgesPerPair, compareKeys);
  }
  const bridges = [...bridgesByPair.values()].sort(
    (x, y) => y.ties - x.ties || x.communities[0] - y.communities[0] || x.communities[1] - y.communities[1],
  );

  return {
    brokerage,
    constraint,
    betweenness,
    betweennessMode: values.betweennessMode,
    brokers,
    communities: { count, modularity: values.modularity, membership: community, summaries },
    bridges,
  };
}

/** The planner's indicators (see the module comment); deterministic for a given seed. */
export function computeIndicators(
  graph: AbstractGraph,
  options?: IndicatorsOptions,
  index?: EcosystemIndex,
  measures?: NetworkMeasureValues,
): Indicators {
  assertGraph(MODULE, graph);
  const resolved = resolveOptions(options);
  const eco = useIndex(MODULE, graph, index);
  chainFilter(MODULE, eco, resolved.chain);
  const counts = tallies(eco);
  const ties = ownershipTiesOf(eco);
  const brokers = brokersByChain(eco);
  let soePrivateBrokers = 0;
  for (const roles of brokerageOf(eco).values()) if (roles.soePrivate > 0) soePrivateBrokers += 1;
  const chainIds = resolved.chain === undefined ? ofKind(eco, 'IndustryChain') : [resolved.chain];
  const chains = chainIds.map(
    (chain): ChainIndicators => ({
      chain,
      name: namesOf(graph, chain),
      shares: sharesOf(counts, ties.byChain.get(chain), (tally) => tally.chainShare(chain)),
      soePrivateBrokers: brokers.get(chain)?.length ?? 0,
    }),
  );
  return {
    overall: { shares: sharesOf(counts, ties.overall, (tally) => tally.overallShare()), soePrivateBrokers },
    chains,
    network: resolved.network ? networkOf(eco, resolved, measures) : null,
  };
}
