/**
 * ForceAtlas2 in a web worker (graphology's supervisor), with start/stop, an iteration counter
 * for the benchmark, and positions kept in localStorage when it stops, so that a reload shows
 * the layout the person left.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { z } from 'zod';
import type { EcoGraph } from './graph.js';

export class ForceLayout {
  private supervisor: FA2Layout | null = null;
  private iterationCount = 0;
  private readonly countIteration = () => {
    this.iterationCount += 1;
  };

  constructor(
    private readonly graph: EcoGraph,
    private readonly onStop: () => void,
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  /** Iterations done since the layout was created (each moves every node once). */
  get iterations(): number {
    return this.iterationCount;
  }

  start(): void {
    if (this.running) return;
    this.supervisor?.kill();
    const settings = forceAtlas2.inferSettings(this.graph);
    this.supervisor = new FA2Layout(this.graph, {
      settings: { ...settings, barnesHutOptimize: this.graph.order > 1_000, adjustSizes: false },
    });
    this.graph.on('eachNodeAttributesUpdated', this.countIteration);
    this.supervisor.start();
  }

  stop(): void {
    if (!this.supervisor) return;
    const wasRunning = this.supervisor.isRunning();
    this.supervisor.stop();
    this.graph.off('eachNodeAttributesUpdated', this.countIteration);
    if (wasRunning) this.onStop();
  }

  kill(): void {
    this.graph.off('eachNodeAttributesUpdated', this.countIteration);
    this.supervisor?.kill();
    this.supervisor = null;
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
