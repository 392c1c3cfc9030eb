import { describe, expect, it } from 'vitest';
import { buildGraph, reversed, twoParks } from '../fixtures/graphs.js';
import type { ParkClusterGuide } from './parkLayout.js';
import { parkLayout, parkLayoutGuides } from './parkLayout.js';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5)); // ≈ 2.39996 rad ≈ 137.5°

/** Angle of `point` around `centre`, in [0, 2π). */
function angle(point: { x: number; y: number }, centre: { x: number; y: number }): number {
  const a = Math.atan2(point.y - centre.y, point.x - centre.x);
  return a < 0 ? a + 2 * Math.PI : a;
}

describe('parkLayout', () => {
  // spacing 1, padding 0.5, gap 1, rows 10 wide:
  // sp-a has 4 members (pf-1, pf-2, lab-1, si-1 by kind then key) → radius √4 + 0.5 = 2.5;
  // sp-b has pf-3 → radius 1.5; the no-park cluster has cl-1, ic-1 → radius √2 + 0.5.
  // Row 1: sp-a centre (2.5, -2.5); cursor 6; sp-b fits (6 + 3 ≤ 10): centre (7.5, -2.5).
  // Row 2 starts at y = -(5 + 1) = -6: no-park centre (√2 + 0.5, -6 - √2 - 0.5).
  const OPTIONS = { spacing: 1, padding: 0.5, gap: 1, rowWidth: 10 };

  it('places clusters in packed rows (worked by hand)', () => {
    const r = Math.SQRT2 + 0.5;
    expect(parkLayoutGuides(twoParks(), OPTIONS).clusters).toEqual([
      {
        park: 'sp-a',
        label: { zh: 'West park（中）', en: 'West park' },
        memberCount: 4,
        x: 2.5,
        y: -2.5,
        radius: 2.5,
      },
      {
        park: 'sp-b',
        label: { zh: 'East park（中）', en: 'East park' },
        memberCount: 1,
        x: 7.5,
        y: -2.5,
        radius: 1.5,
      },
      { park: null, label: { zh: '未入园', en: 'In no park' }, memberCount: 2, x: r, y: -6 - r, radius: r },
    ]);
  });

  it('puts the park at the centre and members on the sunflower, by kind then key', () => {
    const positions = parkLayout(twoParks(), OPTIONS);
    const centre = { x: 2.5, y: -2.5 };
    expect(positions['sp-a']).toEqual(centre);
    expect(positions['sp-b']).toEqual({ x: 7.5, y: -2.5 });
    ['pf-1', 'pf-2', 'lab-1', 'si-1'].forEach((node, index) => {
      const position = positions[node] ?? { x: Number.NaN, y: Number.NaN };
      const i = index + 1;
      expect(Math.hypot(position.x - centre.x, position.y - centre.y)).toBeCloseTo(Math.sqrt(i), 10);
      expect(angle(position, centre)).toBeCloseTo((i * GOLDEN_ANGLE) % (2 * Math.PI), 10);
    });
    // pf-1 first: at distance 1, angle 137.5°.
    expect(positions['pf-1']?.x).toBeCloseTo(2.5 + Math.cos(GOLDEN_ANGLE), 10);
    expect(positions['pf-1']?.y).toBeCloseTo(-2.5 + Math.sin(GOLDEN_ANGLE), 10);
    // pf-3's LOCATED_IN sp-a has ended: it sits in sp-b.
    expect(Math.hypot((positions['pf-3']?.x ?? 0) - 7.5, (positions['pf-3']?.y ?? 0) + 2.5)).toBeCloseTo(
      1,
      10,
    );
    expect(Object.keys(positions).sort()).toEqual(twoParks().nodes().sort());
  });

  it('never overlaps clusters and keeps members inside their cluster, with the defaults', () => {
    // Parks of 0, 1, 5, 20, 3 and 40 members, and 7 organisations in no park.
    const sizes = [0, 1, 5, 20, 3, 40];
    const nodes: [string, string][] = sizes.map((_, p) => [`sp-${p}`, 'SciencePark']);
    const edges: [string, string, 'LOCATED_IN'][] = [];
    sizes.forEach((size, p) => {
      for (let m = 0; m < size; m++) {
        nodes.push([`pf-${p}-${m}`, 'PrivateFirm']);
        edges.push([`pf-${p}-${m}`, `sp-${p}`, 'LOCATED_IN']);
      }
    });
    for (let m = 0; m < 7; m++) nodes.push([`cl-${m}`, 'ChainLeader']);
    const graph = buildGraph(nodes, edges);
    const { clusters } = parkLayoutGuides(graph);
    const positions = parkLayout(graph);
    expect(clusters).toHaveLength(7);
    const gap = 6; // PARK_LAYOUT_DEFAULTS.gap
    clusters.forEach((a: ParkClusterGuide, i) => {
      clusters.slice(i + 1).forEach((b) => {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.radius + b.radius + gap - 1e-9);
      });
    });
    graph.forEachNode((node) => {
      const park = node.startsWith('pf-') ? `sp-${node.split('-')[1]}` : node.startsWith('sp-') ? node : null;
      const cluster = clusters.find((c) => c.park === park);
      const position = positions[node];
      if (!cluster || !position) throw new Error(`no cluster for ${node}`);
      expect(Math.hypot(position.x - cluster.x, position.y - cluster.y)).toBeLessThanOrEqual(cluster.radius);
    });
    // Neighbouring seeds of the 40-member sunflower stay apart (spacing 4).
    const big = graph.filterNodes((node) => node.startsWith('pf-5-')).map((node) => positions[node]);
    let nearest = Number.POSITIVE_INFINITY;
    big.forEach((a, i) => {
      big.slice(i + 1).forEach((b) => {
        if (a && b) nearest = Math.min(nearest, Math.hypot(a.x - b.x, a.y - b.y));
      });
    });
    expect(nearest).toBeGreaterThan(4 * 0.9);
  });

  it('does not depend on insertion order; assign writes x and y', () => {
    const graph = twoParks();
    const positions = parkLayout(graph);
    expect(parkLayout(reversed(graph))).toEqual(positions);
    parkLayout.assign(graph);
    graph.forEachNode((node, attributes) => {
      expect({ x: attributes.x, y: attributes.y }).toEqual(positions[node]);
    });
  });

  it('returns nothing for an empty graph and rejects bad input', () => {
    expect(parkLayout(buildGraph([], []))).toEqual({});
    expect(() => parkLayout(null as never)).toThrow(/^analytics\/parkLayout: /);
    expect(() => parkLayout(twoParks(), { spacing: 0 })).toThrow(
      'analytics/parkLayout: option spacing must be a finite number > 0, got 0.',
    );
    expect(() => parkLayout(twoParks(), { gap: -2 })).toThrow(/option gap/);
  });
});
