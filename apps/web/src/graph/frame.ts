/**
 * The frame sigma draws the graph in, as pure arithmetic, for a layout that holds it.
 *
 * sigma normalises graph coordinates into its frame from the graph's extent (`0.5 + (p - centre)
 * / side`, side the larger of width and height) and draws the frame through the camera, with a
 * correction for the extent's shape against the viewport's. A layout that moves nodes in slices
 * holds the frame at the extent it began with (re-framing means re-processing every node and
 * relation); `followExtent` gives the camera that shows, in the held frame, what sigma would show
 * if it had re-framed to the new extent: the view follows the layout as it grows or shrinks, and a
 * pan or zoom the person makes meanwhile is kept.
 */

export interface Extent {
  x: readonly [number, number];
  y: readonly [number, number];
}

export interface FrameCamera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface Dimensions {
  width: number;
  height: number;
}

/** sigma's normalisation of an extent: centre and side (1 when empty or not finite). */
export function framing(extent: Extent): { cx: number; cy: number; side: number } {
  let side = Math.max(extent.x[1] - extent.x[0], extent.y[1] - extent.y[0]);
  if (side === 0 || !Number.isFinite(side)) side = 1;
  const cx = (extent.x[0] + extent.x[1]) / 2;
  const cy = (extent.y[0] + extent.y[1]) / 2;
  return { cx: Number.isNaN(cx) ? 0 : cx, cy: Number.isNaN(cy) ? 0 : cy, side };
}

/** sigma's correction for the extent's shape against the viewport's (normalization's getCorrectionRatio). */
export function correctionRatio(viewport: Dimensions, extent: Extent): number {
  const viewportRatio = viewport.height / viewport.width;
  const graphRatio = (extent.y[1] - extent.y[0] || 1) / (extent.x[1] - extent.x[0] || 1);
  if ((viewportRatio < 1 && graphRatio > 1) || (viewportRatio > 1 && graphRatio < 1)) return 1;
  return Math.min(Math.max(graphRatio, 1 / graphRatio), Math.max(1 / viewportRatio, viewportRatio));
}

/**
 * The camera that, in a frame held at `held`, shows what `camera` showed there when the graph's
 * extent was `from`, re-framed as sigma would for the extent `to`.
 */
export function followExtent(
  camera: FrameCamera,
  held: Extent,
  from: Extent,
  to: Extent,
  viewport: Dimensions,
): FrameCamera {
  const h = framing(held);
  // The camera as it would be in a frame fitted to `from` (sigma's own framing)...
  const f = framing(from);
  const sFrom = h.side / f.side;
  const user = {
    x: sFrom * (camera.x - 0.5) + 0.5 + (h.cx - f.cx) / f.side,
    y: sFrom * (camera.y - 0.5) + 0.5 + (h.cy - f.cy) / f.side,
    ratio: (camera.ratio * correctionRatio(viewport, from) * sFrom) / correctionRatio(viewport, held),
  };
  // ...and back into the held frame, now fitted to `to`.
  const t = framing(to);
  const sTo = h.side / t.side;
  return {
    x: (user.x - 0.5 - (h.cx - t.cx) / t.side) / sTo + 0.5,
    y: (user.y - 0.5 - (h.cy - t.cy) / t.side) / sTo + 0.5,
    ratio: (user.ratio * correctionRatio(viewport, held)) / (correctionRatio(viewport, to) * sTo),
    angle: camera.angle,
  };
}

/** The extent of every node's position in a FA2 node matrix (`stride` values a node, x then y). */
export function matrixExtent(matrix: Float32Array, stride: number): Extent {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < matrix.length; i += stride) {
    const x = matrix[i] ?? 0;
    const y = matrix[i + 1] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: [minX, maxX], y: [minY, maxY] };
}
