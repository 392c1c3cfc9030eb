/**
 * How kinds look. Node colours are Paul Tol's "muted" scheme (9 colours told apart with the
 * common colour-vision deficiencies); the four relations planners read for (opening, pairing,
 * supply, investment) take strong Okabe–Ito colours and weight, structural relations stay grey.
 */
import type { EntityKind, RelationKind, Theme } from '@innograph/model';

export const KIND_COLORS: Record<EntityKind, string> = {
  ChainLeader: '#882255',
  PrivateFirm: '#44AA99',
  Lab: '#332288',
  PilotBase: '#88CCEE',
  Fund: '#DDCC77',
  SciencePark: '#117733',
  ServiceInstitution: '#CC6677',
  Consortium: '#AA4499',
  IndustryChain: '#999933',
};

export interface EdgeStyle {
  color: string;
  /** Thickness in pixels at zoom 1. */
  size: number;
  /** Drawn with an arrow head (directed reading matters). */
  arrow: boolean;
  /** Pattern drawn in the legend. */
  emphasis: 'strong' | 'structural';
}

export const RELATION_STYLES: Record<RelationKind, EdgeStyle> = {
  OPENS_TO: { color: '#009E73', size: 2.6, arrow: true, emphasis: 'strong' },
  PAIRED_WITH: { color: '#CC79A7', size: 2.6, arrow: false, emphasis: 'strong' },
  SUPPLIES: { color: '#E69F00', size: 2, arrow: true, emphasis: 'strong' },
  INVESTS_IN: { color: '#0072B2', size: 2.2, arrow: true, emphasis: 'strong' },
  OPERATES: { color: '#D55E00', size: 1.6, arrow: true, emphasis: 'structural' },
  BACKS: { color: '#56B4E9', size: 1.4, arrow: true, emphasis: 'structural' },
  LEADS: { color: '#8C6D1F', size: 1.6, arrow: true, emphasis: 'structural' },
  MEMBER_OF: { color: 'rgba(130, 115, 170, 0.55)', size: 1, arrow: false, emphasis: 'structural' },
  BELONGS_TO: { color: 'rgba(150, 150, 150, 0.22)', size: 0.5, arrow: false, emphasis: 'structural' },
  LOCATED_IN: { color: 'rgba(110, 150, 100, 0.22)', size: 0.5, arrow: false, emphasis: 'structural' },
};

/** Tol's "light" and "bright" schemes one after the other: 14 community colours, then repeats. */
export const COMMUNITY_COLORS = [
  '#4477AA',
  '#EE6677',
  '#228833',
  '#CCBB44',
  '#66CCEE',
  '#AA3377',
  '#BBBBBB',
  '#77AADD',
  '#EE8866',
  '#EEDD88',
  '#FFAABB',
  '#99DDFF',
  '#44BB99',
  '#AAAA00',
] as const;

export const FADED_NODE = '#E4E4E4';
export const FADED_EDGE = '#EFEFEF';
export const HIGHLIGHT = '#E8601C';
/** A scenario's proposed relations. */
export const PROPOSED = '#7B3294';
export const ENDED_EDGE = '#BDBDBD';

export const NODE_SIZE = { min: 4, max: 20, uniform: 6 } as const;

/** Scales a measure to a node size: square root so area follows the value. */
export function sizeFor(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return NODE_SIZE.min;
  return NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(value / max);
}

export function communityColor(community: number): string {
  return COMMUNITY_COLORS[Math.abs(community) % COMMUNITY_COLORS.length] ?? '#888888';
}

/**
 * How the stage looks per theme. `projector` is for a room: white ground, black bold labels half
 * again as large, thicker nodes and relations, faded items still visible from the back row.
 */
export interface ThemeStyle {
  background: string;
  labelColor: string;
  labelSize: number;
  labelWeight: 'normal' | 'bold';
  /** Box behind a hovered node's label. */
  hoverBackground: string;
  fadedNode: string;
  fadedEdge: string;
  nodeScale: number;
  edgeScale: number;
}

export const THEME_STYLES: Record<Theme, ThemeStyle> = {
  light: {
    background: '#f7f8fa',
    labelColor: '#1d2433',
    labelSize: 12,
    labelWeight: 'normal',
    hoverBackground: '#ffffff',
    fadedNode: FADED_NODE,
    fadedEdge: FADED_EDGE,
    nodeScale: 1,
    edgeScale: 1,
  },
  dark: {
    background: '#141821',
    labelColor: '#e6eaf0',
    labelSize: 12,
    labelWeight: 'normal',
    hoverBackground: '#283040',
    fadedNode: '#323a48',
    fadedEdge: '#252b36',
    nodeScale: 1,
    edgeScale: 1,
  },
  projector: {
    background: '#ffffff',
    labelColor: '#000000',
    labelSize: 18,
    labelWeight: 'bold',
    hoverBackground: '#ffffff',
    fadedNode: '#d0d0d0',
    fadedEdge: '#e2e2e2',
    nodeScale: 1.5,
    edgeScale: 1.6,
  },
};
