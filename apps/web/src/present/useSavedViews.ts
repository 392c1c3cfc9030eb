/**
 * Saved views in the explorer: the stored list, saving what is on screen (view state and node
 * positions), overwriting, renaming and deleting with the version each was read at, and
 * opening one.
 */
import {
  API_LIMITS,
  type NodePositions,
  type SavedView,
  type SavedViewSummary,
  type ViewState,
} from '@innograph/model';
import { useCallback, useRef } from 'react';
import type { ApiClient } from '../api.js';
import type { EcoGraph } from '../graph/graph.js';
import { useStoredList } from './useStoredList.js';

export interface SavedViewsOptions {
  api: ApiClient;
  graph(): EcoGraph;
  /** What is on screen now. */
  current(): ViewState;
  /** What the filters show, whose positions go first when there are too many to keep. */
  visible(): ReadonlySet<string> | null;
  /** Puts a saved view on screen. */
  show(view: SavedView): Promise<void>;
}

export interface SavedViewsController {
  /** Newest first; null until listed. */
  items: SavedViewSummary[] | null;
  busy: boolean;
  error: string | null;
  refresh(): Promise<void>;
  save(name: string, description: string): Promise<SavedView | null>;
  overwrite(item: SavedViewSummary): Promise<void>;
  rename(item: SavedViewSummary, name: string): Promise<void>;
  remove(item: SavedViewSummary): Promise<void>;
  open(id: string): Promise<void>;
}

/** Where the nodes are: every node, or the visible ones first when there are too many. */
export function nodePositions(graph: EcoGraph, visible: ReadonlySet<string> | null): NodePositions {
  const positions: NodePositions = {};
  let count = 0;
  const keep = (node: string, x: number, y: number) => {
    if (count >= API_LIMITS.viewPositions || node in positions) return;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    positions[node] = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
    count += 1;
  };
  if (visible) for (const node of visible) if (graph.hasNode(node)) keep(node, ...xy(graph, node));
  graph.forEachNode((node, attributes) => keep(node, attributes.x, attributes.y));
  return positions;
}

function xy(graph: EcoGraph, node: string): [number, number] {
  const { x, y } = graph.getNodeAttributes(node);
  return [x, y];
}

export function useSavedViews(options: SavedViewsOptions): SavedViewsController {
  const { api } = options;
  const { items, busy, error, refresh, run } = useStoredList(useCallback(() => api.views(), [api]));
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const snapshot = useCallback(() => {
    const { graph, current, visible } = optionsRef.current;
    return { state: current(), positions: nodePositions(graph(), visible()) };
  }, []);

  const save = useCallback(
    (name: string, description: string) => run(() => api.createView({ name, description, ...snapshot() })),
    [api, run, snapshot],
  );

  const overwrite = useCallback(
    (item: SavedViewSummary) =>
      run(async () => {
        await api.updateView(item.id, {
          name: item.name,
          description: item.description,
          version: item.version,
          ...snapshot(),
        });
      }).then(() => undefined),
    [api, run, snapshot],
  );

  const rename = useCallback(
    (item: SavedViewSummary, name: string) =>
      run(async () => {
        // The whole view goes back with its new name, so positions are read first.
        const full = await api.view(item.id);
        await api.updateView(item.id, {
          name,
          description: full.description,
          state: full.state,
          positions: full.positions,
          version: full.version,
        });
      }).then(() => undefined),
    [api, run],
  );

  const remove = useCallback(
    (item: SavedViewSummary) => run(() => api.deleteView(item.id, item.version)).then(() => undefined),
    [api, run],
  );

  const open = useCallback(
    (id: string) =>
      run(async () => {
        await optionsRef.current.show(await api.view(id));
      }).then(() => undefined),
    [api, run],
  );

  return { items, busy, error, refresh, save, overwrite, rename, remove, open };
}
