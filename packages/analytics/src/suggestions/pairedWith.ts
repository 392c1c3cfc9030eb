/**
 * PAIRED_WITH suggestions: a service institution paired with a science park that has none
 * (closes a pairing gap).
 *
 * Candidates for each unpaired park: the service institutions of the park's chains, those
 * located in the park or in its district, and those with a planned pairing to it (all service
 * institutions when none of these exist). Each is scored (weights sum to 1):
 * - serviceFit 0.35: how much of what the park needs the institution's service areas cover,
 *   min(1, Σ need(area)). A park's needs come from the private firms it hosts: incubation = share
 *   of seed-stage firms, common-tech-rd = share of growth-stage firms, market-integration =
 *   share of mature firms, resource-attraction = 1 − min(hosted firms, 10) / 10 (an empty park
 *   needs firms brought in);
 * - sameChain 0.2: 1 when the institution belongs to one of the park's chains;
 * - location 0.2: 1 when it is located in the park, 0.5 in the same district, else 0;
 * - spareCapacity 0.15: 1 / (1 + parks it is already actively paired with);
 * - planned 0.1: 1 when a planned pairing between the two already exists.
 */
import type { Bilingual } from '@innograph/model';
import { SERVICE_AREAS } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import {
  bothOf,
  chainScope,
  chainsOfEntity,
  isPaired,
  kindIn,
  ofKind,
  parksOfEntity,
  proposedOf,
  stringAttribute,
  tagsAttribute,
} from '../ecosystem.js';
import { hostedFirms } from '../gaps/pairingGaps.js';
import { nameList, percent } from '../text.js';
import type { Candidates, Scored } from './common.js';
import { districtsOf, keepTop, ScoreFloor, scoreOf, shares, suggestion } from './common.js';
import type { Suggestion } from './types.js';

export const PAIRED_WITH_FACTORS = [
  'serviceFit',
  'sameChain',
  'location',
  'spareCapacity',
  'planned',
] as const;
export const PAIRED_WITH_WEIGHTS = [0.35, 0.2, 0.2, 0.15, 0.1] as const;

const AREA_NAMES: Record<string, Bilingual> = {
  'resource-attraction': { zh: '资源招引落地', en: 'resource attraction' },
  'common-tech-rd': { zh: '共性技术攻关', en: 'common-technology R&D' },
  incubation: { zh: '孵化', en: 'incubation' },
  'market-integration': { zh: '市场整合', en: 'market integration' },
};

/** What a park needs from each service area (see the module comment). */
export function parkNeeds(eco: Ecosystem, park: string): Record<string, number> {
  const firms = hostedFirms(eco, park);
  const stages: Record<string, number> = { seed: 0, growth: 0, mature: 0 };
  for (const firm of firms) {
    const stage = stringAttribute(eco, firm, 'stage') ?? '';
    if (stage in stages) stages[stage] = (stages[stage] ?? 0) + 1;
  }
  const n = firms.length;
  return {
    'resource-attraction': 1 - Math.min(n, 10) / 10,
    'common-tech-rd': n === 0 ? 0 : (stages.growth ?? 0) / n,
    incubation: n === 0 ? 0 : (stages.seed ?? 0) / n,
    'market-integration': n === 0 ? 0 : (stages.mature ?? 0) / n,
  };
}

interface ServiceInfo {
  chains: readonly string[];
  parks: readonly string[];
  districts: string[];
  areas: string[];
  load: number;
}

function listIn(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const [W_FIT, W_CHAIN, W_LOCATION, W_SPARE, W_PLANNED] = PAIRED_WITH_WEIGHTS;

/** The PAIRED_WITH candidates of every unpaired park (see the module comment) that can be among
 *  the first `limit` (see ScoreFloor). */
export function pairedWithCandidates(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  perGap: number,
  limit: number,
): Candidates {
  const services = ofKind(eco, 'ServiceInstitution');
  const byChain = new Map<string, string[]>();
  const byPark = new Map<string, string[]>();
  const byDistrict = new Map<string, string[]>();
  const info = new Map<string, ServiceInfo>();
  let bestSpare = 0;
  for (const service of services) {
    const s = {
      chains: chainsOfEntity(eco, service),
      parks: parksOfEntity(eco, service),
      districts: districtsOf(eco, service),
      areas: tagsAttribute(eco, service, 'serviceAreas').filter((a) =>
        (SERVICE_AREAS as readonly string[]).includes(a),
      ),
      load: bothOf(eco, 'PAIRED_WITH', service).filter((p) => kindIn(eco, p) === 'SciencePark').length,
    };
    info.set(service, s);
    bestSpare = Math.max(bestSpare, 1 / (1 + s.load));
    for (const chain of s.chains) listIn(byChain, chain, service);
    for (const park of s.parks) listIn(byPark, park, service);
    for (const district of s.districts) listIn(byDistrict, district, service);
  }

  const kept: Scored[] = [];
  const floor = new ScoreFloor(limit);
  for (const park of ofKind(eco, 'SciencePark')) {
    if (isPaired(eco, park) || !inChain(park)) continue;
    const chains = chainScope(eco, park);
    const district = stringAttribute(eco, park, 'district');
    const planned = new Set(proposedOf(eco, 'PAIRED_WITH', park));
    const needs = parkNeeds(eco, park);

    // Once no institution outside the park and its district can reach the floor, the candidates
    // that can are those located there (the chains', the planned ones and the fallback to every
    // institution add none that can).
    const placedOnly = !floor.reaches(W_FIT + W_CHAIN + W_SPARE * bestSpare + W_PLANNED);
    const candidates = new Set<string>();
    if (!placedOnly) for (const chain of chains) for (const s of byChain.get(chain) ?? []) candidates.add(s);
    for (const s of byPark.get(park) ?? []) candidates.add(s);
    if (district) for (const s of byDistrict.get(district) ?? []) candidates.add(s);
    if (!placedOnly) for (const s of planned) if (info.has(s)) candidates.add(s);
    const pool = candidates.size > 0 || placedOnly ? candidates : services;

    const top: Scored[] = [];
    for (const service of pool) {
      const s = info.get(service);
      if (!s) continue;
      let fit = 0;
      for (const area of s.areas) fit += needs[area] ?? 0;
      const serviceFit = Math.min(1, fit);
      const sameChain = shares(chains, s.chains) ? 1 : 0;
      const location = s.parks.includes(park) ? 1 : district && s.districts.includes(district) ? 0.5 : 0;
      const spare = 1 / (1 + s.load);
      const isPlanned = planned.has(service) ? 1 : 0;
      const bound =
        W_FIT * serviceFit +
        W_CHAIN * sameChain +
        W_LOCATION * location +
        W_SPARE * spare +
        W_PLANNED * isPlanned;
      if (!floor.reaches(bound)) continue;
      const values = [serviceFit, sameChain, location, spare, isPlanned];
      keepTop(top, park, service, values, scoreOf(values, PAIRED_WITH_WEIGHTS), perGap);
    }
    for (const scored of top) {
      kept.push(scored);
      floor.add(scored.score);
    }
  }

  const describe = (scored: Scored): Suggestion => {
    const park = scored.gap;
    const service = scored.candidate;
    const s = info.get(service) as ServiceInfo;
    const chains = chainScope(eco, park);
    const district = stringAttribute(eco, park, 'district');
    const planned = proposedOf(eco, 'PAIRED_WITH', park).includes(service);
    const chain = shares(chains, s.chains);
    const areas = s.areas.map((a) => AREA_NAMES[a] ?? { zh: a, en: a });
    const notes: Bilingual[] = [
      {
        zh: `服务领域${areas.map((a) => a.zh).join('、') || '未知'}覆盖园区需求的${percent(scored.values[0] ?? 0)}`,
        en: `its service areas (${areas.map((a) => a.en).join(', ') || 'none'}) cover ${percent(scored.values[0] ?? 0)} of the park's needs`,
      },
      chain
        ? { zh: `同属${nameList(eco, [chain]).zh}`, en: `both in ${nameList(eco, [chain]).en}` }
        : { zh: '不在同一产业链', en: 'not in the same chain' },
      s.parks.includes(park)
        ? { zh: '位于该园区内', en: 'located in the park' }
        : district && s.districts.includes(district)
          ? { zh: `同在${district}`, en: `both in ${district}` }
          : { zh: '不在该园区或同一区县', en: 'not in the park or its district' },
      {
        zh: `已与${s.load}个园区结对`,
        en: `already paired with ${s.load} ${s.load === 1 ? 'park' : 'parks'}`,
      },
      planned
        ? { zh: '双方结对已在计划中', en: 'a pairing of the two is already planned' }
        : { zh: '尚无结对计划', en: 'no pairing planned yet' },
    ];
    return suggestion('PAIRED_WITH', service, park, scored, PAIRED_WITH_FACTORS, PAIRED_WITH_WEIGHTS, notes);
  };
  return { type: 'PAIRED_WITH', kept, describe };
}
