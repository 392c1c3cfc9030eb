/**
 * Louvain communities (Blondel et al. 2008) of an unweighted CompactGraph: graphology-communities-
 * louvain's undirected algorithm with its defaults (fast local moves, random walk order, the same
 * tie-breaking and zoom-out), ported step for step to run on the compact arrays, so it gives the
 * same partition, count and modularity as `louvain.detailed(undirectedProjection(...), {rng})`
 * with the same seeded PRNG (the tests check this on random graphs) without building a graphology
 * graph, which at 100,000 nodes costs more than the algorithm itself.
 *
 * The library's index is built from graphology's edge order, which for a projection is the order
 * of the sorted ends; each node's neighbourhood is filled backwards, so the index lists the
 * neighbours of a node in decreasing order. Weights are 1, so every sum is an integer (exact in
 * a Float64Array).
 */
import type { CompactTopology } from '../graph.js';
import { orderOf } from '../graph.js';

export interface LouvainResult {
  /** Community of each node number (labels of the last level, not renumbered). */
  community: Int32Array;
  count: number;
  modularity: number;
}

const EPSILON = 1e-10;

/** A FIFO queue of node numbers that holds each at most once (mnemonist's SparseQueueSet). */
class QueueSet {
  private readonly dense: Int32Array;
  private readonly queued: Uint8Array;
  private start = 0;
  size = 0;

  constructor(private readonly capacity: number) {
    this.dense = new Int32Array(capacity);
    this.queued = new Uint8Array(capacity);
  }

  enqueue(member: number): void {
    if (this.queued[member] === 1) return;
    this.dense[(this.start + this.size) % this.capacity] = member;
    this.queued[member] = 1;
    this.size += 1;
  }

  dequeue(): number {
    const member = this.dense[this.start] ?? 0;
    this.size -= 1;
    this.start += 1;
    if (this.start === this.capacity) this.start = 0;
    this.queued[member] = 0;
    return member;
  }
}

/** Weights by community in insertion order (mnemonist's SparseMap). */
class CommunityWeights {
  readonly dense: Int32Array;
  readonly values: Float64Array;
  private readonly sparse: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.dense = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.sparse = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  private slot(community: number): number {
    const s = this.sparse[community] ?? 0;
    return s < this.size && this.dense[s] === community ? s : -1;
  }

  get(community: number): number {
    const s = this.slot(community);
    return s < 0 ? 0 : (this.values[s] ?? 0);
  }

  add(community: number, weight: number): void {
    const s = this.slot(community);
    if (s >= 0) {
      this.values[s] = (this.values[s] ?? 0) + weight;
      return;
    }
    this.dense[this.size] = community;
    this.values[this.size] = weight;
    this.sparse[community] = this.size;
    this.size += 1;
  }
}

/** graphology's tie breaker: is `delta` for `target` better than `bestDelta` for `best`? */
function better(best: number, current: number, target: number, delta: number, bestDelta: number): boolean {
  if (Math.abs(delta - bestDelta) < EPSILON) return best === current ? false : target > best;
  return delta > bestDelta;
}

/** Louvain on the compact graph (see the module comment); `rng` picks where each pass starts. */
export function louvainOfCompact(
  compact: CompactTopology,
  resolution: number,
  rng: () => number,
): LouvainResult {
  const n0 = orderOf(compact);
  const edgeSlots = compact.neighbours.length;
  // The index: neighbourhoods and weights of the current level's nodes.
  const starts = new Int32Array(n0 + 1);
  const neighbourhood = new Int32Array(edgeSlots);
  const weights = new Float64Array(edgeSlots);
  for (let i = 0; i < n0; i += 1) {
    const from = compact.starts[i] ?? 0;
    const to = compact.starts[i + 1] ?? 0;
    starts[i] = from;
    for (let k = from; k < to; k += 1) {
      neighbourhood[k] = compact.neighbours[from + to - 1 - k] ?? 0;
      weights[k] = 1;
    }
  }
  starts[n0] = edgeSlots;
  const loops = new Float64Array(n0);
  const belongings = new Int32Array(n0);
  const counts = new Int32Array(n0);
  const unused = new Int32Array(n0);
  const totalWeights = new Float64Array(n0);
  const mapping = new Int32Array(n0);
  for (let i = 0; i < n0; i += 1) {
    belongings[i] = i;
    counts[i] = 1;
    mapping[i] = i;
    totalWeights[i] = (starts[i + 1] ?? 0) - (starts[i] ?? 0);
  }
  const M = compact.size;
  let C = n0;
  let U = 0;

  const isolate = (i: number, degree: number): number => {
    const current = belongings[i] ?? 0;
    if (counts[current] === 1) return current;
    U -= 1;
    const community = unused[U] ?? 0;
    const d = degree + (loops[i] ?? 0);
    totalWeights[current] = (totalWeights[current] ?? 0) - d;
    totalWeights[community] = (totalWeights[community] ?? 0) + d;
    belongings[i] = community;
    counts[current] = (counts[current] ?? 0) - 1;
    counts[community] = (counts[community] ?? 0) + 1;
    return community;
  };

  const move = (i: number, degree: number, target: number): void => {
    const current = belongings[i] ?? 0;
    const d = degree + (loops[i] ?? 0);
    totalWeights[current] = (totalWeights[current] ?? 0) - d;
    totalWeights[target] = (totalWeights[target] ?? 0) + d;
    belongings[i] = target;
    const nowEmpty = counts[current] === 1;
    counts[current] = (counts[current] ?? 0) - 1;
    counts[target] = (counts[target] ?? 0) + 1;
    if (nowEmpty) unused[U++] = current;
  };

  const fastDelta = (i: number, degree: number, targetDegree: number, target: number): number => {
    const d = degree + (loops[i] ?? 0);
    return targetDegree - (d * (totalWeights[target] ?? 0) * resolution) / (2 * M);
  };

  const fastDeltaWithOwnCommunity = (i: number, degree: number, targetDegree: number, target: number) => {
    const d = degree + (loops[i] ?? 0);
    return targetDegree - (d * ((totalWeights[target] ?? 0) - d) * resolution) / (2 * M);
  };

  const zoomOut = (): void => {
    // Renumber communities in node order.
    const labels = new Int32Array(C).fill(-1);
    const inducedTotal: number[] = [];
    let next = 0;
    for (let i = 0; i < C; i += 1) {
      const ci = belongings[i] ?? 0;
      if (labels[ci] === -1) {
        labels[ci] = next;
        inducedTotal.push(totalWeights[ci] ?? 0);
        next += 1;
      }
      belongings[i] = labels[ci] ?? 0;
    }
    for (let i = 0; i < n0; i += 1) mapping[i] = belongings[mapping[i] ?? 0] ?? 0;
    // Induced graph: weights between communities, each adjacency in increasing community order.
    // The members of each community in node order (a counting sort), then one community at a
    // time: weights to each neighbouring community gathered in a dense array.
    const memberStarts = new Int32Array(next + 1);
    for (let i = 0; i < C; i += 1) {
      const slot = (belongings[i] ?? 0) + 1;
      memberStarts[slot] = (memberStarts[slot] ?? 0) + 1;
    }
    for (let c = 0; c < next; c += 1)
      memberStarts[c + 1] = (memberStarts[c + 1] ?? 0) + (memberStarts[c] ?? 0);
    const fill = memberStarts.slice(0, next);
    const members = new Int32Array(C);
    for (let i = 0; i < C; i += 1) {
      const ci = belongings[i] ?? 0;
      members[fill[ci] ?? 0] = i;
      fill[ci] = (fill[ci] ?? 0) + 1;
    }
    const internal = new Float64Array(next);
    const weightTo = new Float64Array(next);
    const seenBy = new Int32Array(next).fill(-1);
    const touched = new Int32Array(next);
    const newStarts = new Int32Array(starts.length);
    const newNeighbourhood = new Int32Array(neighbourhood.length);
    const newWeights = new Float64Array(weights.length);
    let e = 0;
    for (let ci = 0; ci < next; ci += 1) {
      let count = 0;
      for (let m = memberStarts[ci] ?? 0, last = memberStarts[ci + 1] ?? 0; m < last; m += 1) {
        const i = members[m] ?? 0;
        internal[ci] = (internal[ci] ?? 0) + (loops[i] ?? 0);
        for (let k = starts[i] ?? 0, end = starts[i + 1] ?? 0; k < end; k += 1) {
          const cj = belongings[neighbourhood[k] ?? 0] ?? 0;
          const weight = weights[k] ?? 0;
          if (ci === cj) {
            internal[ci] = (internal[ci] ?? 0) + weight;
            continue;
          }
          if (seenBy[cj] !== ci) {
            seenBy[cj] = ci;
            weightTo[cj] = 0;
            touched[count++] = cj;
          }
          weightTo[cj] = (weightTo[cj] ?? 0) + weight;
        }
      }
      newStarts[ci] = e;
      for (const cj of touched.subarray(0, count).sort()) {
        newNeighbourhood[e] = cj;
        newWeights[e] = weightTo[cj] ?? 0;
        e += 1;
      }
    }
    C = next;
    starts.set(newStarts.subarray(0, C));
    neighbourhood.set(newNeighbourhood.subarray(0, e));
    weights.set(newWeights.subarray(0, e));
    for (let ci = 0; ci < C; ci += 1) {
      totalWeights[ci] = inducedTotal[ci] ?? 0;
      loops[ci] = internal[ci] ?? 0;
      counts[ci] = 1;
      belongings[ci] = ci;
    }
    starts[C] = e;
    U = 0;
  };

  const communities = new CommunityWeights(n0);
  const queue = new QueueSet(n0);
  let moveWasMade = true;
  while (moveWasMade) {
    const l = C;
    moveWasMade = false;
    let ri = Math.floor(rng() * l);
    for (let s = 0; s < l; s += 1, ri += 1) queue.enqueue(ri % l);
    while (queue.size !== 0) {
      const i = queue.dequeue();
      let degree = 0;
      communities.clear();
      const current = belongings[i] ?? 0;
      const from = starts[i] ?? 0;
      const to = starts[i + 1] ?? 0;
      for (let k = from; k < to; k += 1) {
        const weight = weights[k] ?? 0;
        degree += weight;
        communities.add(belongings[neighbourhood[k] ?? 0] ?? 0, weight);
      }
      let bestDelta = fastDeltaWithOwnCommunity(i, degree, communities.get(current), current);
      let best = current;
      for (let c = 0; c < communities.size; c += 1) {
        const target = communities.dense[c] ?? 0;
        if (target === current) continue;
        const delta = fastDelta(i, degree, communities.values[c] ?? 0, target);
        if (better(best, current, target, delta, bestDelta)) {
          bestDelta = delta;
          best = target;
        }
      }
      if (bestDelta < 0) {
        // Back to a singleton (only with self-loops or a resolution other than 1).
        best = isolate(i, degree);
        if (best === current) continue;
      } else if (best === current) {
        continue;
      } else {
        move(i, degree, best);
      }
      moveWasMade = true;
      for (let k = from; k < to; k += 1) {
        const j = neighbourhood[k] ?? 0;
        if (belongings[j] !== best) queue.enqueue(j);
      }
    }
    if (moveWasMade) zoomOut();
  }

  // Modularity of the last level.
  const internal = new Float64Array(C);
  for (let i = 0; i < C; i += 1) {
    const ci = belongings[i] ?? 0;
    internal[ci] = (internal[ci] ?? 0) + (loops[i] ?? 0);
    for (let k = starts[i] ?? 0, end = starts[i + 1] ?? 0; k < end; k += 1) {
      if (belongings[neighbourhood[k] ?? 0] === ci) internal[ci] = (internal[ci] ?? 0) + (weights[k] ?? 0);
    }
  }
  const M2 = M * 2;
  let modularity = 0;
  for (let i = 0; i < C; i += 1) {
    modularity += (internal[i] ?? 0) / M2 - ((totalWeights[i] ?? 0) / M2) ** 2 * resolution;
  }
  return { community: mapping, count: C, modularity };
}
