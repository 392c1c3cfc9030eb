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
 * nodes 1.125. Isolated nodes have none.
 */
import type { UndirectedGraph } from 'graphology';
import type { Ecosystem, OwnershipGroup } from '../ecosystem.js';

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

const GROUPS: readonly OwnershipGroup[] = ['state', 'private', 'mixed', 'public'];
const G = GROUPS.length;
const STATE = 0;
const PRIVATE = 1;

function roleOf(ga: number, gb: number, gc: number): BrokerageRole {
  if (ga === gb) return gc === gb ? 'coordinator' : 'representative';
  if (gc === gb) return 'gatekeeper';
  return ga === gc ? 'itinerant' : 'liaison';
}

/** Brokerage counts of every node that brokers at least one pair, keyed by node. */
export function brokerageOf(eco: Ecosystem): Map<string, BrokerageCounts> {
  const key = 'brokerage';
  const known = eco.cache.get(key) as Map<string, BrokerageCounts> | undefined;
  if (known) return known;

  // Index the organisations that have a group; the directed simple tie graph among them.
  const ids: string[] = [];
  const group: number[] = [];
  const index = new Map<string, number>();
  for (const node of eco.nodes) {
    const g = eco.ownership.get(node);
    if (g === undefined) continue;
    index.set(node, ids.length);
    ids.push(node);
    group.push(GROUPS.indexOf(g));
  }
  const n = ids.length;
  const outs: number[][] = Array.from({ length: n }, () => []);
  const ins: number[][] = Array.from({ length: n }, () => []);
  for (const [, source, target, type] of eco.ties) {
    const a = index.get(source);
    const c = index.get(target);
    if (a === undefined || c === undefined || a === c) continue;
    outs[a]?.push(c);
    ins[c]?.push(a);
    if (type === 'PAIRED_WITH') {
      outs[c]?.push(a);
      ins[a]?.push(c);
    }
  }
  // Parallel relations collapse: each list sorted and without repeats.
  const dedupe = (list: number[]) => {
    list.sort((x, y) => x - y);
    let k = 0;
    for (let i = 0; i < list.length; i += 1) if (i === 0 || list[i] !== list[i - 1]) list[k++] = list[i] ?? 0;
    list.length = k;
  };
  for (const list of outs) dedupe(list);
  for (const list of ins) dedupe(list);

  // outMark[x] === b + 1 when b → x, inMark[x] === b + 1 when x → b: O(1) tie tests without hashing.
  const outMark = new Int32Array(n);
  const inMark = new Int32Array(n);
  const result = new Map<string, BrokerageCounts>();
  const pairs = new Float64Array(G * G);
  const inCount = new Float64Array(G);
  const outCount = new Float64Array(G);
  for (let b = 0; b < n; b += 1) {
    const inB = ins[b] ?? [];
    const outB = outs[b] ?? [];
    if (inB.length === 0 || outB.length === 0) continue;
    const tag = b + 1;
    inCount.fill(0);
    outCount.fill(0);
    for (const a of inB) {
      inMark[a] = tag;
      inCount[group[a] ?? 0] = (inCount[group[a] ?? 0] ?? 0) + 1;
    }
    for (const c of outB) {
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
    for (const a of inB) if (outMark[a] === tag) drop(a, a);
    // a → c: closed pairs, enumerated from whichever side has fewer ties to look at.
    let viaIn = 0;
    for (const a of inB) viaIn += outs[a]?.length ?? 0;
    let viaOut = 0;
    for (const c of outB) viaOut += ins[c]?.length ?? 0;
    if (viaIn <= viaOut) {
      for (const a of inB) {
        for (const c of outs[a] ?? []) if (c !== b && c !== a && outMark[c] === tag) drop(a, c);
      }
    } else {
      for (const c of outB) {
        for (const a of ins[c] ?? []) if (a !== b && a !== c && inMark[a] === tag) drop(a, c);
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

/** Burt's constraint of every non-isolated node of a simple undirected graph (see above). */
export function constraintOf(projection: UndirectedGraph): Record<string, number> {
  const nodes = projection.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const neighbours: Set<number>[] = nodes.map(
    (node) => new Set(projection.neighbors(node).map((m) => index.get(m) ?? -1)),
  );
  const degree = neighbours.map((set) => set.size);
  const sums = new Float64Array(nodes.length);
  projection.forEachEdge((_edge, _attributes, source, target) => {
    const i = index.get(source) ?? 0;
    const j = index.get(target) ?? 0;
    const [small, large] =
      (degree[i] ?? 0) <= (degree[j] ?? 0) ? [neighbours[i], neighbours[j]] : [neighbours[j], neighbours[i]];
    let shared = 0;
    for (const q of small ?? []) if (large?.has(q)) shared += 1 / (degree[q] ?? 1);
    const term = (1 + shared) ** 2;
    sums[i] = (sums[i] ?? 0) + term / (degree[i] ?? 1) ** 2;
    sums[j] = (sums[j] ?? 0) + term / (degree[j] ?? 1) ** 2;
  });
  const constraint: Record<string, number> = {};
  nodes.forEach((node, i) => {
    if ((degree[i] ?? 0) > 0) constraint[node] = sums[i] ?? 0;
  });
  return constraint;
}
