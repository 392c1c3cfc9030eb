/**
 * Labels that do not pile up. sigma's label grid picks at most a few labels per grid cell, but a
 * label is wider than a cell (a 30-character name is 200 px), so labels from neighbouring cells
 * ran over each other. The renderer's label drawer keeps, for each frame, the boxes of the labels
 * it drew (`LabelSpace`) and leaves out a label whose box would overlap one of them; labels sigma
 * is told to show whatever the room (hovered node's neighbours, selection, path: `forceLabel`) are
 * drawn anyway.
 */

/** A label's box on screen, in CSS pixels. */
export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pixels kept free around each label. */
export const LABEL_GAP = 2;

/**
 * Where sigma's `drawDiscNodeLabel` writes a label `width` px wide for a node at (`x`, `y`) drawn
 * `nodeSize` px wide: from 3 px right of the disc, on a line through the node's centre, as high as
 * the label size. Widened by `gap` on every side.
 */
export function labelBox(
  x: number,
  y: number,
  nodeSize: number,
  labelSize: number,
  width: number,
  gap = LABEL_GAP,
): LabelBox {
  const left = x + nodeSize + 3;
  return {
    left: left - gap,
    right: left + width + gap,
    top: y - labelSize / 2 - gap,
    bottom: y + labelSize / 2 + gap,
  };
}

function overlap(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The label boxes of one frame, bucketed in square cells so that a test looks at its neighbours
 *  only. */
export class LabelSpace {
  private readonly cells = new Map<number, LabelBox[]>();

  constructor(private readonly cellSize = 96) {}

  private forEachCell(box: LabelBox, visit: (key: number) => boolean | undefined): boolean {
    const size = this.cellSize;
    for (let cx = Math.floor(box.left / size); cx <= Math.floor(box.right / size); cx += 1) {
      for (let cy = Math.floor(box.top / size); cy <= Math.floor(box.bottom / size); cy += 1) {
        // One number a cell (no string per lookup): columns and rows within ±2^20 cells.
        if (visit(cx * 2 ** 21 + cy) === true) return true;
      }
    }
    return false;
  }

  /** Whether `box` overlaps a box already taken. */
  overlaps(box: LabelBox): boolean {
    return this.forEachCell(box, (key) => this.cells.get(key)?.some((taken) => overlap(taken, box)));
  }

  take(box: LabelBox): void {
    this.forEachCell(box, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
      return false;
    });
  }

  /** Takes `box` unless it overlaps one already taken (or takes it anyway when `forced`); says
   *  whether the label is to be drawn. */
  place(box: LabelBox, forced = false): boolean {
    if (!forced && this.overlaps(box)) return false;
    this.take(box);
    return true;
  }

  clear(): void {
    this.cells.clear();
  }
}

/** Text widths by font and text, measured once (a frame draws the same labels as the last). */
export class TextWidths {
  private readonly fonts = new Map<string, Map<string, number>>();
  private count = 0;

  constructor(private readonly limit = 20_000) {}

  width(font: string, text: string, measure: () => number): number {
    let known = this.fonts.get(font);
    if (known === undefined) {
      known = new Map();
      this.fonts.set(font, known);
    }
    let width = known.get(text);
    if (width === undefined) {
      if (this.count >= this.limit) {
        this.fonts.clear();
        this.count = 0;
        known = new Map();
        this.fonts.set(font, known);
      }
      width = measure();
      known.set(text, width);
      this.count += 1;
    }
    return width;
  }
}

/** One labels canvas's frame: the boxes taken so far, the labels drawn (kept until the next
 *  frame, for the SVG export) and the nodes seen. */
interface LabelFrame {
  space: LabelSpace;
  drawn: Set<string>;
  seen: Set<string>;
  open: boolean;
}

const labelFrames = new WeakMap<CanvasRenderingContext2D, LabelFrame>();

/** Starts a new frame of labels on this canvas (the renderer calls it before each render). */
export function startLabelFrame(context: CanvasRenderingContext2D): LabelFrame {
  const frame: LabelFrame = { space: new LabelSpace(), drawn: new Set(), seen: new Set(), open: true };
  labelFrames.set(context, frame);
  // Another sigma on the same settings (the picture export's) does not call this: its frame ends
  // with the synchronous pass that draws it, or when a node comes round again.
  queueMicrotask(() => {
    frame.open = false;
  });
  return frame;
}

/** The frame the label of `node` is drawn in, on this canvas. */
export function labelFrame(context: CanvasRenderingContext2D, node: string): LabelFrame {
  let frame = labelFrames.get(context);
  if (!frame?.open || frame.seen.has(node)) frame = startLabelFrame(context);
  frame.seen.add(node);
  return frame;
}

/** The nodes whose labels the last frame of this sigma drew (sigma's own list when its labels
 *  were not drawn by the renderer's drawer). */
export function labelsDrawn(sigma: {
  getCanvases(): Record<string, HTMLCanvasElement>;
  getNodeDisplayedLabels(): Set<string>;
}): ReadonlySet<string> {
  const context = sigma.getCanvases().labels?.getContext('2d');
  const frame = context ? labelFrames.get(context) : undefined;
  return frame?.drawn ?? sigma.getNodeDisplayedLabels();
}

/** A node for `fitCamera`: its position in sigma's framed graph, its radius on screen and the
 *  width of its label on screen (0 when it has none), px. */
export interface FitItem {
  x: number;
  y: number;
  radius: number;
  labelWidth: number;
}

export interface FitCamera {
  x: number;
  y: number;
  ratio: number;
}

type Point = { x: number; y: number };

/**
 * The camera that shows every item with its label inside the view (`width` × `height` px, less
 * `margin` on each side), centred: labels keep their size on screen while positions scale with
 * the camera's ratio, so the ratio is found by fixed-point steps from `start`. `project` and
 * `unproject` are sigma's conversions between framed graph and viewport for a camera (affine).
 */
export function fitCamera(
  items: readonly FitItem[],
  view: { width: number; height: number; margin: number; labelSize: number },
  project: (point: Point, camera: FitCamera) => Point,
  unproject: (point: Point, camera: FitCamera) => Point,
  start: FitCamera,
  maxRatio: number,
): FitCamera {
  let camera = start;
  const room = {
    x: Math.max(1, view.width - 2 * view.margin),
    y: Math.max(1, view.height - 2 * view.margin),
  };
  for (let step = 0; step < 12 && items.length > 0; step += 1) {
    const o = project({ x: 0, y: 0 }, camera);
    const ex = project({ x: 1, y: 0 }, camera);
    const ey = project({ x: 0, y: 1 }, camera);
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const item of items) {
      const px = o.x + item.x * (ex.x - o.x) + item.y * (ey.x - o.x);
      const py = o.y + item.x * (ex.y - o.y) + item.y * (ey.y - o.y);
      const half = item.labelWidth > 0 ? Math.max(item.radius, view.labelSize / 2) : item.radius;
      left = Math.min(left, px - item.radius);
      right = Math.max(
        right,
        item.labelWidth > 0
          ? labelBox(px, py, item.radius, view.labelSize, item.labelWidth, 0).right
          : px + item.radius,
      );
      top = Math.min(top, py - half);
      bottom = Math.max(bottom, py + half);
    }
    const scale = Math.max((right - left) / room.x, (bottom - top) / room.y);
    const centre = unproject({ x: (left + right) / 2, y: (top + bottom) / 2 }, camera);
    const ratio = Math.min(maxRatio, Math.max(1e-3, camera.ratio * scale));
    const done = Math.abs(ratio / camera.ratio - 1) < 0.005;
    camera = { x: centre.x, y: centre.y, ratio };
    if (done) break;
  }
  return camera;
}
