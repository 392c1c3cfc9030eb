/**
 * Capability gap: capabilities a chain leader needs that no local firm supplies.
 *
 * Rule: for each ChainLeader, each tag of `capabilitiesNeeded` (compared case-insensitively) is
 * - sourced: a private firm actively SUPPLIES this leader with it (the SUPPLIES `capability`,
 *   or, when the relation names none, one of the supplier's `capabilities`);
 * - unsourced: not sourced, but some private firm in the graph (the "local" ecosystem) lists it
 *   among its `capabilities`: a firm could supply it, none does;
 * - missing: no private firm in the graph offers it at all.
 * A leader with at least one unsourced or missing need is a gap item.
 *
 * Severity = (missing + 0.5 × unsourced) / needs: 1 when nothing the leader needs is available
 * locally, 0.5 when everything is available but nothing is supplied.
 */
import type { Ecosystem } from '../ecosystem.js';
import { chainsOfEntity, ofKind, tagsAttribute } from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys } from '../graph.js';
import { nameList, plural, sentence, tagList } from '../text.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import { normaliseTag } from './consortiumGaps.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'capabilityGaps';

/** How many offering firms an unsourced need names in `involved`. */
const OFFERING_FIRMS_NAMED = 3;

/** Private firms offering each capability (normalised tag → sorted firms). */
export function firmsByCapability(eco: Ecosystem): Map<string, string[]> {
  const key = 'firmsByCapability';
  const known = eco.cache.get(key) as Map<string, string[]> | undefined;
  if (known) return known;
  const byTag = new Map<string, string[]>();
  for (const firm of ofKind(eco, 'PrivateFirm')) {
    for (const tag of new Set(tagsAttribute(eco, firm, 'capabilities').map(normaliseTag))) {
      const list = byTag.get(tag);
      if (list) list.push(firm);
      else byTag.set(tag, [firm]);
    }
  }
  eco.cache.set(key, byTag);
  return byTag;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Per chain leader (or any customer), the capabilities private firms actively supply it with,
 * normalised: the SUPPLIES `capability`, or when the relation names none, every one of the
 * supplier's `capabilities`. One pass over the active SUPPLIES relations, once per index.
 */
export function suppliedByLeader(eco: Ecosystem): Map<string, Set<string>> {
  const key = 'suppliedByLeader';
  const known = eco.cache.get(key) as Map<string, Set<string>> | undefined;
  if (known) return known;
  const byLeader = new Map<string, Set<string>>();
  const { supplies, nodes } = eco;
  for (let k = 0; k < supplies.source.length; k += 1) {
    const supplier = supplies.source[k] ?? 0;
    if (eco.kindOf[supplier] !== 'PrivateFirm') continue;
    const source = nodes[supplier] as string;
    const target = nodes[supplies.target[k] ?? 0] as string;
    let set = byLeader.get(target);
    if (!set) {
      set = new Set();
      byLeader.set(target, set);
    }
    const capability = supplies.capability[k] ?? '';
    if (capability.trim() !== '') set.add(normaliseTag(capability));
    else for (const tag of tagsAttribute(eco, source, 'capabilities')) set.add(normaliseTag(tag));
  }
  eco.cache.set(key, byLeader);
  return byLeader;
}

export interface LeaderNeeds {
  needs: string[];
  sourced: string[];
  unsourced: string[];
  missing: string[];
}

/** Needs of a chain leader split into sourced, unsourced and missing (original spelling, sorted). */
export function leaderNeeds(eco: Ecosystem, leader: string): LeaderNeeds {
  const needs = new Map<string, string>();
  for (const tag of tagsAttribute(eco, leader, 'capabilitiesNeeded')) {
    const norm = normaliseTag(tag);
    if (!needs.has(norm)) needs.set(norm, tag);
  }
  const supplied = suppliedByLeader(eco).get(leader) ?? EMPTY_SET;
  const offered = firmsByCapability(eco);
  const result: LeaderNeeds = { needs: [], sourced: [], unsourced: [], missing: [] };
  for (const [norm, tag] of [...needs].sort((a, b) => compareKeys(a[0], b[0]))) {
    result.needs.push(tag);
    if (supplied.has(norm)) result.sourced.push(tag);
    else if (offered.has(norm)) result.unsourced.push(tag);
    else result.missing.push(tag);
  }
  return result;
}

export function capabilityGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapEntry[] {
  const entries: GapEntry[] = [];
  for (const leader of ofKind(eco, 'ChainLeader')) {
    if (!inChain(leader)) continue;
    const { needs, unsourced, missing } = leaderNeeds(eco, leader);
    if (unsourced.length + missing.length === 0) continue;
    entries.push(gapEntry('capability', leader, (missing.length + 0.5 * unsourced.length) / needs.length));
  }
  return entries;
}

/** The reasons of a capability gap and the chains and offering firms they name. */
export function describeCapabilityGap(eco: Ecosystem, entry: GapEntry): GapItem {
  const leader = entry.entity;
  const offered = firmsByCapability(eco);
  const { needs, unsourced, missing } = leaderNeeds(eco, leader);
  const chains = chainsOfEntity(eco, leader);
  const chainNames = nameList(eco, chains);
  const clauses = [
    chains.length > 0
      ? { zh: `链主企业，属于${chainNames.zh}`, en: `Chain leader in ${chainNames.en}` }
      : { zh: '链主企业', en: 'Chain leader' },
    {
      zh: `需要${needs.length}项配套能力`,
      en: `needs ${plural(needs.length, 'capability', 'capabilities')}`,
    },
  ];
  if (missing.length > 0) {
    const t = tagList(missing);
    clauses.push({ zh: `本地没有企业具备${t.zh}`, en: `no local firm offers ${t.en}` });
  }
  const offering: string[] = [];
  if (unsourced.length > 0) {
    const t = tagList(unsourced);
    clauses.push({
      zh: `本地企业具备但无企业为其供应${t.zh}`,
      en: `local firms offer but none supplies it with ${t.en}`,
    });
    for (const tag of unsourced) {
      offering.push(...(offered.get(normaliseTag(tag)) ?? []).slice(0, OFFERING_FIRMS_NAMED));
    }
  }
  return gapItem(entry, sentence(clauses), [...chains, ...offering]);
}

/** Capability gaps of the graph, most severe first (rule and severity in the module comment). */
export function capabilityGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return describedInOrder(capabilityGapsOf(eco, inChain), (entry) => describeCapabilityGap(eco, entry));
}
