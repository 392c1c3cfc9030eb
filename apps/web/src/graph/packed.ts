/**
 * A serialised graph packed for `postMessage` from the graph worker to the page: every distinct
 * string once (node keys, and attribute values such as kinds, statuses, dates, evidence sources),
 * records as key lists ("shapes") and flat value columns, edge ends as indices. A structured
 * clone writes a string each time it occurs and makes an object for every node, edge and
 * attribute object: at 20,000 entities / 103,000 relations the page's heap then held 103,000
 * copies of one 72-character evidence source (8.3 MB) and as many of each kind and status, and
 * the clone's `{ key, attributes }` wrappers were garbage as soon as the graph was built.
 * Unpacked (`unpackGraph`), the page builds each attribute object once, with the shared strings,
 * while it adds it to the graph; the wrappers it hands out live one step.
 */
import type { SerializedGraph } from '@innograph/model';

type SerializedNode = SerializedGraph['nodes'][number];
type SerializedEdge = SerializedGraph['edges'][number];

/** Nodes and edges to add to a graph, each read once (see `mergeSerialized`). A `SerializedGraph`
 *  is one; so is what `unpackGraph` gives. */
export interface GraphItems {
  nodes: Iterable<SerializedNode>;
  edges: Iterable<SerializedEdge>;
}

/** A graph as the page receives it: graphology's options and attributes, and its items. */
export type ReceivedGraph = Pick<SerializedGraph, 'options' | 'attributes'> & GraphItems;

/** Attribute objects as columns: record `i` has the keys `shapes[shapeOf[i]]`, whose values are
 *  the next ones in `values`; a value whose `isString` is 1 is an index into the graph's strings. */
export interface PackedRecords {
  shapes: string[][];
  shapeOf: Int32Array<ArrayBuffer>;
  values: unknown[];
  isString: Uint8Array<ArrayBuffer>;
}

export interface PackedGraph {
  options: SerializedGraph['options'];
  attributes: SerializedGraph['attributes'];
  strings: string[];
  /** Node keys as indices into `strings`. */
  nodeKeys: Int32Array<ArrayBuffer>;
  nodes: PackedRecords;
  edgeKeys: string[];
  /** Edge ends as indices into `strings`. */
  sources: Int32Array<ArrayBuffer>;
  targets: Int32Array<ArrayBuffer>;
  /** Per edge: 0 no `undirected` field, 1 false, 2 true. */
  undirected: Uint8Array<ArrayBuffer>;
  edges: PackedRecords;
}

class Packer {
  readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();

  string(value: string): number {
    let index = this.stringIndex.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.stringIndex.set(value, index);
    }
    return index;
  }

  records(items: readonly { attributes: Record<string, unknown> }[]): PackedRecords {
    const shapes: string[][] = [];
    const shapeIndex = new Map<string, number>();
    const shapeOf = new Int32Array(items.length);
    const values: unknown[] = [];
    const isString: number[] = [];
    items.forEach(({ attributes }, item) => {
      const keys = Object.keys(attributes);
      const id = keys.join('\u0000');
      let shape = shapeIndex.get(id);
      if (shape === undefined) {
        shape = shapes.length;
        shapes.push(keys);
        shapeIndex.set(id, shape);
      }
      shapeOf[item] = shape;
      for (const key of keys) {
        const value = attributes[key];
        if (typeof value === 'string') {
          values.push(this.string(value));
          isString.push(1);
        } else {
          values.push(value);
          isString.push(0);
        }
      }
    });
    return { shapes, shapeOf, values, isString: Uint8Array.from(isString) };
  }
}

/** The graph packed, and the buffers `postMessage` can transfer rather than copy. */
export function packGraph(graph: SerializedGraph): { packed: PackedGraph; transfer: ArrayBuffer[] } {
  const packer = new Packer();
  const nodeKeys = Int32Array.from(graph.nodes, (node) => packer.string(node.key));
  const nodes = packer.records(graph.nodes);
  const sources = Int32Array.from(graph.edges, (edge) => packer.string(edge.source));
  const targets = Int32Array.from(graph.edges, (edge) => packer.string(edge.target));
  const undirected = Uint8Array.from(graph.edges, (edge) =>
    edge.undirected === undefined ? 0 : edge.undirected ? 2 : 1,
  );
  const edges = packer.records(graph.edges);
  const packed: PackedGraph = {
    options: graph.options,
    attributes: graph.attributes,
    strings: packer.strings,
    nodeKeys,
    nodes,
    edgeKeys: graph.edges.map((edge) => edge.key),
    sources,
    targets,
    undirected,
    edges,
  };
  const transfer = [
    nodeKeys,
    sources,
    targets,
    undirected,
    nodes.shapeOf,
    nodes.isString,
    edges.shapeOf,
    edges.isString,
  ].map((array) => array.buffer);
  return { packed, transfer };
}

/** Reads one record after another: its attribute object, built with the graph's strings. */
function recordReader(records: PackedRecords, strings: readonly string[]) {
  let at = 0;
  return (item: number): Record<string, unknown> => {
    const keys = records.shapes[records.shapeOf[item] ?? 0] ?? [];
    const attributes: Record<string, unknown> = {};
    for (const key of keys) {
      const value = records.values[at];
      attributes[key] = records.isString[at] === 1 ? strings[value as number] : value;
      at += 1;
    }
    return attributes;
  };
}

/**
 * The graph of `packGraph`, its nodes and edges made as they are read: each iteration builds new
 * attribute objects (the caller keeps them, as `mergeSerialized` does), and reads them once.
 */
export function unpackGraph(packed: PackedGraph): ReceivedGraph {
  const { strings } = packed;
  const string = (index: number | undefined) => strings[index ?? -1] ?? '';
  return {
    options: packed.options,
    attributes: packed.attributes,
    nodes: {
      *[Symbol.iterator]() {
        const read = recordReader(packed.nodes, strings);
        for (let i = 0; i < packed.nodeKeys.length; i += 1) {
          yield { key: string(packed.nodeKeys[i]), attributes: read(i) };
        }
      },
    },
    edges: {
      *[Symbol.iterator]() {
        const read = recordReader(packed.edges, strings);
        for (let i = 0; i < packed.edgeKeys.length; i += 1) {
          const edge: SerializedEdge = {
            key: packed.edgeKeys[i] ?? '',
            source: string(packed.sources[i]),
            target: string(packed.targets[i]),
            attributes: read(i),
          };
          const undirected = packed.undirected[i];
          if (undirected !== 0) edge.undirected = undirected === 2;
          yield edge;
        }
      },
    },
  };
}
