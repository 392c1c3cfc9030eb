/**
 * The sigma view of the explorer's graph. Data stays in the graph; what the view does with it
 * (filters, hover, selection, path, colour mode, sizes, language) lives in `Display` and is
 * applied by sigma's reducers, so changing a filter never moves or rebuilds anything.
 */
import type { Camera, ColorMode, Language, Theme } from '@innograph/model';
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import {
  drawDiscNodeLabel,
  EdgeArrowProgram,
  EdgeLineProgram,
  EdgeRectangleProgram,
  type NodeHoverDrawingFunction,
  type NodeLabelDrawingFunction,
} from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { animateNodes } from 'sigma/utils';
import { EdgeDashedArrowProgram, EdgeDashedProgram } from './dashedEdges.js';
import type { Visibility } from './filters.js';
import type { LayoutView } from './forceLayout.js';
import { type Extent, followExtent } from './frame.js';
import type { EcoGraph, EdgeData, NodeData } from './graph.js';
import {
  type FitCamera,
  type FitItem,
  fitCamera,
  labelBox,
  labelFrame,
  labelsDrawn,
  startLabelFrame,
  TextWidths,
} from './labels.js';
import {
  communityColor,
  ENDED_EDGE,
  HIGHLIGHT,
  KIND_COLORS,
  NODE_SIZE,
  PROPOSED,
  RELATION_STYLES,
  THEME_STYLES,
  type ThemeStyle,
} from './style.js';

export interface Display {
  language: Language;
  visible: Visibility | null;
  hovered: string | null;
  selected: string | null;
  /** Entities and relations of the path on screen. */
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
  /** Entities to point out (search hits, gap members). */
  highlighted: ReadonlySet<string>;
  colorMode: ColorMode;
  communities: Readonly<Record<string, number>> | null;
  sizes: Readonly<Record<string, number>> | null;
  labelDensity: number;
  /** A layout is moving the nodes: big graphs draw nodes only until it stops. */
  layoutRunning: boolean;
  theme: Theme;
}

/** From this many relations on, plain relations are drawn as one-pixel lines (no arrow heads,
 *  curves or width), which software WebGL draws several times faster. */
export const HAIRLINE_EDGES = 20_000;

/** From this many relations on, sigma draws nodes only while the camera moves. */
export const MOVE_EDGES_MAX = 20_000;

/** From this many relations on, a running layout draws nodes only. */
export const LAYOUT_EDGES_MAX = 20_000;

export const EMPTY_SET: ReadonlySet<string> = new Set();

export function defaultDisplay(language: Language): Display {
  return {
    language,
    visible: null,
    hovered: null,
    selected: null,
    pathNodes: EMPTY_SET,
    pathEdges: EMPTY_SET,
    highlighted: EMPTY_SET,
    colorMode: 'kind',
    communities: null,
    sizes: null,
    labelDensity: 0.5,
    layoutRunning: false,
    theme: 'light',
  };
}

/** A hovered node's label on a box in the theme's colours (sigma's own box is always white). */
function hoverDrawer(style: ThemeStyle): NodeHoverDrawingFunction<NodeData, EdgeData> {
  return (context, data, settings) => {
    const size = settings.labelSize;
    const padding = 2;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = style.hoverBackground;
    context.shadowBlur = 8;
    context.shadowColor = '#000';
    const radius = Math.max(data.size, size / 2) + padding;
    context.beginPath();
    context.arc(data.x, data.y, radius, 0, Math.PI * 2);
    if (typeof data.label === 'string' && data.label !== '') {
      const width = context.measureText(data.label).width + 5;
      const height = size + 2 * padding;
      context.rect(data.x, data.y - height / 2, radius + width, height);
    }
    context.fill('nonzero');
    context.shadowBlur = 0;
    drawDiscNodeLabel(context, data, settings);
  };
}

const labelWidths = new TextWidths();

/** The width of `label` in sigma's label font, measured once per font and text. */
function labelWidth(
  context: CanvasRenderingContext2D,
  settings: { labelWeight: string; labelSize: number; labelFont: string },
  label: string,
): number {
  const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  return labelWidths.width(font, label, () => {
    context.font = font;
    return context.measureText(label).width;
  });
}

/**
 * sigma's label drawer (`drawDiscNodeLabel`), leaving out a label whose box overlaps one drawn
 * before it in the same frame (`graph/labels.ts`); labels sigma must show (`forceLabel`) are drawn
 * anyway.
 */
const drawLabelWithRoom: NodeLabelDrawingFunction<NodeData, EdgeData> = (context, data, settings) => {
  const label = data.label;
  if (typeof label !== 'string' || label === '') return;
  const key = Reflect.get(data, 'key');
  const node = typeof key === 'string' ? key : label;
  const frame = labelFrame(context, node);
  const box = labelBox(data.x, data.y, data.size, settings.labelSize, labelWidth(context, settings, label));
  if (!frame.space.place(box, data.forceLabel === true)) return;
  frame.drawn.add(node);
  drawDiscNodeLabel(context, data, settings);
};

/** sigma's settings that follow the theme. */
function themeSettings(theme: Theme) {
  const style = THEME_STYLES[theme];
  return {
    labelSize: style.labelSize,
    labelWeight: style.labelWeight,
    labelColor: { color: style.labelColor },
    defaultDrawNodeHover: hoverDrawer(style),
  };
}

export interface RendererEvents {
  clickNode(node: string): void;
  doubleClickNode(node: string): void;
  clickStage(): void;
  cameraMoved(camera: Camera): void;
}

/** sigma's label settings for a density in 0..1: more labels, smaller grid cells. Cells grow
 *  with the theme's label size, so large projector labels do not pile up. */
export function labelSettings(density: number, theme: Theme = 'light') {
  const d = Math.min(1, Math.max(0, density));
  const grow = THEME_STYLES[theme].labelSize / THEME_STYLES.light.labelSize;
  return {
    labelDensity: 0.05 + d * 1.2,
    labelGridCellSize: Math.round((220 - d * 160) * grow),
    labelRenderedSizeThreshold: 9 - d * 8,
  };
}

/** Whether sigma draws nodes only while the camera moves: on big graphs (software WebGL cannot
 *  raster 100,000 relations a frame), unless a running layout already hides the relations. */
function hideEdgesOnMove(graph: EcoGraph, display: Display): boolean {
  return graph.size > MOVE_EDGES_MAX && !layoutHidesEdges(graph, display);
}

/** A running layout on a big graph draws nodes only. */
function layoutHidesEdges(graph: EcoGraph, display: Display): boolean {
  return display.layoutRunning && graph.size > LAYOUT_EDGES_MAX;
}

/** Pixels left free around what `fit` shows. */
const FIT_MARGIN_PX = 12;

/** The widest `fit` zooms out (sigma's ratio 1 shows the whole graph without its labels). */
const FIT_MAX_RATIO = 2;

/** Above this cost of a full refresh (ms), a hover is shown without fading the rest. */
export const HOVER_REFRESH_MAX_MS = 40;

/** The same while a layout moves the nodes: its worker and the rasteriser then share the two
 *  cores with the page, and a fading hover at 5,000 entities (a full refresh of ≤ 40 ms when
 *  still) took 57 ms in a pan during a layout. */
export const HOVER_REFRESH_MAX_MS_IN_LAYOUT = 15;

/** Most neighbours of a hovered node picked out on sigma's top layer (a light hover, big graphs):
 *  each gets a label box there, which sigma does not keep apart. */
const LIGHT_HOVER_NEIGHBORS_MAX = 20;

/** Most nodes in focus (a hovered node's neighbours, highlighted entities) labelled all at once. */
const FORCED_LABELS_MAX = 40;

/** A node's display data with every field the reducer writes, so that all share one shape. */
function blankNodeDisplay(): Partial<NodeDisplayData> {
  return {
    x: 0,
    y: 0,
    hidden: false,
    label: null,
    color: '',
    size: 0,
    zIndex: 0,
    forceLabel: false,
    highlighted: false,
  };
}

/** A relation's display data, of one shape (the type: sigma's default, the renderer's
 *  `defaultEdgeType`, until the reducer sets one). */
function blankEdgeDisplay(): Partial<EdgeDisplayData> & { curvature?: number } {
  return { hidden: false, type: 'line', size: 0, color: '', zIndex: 0 };
}

/**
 * One display object per node and relation for the reducers to rewrite (sigma stores what they
 * return), dropped with the node or relation.
 */
class DisplayedObjects {
  private readonly nodes = new Map<string, Partial<NodeDisplayData>>();
  private readonly edges = new Map<string, Partial<EdgeDisplayData>>();
  private readonly dropNode = ({ key }: { key: string }) => this.nodes.delete(key);
  private readonly dropEdge = ({ key }: { key: string }) => this.edges.delete(key);
  private readonly clearAll = () => {
    this.nodes.clear();
    this.edges.clear();
  };
  private readonly clearEdges = () => this.edges.clear();

  constructor(private readonly graph: EcoGraph) {
    graph.on('nodeDropped', this.dropNode);
    graph.on('edgeDropped', this.dropEdge);
    graph.on('cleared', this.clearAll);
    graph.on('edgesCleared', this.clearEdges);
  }

  /** Stops following the graph (the graph outlives a renderer that is killed and made again). */
  detach(): void {
    this.graph.off('nodeDropped', this.dropNode);
    this.graph.off('edgeDropped', this.dropEdge);
    this.graph.off('cleared', this.clearAll);
    this.graph.off('edgesCleared', this.clearEdges);
    this.clearAll();
  }

  node(key: string): Partial<NodeDisplayData> {
    return objectFor(this.nodes, key, blankNodeDisplay);
  }

  edge(key: string): Partial<EdgeDisplayData> {
    return objectFor(this.edges, key, blankEdgeDisplay);
  }
}

/** The object kept under `key`, made with `make` the first time. */
function objectFor<T>(objects: Map<string, T>, key: string, make: () => T): T {
  let out = objects.get(key);
  if (out === undefined) {
    out = make();
    objects.set(key, out);
  }
  return out;
}

export class Renderer implements LayoutView {
  readonly sigma: Sigma<NodeData, EdgeData>;
  private display: Display;
  /** How long sigma's last processing of the whole graph took (every node and edge into its
   *  buffers, the label grid, the frame), ms. */
  private processMs: number | null = null;
  /** While a layout moves nodes in place: the frame held, and the extent the camera answers to. */
  private held: { frame: Extent; shown: Extent } | null = null;
  private hoverNeighbors = new Set<string>();
  /** The hover (`display.hovered`) is only picked out on sigma's top layer (see `showHover`). */
  private hoverIsLight = false;
  /** How long the last full refresh this view asked for took, ms. */
  private fullRefreshMs: number | null = null;
  /** Above this cost of a full refresh (ms) a hover is shown without fading the rest; the
   *  end-to-end tests lower it to see that on the small seed graph. */
  hoverRefreshMaxMs = HOVER_REFRESH_MAX_MS;
  /** The node under the pointer as sigma last reported it, and the frame that will show it. */
  private pendingHover: string | null = null;
  private hoverFrame: number | null = null;
  private stopAnimation: (() => void) | null = null;
  /** The objects the reducers hand sigma, one per node and relation, rewritten on each pass. */
  private readonly displayed: DisplayedObjects;

  constructor(
    readonly graph: EcoGraph,
    container: HTMLElement,
    display: Display,
    events: RendererEvents,
  ) {
    this.display = display;
    this.displayed = new DisplayedObjects(graph);
    this.sigma = new Sigma<NodeData, EdgeData>(graph, container, {
      defaultEdgeType: 'line',
      edgeProgramClasses: {
        line: EdgeRectangleProgram,
        arrow: EdgeArrowProgram,
        curve: EdgeCurveProgram,
        curvedArrow: EdgeCurvedArrowProgram,
        dashed: EdgeDashedProgram,
        dashedArrow: EdgeDashedArrowProgram,
        // One-pixel GL lines: a fraction of the pixels of a rectangle, for big graphs.
        hairline: EdgeLineProgram,
      },
      defaultDrawNodeLabel: drawLabelWithRoom,
      labelFont:
        '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
      ...themeSettings(display.theme),
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      stagePadding: 40,
      // Nodes and edges keep their size on screen when zooming, so zooming in spreads them apart
      // and makes room for labels instead of growing blobs.
      zoomToSizeRatioFunction: () => 1,
      ...labelSettings(display.labelDensity, display.theme),
      hideEdgesOnMove: hideEdgesOnMove(graph, display),
      hideLabelsOnMove: graph.order > 20_000,
      nodeReducer: (node, data) => this.writeNodeDisplay(node, data, this.displayed.node(node)),
      edgeReducer: (edge, data) => this.writeEdgeDisplay(edge, data, this.displayed.edge(edge)),
    });
    const labels = this.sigma.getCanvases().labels?.getContext('2d');
    if (labels) this.sigma.on('beforeRender', () => startLabelFrame(labels));
    let processStarted = 0;
    this.sigma.on('beforeProcess', () => {
      processStarted = performance.now();
    });
    this.sigma.on('afterProcess', () => {
      this.processMs = performance.now() - processStarted;
    });
    this.sigma.on('clickNode', ({ node }) => events.clickNode(node));
    this.sigma.on('doubleClickNode', (payload) => {
      payload.preventSigmaDefault();
      events.doubleClickNode(payload.node);
    });
    this.sigma.on('clickStage', () => events.clickStage());
    this.sigma.on('enterNode', ({ node }) => this.hover(node));
    this.sigma.on('leaveNode', () => this.hover(null));
    this.sigma.getMouseCaptor().on('mouseup', () => this.hover(this.pendingHover));
    this.sigma.getCamera().on('updated', (state) => events.cameraMoved({ ...state }));
  }

  /**
   * Hover changes are shown once per animation frame, and not while a mouse button is down (a pan
   * or a drag; the last one is shown on release): showing one re-runs the reducers over every
   * node and edge, and sigma reports an enter and a leave for every node the pointer crosses.
   */
  private hover(node: string | null): void {
    this.pendingHover = node;
    if (this.hoverFrame !== null || this.sigma.getMouseCaptor().isMouseDown) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = null;
      this.showHover(this.pendingHover);
    });
  }

  /**
   * Shows the hovered node. Where a full refresh is cheap (under HOVER_REFRESH_MAX_MS, or
   * HOVER_REFRESH_MAX_MS_IN_LAYOUT while a layout runs), the node
   * and its neighbours come forward and everything else fades, which re-runs the reducers over the
   * whole graph. On big graphs that would make every hover a long task (0.4 s at 20,000
   * entities), so there the node and its neighbours (if LIGHT_HOVER_NEIGHBORS_MAX or fewer) are
   * picked out on sigma's top layer instead (`highlighted`), re-processing only them.
   */
  private showHover(node: string | null): void {
    const previous = this.display.hovered;
    if (node === previous) return;
    const previousNeighbors = this.hoverNeighbors;
    this.hoverNeighbors = new Set(node && this.graph.hasNode(node) ? this.graph.neighbors(node) : []);
    this.display = { ...this.display, hovered: node };
    const wasFading = previous !== null && !this.hoverIsLight;
    const budget = this.display.layoutRunning
      ? Math.min(this.hoverRefreshMaxMs, HOVER_REFRESH_MAX_MS_IN_LAYOUT)
      : this.hoverRefreshMaxMs;
    this.hoverIsLight = (this.fullRefreshMs ?? this.processMs ?? 0) > budget;
    if (!this.hoverIsLight || wasFading) {
      this.refreshAll();
      return;
    }
    const changed = new Set<string>();
    const add = (hovered: string | null, neighbors: ReadonlySet<string>) => {
      if (hovered === null || !this.graph.hasNode(hovered)) return;
      changed.add(hovered);
      if (neighbors.size <= LIGHT_HOVER_NEIGHBORS_MAX) for (const n of neighbors) changed.add(n);
    };
    add(previous, previousNeighbors);
    add(node, this.hoverNeighbors);
    this.refreshSome([...changed], []);
  }

  /** The hovered node when its hover fades the rest (not a light hover). */
  private get fadingHover(): string | null {
    return this.hoverIsLight ? null : this.display.hovered;
  }

  /** Re-processes only these nodes and relations (their place in sigma's buffers is kept), drawn
   *  on the next frame; the whole graph when sigma has not placed one of them yet (added since
   *  its last processing). */
  private refreshSome(nodes: string[], edges: string[]): void {
    try {
      this.sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true, schedule: true });
    } catch {
      this.sigma.refresh({ schedule: true });
    }
  }

  /** A full synchronous refresh (every node and relation through the reducers), timed. */
  private refreshAll(skipIndexation = true): void {
    const started = performance.now();
    this.sigma.refresh({ skipIndexation });
    this.fullRefreshMs = performance.now() - started;
  }

  update(change: Partial<Display>): void {
    const keys = Object.keys(change) as Array<keyof Display>;
    if (keys.every((key) => change[key] === this.display[key])) return;
    const labelsChanged =
      change.labelDensity !== undefined && change.labelDensity !== this.display.labelDensity;
    const themeChanged = change.theme !== undefined && change.theme !== this.display.theme;
    this.display = { ...this.display, ...change, hovered: this.display.hovered };
    if (themeChanged) {
      const settings = themeSettings(this.display.theme);
      this.sigma.setSetting('labelSize', settings.labelSize);
      this.sigma.setSetting('labelWeight', settings.labelWeight);
      this.sigma.setSetting('labelColor', settings.labelColor);
      this.sigma.setSetting('defaultDrawNodeHover', settings.defaultDrawNodeHover);
    }
    // sigma follows each drag that hid edges with a full refresh, which a layout hiding the
    // relations anyway does not need (it was the longest task of panning during a layout).
    const hideOnMove = hideEdgesOnMove(this.graph, this.display);
    const moveSettingChanged = this.sigma.getSetting('hideEdgesOnMove') !== hideOnMove;
    if (labelsChanged || themeChanged) {
      const settings = labelSettings(this.display.labelDensity, this.display.theme);
      this.sigma.setSetting('labelDensity', settings.labelDensity);
      this.sigma.setSetting('labelGridCellSize', settings.labelGridCellSize);
      this.sigma.setSetting('labelRenderedSizeThreshold', settings.labelRenderedSizeThreshold);
    }
    // setSetting re-reads the whole graph itself (and draws on the next frame): no second pass.
    if (moveSettingChanged) this.sigma.setSetting('hideEdgesOnMove', hideOnMove);
    else this.refreshAll(false);
  }

  /** The nodes whose labels the last frame drew (the label drawer leaves out those with no room). */
  get drawnLabels(): ReadonlySet<string> {
    return labelsDrawn(this.sigma);
  }

  get current(): Display {
    return this.display;
  }

  /** Hover, then a path, then highlighted entities (a gap's) put the rest in the background. */
  private focusActive(): boolean {
    const d = this.display;
    return this.fadingHover !== null || d.pathNodes.size > 0 || d.highlighted.size > 0;
  }

  private inFocus(node: string): boolean {
    const { pathNodes, highlighted } = this.display;
    const hovered = this.fadingHover;
    if (hovered !== null) return node === hovered || this.hoverNeighbors.has(node);
    if (pathNodes.size > 0) return pathNodes.has(node);
    return highlighted.has(node);
  }

  /** How a node is drawn now (what the node reducer gives sigma), in a new object. */
  nodeDisplay(node: string, data: NodeData): Partial<NodeDisplayData> {
    return this.writeNodeDisplay(node, data, blankNodeDisplay());
  }

  /**
   * Writes how a node is drawn into `out`, every field sigma reads (defaults included), so that
   * the same object can be handed to sigma again on the next pass: sigma keeps what the reducer
   * returns as its display data, and a new object per node per pass was most of what a running
   * layout left to collect (moved nodes are re-reduced many times a second).
   */
  private writeNodeDisplay(
    node: string,
    data: NodeData,
    out: Partial<NodeDisplayData>,
  ): Partial<NodeDisplayData> {
    const d = this.display;
    out.x = data.x;
    out.y = data.y;
    // Only what sigma draws: copying every attribute of every node on each pass is what made
    // refreshes slow on big graphs.
    if (d.visible && !d.visible.nodes.has(node)) {
      out.hidden = true;
      return out;
    }
    out.hidden = false;
    out.label = d.language === 'zh' ? data.nameZh : data.nameEn;
    const community = d.communities?.[node];
    out.color =
      d.colorMode === 'community' && community !== undefined
        ? communityColor(community)
        : KIND_COLORS[data.kind];
    const theme = THEME_STYLES[d.theme];
    out.size = (d.sizes?.[node] ?? NODE_SIZE.uniform) * theme.nodeScale;
    out.zIndex = 0;
    out.forceLabel = false;
    out.highlighted = false;
    if (this.focusActive() && !this.inFocus(node)) {
      out.color = theme.fadedNode;
      out.label = '';
    } else if (this.focusActive()) {
      out.zIndex = 2;
      // Labels for everything in focus, unless that is a crowd (a hub's hundreds of neighbours, a
      // gap of hundreds of firms): then sigma's label grid picks which to show.
      out.forceLabel =
        this.fadingHover !== null
          ? this.hoverNeighbors.size <= FORCED_LABELS_MAX
          : d.pathNodes.size > 0 || d.highlighted.size <= FORCED_LABELS_MAX;
    }
    const light = this.hoverIsLight ? d.hovered : null;
    if (
      light !== null &&
      (node === light ||
        (this.hoverNeighbors.size <= LIGHT_HOVER_NEIGHBORS_MAX && this.hoverNeighbors.has(node)))
    )
      out.highlighted = true;
    if (node === d.selected) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 4;
    }
    return out;
  }

  /** How a relation is drawn now (what the edge reducer gives sigma), in a new object. */
  edgeDisplay(edge: string, data: EdgeData): Partial<EdgeDisplayData> {
    return this.writeEdgeDisplay(edge, data, blankEdgeDisplay());
  }

  /** Writes how a relation is drawn into `out`, every field sigma reads (see `writeNodeDisplay`). */
  private writeEdgeDisplay(
    edge: string,
    data: EdgeData,
    out: Partial<EdgeDisplayData> & { curvature?: number },
  ): Partial<EdgeDisplayData> {
    const d = this.display;
    if ((d.visible && !d.visible.edges.has(edge)) || layoutHidesEdges(this.graph, d)) {
      out.hidden = true;
      return out;
    }
    out.hidden = false;
    const style = RELATION_STYLES[data.type];
    const curved = typeof data.curvature === 'number' && data.curvature !== 0;
    const planned = data.status === 'planned';
    let type: string;
    if (this.graph.size > HAIRLINE_EDGES && !planned && d.pathEdges.size === 0) type = 'hairline';
    else if (curved) type = style.arrow ? 'curvedArrow' : 'curve';
    else if (planned) type = style.arrow ? 'dashedArrow' : 'dashed';
    else type = style.arrow ? 'arrow' : 'line';
    const theme = THEME_STYLES[d.theme];
    const FADED_EDGE = theme.fadedEdge;
    out.type = type;
    out.size = style.size * theme.edgeScale;
    out.color = data.status === 'ended' ? ENDED_EDGE : style.color;
    out.zIndex = style.emphasis === 'strong' ? 1 : 0;
    if (curved || out.curvature !== undefined) out.curvature = curved ? (data.curvature ?? 0) : 0;
    if (data.proposed === true) {
      // A scenario's proposed relation: dashed, in a colour no relation kind uses, on top.
      out.type = style.arrow ? 'dashedArrow' : 'dashed';
      out.color = PROPOSED;
      out.size = Math.max(2.5, style.size);
      out.zIndex = 3;
    }
    const { pathEdges } = d;
    const hovered = this.fadingHover;
    if (hovered !== null) {
      const [source, target] = this.graph.extremities(edge);
      if (source !== hovered && target !== hovered) {
        out.color = FADED_EDGE;
        out.zIndex = -1;
      } else out.zIndex = 2;
    } else if (pathEdges.size === 0 && d.highlighted.size > 0) {
      const [source, target] = this.graph.extremities(edge);
      if (!d.highlighted.has(source) && !d.highlighted.has(target)) {
        out.color = FADED_EDGE;
        out.zIndex = -1;
      }
    } else if (pathEdges.size > 0) {
      if (pathEdges.has(edge)) {
        out.color = HIGHLIGHT;
        out.size = Math.max(3, style.size * 1.6);
        out.zIndex = 3;
      } else {
        out.color = FADED_EDGE;
        out.zIndex = -1;
      }
    }
    return out;
  }

  // ---- LayoutView: a running layout's moves (graph/forceLayout.ts) -----------------------------

  fullUpdateMs(): number | null {
    return this.processMs;
  }

  /**
   * Holds the frame (sigma's normalisation) at the current extent: nodes moved in slices are
   * placed in it without re-processing the graph, and a full refresh meanwhile (hover, a filter)
   * does not re-frame the view to wherever the layout has got to.
   */
  beginMoves(): void {
    if (this.held) return;
    const { x, y } = this.sigma.getBBox();
    this.sigma.setCustomBBox({ x: [x[0], x[1]], y: [y[0], y[1]] });
    const frame: Extent = { x: [x[0], x[1]], y: [y[0], y[1]] };
    this.held = { frame, shown: frame };
  }

  /** Moves the camera as sigma would re-frame the graph to the layout's extent (graph/frame.ts). */
  followExtent(extent: Extent): void {
    const held = this.held;
    const camera = this.sigma.getCamera();
    // A zoom animating: it would overwrite the camera; catch up once it is done.
    if (!held || camera.isAnimated()) return;
    const next = followExtent(camera.getState(), held.frame, held.shown, extent, this.sigma.getDimensions());
    if (![next.x, next.y, next.ratio].every(Number.isFinite)) return;
    held.shown = extent;
    camera.setState(next);
  }

  /** Shows nodes moved in place: they and, when drawn, their relations, nothing else (`nodes` is
   *  the layout's reused array: not kept). */
  showMoved(nodes: string[]): void {
    const edges = new Set<string>();
    const d = this.display;
    if (!layoutHidesEdges(this.graph, d)) {
      for (const node of nodes) this.graph.forEachEdge(node, (edge) => edges.add(edge));
    }
    this.refreshSome(nodes, [...edges]);
  }

  /**
   * Lets the frame follow the graph's extent again, and moves the camera so that what is on screen
   * stays where it is (the same point in the middle, the same scale).
   */
  endMoves(): void {
    if (!this.held) return;
    this.held = null;
    const { width, height } = this.sigma.getDimensions();
    const middle = this.sigma.viewportToGraph({ x: width / 2, y: height / 2 });
    const aside = this.sigma.viewportToGraph({ x: width / 2 + 100, y: height / 2 });
    this.sigma.setCustomBBox(null);
    this.refreshAll(false);
    const nowMiddle = this.sigma.graphToViewport(middle);
    const nowAside = this.sigma.graphToViewport(aside);
    const scale = Math.hypot(nowAside.x - nowMiddle.x, nowAside.y - nowMiddle.y) / 100;
    if (!Number.isFinite(scale) || scale <= 0) return;
    const centre = this.sigma.viewportToFramedGraph(nowMiddle);
    const camera = this.sigma.getCamera();
    camera.setState({ x: centre.x, y: centre.y, ratio: camera.ratio * scale });
  }

  /** Moves nodes to new positions, animated unless there are too many to animate smoothly. */
  moveNodes(positions: Readonly<Record<string, { x: number; y: number }>>, animate = true): Promise<void> {
    this.stopAnimation?.();
    const targets: Record<string, { x: number; y: number }> = {};
    for (const [node, position] of Object.entries(positions)) {
      if (this.graph.hasNode(node)) targets[node] = { x: position.x, y: position.y };
    }
    if (!animate || this.graph.order > 5_000) {
      for (const [node, position] of Object.entries(targets)) this.graph.mergeNodeAttributes(node, position);
      this.sigma.refresh();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.stopAnimation = animateNodes(
        this.graph,
        targets,
        { duration: 600, easing: 'quadraticInOut' },
        () => {
          this.stopAnimation = null;
          resolve();
        },
      );
    });
  }

  /** Moves the camera to a node and zooms in on it. */
  focusNode(node: string, ratio = 0.25): Promise<void> {
    const data = this.sigma.getNodeDisplayData(node);
    if (!data) return Promise.resolve();
    return this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration: 500 });
  }

  /**
   * Moves the camera to show these nodes (those in view when unset) with their labels: labels keep
   * their size on screen, so the nodes at the right edge need room for theirs (`fitCamera`).
   * Hidden nodes count only with `includeHidden`.
   */
  fit(nodes?: readonly string[], { includeHidden = false } = {}): Promise<void> {
    const keys = nodes ?? (this.display.visible ? [...this.display.visible.nodes] : this.graph.nodes());
    const settings = this.sigma.getSettings();
    const context = this.sigma.getCanvases().labels?.getContext('2d') ?? null;
    const items: FitItem[] = [];
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const node of keys) {
      const data = this.sigma.getNodeDisplayData(node);
      if (!data || (data.hidden && !includeHidden)) continue;
      minX = Math.min(minX, data.x);
      maxX = Math.max(maxX, data.x);
      minY = Math.min(minY, data.y);
      maxY = Math.max(maxY, data.y);
      const radius = this.sigma.scaleSize(data.size);
      const label = data.label;
      const labelled =
        context !== null &&
        typeof label === 'string' &&
        label !== '' &&
        (data.forceLabel === true || radius >= settings.labelRenderedSizeThreshold);
      items.push({
        x: data.x,
        y: data.y,
        radius,
        labelWidth: labelled ? labelWidth(context, settings, label) : 0,
      });
    }
    if (items.length === 0) return this.animateCamera({ x: 0.5, y: 0.5, ratio: 1 });
    const start = {
      x: (minX + maxX) / 2,
      y: (minY + maxY) / 2,
      ratio: Math.max(maxX - minX, maxY - minY, 0.02) * 1.15,
    };
    const { width, height } = this.sigma.getDimensions();
    const project = (point: { x: number; y: number }, camera: FitCamera) =>
      this.sigma.framedGraphToViewport(point, { cameraState: { ...camera, angle: 0 } });
    const unproject = (point: { x: number; y: number }, camera: FitCamera) =>
      this.sigma.viewportToFramedGraph(point, { cameraState: { ...camera, angle: 0 } });
    const camera = fitCamera(
      items,
      { width, height, margin: FIT_MARGIN_PX, labelSize: settings.labelSize },
      project,
      unproject,
      start,
      FIT_MAX_RATIO,
    );
    return this.animateCamera(camera);
  }

  /** Back to the whole graph, filtered-out nodes included, upright and with room for the labels
   *  (sigma's own reset, ratio 1, cut the labels of the nodes at the right edge). */
  reset(): Promise<void> {
    return this.fit(this.graph.nodes(), { includeHidden: true });
  }

  private animateCamera(camera: { x: number; y: number; ratio: number }): Promise<void> {
    return this.sigma.getCamera().animate({ ...camera, angle: 0 }, { duration: 400 });
  }

  zoom(factor: number): Promise<void> {
    const camera = this.sigma.getCamera();
    return camera.animate({ ratio: camera.ratio / factor }, { duration: 250 });
  }

  setCamera(camera: Camera): void {
    this.sigma.getCamera().setState(camera);
  }

  kill(): void {
    this.stopAnimation?.();
    if (this.hoverFrame !== null) cancelAnimationFrame(this.hoverFrame);
    this.sigma.kill();
    this.displayed.detach();
  }
}
