/**
 * What a legend lists for the view on screen: the entity kinds and the relation kinds that are
 * actually drawn, in the model's order and the chosen language, plus the planned and proposed
 * styles when such relations are drawn. The overlay, the PNG and the SVG all draw this list.
 */
import type { EntityKind, Language, ModelResponse, RelationKind } from '@innograph/model';
import type { Visibility } from '../graph/filters.js';
import type { EcoGraph } from '../graph/graph.js';
import { KIND_COLORS, PROPOSED, RELATION_STYLES } from '../graph/style.js';

export interface LegendEntry {
  label: string;
  color: string;
  /** Relations are drawn as a line swatch, dashed for planned and proposed ones. */
  line?: { dashed: boolean; arrow: boolean; width: number };
}

export interface LegendItems {
  nodes: LegendEntry[];
  edges: LegendEntry[];
}

const PLANNED_LABEL = { zh: '计划中的关系', en: 'Planned relation' };
const PROPOSED_LABEL = { zh: '方案提议的关系', en: 'Proposed in the scenario' };

export function legendItems(
  model: ModelResponse,
  language: Language,
  graph: EcoGraph,
  visible: Visibility | null,
): LegendItems {
  const kinds = new Set<EntityKind>();
  const relations = new Set<RelationKind>();
  let planned = false;
  let proposed = false;
  graph.forEachNode((node, attributes) => {
    if (!visible || visible.nodes.has(node)) kinds.add(attributes.kind);
  });
  graph.forEachEdge((edge, attributes) => {
    if (visible && !visible.edges.has(edge)) return;
    relations.add(attributes.type);
    if (attributes.status === 'planned') planned = true;
    if (attributes.proposed === true) proposed = true;
  });
  const nodes = model.entityKinds
    .filter((k) => kinds.has(k.kind))
    .map((k) => ({ label: k.name[language], color: KIND_COLORS[k.kind] }));
  const edges: LegendEntry[] = model.relationKinds
    .filter((r) => relations.has(r.type))
    .map((r) => {
      const style = RELATION_STYLES[r.type];
      return {
        label: r.name[language],
        color: style.color,
        line: { dashed: false, arrow: style.arrow, width: style.size },
      };
    });
  if (planned)
    edges.push({
      label: PLANNED_LABEL[language],
      color: '#555555',
      line: { dashed: true, arrow: true, width: 2 },
    });
  if (proposed)
    edges.push({
      label: PROPOSED_LABEL[language],
      color: PROPOSED,
      line: { dashed: true, arrow: true, width: 2.5 },
    });
  return { nodes, edges };
}

/** Height of the title band over a picture. */
export const TITLE_HEIGHT = 44;
const ROW = 22;
const COLUMN = 200;

export interface PlacedEntry {
  x: number;
  y: number;
  entry: LegendEntry;
}

/** Where each legend entry goes below a picture `width` wide: kinds first, then relations, in
 *  columns of 200 px; `top` is where the legend starts. */
export function layoutLegend(
  legend: LegendItems | null,
  width: number,
  top: number,
): { height: number; entries: PlacedEntry[] } {
  if (!legend || legend.nodes.length + legend.edges.length === 0) return { height: 0, entries: [] };
  const perRow = Math.max(1, Math.floor((width - 24) / COLUMN));
  const entries: PlacedEntry[] = [];
  let y = top + 8;
  for (const group of [legend.nodes, legend.edges]) {
    group.forEach((entry, i) => {
      entries.push({ x: 16 + (i % perRow) * COLUMN, y: y + Math.floor(i / perRow) * ROW, entry });
    });
    y += Math.ceil(group.length / perRow) * ROW;
  }
  return { height: y - top + 8, entries };
}
