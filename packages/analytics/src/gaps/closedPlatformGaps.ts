/**
 * Closed platform: a lab or pilot base that opens to no firm.
 *
 * Rule: every Lab and PilotBase with no active OPENS_TO to a PrivateFirm, whatever its declared
 * `openness` (a platform declared open that serves nobody is open only on paper).
 *
 * Severity = 0.4 + 0.3 × state-owned + 0.2 × min(unserved, 10) / 10 + 0.1 × declared, where
 * state-owned is 1 for SOE platforms (the source asks SOEs to open theirs), unserved counts the
 * access-gap firms of the platform's chains (demand it could meet), and declared is 1 for
 * `open`, 0.5 for `partial`, 0 for `closed` (a promise not kept).
 */
import { ENTITY_KINDS, type EntityKind, VALUE_NAMES } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import {
  chainsOfEntity,
  inOf,
  isStateOwned,
  kindIn,
  ofKind,
  ownershipIn,
  PLATFORM_KINDS,
  proposedOf,
  servesAnyFirm,
  stringAttribute,
} from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys } from '../graph.js';
import { nameList, plural, sentence } from '../text.js';
import { accessGapFirms } from './accessGaps.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'closedPlatformGaps';

export const DECLARED_OPENNESS: Record<string, number> = { open: 1, partial: 0.5, closed: 0 };

/** Every lab and pilot base, sorted. */
export function platformsOf(eco: Ecosystem): string[] {
  return PLATFORM_KINDS.flatMap((kind) => [...ofKind(eco, kind)]).sort(compareKeys);
}

/** Access-gap firms per chain. */
export function unservedByChain(eco: Ecosystem): Map<string, Set<string>> {
  const key = 'unservedByChain';
  const known = eco.cache.get(key) as Map<string, Set<string>> | undefined;
  if (known) return known;
  const byChain = new Map<string, Set<string>>();
  for (const firm of accessGapFirms(eco)) {
    for (const chain of chainsOfEntity(eco, firm)) {
      const set = byChain.get(chain);
      if (set) set.add(firm);
      else byChain.set(chain, new Set([firm]));
    }
  }
  eco.cache.set(key, byChain);
  return byChain;
}

/** Distinct access-gap firms in any of the chains. */
export function unservedIn(eco: Ecosystem, chains: readonly string[]): number {
  const byChain = unservedByChain(eco);
  if (chains.length === 1) return byChain.get(chains[0] ?? '')?.size ?? 0;
  const all = new Set<string>();
  for (const chain of chains) for (const firm of byChain.get(chain) ?? []) all.add(firm);
  return all.size;
}

export function closedPlatformGapsOf(eco: Ecosystem, inChain: (node: string) => boolean): GapEntry[] {
  const entries: GapEntry[] = [];
  for (const platform of platformsOf(eco)) {
    if (servesAnyFirm(eco, platform) || !inChain(platform)) continue;
    const state = isStateOwned(eco, platform);
    const openness = stringAttribute(eco, platform, 'openness');
    const unserved = unservedIn(eco, chainsOfEntity(eco, platform));
    const severity =
      0.4 +
      (state ? 0.3 : 0) +
      (0.2 * Math.min(unserved, 10)) / 10 +
      0.1 * (DECLARED_OPENNESS[openness ?? ''] ?? 0);
    entries.push(gapEntry('closedPlatform', platform, severity));
  }
  return entries;
}

/** The reasons of a closed platform and the chains and operators they name. */
export function describeClosedPlatformGap(eco: Ecosystem, entry: GapEntry): GapItem {
  const platform = entry.entity;
  const chains = chainsOfEntity(eco, platform);
  const operators = inOf(eco, 'OPERATES', platform);
  const openness = stringAttribute(eco, platform, 'openness');
  const unserved = unservedIn(eco, chains);
  const kindName = ENTITY_KINDS[kindIn(eco, platform) as EntityKind].name;
  const owner = VALUE_NAMES[ownershipIn(eco, platform) ?? ''];
  const chainNames = nameList(eco, chains);
  const clauses = [
    {
      zh: `${owner ? owner.zh : ''}${kindName.zh}${chains.length > 0 ? `，属于${chainNames.zh}` : ''}`,
      en: `${owner ? `${owner.en} ` : ''}${kindName.en.toLowerCase()}${chains.length > 0 ? ` in ${chainNames.en}` : ''}`,
    },
  ];
  if (operators.length > 0) {
    const names = nameList(eco, operators);
    clauses.push({ zh: `由${names.zh}运营`, en: `operated by ${names.en}` });
  }
  clauses.push({ zh: '未向任何企业开放', en: 'opens to no firm' });
  const declared = openness ? VALUE_NAMES[openness] : undefined;
  if (declared)
    clauses.push({ zh: `登记状态为“${declared.zh}”`, en: `declared ${declared.en.toLowerCase()}` });
  if (unserved > 0) {
    clauses.push({
      zh: `所在产业链有${unserved}家民营企业未获得平台开放`,
      en: `${plural(unserved, 'private firm')} of its chain ${unserved === 1 ? 'reaches' : 'reach'} no lab or pilot base`,
    });
  }
  const planned = proposedOf(eco, 'OPENS_TO', platform);
  if (planned.length > 0) {
    clauses.push({
      zh: `${planned.length}项开放尚在计划中`,
      en: `${plural(planned.length, 'opening')} only planned`,
    });
  }
  return gapItem(entry, sentence(clauses), [...chains, ...operators]);
}

export function closedPlatformGaps(graph: AbstractGraph, options?: GapDetectorOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  return describedInOrder(closedPlatformGapsOf(eco, inChain), (entry) =>
    describeClosedPlatformGap(eco, entry),
  );
}
