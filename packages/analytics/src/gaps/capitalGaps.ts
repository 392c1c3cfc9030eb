/**
 * Capital gap: a growth-stage private firm that no fund invests in.
 *
 * Rule: every PrivateFirm with `stage: 'growth'` and no active INVESTS_IN from a Fund (in a
 * chain or not: DOMAIN.md does not restrict this gap to chains).
 *
 * Severity = 0.5 + 0.1 × min(chain leaders it supplies, 2) + 0.2 × smallness + 0.1 × advanced,
 * where smallness is 1 for revenue under 10M yuan, 0.75 for 10M–100M, 0.25 for 100M–1B, 0 above
 * (0.5 when unknown): small growth firms that already supply the chain need patient capital most.
 */
import type { Ecosystem } from '../ecosystem.js';
import {
  attributeAt,
  chainsAt,
  isFundedAt,
  leadersSuppliedAt,
  numbersOfKind,
  stringAttributeAt,
} from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { nameList, sentence } from '../text.js';
import { suppliesClause } from './accessGaps.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'capitalGaps';

export const SMALLNESS: Record<string, number> = {
  under10m: 1,
  '10m-100m': 0.75,
  '100m-1b': 0.25,
  over1b: 0,
};
const REVENUE_NAMES: Record<string, { zh: string; en: string }> = {
  under10m: { zh: '营收低于1000万元', en: 'revenue under 10M yuan' },
  '10m-100m': { zh: '营收1000万至1亿元', en: 'revenue 10M–100M yuan' },
  '100m-1b': { zh: '营收1亿至10亿元', en: 'revenue 100M–1B yuan' },
  over1b: { zh: '营收超过10亿元', en: 'revenue over 1B yuan' },
};

/** Growth-stage private firms: the capital gap's and the funding indicator's population. */
export function growthFirms(eco: Ecosystem): string[] {
  return growthFirmNumbers(eco).map((i) => eco.nodes[i] as string);
}

/** `growthFirms` as node numbers (in key order). */
export function growthFirmNumbers(eco: Ecosystem): number[] {
  const numbers: number[] = [];
  for (const i of numbersOfKind(eco, 'PrivateFirm')) {
    if (stringAttributeAt(eco, i, 'stage') === 'growth') numbers.push(i);
  }
  return numbers;
}

export function capitalGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapEntry[] {
  const entries: GapEntry[] = [];
  for (const i of growthFirmNumbers(eco)) {
    const firm = eco.nodes[i] as string;
    if (isFundedAt(eco, i) || !inChain(firm)) continue;
    const leaders = leadersSuppliedAt(eco, i).length;
    const revenue = stringAttributeAt(eco, i, 'revenueBand') ?? '';
    const advanced = attributeAt(eco, i, 'advancedServices') === true;
    const severity =
      0.5 + 0.1 * Math.min(leaders, 2) + 0.2 * (SMALLNESS[revenue] ?? 0.5) + (advanced ? 0.1 : 0);
    entries.push(gapEntry('capital', firm, severity));
  }
  return entries;
}

/** The reasons of a capital gap and the chains and leaders they name. */
export function describeCapitalGap(eco: Ecosystem, entry: GapEntry): GapItem {
  const i = eco.index.get(entry.entity) ?? 0;
  const chains = chainsAt(eco, i);
  const leaders = leadersSuppliedAt(eco, i);
  const revenue = stringAttributeAt(eco, i, 'revenueBand') ?? '';
  const advanced = attributeAt(eco, i, 'advancedServices') === true;
  const chainNames = nameList(eco, chains);
  const clauses = [
    chains.length > 0
      ? { zh: `成长期民营企业，属于${chainNames.zh}`, en: `Growth-stage private firm in ${chainNames.en}` }
      : { zh: '成长期民营企业', en: 'Growth-stage private firm' },
  ];
  const revenueName = REVENUE_NAMES[revenue];
  if (revenueName) clauses.push(revenueName);
  if (advanced) clauses.push({ zh: '提供高端服务', en: 'offers advanced services' });
  clauses.push(suppliesClause(eco, leaders));
  clauses.push({ zh: '没有任何基金投资', en: 'no fund invests in it' });
  return gapItem(entry, sentence(clauses), [...chains, ...leaders]);
}

/** Capital gaps of the graph, most severe first (rule and severity in the module comment). */
export function capitalGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return describedInOrder(capitalGapsOf(eco, inChain), (entry) => describeCapitalGap(eco, entry));
}
