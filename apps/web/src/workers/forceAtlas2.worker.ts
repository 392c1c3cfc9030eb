/// <reference lib="webworker" />
/**
 * ForceAtlas2 iterating on its own: unlike graphology's supervisor, which waits for the page to
 * apply each iteration before computing the next, this worker keeps iterating and posts the
 * latest positions about every `postEveryMs`, so the layout's speed does not depend on how fast
 * the page can draw, and a slow frame never stalls the layout.
 */
import iterate from 'graphology-layout-forceatlas2/iterate';

export type ForceWorkerRequest =
  | {
      type: 'start';
      nodes: Float32Array;
      edges: Float32Array;
      settings: Record<string, unknown>;
      postEveryMs: number;
    }
  | { type: 'stop' };

export interface ForceWorkerPositions {
  type: 'positions';
  nodes: Float32Array;
  /** Iterations done since start. */
  iterations: number;
  /** Time spent iterating since start, in ms. */
  busyMs: number;
}

let nodes: Float32Array = new Float32Array(0);
let edges: Float32Array = new Float32Array(0);
let settings: Record<string, unknown> = {};
let postEveryMs = 100;
let running = false;
let iterations = 0;
let busyMs = 0;
let generation = 0;

function post(): void {
  const message: ForceWorkerPositions = { type: 'positions', nodes: nodes.slice(), iterations, busyMs };
  self.postMessage(message, [message.nodes.buffer]);
}

function loop(run: number): void {
  if (!running || run !== generation) return;
  const started = performance.now();
  do {
    iterate(settings, nodes, edges);
    iterations += 1;
  } while (performance.now() - started < postEveryMs);
  busyMs += performance.now() - started;
  post();
  // Yield so a 'stop' message is handled between slices.
  setTimeout(() => loop(run), 0);
}

self.onmessage = (event: MessageEvent<ForceWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    nodes = request.nodes;
    edges = request.edges;
    settings = request.settings;
    postEveryMs = request.postEveryMs;
    running = true;
    iterations = 0;
    busyMs = 0;
    generation += 1;
    loop(generation);
  } else {
    running = false;
    generation += 1;
    post();
  }
};
