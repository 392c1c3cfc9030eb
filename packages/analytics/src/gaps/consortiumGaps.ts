/**
 * Consortium exclusion: a chain's private firm outside every consortium of that chain.
 *
 * Rule: a PrivateFirm with an active chain that has at least one consortium (a consortium
 * counts in a chain by its own BELONGS_TO, else through the chain leaders that lead it), and
 * no active MEMBER_OF any consortium of that chain. Chains with no consortium at all give no
 * item (there is nothing to be excluded from). One item per firm, naming every such chain.
 *
 * Severity = 0.4 + 0.3 × supplier of a leader + 0.3 × capability match, where supplier of a
 * leader is 1 when the firm supplies a chain leader that leads one of those consortia
 * ("以大带小": the leader could bring its own supplier in), and capability match is 1 when one
 * of the firm's capabilities is in one of those consortia's `focus` (case-insensitive).
 */
import type { Ecosystem } from '../ecosystem.js';
import {
  chainsOfEntity,
  consortiaByChain,
  inOf,
  leadersSupplied,
  ofKind,
  outOf,
  tagsAttribute,
} from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys } from '../graph.js';
import { nameList, plural, sentence, tagList } from '../text.js';
import { compareGaps, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapItem } from './types.js';

const MODULE = 'consortiumGaps';

export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** Chains of the firm that have consortia, and those of them whose consortia the firm is in none of. */
export function consortiumStanding(eco: Ecosystem, firm: string): { eligible: string[]; excluded: string[] } {
  const byChain = consortiaByChain(eco);
  const memberships = new Set(outOf(eco, 'MEMBER_OF', firm));
  const eligible: string[] = [];
  const excluded: string[] = [];
  for (const chain of chainsOfEntity(eco, firm)) {
    const consortia = byChain.get(chain);
    if (!consortia || consortia.length === 0) continue;
    eligible.push(chain);
    if (!consortia.some((c) => memberships.has(c))) excluded.push(chain);
  }
  return { eligible, excluded };
}

export function consortiumGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapItem[] {
  const byChain = consortiaByChain(eco);
  const focusOf = new Map<string, string[]>();
  const leadersOf = new Map<string, readonly string[]>();
  for (const consortium of ofKind(eco, 'Consortium')) {
    focusOf.set(consortium, tagsAttribute(eco, consortium, 'focus').map(normaliseTag));
    leadersOf.set(consortium, inOf(eco, 'LEADS', consortium));
  }
  const items: GapItem[] = [];
  for (const firm of ofKind(eco, 'PrivateFirm')) {
    if (!inChain(firm)) continue;
    const { excluded } = consortiumStanding(eco, firm);
    if (excluded.length === 0) continue;
    const consortia = [...new Set(excluded.flatMap((chain) => byChain.get(chain) ?? []))].sort(compareKeys);
    const leaders = new Set(leadersSupplied(eco, firm));
    const ledBySupplied = consortia.filter((c) => (leadersOf.get(c) ?? []).some((l) => leaders.has(l)));
    const capabilities = new Map(tagsAttribute(eco, firm, 'capabilities').map((t) => [normaliseTag(t), t]));
    const matching = consortia.filter((c) => (focusOf.get(c) ?? []).some((f) => capabilities.has(f)));
    const matchedTags = [
      ...new Set(
        matching.flatMap((c) =>
          (focusOf.get(c) ?? []).map((f) => capabilities.get(f)).filter((t): t is string => t !== undefined),
        ),
      ),
    ].sort(compareKeys);
    const severity = 0.4 + (ledBySupplied.length > 0 ? 0.3 : 0) + (matching.length > 0 ? 0.3 : 0);

    const chainNames = nameList(eco.graph, excluded);
    const clauses = [{ zh: `民营企业，属于${chainNames.zh}`, en: `Private firm in ${chainNames.en}` }];
    if (ledBySupplied.length > 0) {
      const leaderIds = [...new Set(ledBySupplied.flatMap((c) => leadersOf.get(c) ?? []))]
        .filter((l) => leaders.has(l))
        .sort(compareKeys);
      const l = nameList(eco.graph, leaderIds);
      const c = nameList(eco.graph, ledBySupplied);
      clauses.push({
        zh: `为${l.zh}配套，而后者牵头${c.zh}`,
        en: `supplies ${l.en}, which leads ${c.en}`,
      });
    }
    if (matching.length > 0) {
      const t = tagList(matchedTags);
      const c = nameList(eco.graph, matching);
      clauses.push({
        zh: `其能力${t.zh}与${c.zh}的方向相符`,
        en: `its capability ${t.en} matches the focus of ${c.en}`,
      });
    }
    clauses.push({
      zh: `未加入所在产业链${consortia.length}个创新联合体中的任何一个`,
      en: `member of none of its chain's ${plural(consortia.length, 'consortium', 'consortia')}`,
    });
    items.push(
      gapItem('consortiumExclusion', firm, severity, sentence(clauses), [
        ...excluded,
        ...ledBySupplied,
        ...matching,
      ]),
    );
  }
  return items.sort(compareGaps);
}

/** Consortium exclusions, most severe first (rule and severity in the module comment). */
export function consortiumGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return consortiumGapsOf(eco, inChain);
}
