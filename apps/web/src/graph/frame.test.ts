import { createNormalizationFunction, getCorrectionRatio } from 'sigma/utils';
import { describe, expect, it } from 'vitest';
import { type Dimensions, type Extent, type FrameCamera, followExtent, matrixExtent } from './frame.js';

/** Where sigma puts a graph point on screen, up to the factor every frame shares (the viewport's
 *  smallest side): normalised in `frame`, then through the camera (matrixFromCamera). */
function onScreen(p: { x: number; y: number }, camera: FrameCamera, frame: Extent, viewport: Dimensions) {
  const n = createNormalizationFunction({ x: [frame.x[0], frame.x[1]], y: [frame.y[0], frame.y[1]] });
  const graph = { width: frame.x[1] - frame.x[0] || 1, height: frame.y[1] - frame.y[0] || 1 };
  const k = getCorrectionRatio(viewport, graph) / camera.ratio;
  const framed = n(p);
  const dx = framed.x - camera.x;
  const dy = framed.y - camera.y;
  const cos = Math.cos(-camera.angle);
  const sin = Math.sin(-camera.angle);
  return { x: k * (cos * dx - sin * dy), y: k * (sin * dx + cos * dy) };
}

const VIEWPORT = { width: 1150, height: 850 };
const POINTS = [
  { x: 0, y: 0 },
  { x: 1200, y: -300 },
  { x: -4000, y: 2500 },
  { x: 333, y: 777 },
];

describe('held frame', () => {
  it('shows in the held frame what sigma shows re-framed to the new extent', () => {
    const held: Extent = { x: [0, 1000], y: [0, 400] };
    const to: Extent = { x: [-3000, 2500], y: [-1000, 4000] };
    const camera = { x: 0.4, y: 0.6, ratio: 0.8, angle: 0.3 };
    // Starting where nothing moved yet: the camera is the person's.
    const followed = followExtent(camera, held, held, to, VIEWPORT);
    for (const p of POINTS) {
      const expected = onScreen(p, camera, to, VIEWPORT);
      const seen = onScreen(p, followed, held, VIEWPORT);
      expect(seen.x).toBeCloseTo(expected.x, 9);
      expect(seen.y).toBeCloseTo(expected.y, 9);
    }
  });

  it('follows step by step as it would in one go, and keeps a pan made in between', () => {
    const held: Extent = { x: [0, 1000], y: [0, 1000] };
    const mid: Extent = { x: [-500, 1500], y: [-200, 900] };
    const to: Extent = { x: [-900, 400], y: [-2000, 100] };
    const start = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const oneGo = followExtent(start, held, held, to, VIEWPORT);
    const twoSteps = followExtent(followExtent(start, held, held, mid, VIEWPORT), held, mid, to, VIEWPORT);
    expect(twoSteps.x).toBeCloseTo(oneGo.x, 12);
    expect(twoSteps.y).toBeCloseTo(oneGo.y, 12);
    expect(twoSteps.ratio).toBeCloseTo(oneGo.ratio, 12);
    // A pan made in the held frame meanwhile stays a pan: after the extent moves on, every point
    // is shifted on screen by one and the same offset against the view without the pan.
    const atMid = followExtent(start, held, held, mid, VIEWPORT);
    const panned = { ...atMid, x: atMid.x + 0.1 };
    const after = followExtent(panned, held, mid, to, VIEWPORT);
    const without = followExtent(atMid, held, mid, to, VIEWPORT);
    const offsets = POINTS.map((p) => {
      const a = onScreen(p, after, held, VIEWPORT);
      const b = onScreen(p, without, held, VIEWPORT);
      return { x: a.x - b.x, y: a.y - b.y };
    });
    for (const offset of offsets) {
      expect(offset.x).toBeCloseTo(offsets[0]?.x ?? Number.NaN, 9);
      expect(offset.y).toBeCloseTo(offsets[0]?.y ?? Number.NaN, 9);
    }
    expect(Math.hypot(offsets[0]?.x ?? 0, offsets[0]?.y ?? 0)).toBeGreaterThan(0.01);
    // No change of extent, no change of camera.
    const same = followExtent(panned, held, mid, mid, VIEWPORT);
    for (const key of ['x', 'y', 'ratio', 'angle'] as const) expect(same[key]).toBeCloseTo(panned[key], 12);
  });

  it('reads the extent of an FA2 node matrix', () => {
    const matrix = new Float32Array([1, 2, 9, 9, 9, -3, 4, 9, 9, 9, 0.5, 10, 9, 9, 9]);
    expect(matrixExtent(matrix, 5)).toEqual({ x: [-3, 1], y: [2, 10] });
  });
});
