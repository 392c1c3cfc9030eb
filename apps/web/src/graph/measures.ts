/** Runs the measures worker on what is in view and hands back sizes and communities. */
import type { SizeMeasure } from '@innograph/model';
import type { Visibility } from './filters.js';
import type { EcoGraph } from './graph.js';
import { NODE_SIZE, sizeFor } from './style.js';

export interface MeasuresRequest {
  id: number;
  nodes: string[];
  edges: Array<[string, string]>;
}

export type MeasuresResponse =
  | {
      id: number;
      ok: true;
      degree: Record<string, number>;
      pagerank: Record<string, number>;
      betweenness: Record<string, number>;
      community: Record<string, number>;
      communityCount: number;
      modularity: number;
      betweennessMode: 'exact' | 'sampled';
      millis: number;
    }
  | { id: number; ok: false; message: string };

export type Measures = Extract<MeasuresResponse, { ok: true }>;

export class MeasuresRunner {
  private readonly worker = new Worker(new URL('../workers/measures.worker.ts', import.meta.url), {
    type: 'module',
  });
  private next = 1;
  private readonly pending = new Map<number, (response: MeasuresResponse) => void>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<MeasuresResponse>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    };
  }

  /** Measures over the visible entities and relations (all of them without a visibility). */
  run(graph: EcoGraph, visible: Visibility | null): Promise<Measures> {
    const id = this.next++;
    const nodes = visible ? [...visible.nodes] : graph.nodes();
    const edges: Array<[string, string]> = [];
    graph.forEachEdge((edge, _attributes, source, target) => {
      if (!visible || visible.edges.has(edge)) edges.push([source, target]);
    });
    const request: MeasuresRequest = { id, nodes, edges };
    return new Promise((resolve, reject) => {
      this.pending.set(id, (response) => {
        if (response.ok) resolve(response);
        else reject(new Error(response.message));
      });
      this.worker.postMessage(request);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** Node sizes for a measure: square-root scaled between the minimum and maximum size. */
export function sizesFor(measures: Measures | null, measure: SizeMeasure): Record<string, number> | null {
  if (measure === 'uniform' || measures === null) return null;
  const values = measures[measure];
  let max = 0;
  for (const value of Object.values(values)) if (value > max) max = value;
  const sizes: Record<string, number> = {};
  for (const [node, value] of Object.entries(values))
    sizes[node] = max > 0 ? sizeFor(value, max) : NODE_SIZE.uniform;
  return sizes;
}

/** Whether `a` ranks before `b`: higher value first, ties by key. */
function ranksBefore(a: [string, number], b: [string, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

/**
 * The nodes with the highest value of a measure, highest first (ties by key). One pass keeping the
 * best `count` (the panel asks for 8 of up to 50,000 on every render; sorting them all was most of
 * a render's time on big graphs).
 */
export function topNodes(values: Record<string, number>, count: number): Array<[string, number]> {
  const best: Array<[string, number]> = [];
  if (count <= 0) return best;
  for (const node in values) {
    const entry: [string, number] = [node, values[node] ?? 0];
    const last = best[best.length - 1];
    if (best.length === count && last && !ranksBefore(entry, last)) continue;
    let at = best.length;
    while (at > 0) {
      const before = best[at - 1];
      if (!before || !ranksBefore(entry, before)) break;
      at -= 1;
    }
    best.splice(at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best;
}
