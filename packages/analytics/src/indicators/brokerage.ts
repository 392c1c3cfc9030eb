/**
 * Gould–Fernandez brokerage roles over ownership groups, and Burt's constraint.
 *
 * Brokerage (Gould & Fernandez 1989) runs on the directed network of active ties (TIE_TYPES)
 * between organisations that have an ownership group (see `ownershipGroupOf`). Direction
 * convention: a relation points the way its resource flows, which is the way it is stored —
 * OPENS_TO platform → firm (access), SUPPLIES firm → leader (parts), INVESTS_IN fund → firm and
 * BACKS leader → fund (capital), OPERATES leader → platform, LEADS leader → consortium, MEMBER_OF
 * member → consortium — and the symmetric PAIRED_WITH counts both ways. Parallel relations
 * collapse into one tie. Node b brokers the ordered pair (a, c) when a → b → c, a ≠ c and there
 * is no tie a → c. With A(x) the group of x, the pair makes b a
 * - coordinator: A(a) = A(b) = A(c);
 * - itinerant (consultant): A(a) = A(c) ≠ A(b);
 * - representative: A(a) = A(b) ≠ A(c) (b speaks for its group to another);
 * - gatekeeper: A(b) = A(c) ≠ A(a) (b decides what enters its group);
 * - liaison: all three groups differ.
 * `soePrivate` counts the pairs whose ends are one state-owned and one private organisation,
 * whatever b is: the brokers between the SOE and private worlds.
 *
 * Cost: the pairs are counted by group from each node's in- and out-neighbour counts, then the
 * closed pairs (a → c, or a = c) are subtracted by walking the ties of b's in-neighbours or of
 * its out-neighbours, whichever are fewer, so a hub costs its neighbours' degrees, never the
 * product of its in- and out-degree.
 *
 * Constraint (Burt 1992) runs on the undirected simple projection of the same ties (every
 * node, with or without a group): with equal proportions p_ij = 1 / d_i,
 * c_i = Σ_j (p_ij + Σ_{q ≠ i, j} p_iq p_qj)² = Σ_j (1 + Σ_{q ∈ N(i) ∩ N(j)} 1 / d_q)² / d_i².
 * A node with one tie has constraint 1, the centre of a star with k leaves 1 / k, a triangle's
 * nodes 1.125. Isolated nodes have none. The sums over common neighbours come from listing each
 * triangle once, O(m √m) at worst.
 */
import { OWNERSHIPS } from '@innograph/model';
import type { UndirectedGraph } from 'graphology';
import type { Ecosystem, OwnershipGroup } from '../ecosystem.js';
import { TIE_TYPES } from '../ecosystem.js';
import type { CompactTopology } from '../graph.js';
import { compactProjection, orderOf } from '../graph.js';

export const BROKERAGE_ROLES = [
  'coordinator',
  'itinerant',
  'representative',
  'gatekeeper',
  'liaison',
] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export interface BrokerageCounts {
  coordinator: number;
  itinerant: number;
  representative: number;
  gatekeeper: number;
  liaison: number;
  /** All brokered pairs. */
  total: number;
  /** Brokered pairs joining a state-owned and a private organisation. */
  soePrivate: number;
}

const GROUPS: readonly OwnershipGroup[] = OWNERSHIPS;
const G = GROUPS.length;
const STATE = GROUPS.indexOf('state');
const PRIVATE = GROUPS.indexOf('private');

function roleOf(ga: number, gb: number, gc: number): BrokerageRole {
  if (ga === gb) return gc === gb ? 'coordinator' : 'representative';
  if (gc === gb) return 'gatekeeper';
  return ga === gc ? 'itinerant' : 'liaison';
}

/** Lists of node numbers per node, compressed: node i's list is
 *  `list[starts[i] .. starts[i + 1])`, sorted, without repeats. */
interface Compressed {
  starts: Int32Array;
  list: Int32Array;
}

function compressed(n: number, from: readonly number[], to: readonly number[]): Compressed {
  const starts = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k += 1) {
    const a = from[k] ?? 0;
    starts[a + 1] = (starts[a + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i += 1) starts[i + 1] = (starts[i + 1] ?? 0) + (starts[i] ?? 0);
  const fill = starts.slice(0, n);
  const list = new Int32Array(from.length);
  for (let k = 0; k < from.length; k += 1) {
    const a = from[k] ?? 0;
    list[fill[a] ?? 0] = to[k] ?? 0;
    fill[a] = (fill[a] ?? 0) + 1;
  }
  // Sort each list and drop repeats (parallel relations collapse), compacting in place.
  let write = 0;
  for (let i = 0; i < n; i += 1) {
    const begin = starts[i] ?? 0;
    const end = starts[i + 1] ?? 0;
    starts[i] = write;
    const part = list.subarray(begin, end).sort();
    for (let k = 0; k < part.length; k += 1) {
      if (k === 0 || part[k] !== part[k - 1]) list[write++] = part[k] ?? 0;
    }
  }
  starts[n] = write;
  return { starts, list };
}

/** Brokerage counts of every node that brokers at least one pair, keyed by node. */
export function brokerageOf(eco: Ecosystem): Map<string, BrokerageCounts> {
  const key = 'brokerage';
  const known = eco.cache.get(key) as Map<string, BrokerageCounts> | undefined;
  if (known) return known;

  // The directed simple tie graph among the organisations that have a group, on node numbers:
  // `outs` and `ins` as compressed adjacency (sorted, without repeats).
  const { nodes, ties } = eco;
  const n = nodes.length;
  // GROUPS is the model's OWNERSHIPS order, which the index's groupOf numbers.
  const group = eco.groupOf;
  const from: number[] = [];
  const to: number[] = [];
  for (let k = 0; k < ties.count; k += 1) {
    const a = ties.source[k] ?? 0;
    const c = ties.target[k] ?? 0;
    if ((group[a] ?? -1) < 0 || (group[c] ?? -1) < 0 || a === c) continue;
    from.push(a);
    to.push(c);
    if (TIE_TYPES[ties.type[k] ?? 0] === 'PAIRED_WITH') {
      from.push(c);
      to.push(a);
    }
  }
  const outs = compressed(n, from, to);
  const ins = compressed(n, to, from);
  const ids = nodes;

  // outMark[x] === b + 1 when b → x, inMark[x] === b + 1 when x → b: O(1) tie tests without hashing.
  const outMark = new Int32Array(n);
  const inMark = new Int32Array(n);
  const result = new Map<string, BrokerageCounts>();
  const pairs = new Float64Array(G * G);
  const inCount = new Float64Array(G);
  const outCount = new Float64Array(G);
  const { starts: inStarts, list: inList } = ins;
  const { starts: outStarts, list: outList } = outs;
  for (let b = 0; b < n; b += 1) {
    const inFrom = inStarts[b] ?? 0;
    const inTo = inStarts[b + 1] ?? 0;
    const outFrom = outStarts[b] ?? 0;
    const outTo = outStarts[b + 1] ?? 0;
    if (inFrom === inTo || outFrom === outTo) continue;
    const tag = b + 1;
    inCount.fill(0);
    outCount.fill(0);
    for (let k = inFrom; k < inTo; k += 1) {
      const a = inList[k] ?? 0;
      inMark[a] = tag;
      inCount[group[a] ?? 0] = (inCount[group[a] ?? 0] ?? 0) + 1;
    }
    for (let k = outFrom; k < outTo; k += 1) {
      const c = outList[k] ?? 0;
      outMark[c] = tag;
      outCount[group[c] ?? 0] = (outCount[group[c] ?? 0] ?? 0) + 1;
    }
    for (let ga = 0; ga < G; ga += 1) {
      for (let gc = 0; gc < G; gc += 1) pairs[ga * G + gc] = (inCount[ga] ?? 0) * (outCount[gc] ?? 0);
    }
    const drop = (a: number, c: number) => {
      const cell = (group[a] ?? 0) * G + (group[c] ?? 0);
      pairs[cell] = (pairs[cell] ?? 0) - 1;
    };
    // a = c: reciprocal ties.
    for (let k = inFrom; k < inTo; k += 1) {
      const a = inList[k] ?? 0;
      if (outMark[a] === tag) drop(a, a);
    }
    // a → c: closed pairs, enumerated from whichever side has fewer ties to look at.
    let viaIn = 0;
    for (let k = inFrom; k < inTo; k += 1) {
      const a = inList[k] ?? 0;
      viaIn += (outStarts[a + 1] ?? 0) - (outStarts[a] ?? 0);
    }
    let viaOut = 0;
    for (let k = outFrom; k < outTo; k += 1) {
      const c = outList[k] ?? 0;
      viaOut += (inStarts[c + 1] ?? 0) - (inStarts[c] ?? 0);
    }
    if (viaIn <= viaOut) {
      for (let k = inFrom; k < inTo; k += 1) {
        const a = inList[k] ?? 0;
        for (let q = outStarts[a] ?? 0, end = outStarts[a + 1] ?? 0; q < end; q += 1) {
          const c = outList[q] ?? 0;
          if (c !== b && c !== a && outMark[c] === tag) drop(a, c);
        }
      }
    } else {
      for (let k = outFrom; k < outTo; k += 1) {
        const c = outList[k] ?? 0;
        for (let q = inStarts[c] ?? 0, end = inStarts[c + 1] ?? 0; q < end; q += 1) {
          const a = inList[q] ?? 0;
          if (a !== b && a !== c && inMark[a] === tag) drop(a, c);
        }
      }
    }

    const gb = group[b] ?? 0;
    const counts: BrokerageCounts = {
      coordinator: 0,
      itinerant: 0,
      representative: 0,
      gatekeeper: 0,
      liaison: 0,
      total: 0,
      soePrivate: 0,
    };
    for (let ga = 0; ga < G; ga += 1) {
      for (let gc = 0; gc < G; gc += 1) {
        const k = pairs[ga * G + gc] ?? 0;
        if (k === 0) continue;
        counts[roleOf(ga, gb, gc)] += k;
        counts.total += k;
        if ((ga === STATE && gc === PRIVATE) || (ga === PRIVATE && gc === STATE)) counts.soePrivate += k;
      }
    }
    if (counts.total > 0) result.set(ids[b] ?? '', counts);
  }
  eco.cache.set(key, result);
  return result;
}

/**
 * Burt's constraint per node number of a compact projection (NaN for isolated nodes). The sums
 * over common neighbours are gathered per edge by listing each triangle once (edges oriented
 * from lower to higher degree), so a hub costs its triangles, not its degree squared.
 */
export function constraintOfCompact(compact: CompactTopology): Float64Array {
  const { starts, neighbours } = compact;
  const n = orderOf(compact);
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i += 1) degree[i] = (starts[i + 1] ?? 0) - (starts[i] ?? 0);
  const ranksBelow = (a: number, b: number) =>
    (degree[a] ?? 0) < (degree[b] ?? 0) || ((degree[a] ?? 0) === (degree[b] ?? 0) && a < b);
  // Oriented edges u → v (u ranks below v); each undirected edge once, numbered by its slot.
  const outStarts = new Int32Array(n + 1);
  for (let u = 0; u < n; u += 1) {
    let out = 0;
    for (let k = starts[u] ?? 0, end = starts[u + 1] ?? 0; k < end; k += 1) {
      if (ranksBelow(u, neighbours[k] ?? 0)) out += 1;
    }
    outStarts[u + 1] = (outStarts[u] ?? 0) + out;
  }
  const outList = new Int32Array(outStarts[n] ?? 0);
  for (let u = 0, slot = 0; u < n; u += 1) {
    for (let k = starts[u] ?? 0, end = starts[u + 1] ?? 0; k < end; k += 1) {
      const v = neighbours[k] ?? 0;
      if (ranksBelow(u, v)) outList[slot++] = v;
    }
  }
  // shared[e] = Σ 1 / d_q over the common neighbours q of edge e's ends.
  const shared = new Float64Array(outList.length);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u += 1) {
    const from = outStarts[u] ?? 0;
    const to = outStarts[u + 1] ?? 0;
    for (let e = from; e < to; e += 1) mark[outList[e] ?? 0] = e;
    for (let e1 = from; e1 < to; e1 += 1) {
      const v = outList[e1] ?? 0;
      for (let e2 = outStarts[v] ?? 0, end = outStarts[v + 1] ?? 0; e2 < end; e2 += 1) {
        const w = outList[e2] ?? 0;
        const e3 = mark[w] ?? -1;
        if (e3 < from || e3 >= to) continue;
        // Triangle u, v, w: edges u–v (e1), v–w (e2), u–w (e3).
        shared[e1] = (shared[e1] ?? 0) + 1 / (degree[w] ?? 1);
        shared[e2] = (shared[e2] ?? 0) + 1 / (degree[u] ?? 1);
        shared[e3] = (shared[e3] ?? 0) + 1 / (degree[v] ?? 1);
      }
    }
  }
  const sums = new Float64Array(n);
  for (let u = 0; u < n; u += 1) {
    for (let e = outStarts[u] ?? 0, end = outStarts[u + 1] ?? 0; e < end; e += 1) {
      const v = outList[e] ?? 0;
      const term = (1 + (shared[e] ?? 0)) ** 2;
      sums[u] = (sums[u] ?? 0) + term / (degree[u] ?? 1) ** 2;
      sums[v] = (sums[v] ?? 0) + term / (degree[v] ?? 1) ** 2;
    }
  }
  for (let i = 0; i < n; i += 1) if (degree[i] === 0) sums[i] = Number.NaN;
  return sums;
}

/** Burt's constraint of every non-isolated node of a simple undirected graph (see above). */
export function constraintOf(projection: UndirectedGraph): Record<string, number> {
  const compact = compactProjection(projection);
  const values = constraintOfCompact(compact);
  const constraint: Record<string, number> = {};
  compact.nodes.forEach((node, i) => {
    const value = values[i] ?? Number.NaN;
    if (!Number.isNaN(value)) constraint[node] = value;
  });
  return constraint;
}
