/**
 * Ties across ownership, overall and per chain. A tie is an active relation of TIE_TYPES
 * between two organisations that both have an ownership group; it crosses ownership when the
 * groups differ, and it is an SOE–private tie when one end is state-owned and the other
 * private. A tie counts in every chain either of its ends belongs to.
 */
import type { Ecosystem } from '../ecosystem.js';
import { chainsOfEntity } from '../ecosystem.js';

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
  const { ties, nodes } = eco;
  for (let k = 0; k < ties.count; k += 1) {
    const source = nodes[ties.source[k] ?? 0] as string;
    const target = nodes[ties.target[k] ?? 0] as string;
    const a = eco.ownership.get(source);
    const b = eco.ownership.get(target);
    if (a === undefined || b === undefined) continue;
    const crossing = a !== b ? 1 : 0;
    const soePrivate = (a === 'state' && b === 'private') || (a === 'private' && b === 'state') ? 1 : 0;
    overall.known += 1;
    overall.crossing += crossing;
    overall.soePrivate += soePrivate;
    // Every distinct chain of either end (the lists are short and sorted).
    const sourceChains = chainsOfEntity(eco, source);
    const targetChains = chainsOfEntity(eco, target);
    for (const chain of sourceChains) count(chain, crossing, soePrivate);
    for (const chain of targetChains) if (!sourceChains.includes(chain)) count(chain, crossing, soePrivate);
  }
  const result = { overall, byChain };
  eco.cache.set(key, result);
  return result;
}
