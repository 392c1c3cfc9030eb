/**
 * Ties across ownership, overall and per chain. A tie is an active relation of TIE_TYPES
 * between two organisations that both have an ownership group; it crosses ownership when the
 * groups differ, and it is an SOE–private tie when one end is state-owned and the other
 * private. A tie counts in every chain either of its ends belongs to.
 */

import { OWNERSHIPS } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import { chainsAt } from '../ecosystem.js';

const STATE = OWNERSHIPS.indexOf('state');
const PRIVATE = OWNERSHIPS.indexOf('private');

export interface TieCounts {
  /** Ties between two organisations with known ownership. */
  known: number;
  /** Of those, ties whose ends are in different ownership groups. */
  crossing: number;
  /** Of those, ties joining a state-owned and a private organisation. */
  soePrivate: number;
}

export interface OwnershipTies {
  overall: TieCounts;
  byChain: Map<string, TieCounts>;
}

export function ownershipTiesOf(eco: Ecosystem): OwnershipTies {
  const key = 'ownershipTies';
  const known = eco.cache.get(key) as OwnershipTies | undefined;
  if (known) return known;
  const overall: TieCounts = { known: 0, crossing: 0, soePrivate: 0 };
  const byChain = new Map<string, TieCounts>();
  const count = (chain: string, crossing: number, soePrivate: number) => {
    let counts = byChain.get(chain);
    if (!counts) {
      counts = { known: 0, crossing: 0, soePrivate: 0 };
      byChain.set(chain, counts);
    }
    counts.known += 1;
    counts.crossing += crossing;
    counts.soePrivate += soePrivate;
  };
  const { ties } = eco;
  for (let k = 0; k < ties.count; k += 1) {
    const s = ties.source[k] ?? 0;
    const t = ties.target[k] ?? 0;
    const a = eco.groupOf[s] ?? -1;
    const b = eco.groupOf[t] ?? -1;
    if (a < 0 || b < 0) continue;
    const crossing = a !== b ? 1 : 0;
    const soePrivate = (a === STATE && b === PRIVATE) || (a === PRIVATE && b === STATE) ? 1 : 0;

    overall.known += 1;
    overall.crossing += crossing;
    overall.soePrivate += soePrivate;
    // Every distinct chain of either end (the lists are short and sorted).
    const sourceChains = chainsAt(eco, s);
    const targetChains = chainsAt(eco, t);
    for (let c = 0; c < sourceChains.length; c += 1) count(sourceChains[c] as string, crossing, soePrivate);
    for (let c = 0; c < targetChains.length; c += 1) {
      const chain = targetChains[c] as string;
      if (!sourceChains.includes(chain)) count(chain, crossing, soePrivate);
    }
  }
  const result = { overall, byChain };
  eco.cache.set(key, result);
  return result;
}
