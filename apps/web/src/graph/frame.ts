/**
 * The frame sigma draws the graph in, as pure arithmetic, for a layout that holds it.
 *
 * sigma normalises graph coordinates into its frame from the graph's extent (`0.5 + (p - centre)
 * / side`, side the larger of width and height: `createNormalizationFunction`) and draws the frame
 * through the camera, with a correction for the extent's shape against the viewport's
 * (`getCorrectionRatio`); both come from `sigma/utils`. A layout that moves nodes in slices
 * holds the frame at the extent it began with (re-framing means re-processing every node and
 * relation); `followExtent` gives the camera that shows, in the held frame, what sigma would show
 * if it had re-framed to the new extent: the view follows the layout as it grows or shrinks, and a
 * pan or zoom the person makes meanwhile is kept.
 */
import { createNormalizationFunction, getCorrectionRatio } from 'sigma/utils';

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

/** The graph's width and height as sigma measures them for its camera (`getGraphDimensions`). */
function dimensions(extent: Extent): Dimensions {
  return { width: extent.x[1] - extent.x[0] || 1, height: extent.y[1] - extent.y[0] || 1 };
}

function normaliser(extent: Extent) {
  return createNormalizationFunction({ x: [extent.x[0], extent.x[1]], y: [extent.y[0], extent.y[1]] });
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
  const h = normaliser(held);
  const f = normaliser(from);
  const t = normaliser(to);
  const heldCorrection = getCorrectionRatio(viewport, dimensions(held));
  // The camera as it would be in a frame fitted to `from` (sigma's own framing)...
  const userCentre = f(h.inverse(camera));
  const userRatio =
    (camera.ratio * getCorrectionRatio(viewport, dimensions(from)) * h.ratio) / (f.ratio * heldCorrection);
  // ...and back into the held frame, now fitted to `to`.
  const centre = h(t.inverse(userCentre));
  return {
    x: centre.x,
    y: centre.y,
    ratio: (userRatio * heldCorrection * t.ratio) / (getCorrectionRatio(viewport, dimensions(to)) * h.ratio),
    angle: camera.angle,
  };
}

/** The extent of every node's position in a flat array of `stride` values a node, x then y (the
 *  layout worker's positions). */
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
