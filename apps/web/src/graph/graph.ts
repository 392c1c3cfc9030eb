/**
 * The explorer's graph: a graphology multigraph built from the API's serialised graphs, keyed by
 * entity and relation ids, with display attributes (x, y, size, color) beside the data.
 */
import {
  type EntityKind,
  EntityKindSchema,
  type RelationKind,
  RelationKindSchema,
  RelationStatus,
} from '@innograph/model';
import { MultiDirectedGraph } from 'graphology';
import type { GraphItems } from './packed.js';

export interface NodeData {
  kind: EntityKind;
  nameZh: string;
  nameEn: string;
  label: string;
  version: number;
  x: number;
  y: number;
  size: number;
  color: string;
  [attribute: string]: unknown;
}

export interface EdgeData {
  type: RelationKind;
  status: RelationStatus;
  since: string;
  until?: string;
  size: number;
  color: string;
  /** Bend of the curve when several relations join the same two entities; 0 draws a line. */
  curvature?: number;
  [attribute: string]: unknown;
}

export type EcoGraph = MultiDirectedGraph<NodeData, EdgeData>;

export function emptyGraph(): EcoGraph {
  return new MultiDirectedGraph<NodeData, EdgeData>({ allowSelfLoops: false });
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** A stable pseudo-random offset from a string, so that new nodes land in the same spot on every
 *  load (Math.random would make positions differ between a view and its shared link). */
export function hashUnit(key: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100_000) / 100_000;
}

export interface MergeResult {
  addedNodes: string[];
  addedEdges: string[];
}

/**
 * Adds the nodes and edges of a serialised graph that are not yet there and refreshes the data of
 * those that are; positions of existing nodes never move. New nodes land near a neighbour already
 * placed (or near `anchor`), on a small deterministic circle.
 *
 * The graph takes the attribute objects of `serialized` as its own (display fields are written
 * into them): pass a graph just received or built (or unpacked: `unpackGraph`), not one to use
 * again. Its nodes and edges are each read once. A copy per node and relation was the biggest
 * part of the garbage a 20,000-entity load left in the page's old generation, whose major
 * collection then landed in whatever task came next.
 */
export function mergeSerialized(
  graph: EcoGraph,
  serialized: GraphItems,
  anchor?: { x: number; y: number },
): MergeResult {
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  for (const { key, attributes } of serialized.nodes) {
    const kind = EntityKindSchema.safeParse(attributes.kind);
    if (!kind.success) continue;
    const data = Object.assign(attributes, {
      kind: kind.data,
      nameZh: text(attributes.nameZh, key),
      nameEn: text(attributes.nameEn, key),
      label: text(attributes.nameEn, key),
      version: typeof attributes.version === 'number' ? attributes.version : 1,
    });
    if (graph.hasNode(key)) {
      const { x, y, size, color } = graph.getNodeAttributes(key);
      graph.replaceNodeAttributes(key, Object.assign(data, { x, y, size, color }));
    } else {
      graph.addNode(key, Object.assign(data, { x: Number.NaN, y: Number.NaN, size: 5, color: '#999' }));
      addedNodes.push(key);
    }
  }
  for (const { key, source, target, attributes } of serialized.edges) {
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    const type = RelationKindSchema.safeParse(attributes.type);
    const status = RelationStatus.safeParse(attributes.status);
    if (!type.success || !status.success) continue;
    const data: EdgeData = Object.assign(attributes, {
      type: type.data,
      status: status.data,
      since: text(attributes.since, '0000-01-01'),
      size: 1,
      color: '#ccc',
    });
    if (typeof attributes.until !== 'string') delete data.until;
    if (graph.hasEdge(key)) {
      const { curvature } = graph.getEdgeAttributes(key);
      graph.replaceEdgeAttributes(key, Object.assign(data, { curvature }));
    } else {
      graph.addDirectedEdgeWithKey(key, source, target, data);
      addedEdges.push(key);
    }
  }
  placeNewNodes(graph, addedNodes, anchor);
  if (addedEdges.length > 0) curveParallelEdges(graph);
  return { addedNodes, addedEdges };
}

function placeNewNodes(graph: EcoGraph, nodes: readonly string[], anchor?: { x: number; y: number }) {
  const pending = new Set(nodes);
  // Two passes: nodes next to a placed neighbour first, then the rest around the anchor.
  for (let pass = 0; pass < 3 && pending.size > 0; pass += 1) {
    for (const node of [...pending]) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      graph.forEachNeighbor(node, (_neighbor, attributes) => {
        if (Number.isFinite(attributes.x) && Number.isFinite(attributes.y)) {
          sx += attributes.x;
          sy += attributes.y;
          n += 1;
        }
      });
      const base = n > 0 ? { x: sx / n, y: sy / n } : pass === 2 ? (anchor ?? { x: 0, y: 0 }) : null;
      if (!base) continue;
      const angle = hashUnit(node) * Math.PI * 2;
      const radius = 20 + hashUnit(node, 7) * 40;
      graph.mergeNodeAttributes(node, {
        x: base.x + Math.cos(angle) * radius,
        y: base.y + Math.sin(angle) * radius,
      });
      pending.delete(node);
    }
  }
}

/** The curvature sigma's curve program gives a single curved edge. */
export const BASE_CURVATURE = 0.25;

/**
 * Curvature for one of `count` relations between the same two entities, `rank` in 0..count-1:
 * spread symmetrically around the straight line (the middle one of an odd count stays
 * straight), wider for bigger bundles.
 */
export function curvatureFor(rank: number, count: number): number {
  if (count <= 1) return 0;
  const offset = rank - (count - 1) / 2;
  const widest = BASE_CURVATURE * (1 + Math.log2(count) / 2);
  return (widest * offset) / ((count - 1) / 2);
}

/** Gives each relation between the same two entities its own curve, so none hides another.
 *  Bundles are keyed by the unordered pair; a relation drawn the other way gets the opposite
 *  sign, because sigma bends a curve relative to its own direction. */
export function curveParallelEdges(graph: EcoGraph): void {
  const bundles = new Map<string, string[]>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const bundle = bundles.get(pair);
    if (bundle) bundle.push(edge);
    else bundles.set(pair, [edge]);
  });
  for (const bundle of bundles.values()) {
    bundle.sort();
    bundle.forEach((edge, rank) => {
      const [source, target] = graph.extremities(edge);
      const sign = source < target ? 1 : -1;
      graph.setEdgeAttribute(edge, 'curvature', sign * curvatureFor(rank, bundle.length));
    });
  }
}

/** Display name of a node in a language. */
export function nodeName(graph: EcoGraph, node: string, language: 'zh' | 'en'): string {
  if (!graph.hasNode(node)) return node;
  const attributes = graph.getNodeAttributes(node);
  return language === 'zh' ? attributes.nameZh : attributes.nameEn;
}
