/**
 * Park layout: one cluster per science park, the park at its centre and the organisations
 * LOCATED_IN it around it on a sunflower (Vogel phyllotaxis) spiral, so a planner sees who sits
 * where and which parks are crowded.
 *
 * Rules:
 * - Clusters: one per SciencePark node, ordered by park id; then a final cluster (with an empty
 *   centre) for nodes in no park, only when there are any. A node goes to
 *   `parkOf(graph, node)`: among several parks, a LOCATED_IN that has not ended, then the
 *   smallest park id.
 * - Inside a cluster: members sorted by kind (the ontology's order, unknown kinds last), then
 *   key; member i (1-based) sits at distance `spacing * sqrt(i)` from the centre, at angle
 *   i × the golden angle. The cluster's radius is `spacing * sqrt(members) + padding`.
 * - Clusters are packed in rows, left to right then top to bottom, in order; a row is about
 *   as wide as the square root of the clusters' total (boxed) area unless `rowWidth` is given.
 *   Clusters in a row sit on the row's middle line: they never overlap, and any two are at
 *   least `gap` apart.
 */
import type { Bilingual } from '@innograph/model';
import type { AbstractGraph } from '../graph.js';
import { compareKeys, kindOf, kindRank, namesOf, parkOf, SCIENCE_PARK } from '../graph.js';
import { assertGraph, checkOptions, checkPositive } from '../validate.js';
import type { Positions } from './types.js';

const MODULE = 'parkLayout';

/** π(3 − √5): the angle between two consecutive seeds of a sunflower. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export const NO_PARK_LABEL: Bilingual = { zh: '未入园', en: 'In no park' };

export interface ParkLayoutOptions {
  /** Scale of the spiral: member i sits at spacing × √i from the centre. Default 4. */
  spacing?: number;
  /** Added to a cluster's radius, around its outermost member. Default 3. */
  padding?: number;
  /** Least empty space between two clusters. Default 6. */
  gap?: number;
  /** Width of a row of clusters; 0 means automatic (about square overall). Default 0. */
  rowWidth?: number;
}

export const PARK_LAYOUT_DEFAULTS: Required<ParkLayoutOptions> = {
  spacing: 4,
  padding: 3,
  gap: 6,
  rowWidth: 0,
};

export interface ParkClusterGuide {
  /** The park's id, or null for the cluster of nodes in no park. */
  park: string | null;
  label: Bilingual;
  /** Nodes placed around the centre (the park itself not counted). */
  memberCount: number;
  x: number;
  y: number;
  radius: number;
}

export interface ParkLayoutGuides {
  clusters: ParkClusterGuide[];
}

function resolveOptions(options: ParkLayoutOptions | undefined): Required<ParkLayoutOptions> {
  checkOptions(MODULE, options);
  const resolved = { ...PARK_LAYOUT_DEFAULTS, ...options };
  checkPositive(MODULE, 'spacing', resolved.spacing);
  checkPositive(MODULE, 'padding', resolved.padding, true);
  checkPositive(MODULE, 'gap', resolved.gap, true);
  checkPositive(MODULE, 'rowWidth', resolved.rowWidth, true);
  return resolved;
}

function computeParkLayout(
  graph: AbstractGraph,
  options: ParkLayoutOptions | undefined,
): { positions: Positions; guides: ParkLayoutGuides } {
  assertGraph(MODULE, graph);
  const { spacing, padding, gap, rowWidth } = resolveOptions(options);

  const parks = graph.filterNodes((node) => kindOf(graph, node) === SCIENCE_PARK).sort(compareKeys);
  const members = new Map<string | null, string[]>(parks.map((park) => [park, []]));
  graph.forEachNode((node) => {
    const park = parkOf(graph, node);
    if (park === node) return; // the park is the centre
    const list = members.get(park) ?? [];
    if (!members.has(park)) members.set(park, list);
    list.push(node);
  });
  const clusterKeys = [...parks, ...(members.has(null) ? [null] : [])];
  const clusters = clusterKeys.map((park) => {
    const nodes = (members.get(park) ?? []).sort(
      (a, b) => kindRank(kindOf(graph, a)) - kindRank(kindOf(graph, b)) || compareKeys(a, b),
    );
    return { park, nodes, radius: spacing * Math.sqrt(nodes.length) + padding };
  });

  const width =
    rowWidth > 0
      ? rowWidth
      : Math.max(
          0,
          ...clusters.map((cluster) => 2 * cluster.radius),
          Math.sqrt(clusters.reduce((sum, cluster) => sum + (2 * cluster.radius + gap) ** 2, 0)),
        );

  // Pack in rows: first decide the rows, then place each row on its middle line.
  const rows: (typeof clusters)[] = [];
  let cursor = 0;
  for (const cluster of clusters) {
    const diameter = 2 * cluster.radius;
    const row = rows[rows.length - 1];
    if (row === undefined || (cursor > 0 && cursor + diameter > width)) {
      rows.push([cluster]);
      cursor = diameter + gap;
    } else {
      row.push(cluster);
      cursor += diameter + gap;
    }
  }

  const positions: Positions = {};
  const guides: ParkClusterGuide[] = [];
  let top = 0;
  for (const row of rows) {
    const height = Math.max(...row.map((cluster) => 2 * cluster.radius));
    const y = top - height / 2;
    let left = 0;
    for (const cluster of row) {
      const x = left + cluster.radius;
      if (cluster.park !== null) positions[cluster.park] = { x, y };
      cluster.nodes.forEach((node, index) => {
        const distance = spacing * Math.sqrt(index + 1);
        const angle = (index + 1) * GOLDEN_ANGLE;
        positions[node] = { x: x + distance * Math.cos(angle), y: y + distance * Math.sin(angle) };
      });
      guides.push({
        park: cluster.park,
        label: cluster.park === null ? NO_PARK_LABEL : namesOf(graph, cluster.park),
        memberCount: cluster.nodes.length,
        x,
        y,
        radius: cluster.radius,
      });
      left += 2 * cluster.radius + gap;
    }
    top -= height + gap;
  }
  return { positions, guides: { clusters: guides } };
}

/**
 * Positions of every node in the park layout (see the module comment for the rules). Pure: the
 * graph is not changed; `parkLayout.assign` writes the positions as `x` and `y` attributes.
 */
export function parkLayout(graph: AbstractGraph, options?: ParkLayoutOptions): Positions {
  return computeParkLayout(graph, options).positions;
}

/** Writes the park layout to the nodes' `x` and `y` attributes. */
parkLayout.assign = function assignParkLayout(graph: AbstractGraph, options?: ParkLayoutOptions): void {
  const { positions } = computeParkLayout(graph, options);
  for (const [node, { x, y }] of Object.entries(positions)) graph.mergeNodeAttributes(node, { x, y });
};

/** The clusters of the park layout (centre, radius, label), for drawing park outlines. */
export function parkLayoutGuides(graph: AbstractGraph, options?: ParkLayoutOptions): ParkLayoutGuides {
  return computeParkLayout(graph, options).guides;
}
