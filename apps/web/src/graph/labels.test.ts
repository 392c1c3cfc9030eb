import { describe, expect, it } from 'vitest';
import { type FitItem, fitCamera, LabelSpace, labelBox, TextWidths } from './labels.js';

describe('labels that do not pile up', () => {
  it("puts a label's box where sigma writes it: right of the node, centred on it", () => {
    expect(labelBox(100, 50, 6, 14, 80, 0)).toEqual({ left: 109, right: 189, top: 43, bottom: 57 });
    expect(labelBox(100, 50, 6, 14, 80)).toEqual({ left: 107, right: 191, top: 41, bottom: 59 });
  });

  it('leaves out a label that would run over one already drawn, in any cell it spans', () => {
    const space = new LabelSpace(50);
    // A long label over several cells.
    expect(space.place(labelBox(0, 100, 5, 14, 300))).toBe(true);
    // A node further along the same line: its label would sit on the first one.
    expect(space.place(labelBox(200, 104, 5, 14, 60))).toBe(false);
    // Just below it, clear of the first label: drawn.
    expect(space.place(labelBox(200, 130, 5, 14, 60))).toBe(true);
    // Left of the first label, ending before it begins: drawn.
    expect(space.place(labelBox(-120, 100, 5, 14, 100))).toBe(true);
    // A forced label (a hovered node's neighbour, the selection) is drawn anyway.
    expect(space.place(labelBox(150, 100, 5, 14, 60), true)).toBe(true);
    space.clear();
    expect(space.place(labelBox(200, 104, 5, 14, 60))).toBe(true);
  });

  it('works with negative coordinates (labels partly off screen)', () => {
    const space = new LabelSpace(64);
    expect(space.place(labelBox(-200, -10, 4, 12, 150))).toBe(true);
    expect(space.place(labelBox(-100, -8, 4, 12, 40))).toBe(false);
  });

  it('measures each text once per font, within a bound', () => {
    const widths = new TextWidths(2);
    let measured = 0;
    const measure = () => {
      measured += 1;
      return 42;
    };
    expect(widths.width('12px a', 'x', measure)).toBe(42);
    expect(widths.width('12px a', 'x', measure)).toBe(42);
    expect(measured).toBe(1);
    widths.width('14px a', 'x', measure);
    expect(measured).toBe(2);
    // Full: starts again rather than growing without end.
    widths.width('12px a', 'y', measure);
    widths.width('12px a', 'x', measure);
    expect(measured).toBe(4);
  });
});

describe('fitting the camera to nodes and their labels', () => {
  // A view 1000 × 500 px; at ratio 1 the framed graph's unit square spans 500 px, centred.
  const view = { width: 1000, height: 500, margin: 10, labelSize: 14 };
  const project = (p: { x: number; y: number }, c: { x: number; y: number; ratio: number }) => ({
    x: 500 + ((p.x - c.x) * 500) / c.ratio,
    y: 250 + ((p.y - c.y) * 500) / c.ratio,
  });
  const unproject = (p: { x: number; y: number }, c: { x: number; y: number; ratio: number }) => ({
    x: c.x + ((p.x - 500) * c.ratio) / 500,
    y: c.y + ((p.y - 250) * c.ratio) / 500,
  });
  const extent = (items: FitItem[], camera: { x: number; y: number; ratio: number }) => {
    const xs = items.flatMap((i) => {
      const p = project(i, camera);
      return [p.x - i.radius, i.labelWidth > 0 ? p.x + i.radius + 3 + i.labelWidth : p.x + i.radius];
    });
    return { left: Math.min(...xs), right: Math.max(...xs) };
  };

  it('leaves room on the right for the labels of the nodes at the right edge, centred', () => {
    const items: FitItem[] = [
      { x: 0, y: 0.5, radius: 5, labelWidth: 0 },
      { x: 1.5, y: 0.4, radius: 5, labelWidth: 180 },
      { x: 1.5, y: 0.6, radius: 5, labelWidth: 120 },
    ];
    const camera = fitCamera(items, view, project, unproject, { x: 0.75, y: 0.5, ratio: 1.5 }, 10);
    const { left, right } = extent(items, camera);
    // Everything inside the view's margins, the widest side touching them.
    expect(left).toBeGreaterThanOrEqual(9.5);
    expect(right).toBeLessThanOrEqual(990.5);
    expect(Math.min(left - 10, 990 - right)).toBeLessThan(1);
    expect(Math.abs(left - 10 - (990 - right))).toBeLessThan(2);
    // Without the labels the nodes alone would fit closer: the labels made room for themselves.
    const bare = fitCamera(
      items.map((i) => ({ ...i, labelWidth: 0 })),
      view,
      project,
      unproject,
      { x: 0.75, y: 0.5, ratio: 1.5 },
      10,
    );
    expect(camera.ratio).toBeGreaterThan(bare.ratio);
  });

  it('stops at the largest ratio allowed when labels alone are wider than the view', () => {
    const items: FitItem[] = [{ x: 0.5, y: 0.5, radius: 5, labelWidth: 5000 }];
    expect(fitCamera(items, view, project, unproject, { x: 0.5, y: 0.5, ratio: 1 }, 3).ratio).toBe(3);
  });
});
