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
  chainScope,
  chainsAt,
  consortiaByChain,
  inOf,
  leadersSuppliedAt,
  numbersOfKind,
  outAt,
  tagsAt,
  tagsAttribute,
} from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys } from '../graph.js';
import { nameList, plural, sentence, tagList } from '../text.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'consortiumGaps';

export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** Chains of the firm that have consortia, and those of them whose consortia the firm is in none of. */
export function consortiumStanding(eco: Ecosystem, firm: string): { eligible: string[]; excluded: string[] } {
  const i = eco.index.get(firm);
  return i === undefined ? { eligible: [], excluded: [] } : consortiumStandingAt(eco, i);
}

/** `consortiumStanding` by node number. */
export function consortiumStandingAt(eco: Ecosystem, i: number): { eligible: string[]; excluded: string[] } {
  const byChain = consortiaByChain(eco);
  const eligible: string[] = [];
  const excluded: string[] = [];
  const chains = chainsAt(eco, i);
  if (chains.length === 0) return { eligible, excluded };
  // A chain's consortia are the consortia whose chain scope holds it, so the firm is in one of
  // them when one of its memberships counts in the chain.
  let memberships: readonly string[] | null = null;
  for (const chain of chains) {
    const consortia = byChain.get(chain);
    if (!consortia || consortia.length === 0) continue;
    eligible.push(chain);
    memberships ??= outAt(eco, 'MEMBER_OF', i, 'Consortium');
    const member = memberships.some((c) => chainScope(eco, c).includes(chain));
    if (!member) excluded.push(chain);
  }
  return { eligible, excluded };
}

/** Per chain, the chain's consortia by normalised focus tag and by leader (lists sorted). */
interface ChainConsortia {
  byFocus: Map<string, string[]>;
  byLeader: Map<string, string[]>;
}

function listIn(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

const NONE: readonly string[] = [];

/** Distinct keys of several sorted lists, sorted (the list itself when there is one). */
function union(lists: readonly (readonly string[])[]): readonly string[] {
  if (lists.length === 0) return NONE;
  if (lists.length === 1) return lists[0] as readonly string[];
  return [...new Set(lists.flat())].sort(compareKeys);
}

/** Per chain, its consortia by focus tag and by leader; built once per index. */
function consortiumIndexes(eco: Ecosystem): Map<string, ChainConsortia> {
  const key = 'consortiumIndexes';
  const known = eco.cache.get(key) as Map<string, ChainConsortia> | undefined;
  if (known) return known;
  const focusOf = new Map<string, string[]>();
  const leadersOf = new Map<string, readonly string[]>();
  const indexes = new Map<string, ChainConsortia>();
  for (const [chain, consortia] of consortiaByChain(eco)) {
    const index: ChainConsortia = { byFocus: new Map(), byLeader: new Map() };
    for (const consortium of consortia) {
      let focus = focusOf.get(consortium);
      if (!focus) {
        focus = tagsAttribute(eco, consortium, 'focus').map(normaliseTag);
        focusOf.set(consortium, focus);
        leadersOf.set(consortium, inOf(eco, 'LEADS', consortium));
      }
      // Consortia come in key order, so every list stays sorted.
      for (const tag of focus) listIn(index.byFocus, tag, consortium);
      for (const leader of leadersOf.get(consortium) ?? []) listIn(index.byLeader, leader, consortium);
    }
    indexes.set(chain, index);
  }
  eco.cache.set(key, indexes);
  return indexes;
}

export function consortiumGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapEntry[] {
  const indexes = consortiumIndexes(eco);
  const entries: GapEntry[] = [];
  for (const i of numbersOfKind(eco, 'PrivateFirm')) {
    const firm = eco.nodes[i] as string;
    if (!inChain(firm)) continue;
    const { excluded } = consortiumStandingAt(eco, i);
    if (excluded.length === 0) continue;
    // Severity needs only whether a consortium of an excluded chain is led by a leader the firm
    // supplies, and whether one's focus is one of its capabilities (describe names them).
    const leaders = leadersSuppliedAt(eco, i);
    let capabilities: string[] | null = null;
    let led = false;
    let matched = false;
    for (const chain of excluded) {
      const index = indexes.get(chain);
      if (!index) continue;
      if (!led) led = leaders.some((leader) => index.byLeader.has(leader));
      if (!matched) {
        capabilities ??= tagsAt(eco, i, 'capabilities').map(normaliseTag);
        matched = capabilities.some((tag) => index.byFocus.has(tag));
      }
      if (led && matched) break;
    }
    entries.push(gapEntry('consortiumExclusion', firm, 0.4 + (led ? 0.3 : 0) + (matched ? 0.3 : 0)));
  }
  return entries;
}

/** The reasons of a consortium exclusion and the chains and consortia they name. */
export function describeConsortiumGap(eco: Ecosystem, entry: GapEntry): GapItem {
  const byChain = consortiaByChain(eco);
  const indexes = consortiumIndexes(eco);
  const i = eco.index.get(entry.entity) ?? 0;
  const { excluded } = consortiumStandingAt(eco, i);
  const consortiumCount =
    excluded.length === 1
      ? (byChain.get(excluded[0] as string)?.length ?? 0)
      : union(excluded.map((chain) => byChain.get(chain) ?? NONE)).length;
  const leaders = leadersSuppliedAt(eco, i);
  const capabilities = new Map(tagsAt(eco, i, 'capabilities').map((t) => [normaliseTag(t), t]));
  // The firm's excluded chains' consortia led by a leader it supplies (and those leaders), and
  // those whose focus is one of its capabilities (and those capabilities), through the chain
  // indexes; every list sorted.
  const led: (readonly string[])[] = [];
  const leading: string[] = [];
  const matched: (readonly string[])[] = [];
  const matchedTagSet = new Set<string>();
  for (const chain of excluded) {
    const index = indexes.get(chain);
    if (!index) continue;
    for (const leader of leaders) {
      const list = index.byLeader.get(leader);
      if (!list) continue;
      led.push(list);
      if (!leading.includes(leader)) leading.push(leader);
    }
    for (const [norm, tag] of capabilities) {
      const list = index.byFocus.get(norm);
      if (!list) continue;
      matched.push(list);
      matchedTagSet.add(tag);
    }
  }
  const ledBySupplied = union(led);
  const matching = union(matched);
  const matchedTags = [...matchedTagSet].sort(compareKeys);

  const chainNames = nameList(eco, excluded);
  const clauses = [{ zh: `民营企业，属于${chainNames.zh}`, en: `Private firm in ${chainNames.en}` }];
  if (ledBySupplied.length > 0) {
    const l = nameList(eco, leading.sort(compareKeys));
    const c = nameList(eco, ledBySupplied);
    clauses.push({
      zh: `为${l.zh}配套，而后者牵头${c.zh}`,
      en: `supplies ${l.en}, which leads ${c.en}`,
    });
  }
  if (matching.length > 0) {
    const t = tagList(matchedTags);
    const c = nameList(eco, matching);
    clauses.push({
      zh: `其能力${t.zh}与${c.zh}的方向相符`,
      en: `its capability ${t.en} matches the focus of ${c.en}`,
    });
  }
  clauses.push({
    zh: `未加入所在产业链${consortiumCount}个创新联合体中的任何一个`,
    en: `member of none of its chain's ${plural(consortiumCount, 'consortium', 'consortia')}`,
  });
  return gapItem(entry, sentence(clauses), [...excluded, ...ledBySupplied, ...matching]);
}

/** Consortium exclusions, most severe first (rule and severity in the module comment). */
export function consortiumGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return describedInOrder(consortiumGapsOf(eco, inChain), (entry) => describeConsortiumGap(eco, entry));
}
