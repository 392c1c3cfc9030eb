/**
 * OPENS_TO suggestions: a lab or pilot base opening to a private firm that reaches none (closes
 * an access gap).
 *
 * Candidates for each access-gap firm, found through indexes rather than every platform: the
 * platforms of its chains whose domains share a word with its capabilities or sector, the
 * platforms in its parks and the platforms operated by the chain leaders it supplies (all the
 * platforms of its chains when none of these exist). Each candidate is scored (weights sum to 1):
 * - sameChain 0.2: 1 when the platform belongs to one of the firm's chains;
 * - capability 0.3: the best share of one platform domain's words found among the firm's
 *   capabilities and sector ("autonomous driving" vs "autonomous-driving scenario
 *   optimisation": 2 of 2 words, 1);
 * - location 0.15: 1 in the same park, 0.5 in the same district, else 0;
 * - supplierLink 0.15: 1 when a chain leader the firm supplies operates the platform (以大带小);
 * - openness 0.1: declared openness, open 1, partial 0.5, closed 0 (unknown 0.5);
 * - spareCapacity 0.1: 1 − firms served / capacity for a platform with a capacity, else
 *   1 / (1 + firms served / 10), so a platform already serving ten firms scores 0.5.
 */
import type { Bilingual } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import {
  byFirstChain,
  chainsOfEntity,
  inOf,
  leadersSupplied,
  numberAttribute,
  outOf,
  parksOfEntity,
  stringAttribute,
  tagsAttribute,
} from '../ecosystem.js';
import { accessGapFirms } from '../gaps/accessGaps.js';
import { platformsOf } from '../gaps/closedPlatformGaps.js';
import { compareKeys } from '../graph.js';
import { nameList, percent, plural } from '../text.js';
import type { Candidates, Scored } from './common.js';
import {
  bestCoverage,
  cachedWordSet,
  coverageValue,
  districtsOf,
  districtsOfParks,
  Marks,
  ScoreFloor,
  scoreOf,
  shares,
  suggestion,
  TopCandidates,
  tagWords,
} from './common.js';
import type { Suggestion } from './types.js';

export const OPENS_TO_FACTORS = [
  'sameChain',
  'capability',
  'location',
  'supplierLink',
  'openness',
  'spareCapacity',
] as const;
export const OPENS_TO_WEIGHTS = [0.2, 0.3, 0.15, 0.15, 0.1, 0.1] as const;

const OPENNESS_VALUE: Record<string, number> = { open: 1, partial: 0.5, closed: 0 };
const OPENNESS_NAME: Record<string, Bilingual> = {
  open: { zh: '开放', en: 'open' },
  partial: { zh: '部分开放', en: 'partly open' },
  closed: { zh: '未开放', en: 'closed' },
};

interface PlatformInfo {
  key: string;
  /** Numbers of its chains, parks, districts and domain words (for scoring). */
  chainIds: number[];
  parkIds: number[];
  districtIds: number[];
  domainWordIds: number[][];
  operatorIds: number[];
  /** The platform's own factors: declared openness and spare capacity, and their weighted sum. */
  opennessValue: number;
  spareCapacity: number;
  own: number;
  chains: readonly string[];
  parks: readonly string[];
  districts: string[];
  domains: { tag: string; words: string[] }[];
  operators: readonly string[];
  openness: string;
  served: number;
  capacity: number | undefined;
}

/** What the scores read about an access-gap firm. */
interface FirmContext {
  chains: readonly string[];
  parks: readonly string[];
  districts: string[];
  leaders: Set<string>;
  offered: Set<string>;
}

function firmContext(eco: Ecosystem, firm: string, wordCache: Map<string, string[]>): FirmContext {
  return {
    chains: chainsOfEntity(eco, firm),
    parks: parksOfEntity(eco, firm),
    districts: districtsOf(eco, firm),
    leaders: new Set(leadersSupplied(eco, firm)),
    offered: offeredWords(eco, firm, wordCache),
  };
}

/** The words of a firm's capabilities and sector. */
function offeredWords(eco: Ecosystem, firm: string, wordCache: Map<string, string[]>): Set<string> {
  const capabilities = tagsAttribute(eco, firm, 'capabilities');
  const sector = stringAttribute(eco, firm, 'sector');
  return cachedWordSet(sector ? [...capabilities, sector] : capabilities, wordCache);
}

const [W_CHAIN, W_CAPABILITY, W_LOCATION, W_SUPPLIER, W_OPENNESS, W_SPARE] = OPENS_TO_WEIGHTS;

function listIn<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The OPENS_TO candidates of every access-gap firm (see the module comment) that can be among
 *  the first `limit` (see ScoreFloor). */
export function opensToCandidates(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  perGap: number,
  limit: number,
): Candidates {
  // Platforms by number (in key order), and the indexes that find them.
  const platforms: PlatformInfo[] = [];
  const byKey = new Map<string, PlatformInfo>();
  const byChain = new Map<string, number[]>();
  /** chain → domain word → platforms. */
  const byChainWord = new Map<string, Map<string, number[]>>();
  const byPark = new Map<string, number[]>();
  const byOperator = new Map<string, number[]>();
  const chainMarks = new Marks();
  const parkMarks = new Marks();
  const districtMarks = new Marks();
  const wordMarks = new Marks();
  const leaderMarks = new Marks();
  let bestOwn = 0;
  for (const platform of platformsOf(eco)) {
    const chains = chainsOfEntity(eco, platform);
    const parks = parksOfEntity(eco, platform);
    const districts = districtsOf(eco, platform);
    const domains = tagWords(tagsAttribute(eco, platform, 'domains'));
    const operators = inOf(eco, 'OPERATES', platform);
    const openness = stringAttribute(eco, platform, 'openness') ?? '';
    const served = outOf(eco, 'OPENS_TO', platform, 'PrivateFirm').length;
    const capacity = numberAttribute(eco, platform, 'capacity');
    const opennessValue = OPENNESS_VALUE[openness] ?? 0.5;
    const spareCapacity = capacity ? Math.max(0, 1 - served / capacity) : 1 / (1 + served / 10);
    const own = W_OPENNESS * opennessValue + W_SPARE * spareCapacity;
    if (own > bestOwn) bestOwn = own;
    const p: PlatformInfo = {
      key: platform,
      chainIds: chainMarks.idsOf(chains),
      parkIds: parkMarks.idsOf(parks),
      districtIds: districtMarks.idsOf(districts),
      domainWordIds: domains.map((d) => wordMarks.idsOf(d.words)),
      operatorIds: leaderMarks.idsOf(operators),
      opennessValue,
      spareCapacity,
      own,
      chains,
      parks,
      districts,
      domains,
      operators,
      openness,
      served,
      capacity,
    };
    const number = platforms.length;
    platforms.push(p);
    byKey.set(platform, p);
    for (const chain of p.chains) {
      listIn(byChain, chain, number);
      let byWord = byChainWord.get(chain);
      if (!byWord) {
        byWord = new Map();
        byChainWord.set(chain, byWord);
      }
      for (const word of new Set(p.domains.flatMap((d) => d.words))) listIn(byWord, word, number);
    }
    for (const park of p.parks) listIn(byPark, park, number);
    for (const leader of p.operators) listIn(byOperator, leader, number);
  }

  const kept: Scored[] = [];
  // Candidates of the current firm, without repeats: seen[p] === stamp.
  const seen = new Int32Array(platforms.length);
  const candidates: number[] = [];
  const values = [0, 0, 0, 0, 0, 0];
  const top = new TopCandidates(perGap, values.length);
  const floor = new ScoreFloor(limit);
  let stamp = 0;
  const add = (list: readonly number[] | undefined) => {
    if (!list) return;
    for (const p of list) {
      if (seen[p] === stamp) continue;
      seen[p] = stamp;
      candidates.push(p);
    }
  };
  const wordCache = new Map<string, string[]>();
  for (const firm of byFirstChain(eco, accessGapFirms(eco))) {
    if (!inChain(firm)) continue;
    // The firm's best possible score: a platform of its chain, in its park, run by a leader it
    // supplies, matching all its words, with the best own factors of any platform.
    const firmParks = parksOfEntity(eco, firm);
    const firmLeaders = leadersSupplied(eco, firm);
    const best =
      W_CHAIN +
      W_CAPABILITY +
      (firmParks.length > 0 ? W_LOCATION : 0) +
      (firmLeaders.length > 0 ? W_SUPPLIER : 0) +
      bestOwn;
    if (!floor.reaches(best)) continue;
    stamp += 1;
    candidates.length = 0;
    // Once no platform without a supplier link can reach the floor, the candidates that can are
    // among those run by the leaders the firm supplies (the other sources and the fallback to
    // every platform of its chains add none that can).
    const operatorsOnly = !floor.reaches(W_CHAIN + W_CAPABILITY + W_LOCATION + bestOwn);
    if (operatorsOnly) {
      for (const leader of firmLeaders) add(byOperator.get(leader));
      if (candidates.length === 0) continue;
    }
    const chains = chainsOfEntity(eco, firm);
    // The firm's words only when a candidate can reach the floor with a full capability match.
    let offered: Set<string> | null = null;
    if (!operatorsOnly) {
      offered = offeredWords(eco, firm, wordCache);
      for (const chain of chains) {
        const byWord = byChainWord.get(chain);
        if (byWord) for (const word of offered) add(byWord.get(word));
      }
      for (const park of firmParks) add(byPark.get(park));
      for (const leader of firmLeaders) add(byOperator.get(leader));
      if (candidates.length === 0) for (const chain of chains) add(byChain.get(chain));
    }

    chainMarks.mark(chains);
    parkMarks.mark(firmParks);
    districtMarks.mark(districtsOfParks(eco, firmParks));
    leaderMarks.mark(firmLeaders);
    let wordsMarked = false;
    for (const number of candidates) {
      const p = platforms[number] as PlatformInfo;
      const sameChain = chainMarks.hasAny(p.chainIds) ? 1 : 0;
      const location = parkMarks.hasAny(p.parkIds) ? 1 : districtMarks.hasAny(p.districtIds) ? 0.5 : 0;
      const supplierLink = leaderMarks.hasAny(p.operatorIds) ? 1 : 0;
      const bound =
        W_CHAIN * sameChain + W_CAPABILITY + W_LOCATION * location + W_SUPPLIER * supplierLink + p.own;
      if (!floor.reaches(bound)) continue;
      if (!wordsMarked) {
        wordMarks.mark(offered ?? offeredWords(eco, firm, wordCache));
        wordsMarked = true;
      }
      values[0] = sameChain;
      values[1] = coverageValue(p.domainWordIds, wordMarks);
      values[2] = location;
      values[3] = supplierLink;
      values[4] = p.opennessValue;
      values[5] = p.spareCapacity;
      top.offer(p.key, values, scoreOf(values, OPENS_TO_WEIGHTS));
    }
    top.drain(firm, kept, floor);
  }

  const describe = (scored: Scored): Suggestion => {
    const firm = scored.gap;
    const platform = scored.candidate;
    const { chains, parks, districts, leaders, offered } = firmContext(eco, firm, wordCache);
    const p = byKey.get(platform) as PlatformInfo;
    const chain = shares(chains, p.chains);
    const match = bestCoverage(p.domains, offered);
    const park = shares(parks, p.parks);
    const district = shares(districts, p.districts);
    const operators = p.operators.filter((l) => leaders.has(l)).sort(compareKeys);
    const notes: Bilingual[] = [
      chain
        ? { zh: `同属${nameList(eco, [chain]).zh}`, en: `both in ${nameList(eco, [chain]).en}` }
        : { zh: '不在同一产业链', en: 'not in the same chain' },
      match.tag
        ? {
            zh: `企业能力与平台方向“${match.tag}”相符（${percent(match.value)}）`,
            en: `the firm's capabilities match the platform's domain '${match.tag}' (${percent(match.value)})`,
          }
        : { zh: '企业能力与平台方向无共同之处', en: "no capability matches the platform's domains" },
      park
        ? { zh: `同在${nameList(eco, [park]).zh}`, en: `both in ${nameList(eco, [park]).en}` }
        : district
          ? { zh: `同在${district}`, en: `both in ${district}` }
          : { zh: '不在同一园区或区县', en: 'not in the same park or district' },
      operators.length > 0
        ? {
            zh: `企业为平台运营方${nameList(eco, operators).zh}配套`,
            en: `the firm supplies the platform's operator ${nameList(eco, operators).en}`,
          }
        : { zh: '企业不为平台运营方配套', en: "the firm does not supply the platform's operator" },
      OPENNESS_NAME[p.openness]
        ? {
            zh: `平台登记为“${OPENNESS_NAME[p.openness]?.zh}”`,
            en: `the platform is declared ${OPENNESS_NAME[p.openness]?.en}`,
          }
        : { zh: '平台开放状态未知', en: 'openness unknown' },
      p.capacity
        ? {
            zh: `已服务${p.served}家企业，容量${p.capacity}`,
            en: `serves ${plural(p.served, 'firm')} of a capacity of ${p.capacity}`,
          }
        : { zh: `已服务${p.served}家企业`, en: `serves ${plural(p.served, 'firm')}` },
    ];
    return suggestion('OPENS_TO', platform, firm, scored, OPENS_TO_FACTORS, OPENS_TO_WEIGHTS, notes);
  };
  return { type: 'OPENS_TO', kept, describe };
}
