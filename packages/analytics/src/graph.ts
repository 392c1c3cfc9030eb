/**
 * Shared helpers on the ecosystem graph: node kinds, chain and park membership, and the
 * undirected simple projection the measures run on.
 *
 * The graphs are graphology graphs built from the API's serialised graph: node key = entity id,
 * node attribute `kind` (an ENTITY_KINDS key), `nameZh`, `nameEn`; edge attribute `type` (a
 * RELATION_KINDS key), `status`, `since`, `until`. Display attributes (x, y, size, color,
 * hidden...) are never read here.
 */
import type { Bilingual, EntityKind, RelationKind } from '@innograph/model';
import { ENTITY_KIND_NAMES } from '@innograph/model';
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';

export type { AbstractGraph, Attributes };

export const INDUSTRY_CHAIN: EntityKind = 'IndustryChain';
export const SCIENCE_PARK: EntityKind = 'SciencePark';
const BELONGS_TO: RelationKind = 'BELONGS_TO';
const LOCATED_IN: RelationKind = 'LOCATED_IN';

/** Compares keys by UTF-16 code units: the same order everywhere, unlike localeCompare. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The node's `kind` attribute, or undefined when it has none (or not a string). */
export function kindOf(graph: AbstractGraph, node: string): string | undefined {
  const kind: unknown = graph.getNodeAttribute(node, 'kind');
  return typeof kind === 'string' ? kind : undefined;
}

/** Rank of a kind in the ontology's order (ENTITY_KIND_NAMES); kinds the model does not know
 *  come after every known kind. */
export function kindRank(kind: string | undefined): number {
  const rank = ENTITY_KIND_NAMES.indexOf(kind as EntityKind);
  return rank === -1 ? ENTITY_KIND_NAMES.length : rank;
}

/** The node's names in both languages, falling back to its key. */
export function namesOf(graph: AbstractGraph, node: string): Bilingual {
  // Keyed loads: node attribute objects come in many shapes, where V8's megamorphic keyed load
  // is faster than a named one (this runs for every name of every gap reason).
  const attributes = graph.getNodeAttributes(node);
  const zh: unknown = attributes[NAME_ZH];
  const en: unknown = attributes[NAME_EN];
  return { zh: typeof zh === 'string' ? zh : node, en: typeof en === 'string' ? en : node };
}

const NAME_ZH = 'nameZh';
const NAME_EN = 'nameEn';

interface Membership {
  target: string;
  ended: boolean;
  positioned: boolean;
}

/** Out-edges of `relation` from `node` to nodes of `targetKind`, best first: memberships that
 *  have not ended, then (BELONGS_TO) those with a `position`, then by target id. */
function memberships(
  graph: AbstractGraph,
  node: string,
  relation: RelationKind,
  targetKind: EntityKind,
): Membership[] {
  const found: Membership[] = [];
  if (graph.type === 'undirected') return found;
  graph.forEachOutEdge(node, (_edge, attributes, _source, target) => {
    if (attributes.type !== relation || kindOf(graph, target) !== targetKind) return;
    found.push({
      target,
      ended: attributes.status === 'ended',
      positioned: typeof attributes.position === 'string' && attributes.position !== '',
    });
  });
  return found.sort(
    (a, b) =>
      Number(a.ended) - Number(b.ended) ||
      Number(b.positioned) - Number(a.positioned) ||
      compareKeys(a.target, b.target),
  );
}

function distinctSorted(keys: string[]): string[] {
  return [...new Set(keys)].sort(compareKeys);
}

/**
 * Every industry chain the node belongs to (BELONGS_TO targets of kind IndustryChain, whatever
 * the relation's status), sorted by id; an IndustryChain node belongs to itself. For filters.
 */
export function chainsOf(graph: AbstractGraph, node: string): string[] {
  if (kindOf(graph, node) === INDUSTRY_CHAIN) return [node];
  return distinctSorted(memberships(graph, node, BELONGS_TO, INDUSTRY_CHAIN).map((m) => m.target));
}

/**
 * The one industry chain the node is drawn in, or null. An IndustryChain node is its own chain.
 * Among several BELONGS_TO chains: a membership that has not ended beats an ended one, then one
 * whose BELONGS_TO carries a `position` (upstream, midstream...) beats one without, then the
 * smallest chain id wins.
 */
export function chainOf(graph: AbstractGraph, node: string): string | null {
  if (kindOf(graph, node) === INDUSTRY_CHAIN) return node;
  return memberships(graph, node, BELONGS_TO, INDUSTRY_CHAIN)[0]?.target ?? null;
}

/**
 * Every science park the node is located in (LOCATED_IN targets of kind SciencePark, whatever
 * the relation's status), sorted by id; a SciencePark node is in itself. For filters.
 */
export function parksOf(graph: AbstractGraph, node: string): string[] {
  if (kindOf(graph, node) === SCIENCE_PARK) return [node];
  return distinctSorted(memberships(graph, node, LOCATED_IN, SCIENCE_PARK).map((m) => m.target));
}

/**
 * The one science park the node is drawn in, or null. A SciencePark node is its own park.
 * Among several parks: a LOCATED_IN that has not ended beats an ended one, then the smallest
 * park id wins.
 */
export function parkOf(graph: AbstractGraph, node: string): string | null {
  if (kindOf(graph, node) === SCIENCE_PARK) return node;
  return memberships(graph, node, LOCATED_IN, SCIENCE_PARK)[0]?.target ?? null;
}

export type NodeFilter = (node: string, attributes: Attributes) => boolean;
export type EdgeFilter = (edge: string, attributes: Attributes, source: string, target: string) => boolean;

export interface ProjectionOptions {
  /** Keep only the nodes for which it returns true (default: every node). */
  nodeFilter?: NodeFilter;
  /** Keep only the edges for which it returns true (default: every edge). An edge is also left
   *  out when either end is. */
  edgeFilter?: EdgeFilter;
}

/**
 * The undirected simple projection as typed arrays, for the measures that walk it many times
 * (betweenness, Louvain, constraint): nodes numbered 0..n-1 in key order, and the neighbours of
 * node i in `neighbours[starts[i] .. starts[i + 1])`, in increasing order, without repeats or
 * self-loops. At 100,000 nodes a graphology instance costs seconds to build, these arrays
 * milliseconds; `undirectedProjection` makes one from them when a graphology graph is needed.
 */
export interface CompactGraph {
  /** Node keys, sorted; a node's number is its position here. */
  nodes: string[];
  starts: Int32Array;
  neighbours: Int32Array;
  /** Number of (undirected) edges. */
  size: number;
}

/**
 * A compact graph's structure without its keys: all the numeric measures read, and what can be
 * handed to another thread (typed arrays and a number). Its node count is `starts.length - 1`.
 */
export type CompactTopology = Pick<CompactGraph, 'starts' | 'neighbours' | 'size'>;

/** The node count of a compact topology. */
export function orderOf(topology: CompactTopology): number {
  return Math.max(0, topology.starts.length - 1);
}

/**
 * The compact graph of the given nodes (keys sorted) and edges between node numbers, in any order
 * and either direction; repeats and self-loops are dropped.
 */
export function compactGraph(nodes: string[], count: number, from: Int32Array, to: Int32Array): CompactGraph {
  const n = nodes.length;
  const starts = new Int32Array(n + 1);
  for (let e = 0; e < count; e += 1) {
    const a = from[e] ?? 0;
    const b = to[e] ?? 0;
    if (a === b) continue;
    starts[a + 1] = (starts[a + 1] ?? 0) + 1;
    starts[b + 1] = (starts[b + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i += 1) starts[i + 1] = (starts[i + 1] ?? 0) + (starts[i] ?? 0);
  const fill = starts.slice(0, n);
  const neighbours = new Int32Array(starts[n] ?? 0);
  for (let e = 0; e < count; e += 1) {
    const a = from[e] ?? 0;
    const b = to[e] ?? 0;
    if (a === b) continue;
    neighbours[fill[a] ?? 0] = b;
    fill[a] = (fill[a] ?? 0) + 1;
    neighbours[fill[b] ?? 0] = a;
    fill[b] = (fill[b] ?? 0) + 1;
  }
  // Sort each neighbour list and drop repeats, compacting in place.
  let write = 0;
  for (let i = 0; i < n; i += 1) {
    const begin = starts[i] ?? 0;
    const end = starts[i + 1] ?? 0;
    starts[i] = write;
    const list = neighbours.subarray(begin, end).sort();
    for (let k = 0; k < list.length; k += 1) {
      if (k === 0 || list[k] !== list[k - 1]) neighbours[write++] = list[k] ?? 0;
    }
  }
  starts[n] = write;
  return { nodes, starts, neighbours: neighbours.slice(0, write), size: write / 2 };
}

/**
 * The undirected simple projection of a (multi, directed or mixed) graph as a CompactGraph: the
 * node keys (kept by `nodeFilter`) sorted, and one edge between two nodes when at least one edge
 * (kept by `edgeFilter`) joins them in either direction. Parallel edges collapse, direction is
 * ignored, self-loops are dropped and no attribute is read.
 */
export function compactProjection(graph: AbstractGraph, options: ProjectionOptions = {}): CompactGraph {
  const { nodeFilter, edgeFilter } = options;
  const nodes: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (!nodeFilter || nodeFilter(node, attributes)) nodes.push(node);
  });
  nodes.sort(compareKeys);
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    index.set(node, i);
  });
  const from = new Int32Array(graph.size);
  const to = new Int32Array(graph.size);
  let count = 0;
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target) return;
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined) return;
    if (edgeFilter && !edgeFilter(edge, attributes, source, target)) return;
    from[count] = a;
    to[count] = b;
    count += 1;
  });
  return compactGraph(nodes, count, from, to);
}

/**
 * The compact graph as a graphology UndirectedGraph: nodes added in key order, edges in order of
 * their (sorted) ends, no attributes.
 */
export function graphologyOf(compact: CompactGraph): UndirectedGraph {
  const { nodes, starts, neighbours } = compact;
  const projection = new UndirectedGraph();
  for (const node of nodes) projection.addNode(node);
  nodes.forEach((node, i) => {
    for (let k = starts[i] ?? 0, end = starts[i + 1] ?? 0; k < end; k += 1) {
      const j = neighbours[k] ?? 0;
      if (j > i) projection.addEdge(node, nodes[j] as string);
    }
  });
  return projection;
}

/**
 * The undirected simple projection of a (multi, directed or mixed) graph: the same node keys,
 * sorted by key, and one undirected edge between two nodes when at least one edge joins them in
 * either direction. Parallel edges collapse, direction is ignored, self-loops are dropped and no
 * attribute is copied. Edges are added in sorted order, so the result (and every algorithm run
 * on it) does not depend on the order the input graph was built in.
 */
export function undirectedProjection(graph: AbstractGraph, options: ProjectionOptions = {}): UndirectedGraph {
  return graphologyOf(compactProjection(graph, options));
}
