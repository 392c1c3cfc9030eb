/**
 * Access gap: a private firm in an industry chain that no lab or pilot base opens to.
 *
 * Rule: every PrivateFirm with at least one active BELONGS_TO chain and no active OPENS_TO
 * from a Lab or PilotBase (planned openings do not count; they are named in the reasons).
 *
 * Severity = 0.4 + 0.15 × min(chain leaders it supplies, 2) + 0.2 × stage + 0.1 × advanced,
 * where stage is 1 for growth, 0.5 for seed (or unknown), 0 for mature (a mature firm has its
 * own facilities), and advanced is 1 when the firm offers advanced services. So a growth-stage
 * supplier of two chain leaders with advanced services scores 1, a mature firm that supplies no
 * leader 0.4.
 */
import { VALUE_NAMES } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import {
  attributeAt,
  chainsAt,
  hasPlatformAccessAt,
  leadersSuppliedAt,
  numbersOfKind,
  PLATFORM_KINDS,
  proposedAt,
  stringAttributeAt,
} from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { nameList, plural, sentence } from '../text.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'accessGaps';

export const STAGE_WEIGHT: Record<string, number> = { growth: 1, seed: 0.5, mature: 0 };

/** Firms counted by the access gap and the access indicator: private firms in a chain. */
export function accessPopulation(eco: Ecosystem): string[] {
  return accessPopulationNumbers(eco).map((i) => eco.nodes[i] as string);
}

/** `accessPopulation` as node numbers (in key order). */
export function accessPopulationNumbers(eco: Ecosystem): number[] {
  const numbers: number[] = [];
  for (const i of numbersOfKind(eco, 'PrivateFirm')) if (chainsAt(eco, i).length > 0) numbers.push(i);
  return numbers;
}

/** The access-gap firms (sorted), computed once per index. */
export function accessGapFirms(eco: Ecosystem): Set<string> {
  const key = 'accessGapFirms';
  const known = eco.cache.get(key) as Set<string> | undefined;
  if (known) return known;
  const firms = new Set<string>();
  for (const i of accessPopulationNumbers(eco)) {
    if (!hasPlatformAccessAt(eco, i)) firms.add(eco.nodes[i] as string);
  }
  eco.cache.set(key, firms);
  return firms;
}

/** Leader clause shared by the access, capital and consortium reasons. */
export function suppliesClause(eco: Ecosystem, leaders: readonly string[]) {
  if (leaders.length === 0) return { zh: '未为链主企业配套', en: 'supplies no chain leader' };
  const names = nameList(eco, leaders);
  return {
    zh: `为${leaders.length}家链主企业配套（${names.zh}）`,
    en: `supplies ${plural(leaders.length, 'chain leader')} (${names.en})`,
  };
}

/** Severity of an access-gap firm (formula in the module comment). */
function accessSeverity(eco: Ecosystem, i: number): number {
  const leaders = leadersSuppliedAt(eco, i).length;
  const stage = stringAttributeAt(eco, i, 'stage');
  const advanced = attributeAt(eco, i, 'advancedServices') === true;
  return 0.4 + 0.15 * Math.min(leaders, 2) + 0.2 * (STAGE_WEIGHT[stage ?? ''] ?? 0.5) + (advanced ? 0.1 : 0);
}

export function accessGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapEntry[] {
  const entries: GapEntry[] = [];
  for (const firm of accessGapFirms(eco)) {
    if (!inChain(firm)) continue;
    entries.push(gapEntry('access', firm, accessSeverity(eco, eco.index.get(firm) ?? 0)));
  }
  return entries;
}

/** The reasons of an access gap and the chains, leaders and planned platforms they name. */
export function describeAccessGap(eco: Ecosystem, entry: GapEntry): GapItem {
  const i = eco.index.get(entry.entity) ?? 0;
  const chains = chainsAt(eco, i);
  const leaders = leadersSuppliedAt(eco, i);
  const stage = stringAttributeAt(eco, i, 'stage');
  const advanced = attributeAt(eco, i, 'advancedServices') === true;
  const chainNames = nameList(eco, chains);
  const clauses = [{ zh: `民营企业，属于${chainNames.zh}`, en: `Private firm in ${chainNames.en}` }];
  const stageName = stage ? VALUE_NAMES[stage] : undefined;
  if (stageName) clauses.push({ zh: stageName.zh, en: `${stageName.en.toLowerCase()} stage` });
  if (advanced) clauses.push({ zh: '提供高端服务', en: 'offers advanced services' });
  clauses.push(suppliesClause(eco, leaders));
  const planned = proposedAt(eco, 'OPENS_TO', i, PLATFORM_KINDS);
  if (planned.length > 0) {
    const names = nameList(eco, planned);
    clauses.push({
      zh: `未获得任何实验室或中试基地开放（${planned.length}项开放尚在计划中：${names.zh}）`,
      en: `reaches no open lab or pilot base (${plural(planned.length, 'opening')} only planned: ${names.en})`,
    });
  } else {
    clauses.push({ zh: '未获得任何实验室或中试基地开放', en: 'reaches no open lab or pilot base' });
  }
  return gapItem(entry, sentence(clauses), [...chains, ...leaders, ...planned]);
}

/** Access gaps of the graph, most severe first (see the module comment for rule and severity). */
export function accessGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return describedInOrder(accessGapsOf(eco, inChain), (entry) => describeAccessGap(eco, entry));
}
