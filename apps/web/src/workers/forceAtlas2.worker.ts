/// <reference lib="webworker" />
/**
 * ForceAtlas2 iterating on its own: unlike graphology's supervisor, which waits for the page to
 * apply each iteration before computing the next, this worker keeps iterating and posts the
 * latest positions about every `postEveryMs`, so the layout's speed does not depend on how fast
 * the page can draw, and a slow frame never stalls the layout. Positions travel in buffers the
 * page gives back when it has applied them (`positions.ts`).
 */
import iterate from 'graphology-layout-forceatlas2/iterate';
import { copyPositions, FA2_NODE_STRIDE, PositionBuffers } from './positions.js';

export type ForceWorkerRequest =
  | {
      type: 'start';
      nodes: Float32Array;
      edges: Float32Array;
      settings: Record<string, unknown>;
      postEveryMs: number;
    }
  | { type: 'stop' }
  /** A positions buffer the page has applied, for the worker to fill again. */
  | { type: 'return'; positions: Float32Array };

export interface ForceWorkerPositions {
  type: 'positions';
  /** x and y of each node, in the order of the start request's matrix. */
  positions: Float32Array;
  /** Iterations done since start. */
  iterations: number;
  /** Time spent iterating since start, in ms. */
  busyMs: number;
  /** Position buffers the worker has made so far (the rest of its messages reused one). */
  buffersMade: number;
}

let nodes: Float32Array = new Float32Array(0);
let edges: Float32Array = new Float32Array(0);
let settings: Record<string, unknown> = {};
let postEveryMs = 100;
let running = false;
let iterations = 0;
let busyMs = 0;
let generation = 0;
let buffers = new PositionBuffers(0);
/** Positions were due but every buffer was out: sent as soon as the page gives one back. */
let owed = false;

function nodeCount(): number {
  return Math.floor(nodes.length / FA2_NODE_STRIDE);
}

function post(always = false): void {
  const out = always ? buffers.takeAnyway() : buffers.take();
  owed = out === null;
  if (out === null) return;
  const positions = copyPositions(nodes, out);
  const message: ForceWorkerPositions = {
    type: 'positions',
    positions,
    iterations,
    busyMs,
    buffersMade: buffers.created,
  };
  self.postMessage(message, [positions.buffer]);
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
    buffers = new PositionBuffers(nodeCount());
    owed = false;
    running = true;
    iterations = 0;
    busyMs = 0;
    generation += 1;
    loop(generation);
  } else if (request.type === 'return') {
    if (buffers.give(request.positions) && owed && running) post();
  } else {
    running = false;
    generation += 1;
    post(true);
  }
};
