/**
 * The view on screen as an SVG document that opens in a vector editor (Inkscape, Illustrator):
 * relations, entities and the labels sigma shows, each in its own named group, with the title
 * and the legend. `sceneOf` reads what sigma draws (positions on screen, sizes, colours after
 * the reducers); `svgDocument` is pure and writes the text.
 */
import type Sigma from 'sigma';
import type { EdgeData, NodeData } from '../graph/graph.js';
import { labelsDrawn } from '../graph/labels.js';
import { type LegendItems, layoutLegend, TITLE_HEIGHT } from './legend.js';

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Control point of a curved relation. */
  cx?: number;
  cy?: number;
  color: string;
  width: number;
  dashed: boolean;
  arrow: boolean;
}

export interface SceneNode {
  x: number;
  y: number;
  r: number;
  color: string;
}

export interface SceneLabel {
  x: number;
  y: number;
  text: string;
}

export interface Scene {
  width: number;
  height: number;
  background: string;
  font: string;
  labelSize: number;
  labelColor: string;
  labelWeight: string;
  edges: SceneEdge[];
  nodes: SceneNode[];
  labels: SceneLabel[];
}

const n = (value: number) => (Math.round(value * 100) / 100).toString();

const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}]`,
  'g',
);

export function escapeXml(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
      // XML 1.0 has no place for C0 control characters other than tab and line ends.
      .replace(CONTROL, '')
  );
}

/** An rgba() colour as SVG wants it: the rgb part and its opacity apart. */
function paint(color: string): { color: string; opacity: string | null } {
  const match = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/.exec(color);
  if (!match) return { color, opacity: null };
  return { color: `rgb(${match[1]},${match[2]},${match[3]})`, opacity: match[4] ?? null };
}

/** What sigma draws now, in screen pixels. */
export function sceneOf(
  sigma: Sigma<NodeData, EdgeData>,
  style: { background: string; labelColor: string },
): Scene {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const screen = new Map<string, { x: number; y: number; r: number }>();
  const nodes: SceneNode[] = [];
  const order: { node: string; z: number }[] = [];
  graph.forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = sigma.framedGraphToViewport({ x: data.x, y: data.y });
    const r = sigma.scaleSize(data.size);
    screen.set(node, { x: p.x, y: p.y, r });
    order.push({ node, z: data.zIndex ?? 0 });
  });
  order.sort((a, b) => a.z - b.z);
  for (const { node } of order) {
    const data = sigma.getNodeDisplayData(node);
    const p = screen.get(node);
    if (data && p) nodes.push({ x: p.x, y: p.y, r: p.r, color: data.color });
  }
  const edges: (SceneEdge & { z: number })[] = [];
  graph.forEachEdge((edge, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    const a = screen.get(source);
    const b = screen.get(target);
    if (!data || data.hidden || !a || !b) return;
    const type = data.type ?? 'line';
    const out: SceneEdge & { z: number } = {
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      color: data.color,
      width: type === 'hairline' ? 1 : Math.max(0.5, sigma.scaleSize(data.size)),
      dashed: type.startsWith('dashed'),
      arrow: /arrow/i.test(type),
      z: data.zIndex ?? 0,
    };
    const curvature = (data as { curvature?: number }).curvature;
    if (typeof curvature === 'number' && curvature !== 0) {
      // @sigma/edge-curve's control point: the middle, pushed out along the normal.
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      out.cx = (a.x + b.x) / 2 + dy * curvature;
      out.cy = (a.y + b.y) / 2 - dx * curvature;
    }
    if (out.arrow) {
      // The head ends at the target's rim, as on screen.
      const fromX = out.cx ?? a.x;
      const fromY = out.cy ?? a.y;
      const length = Math.hypot(b.x - fromX, b.y - fromY);
      if (length > b.r) {
        out.x2 = b.x - ((b.x - fromX) / length) * b.r;
        out.y2 = b.y - ((b.y - fromY) / length) * b.r;
      }
    }
    edges.push(out);
  });
  edges.sort((a, b) => a.z - b.z);
  const labels: SceneLabel[] = [];
  for (const node of labelsDrawn(sigma)) {
    const data = sigma.getNodeDisplayData(node);
    const p = screen.get(node);
    if (!data || !p || typeof data.label !== 'string' || data.label === '') continue;
    labels.push({ x: p.x + p.r + 3, y: p.y + settings.labelSize / 3, text: data.label });
  }
  return {
    width,
    height,
    background: style.background,
    font: settings.labelFont,
    labelSize: settings.labelSize,
    labelColor: style.labelColor,
    labelWeight: settings.labelWeight,
    edges: edges.map(({ z: _z, ...edge }) => edge),
    nodes,
    labels,
  };
}

/** The whole document: title band, the network, the legend below. */
export function svgDocument(
  scene: Scene,
  options: { title?: string; legend?: LegendItems | null } = {},
): string {
  const title = options.title?.trim() ?? '';
  const legend = options.legend ?? null;
  const top = title === '' ? 0 : TITLE_HEIGHT;
  const placed = layoutLegend(legend, scene.width, top + scene.height);
  const height = top + scene.height + placed.height;
  const font = escapeXml(scene.font);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width)}" height="${n(height)}" viewBox="0 0 ${n(scene.width)} ${n(height)}" font-family="${font}">`,
  );
  const colors = [...new Set(scene.edges.filter((e) => e.arrow).map((e) => e.color))];
  if (colors.length > 0) {
    out.push('<defs>');
    colors.forEach((color, i) => {
      const { color: fill, opacity } = paint(color);
      out.push(
        `<marker id="arrow-${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse" markerUnits="strokeWidth"><path d="M0,0 L10,5 L0,10 z" fill="${escapeXml(fill)}"${opacity ? ` fill-opacity="${opacity}"` : ''}/></marker>`,
      );
    });
    out.push('</defs>');
  }
  out.push(`<rect id="background" width="100%" height="100%" fill="${escapeXml(scene.background)}"/>`);
  if (title !== '') {
    out.push(
      `<text id="title" x="16" y="29" font-size="20" font-weight="bold" fill="${escapeXml(scene.labelColor)}">${escapeXml(title)}</text>`,
    );
  }
  out.push(`<g id="network" transform="translate(0 ${top})">`);
  out.push('<g id="relations" fill="none" stroke-linecap="round">');
  for (const e of scene.edges) {
    const { color, opacity } = paint(e.color);
    const d =
      e.cx !== undefined && e.cy !== undefined
        ? `M${n(e.x1)},${n(e.y1)} Q${n(e.cx)},${n(e.cy)} ${n(e.x2)},${n(e.y2)}`
        : `M${n(e.x1)},${n(e.y1)} L${n(e.x2)},${n(e.y2)}`;
    const marker = e.arrow ? ` marker-end="url(#arrow-${colors.indexOf(e.color)})"` : '';
    out.push(
      `<path d="${d}" stroke="${escapeXml(color)}" stroke-width="${n(e.width)}"${opacity ? ` stroke-opacity="${opacity}"` : ''}${e.dashed ? ` stroke-dasharray="${n(e.width * 3)} ${n(e.width * 2)}"` : ''}${marker}/>`,
    );
  }
  out.push('</g>');
  out.push('<g id="entities" stroke="#ffffff" stroke-width="0.5">');
  for (const node of scene.nodes) {
    out.push(
      `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.r)}" fill="${escapeXml(node.color)}"/>`,
    );
  }
  out.push('</g>');
  out.push(
    `<g id="labels" font-size="${n(scene.labelSize)}" font-weight="${escapeXml(scene.labelWeight)}" fill="${escapeXml(scene.labelColor)}">`,
  );
  for (const label of scene.labels) {
    out.push(`<text x="${n(label.x)}" y="${n(label.y)}">${escapeXml(label.text)}</text>`);
  }
  out.push('</g>');
  out.push('</g>');
  if (placed.entries.length > 0) {
    out.push(`<g id="legend" font-size="12" fill="${escapeXml(scene.labelColor)}">`);
    for (const { x, y, entry } of placed.entries) {
      const { color, opacity } = paint(entry.color);
      const swatch = entry.line
        ? `<line x1="${x}" y1="${y + 10}" x2="${x + 24}" y2="${y + 10}" stroke="${escapeXml(color)}" stroke-width="${n(Math.max(1.5, entry.line.width))}"${opacity ? ` stroke-opacity="${opacity}"` : ''}${entry.line.dashed ? ' stroke-dasharray="5 3"' : ''}/>`
        : `<circle cx="${x + 8}" cy="${y + 10}" r="6" fill="${escapeXml(color)}"/>`;
      out.push(`${swatch}<text x="${x + 30}" y="${y + 14}">${escapeXml(entry.label)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
