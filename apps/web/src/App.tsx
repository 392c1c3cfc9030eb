/**
 * The explorer: loads the model and the graph from the API, shows it with sigma, and keeps what
 * is on screen (filters, selection, camera, layout, measures) in the URL.
 */
import {
  chainLayout,
  chainLayoutGuides,
  forceLayoutSettings,
  parkLayout,
  parkLayoutGuides,
} from '@innograph/analytics';
import {
  API_LIMITS,
  type Entity,
  type EntityKind,
  type EntityRecord,
  type EntityResponse,
  type ImportReport,
  type LayoutName,
  type ModelResponse,
  type PathsResponse,
  type Relation,
  type RelationRecord,
  type SavedView,
  type Theme,
  type ViewFilters,
  type ViewState,
} from '@innograph/model';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient, ApiFailure } from './api.js';
import { ErrorNote, LazySection, Section, Spinner } from './components/common.js';
import { DataDialog } from './components/DataDialog.js';
import { EntityPanel } from './components/EntityPanel.js';
import { FiltersPanel } from './components/FiltersPanel.js';
import { EntityForm, RelationForm } from './components/Forms.js';
import { GapReport } from './components/GapReport.js';
import { GapsPanel } from './components/GapsPanel.js';
import { Guides, type LayoutGuides } from './components/Guides.js';
import { MeasuresPanel } from './components/MeasuresPanel.js';
import { PathFinder } from './components/PathFinder.js';
import { ScenarioPanel } from './components/ScenarioPanel.js';
import { SearchBox } from './components/SearchBox.js';
import { Toolbar } from './components/Toolbar.js';
import { type Change, EditHistory, entityOf, relationOf } from './edit/history.js';
import { downloadBlob, downloadText } from './export/csv.js';
import { legendItems } from './export/legend.js';
import { networkCanvas } from './export/picture.js';
import { canvasBlob, slideCanvas } from './export/slide.js';
import { sceneOf, svgDocument } from './export/svg.js';
import { facetCounts, memberships, timelineDates, visibility } from './graph/filters.js';
import { ForceLayout, loadPositions, savePositions } from './graph/forceLayout.js';
import { type EcoGraph, emptyGraph, mergeSerialized, nodeName } from './graph/graph.js';
import { type Measures, MeasuresRunner, sizesFor } from './graph/measures.js';
import { applyChange } from './graph/records.js';
import { type Display, defaultDisplay, EMPTY_SET, Renderer } from './graph/renderer.js';
import { THEME_STYLES } from './graph/style.js';
import { t } from './i18n.js';
import { useScenario } from './planning/useScenario.js';
import { LegendOverlay } from './present/Legend.js';
import { PresentationBar } from './present/PresentationBar.js';
import { usePresentations } from './present/usePresentations.js';
import { useSavedViews } from './present/useSavedViews.js';
import { ViewsPanel } from './present/ViewsPanel.js';
import { readView, writeView } from './state/url.js';

const LANGUAGE_KEY = 'innograph.language';
/** Above this, the force layout starts from the chain lanes instead of a precomputed run. */
const FORCE_PRESET_MAX_NODES = 3_000;
/** From this size on, the view opens without the structural relations. */
const LARGE_GRAPH_NODES = 5_000;
const TOKEN_KEY = 'innograph.editorToken';

type Boot =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; model: ModelResponse; truncated: boolean; maxNodes: number };

type FormState =
  | { type: 'entity'; initial?: EntityRecord }
  | { type: 'relation'; initial?: RelationRecord; from?: string };

function initialView(): { state: ViewState; problems: string[] } {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return readView(window.location.search, stored === 'en' || stored === 'zh' ? { language: stored } : {});
}

/** Chain lanes whose grids come out roughly square: rows grow with the largest lane, so that
 *  rows × row spacing ≈ columns × column spacing. */
function chainOptions(graph: EcoGraph) {
  const perKind = new Map<string, number>();
  graph.forEachNode((_node, { kind }) => perKind.set(kind, (perKind.get(kind) ?? 0) + 1));
  const largest = Math.max(1, ...perKind.values());
  const columnSpacing = 12;
  const rowSpacing = 4;
  const rows = Math.ceil(Math.sqrt((largest * columnSpacing) / rowSpacing) * 0.6);
  return { columnSpacing, rowSpacing, maxRowsPerColumn: Math.max(12, rows), laneGap: 24, bandGap: 16 };
}

function chainPositions(graph: EcoGraph) {
  return chainLayout(graph, chainOptions(graph));
}

/** Park clusters well apart, in rows about 1.6 times as wide as the whole is tall (a screen). */
function parkOptions(graph: EcoGraph) {
  const spacing = 4;
  const gap = 24;
  const members = new Map<string, number>();
  let placed = 0;
  graph.forEachEdge((_edge, { type }, _source, target) => {
    if (type !== 'LOCATED_IN') return;
    members.set(target, (members.get(target) ?? 0) + 1);
    placed += 1;
  });
  members.set('', Math.max(1, graph.order - placed));
  let area = 0;
  for (const count of members.values()) {
    const side = 2 * spacing * Math.sqrt(count + 1) + gap;
    area += side * side;
  }
  return { spacing, gap, padding: 6, rowWidth: Math.sqrt(area * 1.6) };
}

function guidesFor(graph: EcoGraph, layout: LayoutName): LayoutGuides | null {
  if (layout === 'chain') return { kind: 'chain', guides: chainLayoutGuides(graph, chainOptions(graph)) };
  if (layout === 'park') return { kind: 'park', guides: parkLayoutGuides(graph, parkOptions(graph)) };
  return null;
}

function layoutPositions(graph: EcoGraph, layout: LayoutName): Record<string, { x: number; y: number }> {
  if (layout === 'park') return parkLayout(graph, parkOptions(graph));
  if (layout === 'force') {
    const stored = loadPositions();
    if (Object.keys(stored).length > 0) return { ...chainPositions(graph), ...stored };
    // Nothing stored in this browser: a fixed number of ForceAtlas2 steps from the chain lanes
    // is deterministic, so a shared link looks the same elsewhere (small graphs only).
    if (graph.order <= FORCE_PRESET_MAX_NODES) {
      const start = graph.copy();
      const lanes = chainPositions(graph);
      start.forEachNode((node) => {
        const p = lanes[node];
        if (p) start.mergeNodeAttributes(node, { x: p.x, y: p.y });
      });
      return forceAtlas2(start, { iterations: 150, settings: forceLayoutSettings(start) });
    }
  }
  return chainPositions(graph);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App() {
  const [{ state: firstView, problems }] = useState(initialView);
  const [view, setView] = useState<ViewState>(firstView);
  /** A saved view's link (`?view=<id>`), read before the address bar is rewritten. */
  const [linkedView] = useState(() => new URLSearchParams(window.location.search).get('view'));
  const [notice, setNotice] = useState<string | null>(
    problems.length > 0 ? `Ignored in the link: ${problems.join('; ')}` : null,
  );
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const api = useMemo(() => new ApiClient({ token: () => tokenRef.current }), []);

  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const graphRef = useRef<EcoGraph>(emptyGraph());
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  const [panelRevision, setPanelRevision] = useState(0);

  const containerRef = useRef<HTMLDivElement | null>(null);
  const rendererRef = useRef<Renderer | null>(null);
  /** What the view shows, for the renderer created once the graph is ready. */
  const displayRef = useRef<Display | null>(null);
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  const [guides, setGuides] = useState<LayoutGuides | null>(null);
  const forceRef = useRef<ForceLayout | null>(null);
  const [forceRunning, setForceRunning] = useState(false);
  const runnerRef = useRef<MeasuresRunner | null>(null);
  const [measures, setMeasures] = useState<Measures | null>(null);
  const [measuresBusy, setMeasuresBusy] = useState(false);
  const [measuresError, setMeasuresError] = useState<string | null>(null);
  const [measuresAttempt, setMeasuresAttempt] = useState(0);

  const [pathEnds, setPathEnds] = useState<{ from: string | null; to: string | null }>({
    from: firstView.path?.from ?? null,
    to: firstView.path?.to ?? null,
  });
  const [pathResult, setPathResult] = useState<PathsResponse | null>(null);
  const [gapHighlight, setGapHighlight] = useState<ReadonlySet<string>>(EMPTY_SET);
  const highlightGap = useCallback(
    (ids: readonly string[] | null) => setGapHighlight(ids ? new Set(ids) : EMPTY_SET),
    [],
  );
  const [pathError, setPathError] = useState<string | null>(null);
  const [pathBusy, setPathBusy] = useState(false);

  const [form, setForm] = useState<FormState | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const [dataOpen, setDataOpen] = useState(false);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);

  // ---- Saved views and presentations (show() is set below, once the view can be driven) ----
  const viewRef = useRef(view);
  viewRef.current = view;
  const visibleRef = useRef<ReadonlySet<string> | null>(null);
  const showRef = useRef<(saved: SavedView) => Promise<void>>(async () => undefined);
  const savedViews = useSavedViews({
    api,
    graph: () => graphRef.current,
    current: () => viewRef.current,
    visible: () => visibleRef.current,
    show: (saved) => showRef.current(saved),
  });
  const presentations = usePresentations({ api, show: (saved) => showRef.current(saved) });
  const presenting = presentations.presenting;
  const theme: Theme = presenting ? 'projector' : view.theme;
  const historyRef = useRef(new EditHistory());
  const [historyState, setHistoryState] = useState({ canUndo: false, canRedo: false });
  const language = view.language;

  const patchView = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);

  // ---- Loading ------------------------------------------------------------------------------
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per attempt; the view it starts from is the first one.
  useEffect(() => {
    const controller = new AbortController();
    setBoot({ status: 'loading' });
    (async () => {
      const [model, serialized] = await Promise.all([
        api.model(controller.signal),
        api.graph({ limit: API_LIMITS.graphNodes.max }, controller.signal),
      ]);
      const graph = emptyGraph();
      mergeSerialized(graph, serialized);
      // A saved view's link (`?view=<id>`) starts from that view, positions included.
      const linked = linkedView;
      let start = firstView;
      let saved: SavedView | null = null;
      if (linked) {
        try {
          saved = await api.view(linked, controller.signal);
          start = saved.state;
        } catch (error) {
          if (!(error instanceof ApiFailure && error.status === 404)) throw error;
          setNotice(t(firstView.language, 'viewMissing', { id: linked }));
        }
      }
      for (const id of start.expanded) {
        try {
          mergeSerialized(graph, await api.neighborhood(id, { depth: 1 }, controller.signal));
        } catch (error) {
          if (error instanceof ApiFailure && error.status === 404) continue;
          throw error;
        }
      }
      const positions = layoutPositions(graph, start.layout);
      graph.forEachNode((node) => {
        const p = positions[node];
        if (p) graph.mergeNodeAttributes(node, { x: p.x, y: p.y });
      });
      for (const [node, [x, y]] of Object.entries(saved?.positions ?? {})) {
        if (graph.hasNode(node)) graph.mergeNodeAttributes(node, { x, y });
      }
      if (saved) setView(saved.state);
      graph.forEachNode((node, { x, y }) => {
        if (!Number.isFinite(x) || !Number.isFinite(y)) graph.mergeNodeAttributes(node, { x: 0, y: 0 });
      });
      graphRef.current = graph;
      // Big graphs open without the structural relations (chain and park membership, which the
      // lanes and clusters already show), unless the link says otherwise: they are most of the
      // relations and most of the drawing.
      if (graph.order > LARGE_GRAPH_NODES && !new URLSearchParams(window.location.search).has('hr')) {
        setView((v) => ({ ...v, filters: { ...v.filters, hiddenRelations: ['BELONGS_TO', 'LOCATED_IN'] } }));
      }
      setBoot({
        status: 'ready',
        model,
        truncated: serialized.attributes.truncated,
        maxNodes: serialized.attributes.maxNodes,
      });
      performance.mark('innograph:data-received');
      bump();
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setBoot({ status: 'error', message: errorText(error) });
    });
    return () => controller.abort();
  }, [api, attempt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the graph is mutable; `revision` says it changed.
  const index = useMemo(() => memberships(graphRef.current), [revision]);
  const visible = useMemo(() => visibility(graphRef.current, view.filters, index), [index, view.filters]);
  visibleRef.current = visible.nodes;
  const counts = useMemo(() => facetCounts(graphRef.current, view.filters, index), [index, view.filters]);
  const dates = useMemo(() => (revision >= 0 ? timelineDates(graphRef.current) : []), [revision]);
  /** Chains and parks for the filter menus, by name in the current language. */
  const places = useMemo(() => {
    const of = (kind: EntityKind) =>
      revision >= 0
        ? graphRef.current
            .filterNodes((_n, a) => a.kind === kind)
            .map((id) => ({ id, name: nodeName(graphRef.current, id, language) }))
            .sort((a, b) => a.name.localeCompare(b.name))
        : [];
    return { chains: of('IndustryChain'), parks: of('SciencePark') };
  }, [revision, language]);

  // ---- The sigma view -----------------------------------------------------------------------
  const cameraTimer = useRef<number | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the renderer is created once the graph is ready.
  useEffect(() => {
    if (boot.status !== 'ready' || !containerRef.current) return;
    const graph = graphRef.current;
    const renderer = new Renderer(
      graph,
      containerRef.current,
      displayRef.current ?? defaultDisplay(view.language),
      {
        clickNode: (node) => patchView({ selected: node }),
        doubleClickNode: (node) => void expand(node),
        clickStage: () => patchView({ selected: null }),
        cameraMoved: (camera) => {
          window.clearTimeout(cameraTimer.current);
          cameraTimer.current = window.setTimeout(() => patchView({ camera }), 250);
        },
      },
    );
    rendererRef.current = renderer;
    setRenderer(renderer);
    setGuides(guidesFor(graph, view.layout));
    if (view.camera) renderer.setCamera(view.camera);
    forceRef.current = new ForceLayout(graph, renderer, () => savePositions(graph), setForceRunning);
    runnerRef.current = new MeasuresRunner();
    (window as unknown as { __innograph?: unknown }).__innograph = {
      renderer,
      graph,
      force: forceRef.current,
    };
    // sigma rendered in its constructor: marked once the browser has presented a frame after it.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('innograph:first-frame')));
    return () => {
      forceRef.current?.kill();
      runnerRef.current?.terminate();
      renderer.kill();
      rendererRef.current = null;
      setRenderer(null);
    };
  }, [boot.status]);

  const pathNodes = useMemo(
    () => (pathResult ? new Set(pathResult.paths.flatMap((p) => p.nodes)) : EMPTY_SET),
    [pathResult],
  );
  const pathEdges = useMemo(
    () => (pathResult ? new Set(pathResult.paths.flatMap((p) => p.relations)) : EMPTY_SET),
    [pathResult],
  );
  const sizes = useMemo(() => sizesFor(measures, view.size), [measures, view.size]);
  /** Gap members and the entities the presenter picked out. */
  const highlighted = useMemo(
    () => (view.highlighted.length === 0 ? gapHighlight : new Set([...gapHighlight, ...view.highlighted])),
    [gapHighlight, view.highlighted],
  );

  const display = useMemo(
    (): Display => ({
      language: view.language,
      visible,
      hovered: null,
      selected: view.selected,
      pathNodes,
      pathEdges,
      highlighted: highlighted,
      layoutRunning: forceRunning,
      theme,
      colorMode: view.color,
      communities: measures?.community ?? null,
      sizes,
      labelDensity: view.labelDensity,
    }),
    [
      view.language,
      visible,
      view.selected,
      pathNodes,
      pathEdges,
      highlighted,
      forceRunning,
      theme,
      view.color,
      measures,
      sizes,
      view.labelDensity,
    ],
  );
  displayRef.current = display;
  useEffect(() => {
    rendererRef.current?.update(display);
  }, [display]);

  // ---- Measures in the worker ---------------------------------------------------------------
  // biome-ignore lint/correctness/useExhaustiveDependencies: `measuresAttempt` retries.
  useEffect(() => {
    const runner = runnerRef.current;
    if (boot.status !== 'ready' || !runner) return;
    let cancelled = false;
    // On big graphs, measures wait until the first frame is drawn instead of competing with it.
    const delay =
      graphRef.current.order > LARGE_GRAPH_NODES &&
      performance.getEntriesByName('innograph:first-frame').length === 0
        ? 1_500
        : 250;
    const timer = window.setTimeout(() => {
      setMeasuresBusy(true);
      runner
        .run(graphRef.current, visible)
        .then((result) => {
          if (cancelled) return;
          setMeasures(result);
          setMeasuresError(null);
        })
        .catch((error: unknown) => !cancelled && setMeasuresError(errorText(error)))
        .finally(() => !cancelled && setMeasuresBusy(false));
    }, delay);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [boot.status, visible, measuresAttempt]);

  // ---- URL and remembered choices -----------------------------------------------------------
  useEffect(() => {
    const search = writeView(view);
    if (search !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [view]);
  useEffect(() => {
    localStorage.setItem(LANGUAGE_KEY, view.language);
    document.documentElement.lang = view.language === 'zh' ? 'zh-CN' : 'en';
  }, [view.language]);

  // ---- Navigation and expansion -------------------------------------------------------------
  const expand = useCallback(
    async (id: string) => {
      const graph = graphRef.current;
      const anchor = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
      try {
        const neighborhood = await api.neighborhood(id, { depth: 1 });
        const { addedNodes } = mergeSerialized(
          graph,
          neighborhood,
          anchor ? { x: anchor.x, y: anchor.y } : undefined,
        );
        setView((v) => (v.expanded.includes(id) ? v : { ...v, expanded: [...v.expanded, id].slice(-200) }));
        if (addedNodes.length > 0) bump();
        setPanelRevision((r) => r + 1);
        if (neighborhood.attributes.truncated) setNotice(t(language, 'truncated'));
      } catch (error) {
        setNotice(errorText(error));
      }
    },
    [api, bump, language],
  );

  const navigate = useCallback(
    async (id: string) => {
      if (!graphRef.current.hasNode(id)) await expand(id);
      patchView({ selected: id });
      // Let the reducers see the selection before moving the camera.
      requestAnimationFrame(() => void rendererRef.current?.focusNode(id));
    },
    [expand, patchView],
  );

  // ---- Paths --------------------------------------------------------------------------------
  const findPaths = useCallback(
    async (from: string, to: string) => {
      setPathBusy(true);
      setPathError(null);
      try {
        const result = await api.paths({ from, to, limit: 5 });
        if (mergeSerialized(graphRef.current, result.graph).addedNodes.length > 0) bump();
        setPathResult(result);
        patchView({ path: { from, to } });
        const nodes = result.paths.flatMap((p) => p.nodes);
        if (nodes.length > 0) requestAnimationFrame(() => void rendererRef.current?.fit(nodes));
      } catch (error) {
        setPathError(errorText(error));
      } finally {
        setPathBusy(false);
      }
    },
    [api, bump, patchView],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a path in the link is found once, when the graph is ready.
  useEffect(() => {
    if (boot.status === 'ready' && view.path) void findPaths(view.path.from, view.path.to);
  }, [boot.status]);

  // ---- Layouts ------------------------------------------------------------------------------
  const chooseLayout = useCallback(
    (layout: LayoutName) => {
      forceRef.current?.stop();
      patchView({ layout });
      const renderer = rendererRef.current;
      if (!renderer) return;
      setGuides(null);
      void renderer.moveNodes(layoutPositions(graphRef.current, layout)).then(() => {
        setGuides(guidesFor(graphRef.current, layout));
        return renderer.fit();
      });
    },
    [patchView],
  );
  const toggleForce = useCallback(() => {
    const force = forceRef.current;
    if (!force) return;
    if (force.running) force.stop();
    else {
      patchView({ layout: 'force' });
      setGuides(null);
      force.start();
    }
  }, [patchView]);

  // ---- Showing a saved view -------------------------------------------------------------------
  /** Puts a saved view on screen: its neighbourhoods loaded, its state (filters, selection,
   *  highlights, language, theme) applied, nodes flown to its positions (or its layout's), the
   *  camera animated to its camera, its path found. */
  const showSavedView = useCallback(
    async (saved: SavedView) => {
      const graph = graphRef.current;
      const { state } = saved;
      let added = false;
      for (const id of state.expanded) {
        if (viewRef.current.expanded.includes(id) && graph.hasNode(id)) continue;
        try {
          added =
            mergeSerialized(graph, await api.neighborhood(id, { depth: 1 })).addedNodes.length > 0 || added;
        } catch (error) {
          if (!(error instanceof ApiFailure && error.status === 404)) throw error;
        }
      }
      if (added) bump();
      forceRef.current?.stop();
      setView(state);
      setPathResult(null);
      const renderer = rendererRef.current;
      if (!renderer) return;
      const stored = Object.entries(saved.positions);
      const positions =
        stored.length > 0
          ? Object.fromEntries(stored.map(([node, [x, y]]) => [node, { x, y }]))
          : layoutPositions(graph, state.layout);
      setGuides(null);
      await renderer.moveNodes(positions);
      if (state.layout !== 'force') setGuides(guidesFor(graph, state.layout));
      if (state.path) void findPaths(state.path.from, state.path.to);
      if (state.camera) await renderer.sigma.getCamera().animate(state.camera, { duration: 700 });
      else await renderer.fit();
    },
    [api, bump, findPaths],
  );
  showRef.current = showSavedView;

  // ---- Image export -------------------------------------------------------------------------
  const exportTitle = useCallback(() => {
    const step = presenting?.presentation.steps[presenting.step];
    const stepView = step ? presenting?.views[step.view] : undefined;
    if (stepView) return stepView.name;
    const chain = view.filters.chain;
    const scope = chain ? nodeName(graphRef.current, chain, language) : t(language, 'wholeEcosystem');
    return `${t(language, 'appTitle')} · ${scope}`;
  }, [presenting, view.filters.chain, language]);

  /** What the legend lists for the view on screen (overlay, PNG and SVG), once per change of
   *  what is drawn rather than on every render. */
  // biome-ignore lint/correctness/useExhaustiveDependencies: the graph is mutable; `revision` says it changed.
  const legend = useMemo(
    () => (boot.status === 'ready' ? legendItems(boot.model, language, graphRef.current, visible) : null),
    [boot, language, visible, revision],
  );

  const exportImage = useCallback(
    async (format: 'png' | 'svg', scale = 2) => {
      const renderer = rendererRef.current;
      if (!renderer || boot.status !== 'ready') return;
      const style = THEME_STYLES[theme];
      const title = exportTitle();
      const stem = `innograph-${new Date().toISOString().slice(0, 10)}`;
      try {
        if (format === 'png') {
          const canvas = await slideCanvas(renderer.sigma, {
            scale,
            title,
            legend,
            background: style.background,
            ink: style.labelColor,
          });
          downloadBlob(`${stem}@${scale}x.png`, await canvasBlob(canvas));
        } else {
          const svg = svgDocument(sceneOf(renderer.sigma, style), { title, legend });
          downloadText(`${stem}.svg`, svg, 'image/svg+xml;charset=utf-8');
        }
      } catch (error) {
        setNotice(errorText(error));
      }
    },
    [boot, theme, legend, exportTitle],
  );

  // Entering or leaving presentation mode resizes the stage: sigma measures it on its next render.
  // Only a change: a new renderer has just measured the stage, and a full refresh of a big graph
  // right after its first frame cost 0.25 s at 20,000 entities and left its garbage behind.
  const isPresenting = presenting !== null;
  const stagePresenting = useRef(isPresenting);
  useEffect(() => {
    if (!renderer || stagePresenting.current === isPresenting) return;
    stagePresenting.current = isPresenting;
    const frame = requestAnimationFrame(() => renderer.sigma.refresh());
    return () => cancelAnimationFrame(frame);
  }, [renderer, isPresenting]);

  const toggleHighlight = useCallback((id: string) => {
    setView((v) => ({
      ...v,
      highlighted: v.highlighted.includes(id)
        ? v.highlighted.filter((h) => h !== id)
        : [...v.highlighted, id].slice(-500),
    }));
  }, []);

  // ---- Editing ------------------------------------------------------------------------------
  const afterChange = useCallback(
    (change: Change, record = true) => {
      const graph = graphRef.current;
      const selected =
        view.selected && graph.hasNode(view.selected) ? graph.getNodeAttributes(view.selected) : null;
      applyChange(graph, change, selected ? { x: selected.x, y: selected.y } : undefined);
      if (record) historyRef.current.record(change);
      setHistoryState({ canUndo: historyRef.current.canUndo, canRedo: historyRef.current.canRedo });
      bump();
      setPanelRevision((r) => r + 1);
    },
    [bump, view.selected],
  );

  const submitEntity = useCallback(
    async (entity: Entity, version: number | null, before: EntityRecord | null) => {
      const after =
        version === null ? await api.createEntity(entity) : await api.updateEntity(entity, version);
      afterChange({ target: 'entity', before, after, relations: [] });
      setForm(null);
      patchView({ selected: after.id });
      setNotice(`${t(language, 'saved')}: ${after.name[language]}`);
    },
    [api, afterChange, patchView, language],
  );

  const submitRelation = useCallback(
    async (relation: Relation, version: number | null, before: RelationRecord | null) => {
      const after =
        version === null ? await api.createRelation(relation) : await api.updateRelation(relation, version);
      afterChange({ target: 'relation', before, after });
      setForm(null);
      setNotice(`${t(language, 'saved')}: ${after.id}`);
    },
    [api, afterChange, language],
  );

  const deleteEntity = useCallback(
    async (data: EntityResponse) => {
      const relations = Object.values(data.relations).flatMap((views) => views.map((v) => v.relation));
      const total = Object.values(data.relationCounts).reduce((a, b) => a + b, 0);
      const question = `${t(language, 'confirmDelete')} ${data.entity.name[language]}${total > 0 ? ` (+${total} ${t(language, 'edges')})` : ''}`;
      if (!window.confirm(question)) return;
      try {
        await api.deleteEntity(data.entity.id, data.entity.version, total > 0);
        afterChange({ target: 'entity', before: data.entity, after: null, relations });
        patchView({ selected: null });
      } catch (error) {
        setNotice(error instanceof ApiFailure && error.conflict ? t(language, 'conflict') : errorText(error));
      }
    },
    [api, afterChange, patchView, language],
  );

  const undoRedo = useCallback(
    async (redo: boolean) => {
      const history = historyRef.current;
      try {
        const change = redo ? await history.redo(api) : await history.undo(api);
        if (change) {
          afterChange(change, false);
          setNotice(`${t(language, redo ? 'redo' : 'undo')} ✓`);
        }
      } catch (error) {
        setNotice(error instanceof ApiFailure && error.conflict ? t(language, 'conflict') : errorText(error));
      }
    },
    [api, afterChange, language],
  );

  // ---- Scenario ---------------------------------------------------------------------------
  const scenario = useScenario({
    api,
    language,
    editing: token !== null,
    graph: () => graphRef.current,
    redraw: bump,
    onApplied: (message) => {
      setPanelRevision((r) => r + 1);
      setNotice(message);
    },
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target;
      if (
        target instanceof HTMLElement &&
        target.closest('input, textarea, select, [contenteditable="true"]')
      )
        return;
      if (event.key === 'Escape') {
        if (form) setForm(null);
        else patchView({ selected: null });
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || !token) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        void undoRedo(event.shiftKey);
      } else if (key === 'y') {
        event.preventDefault();
        void undoRedo(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoRedo, token, form, patchView]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // ---- Rendering ----------------------------------------------------------------------------
  const graph = graphRef.current;
  const nameOfEntity = (id: string) => nodeName(graph, id, language);
  const kindOf = (id: string): EntityKind | null =>
    graph.hasNode(id) ? graph.getNodeAttributes(id).kind : null;
  if (boot.status === 'loading') {
    return (
      <div className="boot">
        <Spinner label={t(language, 'loading')} />
      </div>
    );
  }
  if (boot.status === 'error') {
    return (
      <div className="boot">
        <h1>{t(language, 'loadFailed')}</h1>
        <ErrorNote language={language} message={boot.message} onRetry={() => setAttempt((a) => a + 1)} />
      </div>
    );
  }
  const { model } = boot;

  return (
    <div className={`app theme-${theme}${presenting ? ' presenting' : ''}`}>
      <Toolbar
        api={api}
        model={model}
        language={language}
        layout={view.layout}
        forceRunning={forceRunning}
        labelDensity={view.labelDensity}
        token={token}
        canUndo={historyState.canUndo}
        canRedo={historyState.canRedo}
        onLanguage={() => patchView({ language: language === 'zh' ? 'en' : 'zh' })}
        onPick={(entity) => void navigate(entity.id)}
        onLayout={chooseLayout}
        onToggleForce={toggleForce}
        onZoom={(factor) => void rendererRef.current?.zoom(factor)}
        onFit={() => void rendererRef.current?.fit()}
        onReset={() => void rendererRef.current?.reset()}
        onLabelDensity={(labelDensity) => patchView({ labelDensity })}
        onToken={(value) => {
          setToken(value);
          if (value) sessionStorage.setItem(TOKEN_KEY, value);
          else sessionStorage.removeItem(TOKEN_KEY);
        }}
        onNewEntity={() => setForm({ type: 'entity' })}
        onUndo={() => void undoRedo(false)}
        onRedo={() => void undoRedo(true)}
        theme={view.theme}
        onTheme={(next) => patchView({ theme: next })}
        onExportPng={(scale) => void exportImage('png', scale)}
        onExportSvg={() => void exportImage('svg')}
        onData={() => setDataOpen(true)}
      />
      <nav className="side left" aria-label={t(language, 'filters')}>
        <LazySection title={t(language, 'gaps')} id="gaps-section" testId="gaps-section">
          {() => (
            <GapsPanel
              api={api}
              model={model}
              language={language}
              chain={view.filters.chain}
              nameOfEntity={nameOfEntity}
              onHighlight={highlightGap}
              onNavigate={(id) => void navigate(id)}
              onAddToScenario={token ? (suggestion) => void scenario.addSuggestion(suggestion) : undefined}
              onReport={() => setReportOpen(true)}
            />
          )}
        </LazySection>
        {token !== null || scenario.scenario !== null ? (
          <Section title={t(language, 'scenario')} id="scenario-section">
            <ScenarioPanel
              model={model}
              language={language}
              controller={scenario}
              editing={token !== null}
              nameOfEntity={nameOfEntity}
            />
          </Section>
        ) : null}
        <Section title={t(language, 'savedViews')} id="views-section" open={false}>
          <ViewsPanel
            language={language}
            editing={token !== null}
            views={savedViews}
            presentations={presentations}
          />
        </Section>
        <FiltersPanel
          model={model}
          language={language}
          filters={view.filters}
          counts={counts}
          chains={places.chains}
          parks={places.parks}
          dates={dates}
          onChange={(filters: ViewFilters) => patchView({ filters })}
        />
        <Section title={t(language, 'measures')} open={false} id="measures-section">
          <MeasuresPanel
            language={language}
            size={view.size}
            color={view.color}
            measures={measures}
            busy={measuresBusy}
            error={measuresError}
            nameOfEntity={nameOfEntity}
            onSize={(size) => patchView({ size })}
            onColor={(color) => patchView({ color })}
            onNavigate={(id) => void navigate(id)}
            onRetry={() => setMeasuresAttempt((a) => a + 1)}
          />
        </Section>
        <Section title={t(language, 'paths')} open={view.path !== null} id="paths-section">
          <PathFinder
            api={api}
            model={model}
            language={language}
            from={pathEnds.from}
            to={pathEnds.to}
            result={pathResult}
            error={pathError}
            busy={pathBusy}
            nameOfEntity={nameOfEntity}
            relationType={(id) => (graph.hasEdge(id) ? graph.getEdgeAttribute(id, 'type') : null)}
            onEnds={(from, to) => setPathEnds({ from, to })}
            onFind={() => pathEnds.from && pathEnds.to && void findPaths(pathEnds.from, pathEnds.to)}
            onClear={() => {
              setPathEnds({ from: null, to: null });
              setPathResult(null);
              setPathError(null);
              patchView({ path: null });
            }}
            onNavigate={(id) => void navigate(id)}
          />
        </Section>
      </nav>
      <main className="stage" aria-label={t(language, 'appTitle')}>
        <div className="sigma-container" ref={containerRef} data-testid="graph-canvas" />
        <Guides renderer={renderer} guides={guides} language={language} />
        {theme === 'projector' && legend ? (
          <LegendOverlay items={legend} label={t(language, 'legend')} />
        ) : null}
        {presenting ? (
          <PresentationBar
            language={language}
            presenting={presenting}
            onGo={presentations.go}
            onStop={presentations.stop}
            onExportPng={() => void exportImage('png', 2)}
            onExportSvg={() => void exportImage('svg')}
          />
        ) : null}
        <div className="stage-status" aria-live="polite" data-testid="stage-status">
          {visible.nodes.size} / {graph.order} {t(language, 'nodes')} · {visible.edges.size} / {graph.size}{' '}
          {t(language, 'edges')}
          {boot.truncated ? ` · ${t(language, 'graphTruncated', { n: boot.maxNodes })}` : ''}
        </div>
        {notice ? (
          <div className="notice" role="status">
            {notice}
            <button
              type="button"
              className="icon-button small"
              aria-label={t(language, 'close')}
              onClick={() => setNotice(null)}
            >
              ×
            </button>
          </div>
        ) : null}
      </main>
      {form || view.selected ? (
        <div className="side right">
          {form?.type === 'entity' ? (
            <EntityForm
              key={form.initial?.id ?? 'new'}
              model={model}
              language={language}
              initial={
                form.initial ? { entity: entityOf(form.initial), version: form.initial.version } : undefined
              }
              onSubmit={(entity, version) => submitEntity(entity, version, form.initial ?? null)}
              onReload={
                form.initial
                  ? async () => {
                      const id = form.initial?.id;
                      if (!id) return null;
                      const fresh = await api.entity(id);
                      setForm({ type: 'entity', initial: fresh.entity });
                      return { entity: entityOf(fresh.entity), version: fresh.entity.version };
                    }
                  : undefined
              }
              onCancel={() => setForm(null)}
            />
          ) : form?.type === 'relation' ? (
            <RelationForm
              key={form.initial?.id ?? `new-${form.from ?? ''}`}
              model={model}
              language={language}
              kindOf={kindOf}
              nameOfEntity={nameOfEntity}
              initial={
                form.initial
                  ? { relation: relationOf(form.initial), version: form.initial.version }
                  : undefined
              }
              from={form.from}
              renderPicker={(onPick) => (
                <SearchBox
                  api={api}
                  model={model}
                  language={language}
                  label={t(language, 'to')}
                  keepPicked
                  testId="relation-to-search"
                  onPick={(entity) => {
                    if (!graph.hasNode(entity.id)) void expand(entity.id);
                    onPick(entity.id);
                  }}
                />
              )}
              onSubmit={(relation, version) => submitRelation(relation, version, form.initial ?? null)}
              onDelete={
                form.initial
                  ? async () => {
                      const initial = form.initial;
                      if (!initial || !window.confirm(`${t(language, 'confirmDelete')} ${initial.id}`))
                        return;
                      try {
                        await api.deleteRelation(initial.id, initial.version);
                        afterChange({ target: 'relation', before: initial, after: null });
                        setForm(null);
                      } catch (error) {
                        setNotice(
                          error instanceof ApiFailure && error.conflict
                            ? t(language, 'conflict')
                            : errorText(error),
                        );
                      }
                    }
                  : undefined
              }
              onCancel={() => setForm(null)}
            />
          ) : view.selected ? (
            <EntityPanel
              api={api}
              model={model}
              language={language}
              id={view.selected}
              revision={panelRevision}
              editing={token !== null}
              onNavigate={(id) => void navigate(id)}
              onExpand={(id) => void expand(id)}
              onClose={() => patchView({ selected: null })}
              highlighted={view.highlighted.includes(view.selected)}
              onToggleHighlight={toggleHighlight}
              onEdit={(data) => setForm({ type: 'entity', initial: data.entity })}
              onDelete={(data) => void deleteEntity(data)}
              onNewRelation={(data) => setForm({ type: 'relation', from: data.entity.id })}
              onEditRelation={(relationView) => setForm({ type: 'relation', initial: relationView.relation })}
            />
          ) : null}
        </div>
      ) : null}
      {dataOpen ? (
        <DataDialog
          api={api}
          language={language}
          editing={token !== null}
          filters={view.filters}
          kinds={model.entityKinds.map((k) => k.kind)}
          relations={model.relationKinds.map((r) => r.type)}
          statuses={model.statuses}
          report={importReport}
          onReport={setImportReport}
          onImported={(report) => {
            const written = (counts: ImportReport['entities']) => counts.created + counts.updated;
            setNotice(
              `${t(language, 'imported')}: ${written(report.entities)} ${t(language, 'entities')} · ${written(report.relations)} ${t(language, 'edges')}`,
            );
            // The stored graph changed: load it again.
            setAttempt((a) => a + 1);
          }}
          onClose={() => setDataOpen(false)}
        />
      ) : null}
      {reportOpen ? (
        <GapReport
          api={api}
          model={model}
          language={language}
          chain={view.filters.chain}
          names={{ zh: (id) => nodeName(graph, id, 'zh'), en: (id) => nodeName(graph, id, 'en') }}
          picture={async () => {
            const current = rendererRef.current;
            if (!current) return null;
            return (await networkCanvas(current.sigma, { scale: 2 })).toDataURL('image/png');
          }}
          onClose={() => setReportOpen(false)}
        />
      ) : null}
    </div>
  );
}
