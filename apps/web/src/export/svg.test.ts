import { describe, expect, it } from 'vitest';
import { escapeXml, type Scene, svgDocument } from './svg.js';

const scene: Scene = {
  width: 400,
  height: 300,
  background: '#ffffff',
  font: 'Noto Sans CJK SC, sans-serif',
  labelSize: 12,
  labelColor: '#000000',
  labelWeight: 'normal',
  edges: [
    { x1: 10, y1: 10, x2: 100, y2: 100, color: '#009E73', width: 2.6, dashed: false, arrow: true },
    {
      x1: 10,
      y1: 10,
      x2: 100,
      y2: 100,
      cx: 80,
      cy: 20,
      color: 'rgba(150, 150, 150, 0.22)',
      width: 1,
      dashed: true,
      arrow: false,
    },
  ],
  nodes: [
    { x: 10, y: 10, r: 6, color: '#882255' },
    { x: 100, y: 100, r: 4, color: '#44AA99' },
  ],
  labels: [{ x: 19, y: 14, text: '长安 & <Changan>' }],
};

describe('svgDocument', () => {
  const svg = svgDocument(scene, {
    title: 'NEV chain',
    legend: {
      nodes: [{ label: '链主企业', color: '#882255' }],
      edges: [{ label: 'Opens to', color: '#009E73', line: { dashed: false, arrow: true, width: 2.6 } }],
    },
  });

  it('draws every relation, entity and label in its own group', () => {
    expect(svg.match(/<path d="M[^"]*" stroke=/g)).toHaveLength(2);
    expect(svg.match(/<circle cx/g)).toHaveLength(2 + 1); // two entities, one legend swatch
    expect(svg).toContain('<g id="relations"');
    expect(svg).toContain('<g id="entities"');
    expect(svg).toContain('>长安 &amp; &lt;Changan&gt;</text>');
  });

  it('draws curves as quadratic paths, dashes planned ones and splits rgba into colour and opacity', () => {
    expect(svg).toContain(
      'd="M10,10 Q80,20 100,100" stroke="rgb(150,150,150)" stroke-width="1" stroke-opacity="0.22" stroke-dasharray="3 2"',
    );
  });

  it('gives arrows a marker in their colour', () => {
    expect(svg).toContain('<marker id="arrow-0"');
    expect(svg).toContain('marker-end="url(#arrow-0)"');
  });

  it('puts the title above and the legend below the network', () => {
    expect(svg).toContain('<text id="title" x="16" y="29"');
    expect(svg).toContain('<g id="network" transform="translate(0 44)">');
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    expect(height).toBeGreaterThan(44 + 300 + 40);
    expect(svg).toContain('>链主企业</text>');
  });

  it('escapes every XML special character and drops control characters', () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
});
