/**
 * ForceAtlas2 in a web worker (`workers/forceAtlas2.worker.ts`) with start/stop, an iteration
 * counter for the benchmark, and positions kept in localStorage when it stops, so that a reload
 * shows the layout the person left.
 *
 * The worker iterates continuously; the page applies the latest positions at most once per
 * animation frame, and on big graphs less often (never more than a third of the time goes to
 * applying), so drawing and panning stay responsive while the layout runs at full speed.
 */
import { forceLayoutSettings } from '@innograph/analytics';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers';
import { z } from 'zod';
import type { ForceWorkerPositions, ForceWorkerRequest } from '../workers/forceAtlas2.worker.js';
import type { EcoGraph } from './graph.js';

/** Values per node in FA2's node matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
const PPN = 10;

export class ForceLayout {
  private worker: Worker | null = null;
  private order: string[] = [];
  private latest: Float32Array | null = null;
  private frame = 0;
  private notBefore = 0;
  private workerIterations = 0;
  private workerBusyMs = 0;
  /** Iterations and busy time of earlier runs, so the counters only ever grow. */
  private doneIterations = 0;
  private doneBusyMs = 0;
  private isRunning = false;

  constructor(
    private readonly graph: EcoGraph,
    /** Called when the layout stops with its final positions applied. */
    private readonly onStop: () => void,
    /** Called when it starts or stops, however it was asked to. */
    private readonly onRunning: (running: boolean) => void = () => {},
  ) {}

  get running(): boolean {
    return this.isRunning;
  }

  /** Iterations the worker has done since this layout was created (each moves every node once). */
  get iterations(): number {
    return this.doneIterations + this.workerIterations;
  }

  /** Worker time spent iterating since this layout was created, in ms. */
  get busyMs(): number {
    return this.doneBusyMs + this.workerBusyMs;
  }

  start(): void {
    if (this.isRunning) return;
    this.worker ??= new Worker(new URL('../workers/forceAtlas2.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker.onmessage = (event: MessageEvent<ForceWorkerPositions>) => this.receive(event.data);
    this.order = this.graph.nodes();
    const { nodes, edges } = graphToByteArrays(this.graph, () => 1);
    // The worker's `iterate` takes every setting: the library's defaults under ours.
    const settings = { ...DEFAULT_SETTINGS, ...forceLayoutSettings(this.graph) };
    const request: ForceWorkerRequest = {
      type: 'start',
      nodes,
      edges,
      settings,
      postEveryMs: this.graph.order > 5_000 ? 200 : 50,
    };
    this.doneIterations += this.workerIterations;
    this.doneBusyMs += this.workerBusyMs;
    this.workerIterations = 0;
    this.workerBusyMs = 0;
    this.isRunning = true;
    this.onRunning(true);
    this.worker.postMessage(request, [nodes.buffer, edges.buffer]);
  }

  private receive(message: ForceWorkerPositions): void {
    this.workerIterations = message.iterations;
    this.workerBusyMs = message.busyMs;
    this.latest = message.nodes;
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.apply());
  }

  /** Writes the latest positions into the graph (sigma redraws on the next frame). */
  private apply(): void {
    this.frame = 0;
    const positions = this.latest;
    if (!positions) return;
    const now = performance.now();
    if (now < this.notBefore && this.isRunning) {
      this.frame = requestAnimationFrame(() => this.apply());
      return;
    }
    this.latest = null;
    const index = new Map<string, number>();
    this.order.forEach((node, i) => {
      index.set(node, i * PPN);
    });
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        const at = index.get(node);
        if (at !== undefined) {
          attributes.x = positions[at] ?? attributes.x;
          attributes.y = positions[at + 1] ?? attributes.y;
        }
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    // Spend at most about a third of the main thread on applying positions.
    this.notBefore = performance.now() + 2 * (performance.now() - now);
  }

  stop(): void {
    if (!this.isRunning) return;
    this.isRunning = false;
    this.onRunning(false);
    const worker = this.worker;
    if (!worker) return;
    worker.onmessage = (event: MessageEvent<ForceWorkerPositions>) => {
      this.receive(event.data);
      worker.onmessage = null;
      // The final positions are applied right away, then kept.
      cancelAnimationFrame(this.frame);
      this.apply();
      this.onStop();
    };
    const request: ForceWorkerRequest = { type: 'stop' };
    worker.postMessage(request);
  }

  kill(): void {
    this.isRunning = false;
    cancelAnimationFrame(this.frame);
    this.worker?.terminate();
    this.worker = null;
  }
}

const STORAGE_KEY = 'innograph.positions.force';
const StoredPositions = z.record(z.string(), z.tuple([z.number(), z.number()]));

/** Keeps the force layout's positions, rounded, for the next visit. */
export function savePositions(graph: EcoGraph): void {
  const positions: Record<string, [number, number]> = {};
  graph.forEachNode((node, { x, y }) => {
    if (Number.isFinite(x) && Number.isFinite(y))
      positions[node] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  });
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
  } catch {
    // Storage full or disabled: the layout still shows, it just is not remembered.
  }
}

export function loadPositions(): Record<string, { x: number; y: number }> {
  try {
    const parsed = StoredPositions.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'));
    if (!parsed.success) return {};
    return Object.fromEntries(Object.entries(parsed.data).map(([node, [x, y]]) => [node, { x, y }]));
  } catch {
    return {};
  }
}
