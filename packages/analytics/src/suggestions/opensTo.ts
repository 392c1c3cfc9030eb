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
import type { Scored } from './common.js';
import {
  bestCoverage,
  districtsOf,
  keepTop,
  scoreOf,
  shares,
  suggestion,
  tagWords,
  wordSet,
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
  chains: readonly string[];
  parks: readonly string[];
  districts: string[];
  domains: { tag: string; words: string[] }[];
  operators: readonly string[];
  openness: string;
  served: number;
  capacity: number | undefined;
}

function listIn(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function opensToSuggestionsOf(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  perGap: number,
): Suggestion[] {
  const info = new Map<string, PlatformInfo>();
  const byChain = new Map<string, string[]>();
  /** chain → domain word → platforms. */
  const byChainWord = new Map<string, Map<string, string[]>>();
  const byPark = new Map<string, string[]>();
  const byOperator = new Map<string, string[]>();
  for (const platform of platformsOf(eco)) {
    const p: PlatformInfo = {
      chains: chainsOfEntity(eco, platform),
      parks: parksOfEntity(eco, platform),
      districts: districtsOf(eco, platform),
      domains: tagWords(tagsAttribute(eco, platform, 'domains')),
      operators: inOf(eco, 'OPERATES', platform),
      openness: stringAttribute(eco, platform, 'openness') ?? '',
      served: outOf(eco, 'OPENS_TO', platform).filter((f) => eco.kind.get(f) === 'PrivateFirm').length,
      capacity: numberAttribute(eco, platform, 'capacity'),
    };
    info.set(platform, p);
    for (const chain of p.chains) {
      listIn(byChain, chain, platform);
      let byWord = byChainWord.get(chain);
      if (!byWord) {
        byWord = new Map();
        byChainWord.set(chain, byWord);
      }
      for (const word of new Set(p.domains.flatMap((d) => d.words))) listIn(byWord, word, platform);
    }
    for (const park of p.parks) listIn(byPark, park, platform);
    for (const leader of p.operators) listIn(byOperator, leader, platform);
  }

  const result: Suggestion[] = [];
  for (const firm of accessGapFirms(eco)) {
    if (!inChain(firm)) continue;
    const chains = chainsOfEntity(eco, firm);
    const parks = parksOfEntity(eco, firm);
    const districts = districtsOf(eco, firm);
    const leaders = new Set(leadersSupplied(eco, firm));
    const capabilities = tagsAttribute(eco, firm, 'capabilities');
    const sector = stringAttribute(eco, firm, 'sector');
    const offered = wordSet(sector ? [...capabilities, sector] : capabilities);

    const candidates = new Set<string>();
    for (const chain of chains) {
      const byWord = byChainWord.get(chain);
      for (const word of offered) for (const p of byWord?.get(word) ?? []) candidates.add(p);
    }
    for (const park of parks) for (const p of byPark.get(park) ?? []) candidates.add(p);
    for (const leader of leaders) for (const p of byOperator.get(leader) ?? []) candidates.add(p);
    if (candidates.size === 0)
      for (const chain of chains) for (const p of byChain.get(chain) ?? []) candidates.add(p);

    const kept: Scored[] = [];
    for (const platform of candidates) {
      const p = info.get(platform);
      if (!p) continue;
      const values = [
        shares(chains, p.chains) ? 1 : 0,
        bestCoverage(p.domains, offered).value,
        shares(parks, p.parks) ? 1 : shares(districts, p.districts) ? 0.5 : 0,
        p.operators.some((l) => leaders.has(l)) ? 1 : 0,
        OPENNESS_VALUE[p.openness] ?? 0.5,
        p.capacity ? Math.max(0, 1 - p.served / p.capacity) : 1 / (1 + p.served / 10),
      ];
      keepTop(
        kept,
        { gap: firm, candidate: platform, values, score: scoreOf(values, OPENS_TO_WEIGHTS) },
        perGap,
      );
    }

    for (const scored of kept) {
      const platform = scored.candidate;
      const p = info.get(platform) as PlatformInfo;
      const chain = shares(chains, p.chains);
      const match = bestCoverage(p.domains, offered);
      const park = shares(parks, p.parks);
      const district = shares(districts, p.districts);
      const operators = p.operators.filter((l) => leaders.has(l)).sort(compareKeys);
      const notes: Bilingual[] = [
        chain
          ? { zh: `同属${nameList(eco.graph, [chain]).zh}`, en: `both in ${nameList(eco.graph, [chain]).en}` }
          : { zh: '不在同一产业链', en: 'not in the same chain' },
        match.tag
          ? {
              zh: `企业能力与平台方向“${match.tag}”相符（${percent(match.value)}）`,
              en: `the firm's capabilities match the platform's domain '${match.tag}' (${percent(match.value)})`,
            }
          : { zh: '企业能力与平台方向无共同之处', en: "no capability matches the platform's domains" },
        park
          ? { zh: `同在${nameList(eco.graph, [park]).zh}`, en: `both in ${nameList(eco.graph, [park]).en}` }
          : district
            ? { zh: `同在${district}`, en: `both in ${district}` }
            : { zh: '不在同一园区或区县', en: 'not in the same park or district' },
        operators.length > 0
          ? {
              zh: `企业为平台运营方${nameList(eco.graph, operators).zh}配套`,
              en: `the firm supplies the platform's operator ${nameList(eco.graph, operators).en}`,
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
      result.push(suggestion('OPENS_TO', platform, firm, scored, OPENS_TO_FACTORS, OPENS_TO_WEIGHTS, notes));
    }
  }
  return result;
}
