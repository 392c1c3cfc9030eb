import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { forceLayoutSettings } from './forceSettings.js';

function graphOf(order: number): Graph {
  const graph = new Graph();
  for (let i = 0; i < order; i += 1) graph.addNode(String(i));
  return graph;
}

describe('forceLayoutSettings', () => {
  it('uses Barnes-Hut with Gephi’s θ = 1.2 above 1,000 nodes', () => {
    expect(forceLayoutSettings(graphOf(1_001))).toMatchObject({
      barnesHutOptimize: true,
      barnesHutTheta: 1.2,
      adjustSizes: false,
    });
  });

  it('computes every force exactly on small graphs, with graphology’s inferred slow-down', () => {
    const settings = forceLayoutSettings(graphOf(100));
    expect(settings.barnesHutOptimize).toBe(false);
    expect(settings.slowDown).toBeCloseTo(1 + Math.log(100), 6);
  });
});
