/**
 * Chain layout: one horizontal band per industry chain, and inside every band the same columns
 * (lanes) from left to right, platforms and funds → chain leaders → suppliers → parks and
 * services, so a planner reads each chain from the platforms that serve it to its suppliers.
 *
 * Rules:
 * - Bands: one per IndustryChain node, ordered by chain id, from the top (y = 0) downwards;
 *   then a final "unassigned" band for nodes in no chain (only when there are any). A node
 *   goes to `chainOf(graph, node)`: its own band for a chain node; among several chains, a
 *   membership that has not ended, then one whose BELONGS_TO has a `position`, then the
 *   smallest chain id.
 * - Lanes: CHAIN_LANES below; a kind the lanes do not list goes to a last "other" lane, which
 *   only appears when such a node exists. Lanes have the same x range in every band.
 * - Inside a lane: nodes sorted by their kind's place in the lane, then by `nameAttribute`
 *   (code-unit order), then by key; stacked top-down in a grid of at most `maxRowsPerColumn`
 *   rows (a tall lane gets several sub-columns, filled column by column with balanced heights).
 * - A band is as tall as its tallest lane; a lane as wide as its widest grid over all bands.
 */
import type { Bilingual, EntityKind } from '@innograph/model';
import type { AbstractGraph } from '../graph.js';
import { chainOf, compareKeys, INDUSTRY_CHAIN, kindOf, namesOf } from '../graph.js';
import { assertGraph, checkInteger, checkOptions, checkPositive, fail } from '../validate.js';
import type { Box, Positions } from './types.js';

const MODULE = 'chainLayout';

export type ChainLaneId = 'platforms' | 'leaders' | 'suppliers' | 'services' | 'other';

export interface ChainLane {
  id: ChainLaneId;
  label: Bilingual;
  /** Kinds in this lane, in the order they are stacked. */
  kinds: readonly EntityKind[];
}

/** The lanes, left to right. Every kind of the ontology is in exactly one lane. */
export const CHAIN_LANES: readonly ChainLane[] = [
  {
    id: 'platforms',
    label: { zh: '平台与基金', en: 'Platforms & funds' },
    kinds: ['Lab', 'PilotBase', 'Fund'],
  },
  {
    id: 'leaders',
    label: { zh: '链主与联合体', en: 'Chain leaders & consortia' },
    kinds: ['IndustryChain', 'ChainLeader', 'Consortium'],
  },
  { id: 'suppliers', label: { zh: '配套企业', en: 'Suppliers' }, kinds: ['PrivateFirm'] },
  {
    id: 'services',
    label: { zh: '园区与服务机构', en: 'Parks & services' },
    kinds: ['SciencePark', 'ServiceInstitution'],
  },
];

/** The lane of kinds no entry of CHAIN_LANES lists (kinds added to the ontology later). */
export const OTHER_LANE: ChainLane = { id: 'other', label: { zh: '其他', en: 'Other' }, kinds: [] };

export const UNASSIGNED_CHAIN_LABEL: Bilingual = { zh: '未归属产业链', en: 'No industry chain' };

export interface ChainLayoutOptions {
  /** Horizontal distance between two sub-columns of a lane. Default 10. */
  columnSpacing?: number;
  /** Vertical distance between two rows. Default 2. */
  rowSpacing?: number;
  /** Rows in a lane before it wraps into another sub-column. Default 12. */
  maxRowsPerColumn?: number;
  /** Empty space between two lanes. Default 4. */
  laneGap?: number;
  /** Empty space between two bands. Default 4. */
  bandGap?: number;
  /** Node attribute that orders nodes of one kind inside a lane (then the key). Default 'nameEn'. */
  nameAttribute?: string;
}

export const CHAIN_LAYOUT_DEFAULTS: Required<ChainLayoutOptions> = {
  columnSpacing: 10,
  rowSpacing: 2,
  maxRowsPerColumn: 12,
  laneGap: 4,
  bandGap: 4,
  nameAttribute: 'nameEn',
};

export interface ChainBandGuide {
  /** The chain's id, or null for the band of nodes in no chain. */
  chain: string | null;
  label: Bilingual;
  nodeCount: number;
  box: Box;
}

export interface ChainLaneGuide {
  lane: ChainLaneId;
  label: Bilingual;
  /** The lane's column over all bands. */
  box: Box;
}

export interface ChainLayoutGuides {
  bands: ChainBandGuide[];
  lanes: ChainLaneGuide[];
}

function resolveOptions(options: ChainLayoutOptions | undefined): Required<ChainLayoutOptions> {
  checkOptions(MODULE, options);
  const resolved = { ...CHAIN_LAYOUT_DEFAULTS, ...options };
  checkPositive(MODULE, 'columnSpacing', resolved.columnSpacing);
  checkPositive(MODULE, 'rowSpacing', resolved.rowSpacing);
  checkInteger(MODULE, 'maxRowsPerColumn', resolved.maxRowsPerColumn, 1);
  checkPositive(MODULE, 'laneGap', resolved.laneGap, true);
  checkPositive(MODULE, 'bandGap', resolved.bandGap, true);
  if (typeof resolved.nameAttribute !== 'string') fail(MODULE, 'option nameAttribute must be a string.');
  return resolved;
}

interface Slot {
  lane: number;
  kindRank: number;
  name: string;
  node: string;
}

function computeChainLayout(
  graph: AbstractGraph,
  options: ChainLayoutOptions | undefined,
): { positions: Positions; guides: ChainLayoutGuides } {
  assertGraph(MODULE, graph);
  const { columnSpacing, rowSpacing, maxRowsPerColumn, laneGap, bandGap, nameAttribute } =
    resolveOptions(options);

  // Where each node goes: band (chain id or null) and lane.
  const laneOfKind = new Map<string, number>();
  CHAIN_LANES.forEach((lane, index) => {
    for (const kind of lane.kinds) laneOfKind.set(kind, index);
  });
  const chains = graph.filterNodes((node) => kindOf(graph, node) === INDUSTRY_CHAIN).sort(compareKeys);
  const bandOf = new Map<string | null, Slot[]>(chains.map((chain) => [chain, []]));
  let hasOther = false;
  graph.forEachNode((node, attributes) => {
    const kind = kindOf(graph, node);
    const laneIndex = kind === undefined ? undefined : laneOfKind.get(kind);
    const lane = laneIndex ?? CHAIN_LANES.length;
    if (laneIndex === undefined) hasOther = true;
    const kinds: readonly string[] = CHAIN_LANES[lane]?.kinds ?? [];
    const name = attributes[nameAttribute];
    const chain = chainOf(graph, node);
    const band = bandOf.get(chain) ?? [];
    if (!bandOf.has(chain)) bandOf.set(chain, band);
    band.push({
      lane,
      kindRank: kind === undefined ? -1 : kinds.indexOf(kind),
      name: typeof name === 'string' ? name : '',
      node,
    });
  });
  // Chains first by id, then the unassigned band (null) last.
  const bandKeys = [...chains, ...(bandOf.has(null) ? [null] : [])];

  const lanes = hasOther ? [...CHAIN_LANES, OTHER_LANE] : [...CHAIN_LANES];
  // Per band, per lane: the sorted nodes and their grid.
  const grids = bandKeys.map((band) => {
    const slots = bandOf.get(band) ?? [];
    return lanes.map((_lane, laneIndex) => {
      const nodes = slots
        .filter((slot) => slot.lane === laneIndex)
        .sort((a, b) => a.kindRank - b.kindRank || compareKeys(a.name, b.name) || compareKeys(a.node, b.node))
        .map((slot) => slot.node);
      const columns = Math.max(1, Math.ceil(nodes.length / maxRowsPerColumn));
      const rows = Math.ceil(nodes.length / columns);
      return { nodes, columns, rows };
    });
  });

  // Lane x ranges, shared by all bands.
  const laneBoxes: { minX: number; maxX: number }[] = [];
  let x = 0;
  lanes.forEach((_lane, laneIndex) => {
    const columns = Math.max(1, ...grids.map((band) => band[laneIndex]?.columns ?? 1));
    laneBoxes.push({ minX: x, maxX: x + columns * columnSpacing });
    x += columns * columnSpacing + laneGap;
  });

  const positions: Positions = {};
  const bands: ChainBandGuide[] = [];
  let top = 0;
  bandKeys.forEach((band, bandIndex) => {
    const laneGrids = grids[bandIndex] ?? [];
    const rows = Math.max(1, ...laneGrids.map((grid) => grid.rows));
    laneGrids.forEach((grid, laneIndex) => {
      const minX = laneBoxes[laneIndex]?.minX ?? 0;
      grid.nodes.forEach((node, index) => {
        const column = Math.floor(index / grid.rows);
        const row = index % grid.rows;
        positions[node] = { x: minX + (column + 0.5) * columnSpacing, y: top - (row + 0.5) * rowSpacing };
      });
    });
    const bottom = top - rows * rowSpacing;
    bands.push({
      chain: band,
      label: band === null ? UNASSIGNED_CHAIN_LABEL : namesOf(graph, band),
      nodeCount: bandOf.get(band)?.length ?? 0,
      box: { minX: 0, maxX: x - laneGap, minY: bottom, maxY: top },
    });
    top = bottom - bandGap;
  });
  const minY = bands.length > 0 ? top + bandGap : 0;
  const guides: ChainLayoutGuides = {
    bands,
    lanes: lanes.map((lane, laneIndex) => ({
      lane: lane.id,
      label: lane.label,
      box: { minX: laneBoxes[laneIndex]?.minX ?? 0, maxX: laneBoxes[laneIndex]?.maxX ?? 0, minY, maxY: 0 },
    })),
  };
  return { positions, guides };
}

/**
 * Positions of every node in the chain layout (see the module comment for the rules). Pure: the
 * graph is not changed; `chainLayout.assign` writes the positions as `x` and `y` attributes.
 */
export function chainLayout(graph: AbstractGraph, options?: ChainLayoutOptions): Positions {
  return computeChainLayout(graph, options).positions;
}

/** Writes the chain layout to the nodes' `x` and `y` attributes. */
chainLayout.assign = function assignChainLayout(graph: AbstractGraph, options?: ChainLayoutOptions): void {
  const { positions } = computeChainLayout(graph, options);
  for (const [node, { x, y }] of Object.entries(positions)) graph.mergeNodeAttributes(node, { x, y });
};

/** The bands and lanes of the chain layout, for drawing band titles and lane headers. */
export function chainLayoutGuides(graph: AbstractGraph, options?: ChainLayoutOptions): ChainLayoutGuides {
  return computeChainLayout(graph, options).guides;
}
