/// <reference lib="webworker" />
/**
 * Measures and communities off the main thread: degree, PageRank, betweenness (sampled above the
 * analytics package's exact limit) and Louvain, on the entities and relations in view.
 */
import { computeMeasures } from '@innograph/analytics';
import { MultiDirectedGraph } from 'graphology';
import type { MeasuresRequest, MeasuresResponse } from '../graph/measures.js';

self.onmessage = (event: MessageEvent<MeasuresRequest>) => {
  const { id, nodes, edges } = event.data;
  const started = performance.now();
  try {
    const graph = new MultiDirectedGraph();
    for (const node of nodes) graph.addNode(node);
    for (const [source, target] of edges) graph.addDirectedEdge(source, target);
    const result = computeMeasures(graph, { seed: 1 });
    const response: MeasuresResponse = {
      id,
      ok: true,
      degree: result.degree,
      pagerank: result.pagerank,
      betweenness: result.betweenness,
      community: result.community,
      communityCount: result.communityCount,
      modularity: result.modularity,
      betweennessMode: result.betweennessMode,
      millis: performance.now() - started,
    };
    self.postMessage(response);
  } catch (error) {
    const response: MeasuresResponse = {
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
    self.postMessage(response);
  }
};
