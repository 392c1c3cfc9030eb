/**
 * A PNG of the view on screen as a slide: title band, the network drawn at 1–4× resolution by
 * `networkCanvas`, and the legend below, on the theme's background.
 */
import type Sigma from 'sigma';
import type { EdgeData, NodeData } from '../graph/graph.js';
import { type LegendItems, layoutLegend, TITLE_HEIGHT } from './legend.js';
import { networkCanvas } from './picture.js';

export interface SlideOptions {
  scale: number;
  title: string;
  legend: LegendItems | null;
  background: string;
  ink: string;
}

export async function slideCanvas(
  sigma: Sigma<NodeData, EdgeData>,
  options: SlideOptions,
): Promise<HTMLCanvasElement> {
  const scale = Math.min(4, Math.max(1, Math.round(options.scale)));
  const network = await networkCanvas(sigma, { scale, background: options.background });
  const { width, height } = sigma.getDimensions();
  const top = options.title.trim() === '' ? 0 : TITLE_HEIGHT;
  const legend = layoutLegend(options.legend, width, top + height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((top + height + legend.height) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('image export: this browser gives no 2D canvas');
  context.scale(scale, scale);
  context.fillStyle = options.background;
  context.fillRect(0, 0, width, top + height + legend.height);
  const font = sigma.getSettings().labelFont;
  context.fillStyle = options.ink;
  if (top > 0) {
    context.font = `bold 20px ${font}`;
    context.fillText(options.title.trim(), 16, 29);
  }
  context.drawImage(network, 0, top, width, height);
  context.font = `12px ${font}`;
  for (const { x, y, entry } of legend.entries) {
    context.fillStyle = entry.color;
    context.strokeStyle = entry.color;
    if (entry.line) {
      context.lineWidth = Math.max(1.5, entry.line.width);
      context.setLineDash(entry.line.dashed ? [5, 3] : []);
      context.beginPath();
      context.moveTo(x, y + 10);
      context.lineTo(x + 24, y + 10);
      context.stroke();
      context.setLineDash([]);
    } else {
      context.beginPath();
      context.arc(x + 8, y + 10, 6, 0, Math.PI * 2);
      context.fill();
    }
    context.fillStyle = options.ink;
    context.fillText(entry.label, x + 30, y + 14);
  }
  return canvas;
}

export function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('image export: the PNG could not be made'))),
      'image/png',
    ),
  );
}
