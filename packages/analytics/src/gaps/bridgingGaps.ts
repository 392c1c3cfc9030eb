/**
 * Weak SOE–private bridging: an industry chain whose state-owned and private organisations
 * are barely tied, or tied through too few brokers.
 *
 * Rule, per IndustryChain: share = SOE–private ties / ties between organisations of known
 * ownership that touch the chain (`ownershipTiesOf`), and brokers = the chain's members that
 * broker at least one state-owned–private pair (Gould–Fernandez, `brokerageOf`). The chain is
 * a gap item when share < `bridgingTargetShare` (default 0.25) or brokers <
 * `bridgingMinBrokers` (default 3).
 *
 * Severity = 0.6 × (1 − share / target share) + 0.4 × (1 − brokers / min brokers), each term
 * floored at 0: a chain with no SOE–private tie and no broker scores 1.
 */
import type { Ecosystem } from '../ecosystem.js';
import { chainsOfEntity, ofKind } from '../ecosystem.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys, namesOf } from '../graph.js';
import { brokerageOf } from '../indicators/brokerage.js';
import { ownershipTiesOf } from '../indicators/ownershipTies.js';
import { nameList, percent, plural, sentence } from '../text.js';
import { checkInteger, checkPositive, fail } from '../validate.js';
import { describedInOrder, gapEntry, gapItem, prepare } from './common.js';
import type { GapDetectorOptions, GapEntry, GapItem } from './types.js';

const MODULE = 'bridgingGaps';

export interface BridgingGapOptions extends GapDetectorOptions {
  /** Share of SOE–private ties below which a chain is weakly bridged. Default 0.25. */
  bridgingTargetShare?: number;
  /** Number of SOE–private brokers below which a chain is weakly bridged. Default 3. */
  bridgingMinBrokers?: number;
}

export const BRIDGING_DEFAULTS = { bridgingTargetShare: 0.25, bridgingMinBrokers: 3 } as const;

/** How many brokers the reasons and `involved` name. */
const BROKERS_NAMED = 5;

export function resolveBridging(module: string, options: BridgingGapOptions | undefined) {
  const resolved = { ...BRIDGING_DEFAULTS, ...options };
  const target = checkPositive(module, 'bridgingTargetShare', resolved.bridgingTargetShare);
  if (target > 1) fail(module, `option bridgingTargetShare must be at most 1, got ${target}.`);
  checkInteger(module, 'bridgingMinBrokers', resolved.bridgingMinBrokers, 1);
  return resolved;
}

/** Each chain's members that broker SOE–private pairs, most pairs first, then by key. */
export function brokersByChain(eco: Ecosystem): Map<string, string[]> {
  const key = 'brokersByChain';
  const known = eco.cache.get(key) as Map<string, string[]> | undefined;
  if (known) return known;
  const ranked = [...brokerageOf(eco)]
    .filter(([, counts]) => counts.soePrivate > 0)
    .sort((a, b) => b[1].soePrivate - a[1].soePrivate || compareKeys(a[0], b[0]));
  const byChain = new Map<string, string[]>();
  for (const [node] of ranked) {
    for (const chain of chainsOfEntity(eco, node)) {
      const list = byChain.get(chain);
      if (list) list.push(node);
      else byChain.set(chain, [node]);
    }
  }
  eco.cache.set(key, byChain);
  return byChain;
}

/** A chain's SOE–private tie counts and share, and its brokers. */
function bridgingOf(eco: Ecosystem, chain: string) {
  const counts = ownershipTiesOf(eco).byChain.get(chain) ?? { known: 0, crossing: 0, soePrivate: 0 };
  const share = counts.known === 0 ? 0 : counts.soePrivate / counts.known;
  const brokers = brokersByChain(eco).get(chain) ?? [];
  return { counts, share, brokers };
}

export function bridgingGapsOf(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  options: ReturnType<typeof resolveBridging>,
): GapEntry[] {
  const { bridgingTargetShare: target, bridgingMinBrokers: minBrokers } = options;
  const entries: GapEntry[] = [];
  for (const chain of ofKind(eco, 'IndustryChain')) {
    if (!inChain(chain)) continue;
    const { share, brokers } = bridgingOf(eco, chain);
    if (share >= target && brokers.length >= minBrokers) continue;
    const severity =
      0.6 * Math.max(0, 1 - share / target) + 0.4 * Math.max(0, 1 - brokers.length / minBrokers);
    entries.push(gapEntry('bridging', chain, severity));
  }
  return entries;
}

/** The reasons of a weakly bridged chain and the brokers they name. */
export function describeBridgingGap(
  eco: Ecosystem,
  entry: GapEntry,
  options: ReturnType<typeof resolveBridging>,
): GapItem {
  const { bridgingTargetShare: target, bridgingMinBrokers: minBrokers } = options;
  const chain = entry.entity;
  const { counts, share, brokers } = bridgingOf(eco, chain);
  const name = namesOf(eco.graph, chain);
  const clauses = [
    { zh: name.zh, en: name.en },
    {
      zh: `${counts.known}条组织间关系中，国企与民企之间的有${counts.soePrivate}条（${percent(share)}，目标${percent(target)}）`,
      en: `${counts.soePrivate} of its ${plural(counts.known, 'tie')} between organisations join an SOE and a private firm (${percent(share)}, target ${percent(target)})`,
    },
  ];
  const named = brokers.slice(0, BROKERS_NAMED);
  if (brokers.length === 0) {
    clauses.push({
      zh: '没有在国企与民企之间起桥梁作用的组织',
      en: 'no organisation brokers between the SOE and private worlds',
    });
  } else {
    const names = nameList(eco, named);
    clauses.push({
      zh: `有${brokers.length}个组织在国企与民企之间起桥梁作用（${names.zh}；目标${minBrokers}个）`,
      en: `${plural(brokers.length, 'organisation')} ${brokers.length === 1 ? 'brokers' : 'broker'} between the SOE and private worlds (${names.en}; target ${minBrokers})`,
    });
  }
  return gapItem(entry, sentence(clauses), named);
}

/** Weakly bridged chains, most severe first (rule and severity in the module comment). */
export function bridgingGaps(graph: AbstractGraph, options?: BridgingGapOptions): GapItem[] {
  const { eco, inChain } = prepare(MODULE, graph, options);
  const resolved = resolveBridging(MODULE, options);
  return describedInOrder(bridgingGapsOf(eco, inChain, resolved), (entry) =>
    describeBridgingGap(eco, entry, resolved),
  );
}
