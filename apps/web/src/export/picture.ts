/**
 * Pictures of the network as drawn: `@sigma/export-image` renders the current view on a fresh
 * offscreen sigma (same graph, settings, reducers and camera) and flattens its layers. The
 * resolution factor works by presenting that renderer a device pixel ratio of 1–4, so labels,
 * nodes and edges are drawn sharp at that scale rather than stretched.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { EdgeData, NodeData } from '../graph/graph.js';

export interface PictureOptions {
  /** 1 to 4: output pixels per CSS pixel. */
  scale?: number;
  /** CSS pixels; the view's own size when unset. */
  width?: number;
  height?: number;
  background?: string;
}

export async function networkCanvas(
  sigma: Sigma<NodeData, EdgeData>,
  options: PictureOptions = {},
): Promise<HTMLCanvasElement> {
  const scale = Math.min(4, Math.max(1, options.scale ?? 1));
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => scale });
  try {
    // The package is typed for sigma's default attributes; settings are contravariant in them, and
    // it only hands our own settings back to a sigma on the same graph.
    return await drawOnCanvas(sigma as unknown as Sigma, {
      backgroundColor: options.background ?? '#ffffff',
      width: options.width ?? null,
      height: options.height ?? null,
    });
  } finally {
    // The window's own accessor (on its prototype) answers again.
    Reflect.deleteProperty(window, 'devicePixelRatio');
  }
}
