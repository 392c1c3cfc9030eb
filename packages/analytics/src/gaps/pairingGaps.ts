/**
 * Pairing gap: a science park that no service institution is paired with.
 *
 * Rule: every SciencePark with no active PAIRED_WITH (either direction) to a
 * ServiceInstitution. Planned and ended pairings do not count; the reasons name them.
 *
 * Severity = 0.4 + 0.4 × min(hosted firms, 20) / 20 + 0.2 × level, where hosted firms are the
 * private firms actively located in the park and level is 1 for a national park, 0.5 for a
 * municipal one, 0 otherwise. An empty district park scores 0.4, a national park hosting 20
 * firms or more 1.
 */
import { VALUE_NAMES } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import { inOf, isPaired, ofKind, proposedOf, stringAttribute } from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { capitalise, nameList, plural, sentence } from '../text.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'pairingGaps';

export const PARK_LEVEL_WEIGHT: Record<string, number> = { national: 1, municipal: 0.5, district: 0 };
const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'national' },
  municipal: { zh: '市级', en: 'municipal' },
  district: { zh: '区级', en: 'district-level' },
};

/** Private firms actively located in the park. */
export function hostedFirms(eco: Ecosystem, park: string): readonly string[] {
  return inOf(eco, 'LOCATED_IN', park, 'PrivateFirm');
}

export function pairingGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapEntry[] {
  const entries: GapEntry[] = [];
  for (const park of ofKind(eco, 'SciencePark')) {
    if (isPaired(eco, park) || !inChain(park)) continue;
    const firms = hostedFirms(eco, park).length;
    const level = stringAttribute(eco, park, 'level') ?? '';
    const severity = 0.4 + (0.4 * Math.min(firms, 20)) / 20 + 0.2 * (PARK_LEVEL_WEIGHT[level] ?? 0);
    entries.push(gapEntry('pairing', park, severity));
  }
  return entries;
}

/** The reasons of a pairing gap and the planned partners they name. */
export function describePairingGap(eco: Ecosystem, entry: GapEntry): GapItem {
  const park = entry.entity;
  const firms = hostedFirms(eco, park).length;
  const level = stringAttribute(eco, park, 'level') ?? '';
  const district = stringAttribute(eco, park, 'district');
  const levelName = LEVEL_NAMES[level];
  const clauses = [
    {
      zh: `${district ? `位于${district}的` : ''}${levelName ? levelName.zh : ''}科技创新产业园`,
      en: capitalise(
        `${levelName ? `${levelName.en} ` : ''}science park${district ? ` in ${district}` : ''}`,
      ),
    },
    { zh: `入驻民营企业${firms}家`, en: `hosts ${plural(firms, 'private firm')}` },
  ];
  const planned = proposedOf(eco, 'PAIRED_WITH', park, 'ServiceInstitution');
  if (planned.length > 0) {
    const names = nameList(eco, planned);
    clauses.push({
      zh: `没有有效结对的产业服务机构（与${names.zh}的结对尚在${VALUE_NAMES.planned?.zh ?? '计划'}中）`,
      en: `no active paired service institution (pairing with ${names.en} only planned)`,
    });
  } else {
    clauses.push({ zh: '没有有效结对的产业服务机构', en: 'no active paired service institution' });
  }
  return gapItem(entry, sentence(clauses), planned);
}

export function pairingGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return describedInOrder(pairingGapsOf(eco, inChain), (entry) => describePairingGap(eco, entry));
}
