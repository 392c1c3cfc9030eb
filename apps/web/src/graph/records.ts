/** Stored records (from edits and entity pages) in the serialised-graph shape the view merges. */
import type { EntityRecord, RelationRecord, SerializedGraph } from '@innograph/model';
import type { Change } from '../edit/history.js';
import type { EcoGraph } from './graph.js';
import { curveParallelEdges, mergeSerialized } from './graph.js';

type SerializedNode = SerializedGraph['nodes'][number];
type SerializedEdge = SerializedGraph['edges'][number];

export function nodeOfRecord(record: EntityRecord): SerializedNode {
  return {
    key: record.id,
    attributes: {
      ...record.attributes,
      kind: record.kind,
      nameZh: record.name.zh,
      nameEn: record.name.en,
      label: record.name.en,
      version: record.version,
    },
  };
}

export function edgeOfRecord(record: RelationRecord): SerializedEdge {
  const attributes: Record<string, unknown> = {
    ...record.attributes,
    type: record.type,
    status: record.status,
    since: record.since,
    confidence: record.evidence.confidence,
    source: record.evidence.source,
    version: record.version,
  };
  if (record.until !== undefined) attributes.until = record.until;
  return { key: record.id, source: record.from, target: record.to, attributes };
}

export function graphOf(nodes: SerializedNode[], edges: SerializedEdge[]): SerializedGraph {
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: {
      truncated: false,
      maxNodes: nodes.length,
      nodeCount: nodes.length,
      edgeCount: edges.length,
    },
    nodes,
    edges,
  };
}

/** Shows a change on the graph: added, updated or removed nodes and edges. */
export function applyChange(graph: EcoGraph, change: Change, anchor?: { x: number; y: number }): void {
  if (change.target === 'entity') {
    if (change.after === null) {
      if (change.before && graph.hasNode(change.before.id)) graph.dropNode(change.before.id);
    } else {
      mergeSerialized(
        graph,
        graphOf([nodeOfRecord(change.after)], change.relations.map(edgeOfRecord)),
        anchor,
      );
    }
  } else if (change.after === null) {
    if (change.before && graph.hasEdge(change.before.id)) {
      graph.dropEdge(change.before.id);
      curveParallelEdges(graph);
    }
  } else {
    const edge = edgeOfRecord(change.after);
    if (graph.hasEdge(edge.key)) {
      const [source, target] = graph.extremities(edge.key);
      if (source !== edge.source || target !== edge.target) graph.dropEdge(edge.key);
    }
    mergeSerialized(graph, graphOf([], [edge]));
  }
}
