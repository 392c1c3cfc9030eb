/**
 * ForceAtlas2 in a web worker (`workers/forceAtlas2.worker.ts`) with start/stop, an iteration
 * counter for the benchmark, and positions kept in localStorage when it stops, so that a reload
 * shows the layout the person left.
 *
 * The worker iterates continuously; the page applies the latest positions at most once per
 * animation frame. How depends on what showing every node moved costs the view:
 * - cheap (under FULL_UPDATE_BUDGET_MS, the seed graph): every node at once through graphology's
 *   events, so sigma re-processes the whole graph and re-frames it to the new extent;
 * - dear (thousands of entities): in slices (`LayoutView.showMoved`), each frame moving as many
 *   nodes as fit SLICE_BUDGET_MS, round and round through the graph with the latest positions. A
 *   slice runs as a task of its own right after the frame (not in it, where sigma's render of the
 *   slice before runs: at 50,000 entities 18 ms, and the two together made 50–60 ms tasks); no
 *   task then carries a whole-graph re-process, so panning stays smooth during the layout;
 *   sigma's frame is held where it was when the layout began and the camera follows the layout's
 *   extent instead (graph/frame.ts), and the frame is re-fitted, without the view jumping, when
 *   the layout stops.
 */
import { forceLayoutSettings } from '@innograph/analytics';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers';
import { z } from 'zod';
import type { ForceWorkerPositions, ForceWorkerRequest } from '../workers/forceAtlas2.worker.js';
import { POSITION_STRIDE as PPN } from '../workers/positions.js';
import { type Extent, matrixExtent } from './frame.js';
import type { EcoGraph } from './graph.js';

/** Above this cost of showing every node moved at once (ms), the layout moves nodes in slices. */
export const FULL_UPDATE_BUDGET_MS = 16;

/** Main-thread time a slice aims at (ms). Pointer handlers may run in the same task and a
 *  collection may land in it, so this stays well under 50 ms. */
export const SLICE_BUDGET_MS = 8;

/** What the layout needs from the view that draws the graph (the explorer's `Renderer`). */
export interface LayoutView {
  /** What showing every node moved at once last cost, ms (null before anything was shown). */
  fullUpdateMs(): number | null;
  /** Nodes will be moved in place from now on: keep the frame as it is. */
  beginMoves(): void;
  /** The layout's nodes now span this extent: show it as if the frame had followed. */
  followExtent(extent: Extent): void;
  /** Shows these nodes, whose `x`/`y` were written in place (no graph event); the array is
   *  reused by the caller once this returns. */
  showMoved(nodes: string[]): void;
  /** Moves are over (every position was written with graph events): re-frame, keep the view. */
  endMoves(): void;
}

/** Nodes moved between two looks at the clock in a slice (about a millisecond at 10,000). */
export const SLICE_CHUNK = 256;

/**
 * Runs one slice over `count` nodes from `from`: `step(start, end)` moves nodes [start, end) in
 * chunks of `chunk`, until `budgetMs` has passed (after the chunk that passed it) or the end is
 * reached. Returns where the next slice starts (0: the round is over). A slice is timed as it runs
 * rather than sized from the last one, so a collection or a compilation landing in it ends it
 * early instead of making it long.
 */
export function runSlice(
  count: number,
  from: number,
  budgetMs: number,
  chunk: number,
  step: (start: number, end: number) => void,
  now: () => number = () => performance.now(),
): number {
  const started = now();
  let at = from;
  while (at < count) {
    const end = Math.min(count, at + chunk);
    step(at, end);
    at = end;
    if (now() - started >= budgetMs) break;
  }
  return at >= count ? 0 : at;
}

export class ForceLayout {
  private worker: Worker | null = null;
  private order: string[] = [];
  private latest: Float32Array | null = null;
  private frame = 0;
  /** Runs a slice as a task of its own (a posted message), after the frame that asked for it. */
  private sliceTask: MessageChannel | null = null;
  private slicePending = false;
  private notBefore = 0;
  private workerIterations = 0;
  private workerBusyMs = 0;
  private messages = 0;
  private buffersMade = 0;
  /** Iterations and busy time of earlier runs, so the counters only ever grow. */
  private doneIterations = 0;
  private doneBusyMs = 0;
  private isRunning = false;
  /** Positions are moved in slices (see the module comment) during this run. */
  private sliced = false;
  /** Next node (index in `order`) a slice moves, slice size, and the positions being applied. */
  private cursor = 0;
  /** Nodes of the chunk being moved (one array, reused). */
  private readonly moved: string[] = [];
  private current: Float32Array | null = null;
  /** Above this cost of a full update (ms) a run moves nodes in slices; the end-to-end tests lower
   *  it to take the sliced path on the small seed graph. */
  fullUpdateBudgetMs = FULL_UPDATE_BUDGET_MS;

  constructor(
    private readonly graph: EcoGraph,
    private readonly view: LayoutView,
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

  /** Position messages received from the worker, and the buffers it made for them (the page
   *  gives each back once applied, so this stays at a handful however long the layout runs). */
  get positionMessages(): { received: number; buffersMade: number } {
    return { received: this.messages, buffersMade: this.buffersMade };
  }

  /** Whether this run moves nodes in slices. */
  get movesInSlices(): boolean {
    return this.sliced;
  }

  private receive(message: ForceWorkerPositions): void {
    this.workerIterations = message.iterations;
    this.workerBusyMs = message.busyMs;
    this.messages += 1;
    this.buffersMade = message.buffersMade;
    // Positions not applied yet are overtaken by these.
    this.giveBack(this.latest);
    this.latest = message.positions;
    this.schedule();
  }

  /** Hands positions the page is done with back to the worker to fill again (transferred). */
  private giveBack(positions: Float32Array | null): void {
    if (!positions || !this.worker) return;
    const request: ForceWorkerRequest = { type: 'return', positions };
    this.worker.postMessage(request, [positions.buffer]);
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.apply());
  }

  /** Applies the latest positions: a slice of them while running on a dear view, else all. */
  private apply(): void {
    this.frame = 0;
    if (this.isRunning && !this.sliced && (this.view.fullUpdateMs() ?? 0) > this.fullUpdateBudgetMs) {
      this.sliced = true;
      this.cursor = 0;
      this.view.beginMoves();
    }
    if (this.isRunning && this.sliced) this.afterFrame();
    else this.applyAll();
  }

  /** Queues the next slice as its own task, so that it never shares one with sigma's render. */
  private afterFrame(): void {
    if (this.slicePending) return;
    if (!this.sliceTask) {
      this.sliceTask = new MessageChannel();
      this.sliceTask.port1.onmessage = () => {
        this.slicePending = false;
        if (this.isRunning && this.sliced) this.applySlice();
      };
    }
    this.slicePending = true;
    this.sliceTask.port2.postMessage(null);
  }

  /** Moves the next slice of nodes to the positions being applied, round and round. */
  private applySlice(): void {
    if (this.cursor === 0) {
      // A new round takes the newest positions; none newer: wait for the worker.
      if (!this.latest) return;
      this.giveBack(this.current);
      this.current = this.latest;
      this.latest = null;
      this.view.followExtent(matrixExtent(this.current, PPN));
    }
    const positions = this.current;
    if (!positions) return;
    this.cursor = runSlice(this.order.length, this.cursor, SLICE_BUDGET_MS, SLICE_CHUNK, (start, end) => {
      const moved = this.moved;
      moved.length = 0;
      for (let i = start; i < end; i += 1) {
        const node = this.order[i];
        if (node === undefined || !this.graph.hasNode(node)) continue;
        // In place, without graph events: the view is told which nodes moved (showMoved).
        const attributes = this.graph.getNodeAttributes(node);
        attributes.x = positions[i * PPN] ?? attributes.x;
        attributes.y = positions[i * PPN + 1] ?? attributes.y;
        moved.push(node);
      }
      this.view.showMoved(moved);
    });
    if (this.cursor !== 0 || this.latest) this.schedule();
  }

  /** Writes the latest positions of every node into the graph (sigma redraws on the next frame). */
  private applyAll(): void {
    const positions = this.latest ?? this.current;
    if (!positions) return;
    const now = performance.now();
    if (now < this.notBefore && this.isRunning) {
      this.schedule();
      return;
    }
    const done = this.current;
    this.latest = null;
    this.current = null;
    if (done !== positions) this.giveBack(done);
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
    this.giveBack(positions);
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
      this.frame = 0;
      this.applyAll();
      if (this.sliced) {
        this.sliced = false;
        this.cursor = 0;
        this.view.endMoves();
      }
      this.onStop();
    };
    const request: ForceWorkerRequest = { type: 'stop' };
    worker.postMessage(request);
  }

  kill(): void {
    this.isRunning = false;
    this.sliced = false;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.sliceTask?.port1.close();
    this.sliceTask?.port2.close();
    this.sliceTask = null;
    this.slicePending = false;
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
