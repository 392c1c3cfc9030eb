import { ENTITY_KIND_NAMES } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { buildGraph, reversed, twoChains } from '../fixtures/graphs.js';
import { CHAIN_LANES, CHAIN_LAYOUT_DEFAULTS, chainLayout, chainLayoutGuides } from './chainLayout.js';

// Small numbers so the answer can be worked out by hand.
const OPTIONS = { columnSpacing: 10, rowSpacing: 2, maxRowsPerColumn: 2, laneGap: 4, bandGap: 4 };

describe('chainLayout', () => {
  it('puts every ontology kind in exactly one lane', () => {
    for (const kind of ENTITY_KIND_NAMES) {
      expect(CHAIN_LANES.filter((lane) => lane.kinds.includes(kind))).toHaveLength(1);
    }
  });

  it('places bands by chain id, lanes by kind, grids by kind then name (worked by hand)', () => {
    // Lanes (x): platforms 1 column [0, 10]; leaders 1 column [14, 24];
    // suppliers 2 columns (ic-a has 3 firms, 2 rows max) [28, 48]; services [52, 62].
    // Band ic-a: 2 rows → y in [-4, 0]. Band ic-b: top -8, 2 rows → [-12, -8].
    // Unassigned band: top -16, 2 rows → [-20, -16].
    expect(chainLayout(twoChains(), OPTIONS)).toEqual({
      'lab-1': { x: 5, y: -1 },
      'ic-a': { x: 19, y: -1 }, // the chain node heads the leaders lane
      'cl-1': { x: 19, y: -3 },
      'pf-1': { x: 33, y: -1 }, // Alpha
      'pf-5': { x: 33, y: -3 }, // Delta
      'pf-3': { x: 43, y: -1 }, // Gamma, second sub-column
      'ic-b': { x: 19, y: -9 },
      'pf-2': { x: 33, y: -9 }, // Beta: BELONGS_TO ic-b has a position
      'pf-4': { x: 33, y: -11 }, // Epsilon: its ic-a membership ended
      'sp-1': { x: 57, y: -17 }, // SciencePark before ServiceInstitution
      'si-1': { x: 57, y: -19 },
    });
  });

  it('gives guides for bands and lanes with both languages', () => {
    const guides = chainLayoutGuides(twoChains(), OPTIONS);
    expect(guides.bands).toEqual([
      {
        chain: 'ic-a',
        label: { zh: 'Connected vehicles（中）', en: 'Connected vehicles' },
        nodeCount: 6,
        box: { minX: 0, maxX: 62, minY: -4, maxY: 0 },
      },
      {
        chain: 'ic-b',
        label: { zh: 'High-end equipment（中）', en: 'High-end equipment' },
        nodeCount: 3,
        box: { minX: 0, maxX: 62, minY: -12, maxY: -8 },
      },
      {
        chain: null,
        label: { zh: '未归属产业链', en: 'No industry chain' },
        nodeCount: 2,
        box: { minX: 0, maxX: 62, minY: -20, maxY: -16 },
      },
    ]);
    expect(guides.lanes.map((lane) => [lane.lane, lane.label.en, lane.box])).toEqual([
      ['platforms', 'Platforms & funds', { minX: 0, maxX: 10, minY: -20, maxY: 0 }],
      ['leaders', 'Chain leaders & consortia', { minX: 14, maxX: 24, minY: -20, maxY: 0 }],
      ['suppliers', 'Suppliers', { minX: 28, maxX: 48, minY: -20, maxY: 0 }],
      ['services', 'Parks & services', { minX: 52, maxX: 62, minY: -20, maxY: 0 }],
    ]);
    expect(guides.lanes[0]?.label.zh).toBe('平台与基金');
  });

  it('does not depend on insertion order, and ignores display attributes', () => {
    const graph = twoChains();
    const shuffled = reversed(graph);
    shuffled.forEachNode((node) => {
      shuffled.mergeNodeAttributes(node, { x: Math.random(), y: Math.random(), hidden: true });
    });
    expect(chainLayout(shuffled, OPTIONS)).toEqual(chainLayout(graph, OPTIONS));
  });

  it('leaves the graph alone; assign writes x and y', () => {
    const graph = twoChains();
    const before = JSON.stringify(graph.export());
    const positions = chainLayout(graph);
    expect(JSON.stringify(graph.export())).toBe(before);
    chainLayout.assign(graph);
    graph.forEachNode((node, attributes) => {
      expect({ x: attributes.x, y: attributes.y }).toEqual(positions[node]);
      expect(attributes.color).toBe('#f00');
    });
  });

  it('uses the defaults: 12 rows per column, then wraps with balanced columns', () => {
    const firms = Array.from({ length: 13 }, (_, i) => `pf-${String(i).padStart(2, '0')}`);
    const graph = buildGraph(
      firms.map((id) => [id, 'PrivateFirm']),
      [],
    );
    const positions = chainLayout(graph);
    const { columnSpacing, rowSpacing, laneGap } = CHAIN_LAYOUT_DEFAULTS;
    // 13 firms → 2 columns of 7 and 6 rows; the lane starts after two 1-column lanes.
    const laneX = 2 * (columnSpacing + laneGap);
    expect(positions['pf-00']).toEqual({ x: laneX + columnSpacing / 2, y: -rowSpacing / 2 });
    expect(positions['pf-06']).toEqual({ x: laneX + columnSpacing / 2, y: -6.5 * rowSpacing });
    expect(positions['pf-07']).toEqual({ x: laneX + 1.5 * columnSpacing, y: -rowSpacing / 2 });
    expect(chainLayoutGuides(graph).bands).toHaveLength(1);
  });

  it('adds an "other" lane for kinds the lanes do not list', () => {
    const graph = buildGraph(
      [
        ['u-1', 'University'],
        ['ic-a', 'IndustryChain'],
      ],
      [['u-1', 'ic-a', 'BELONGS_TO']],
    );
    const guides = chainLayoutGuides(graph, OPTIONS);
    expect(guides.lanes.map((lane) => lane.lane)).toEqual([
      'platforms',
      'leaders',
      'suppliers',
      'services',
      'other',
    ]);
    expect(chainLayout(graph, OPTIONS)['u-1']).toEqual({ x: 61, y: -1 });
    expect(guides.bands.map((band) => band.chain)).toEqual(['ic-a']);
  });

  it('returns nothing for an empty graph', () => {
    const graph = buildGraph([], []);
    expect(chainLayout(graph)).toEqual({});
    expect(chainLayoutGuides(graph).bands).toEqual([]);
  });

  it('rejects bad input, naming the module', () => {
    expect(() => chainLayout({} as never)).toThrow(/^analytics\/chainLayout: .*graphology/);
    expect(() => chainLayout(twoChains(), { columnSpacing: -1 })).toThrow(
      'analytics/chainLayout: option columnSpacing must be a finite number > 0, got -1.',
    );
    expect(() => chainLayout(twoChains(), { maxRowsPerColumn: 0 })).toThrow(/maxRowsPerColumn/);
    expect(() => chainLayout(twoChains(), { laneGap: Number.NaN })).toThrow(/laneGap/);
  });
});
