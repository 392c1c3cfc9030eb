/**
 * bench:web's floor (docs/PERFORMANCE.md): the same graph as the app shows, drawn by bare
 * graphology + sigma 3 with sigma's defaults (plain nodes and lines, no reducers, no labels
 * settings, no app around it), so the bench can put the app's figures beside what sigma itself
 * costs on this machine. It reads `/api/graph` like the app, places nodes at seeded random
 * positions, and marks `floor:data-received` and `floor:first-frame` the way the app marks its own.
 * The bench builds it with Vite and serves it on the API's origin.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { z } from 'zod';

const GraphJson = z.object({
  nodes: z.array(z.object({ key: z.string() })),
  edges: z.array(z.object({ key: z.string(), source: z.string(), target: z.string() })),
});

/** The same PRNG as packages/analytics (mulberry32), so positions repeat run to run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const limit = new URLSearchParams(location.search).get('limit') ?? '50000';
  const response = await fetch(`/api/graph?limit=${encodeURIComponent(limit)}`);
  if (!response.ok) throw new Error(`floor: /api/graph answered ${response.status}`);
  const data = GraphJson.parse(await response.json());
  performance.mark('floor:data-received');
  const random = mulberry32(1);
  const graph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const node of data.nodes) {
    graph.addNode(node.key, { x: random() * 1000, y: random() * 1000, size: 3, color: '#6b7280' });
  }
  for (const edge of data.edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, { size: 1, color: '#cbd5e1' });
    }
  }
  const container = document.getElementById('graph');
  if (!container) throw new Error('floor: no #graph element');
  const sigma = new Sigma(graph, container);
  requestAnimationFrame(() => performance.mark('floor:first-frame'));
  Object.assign(window, { __floor: { graph, sigma } });
}

main().catch((error: unknown) => {
  Object.assign(window, { __floorError: error instanceof Error ? error.message : String(error) });
  throw error;
});
