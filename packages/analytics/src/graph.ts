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
  const attributes = graph.getNodeAttributes(node);
  const zh = typeof attributes.nameZh === 'string' ? attributes.nameZh : node;
  const en = typeof attributes.nameEn === 'string' ? attributes.nameEn : node;
  return { zh, en };
}

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
 * The undirected simple projection of a (multi, directed or mixed) graph: the same node keys,
 * sorted by key, and one undirected edge between two nodes when at least one edge joins them in
 * either direction. Parallel edges collapse, direction is ignored, self-loops are dropped and no
 * attribute is copied. Edges are added in sorted order, so the result (and every algorithm run
 * on it) does not depend on the order the input graph was built in.
 */
export function undirectedProjection(graph: AbstractGraph, options: ProjectionOptions = {}): UndirectedGraph {
  const { nodeFilter, edgeFilter } = options;
  const kept = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (!nodeFilter || nodeFilter(node, attributes)) kept.add(node);
  });
  const pairs = new Map<string, [string, string]>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target || !kept.has(source) || !kept.has(target)) return;
    if (edgeFilter && !edgeFilter(edge, attributes, source, target)) return;
    const pair: [string, string] = source < target ? [source, target] : [target, source];
    pairs.set(`${pair[0].length}:${pair[0]}${pair[1]}`, pair);
  });
  const projection = new UndirectedGraph();
  for (const node of [...kept].sort(compareKeys)) projection.addNode(node);
  const sorted = [...pairs.values()].sort((a, b) => compareKeys(a[0], b[0]) || compareKeys(a[1], b[1]));
  for (const [source, target] of sorted) projection.addEdge(source, target);
  return projection;
}
