/// <reference lib="webworker" />
/**
 * Fetches `GET /api/graph`, parses it and checks it against the contract's `SerializedGraph` off
 * the main thread, and posts the checked graph to the page packed (`packGraph`; see
 * `graphOffThread` in `api.ts`).
 * One request per worker: the page ends the worker once it has the answer or gives up.
 */
import {
  ApiClient,
  type GraphFetchRequest,
  type GraphFetchResponse,
  type GraphFetchTiming,
  graphFetchFailure,
} from '../api.js';
import { packGraph } from '../graph/packed.js';

self.onmessage = async (event: MessageEvent<GraphFetchRequest>) => {
  const { base, token, query } = event.data;
  const client = new ApiClient({ base, token: () => token });
  let answer: GraphFetchResponse;
  let transfer: Transferable[] = [];
  try {
    const graph = await client.graphOnThread(query);
    const timing = {
      timeOrigin: performance.timeOrigin,
      request: lastGraphRequest(),
      checkedAt: performance.now(),
    };
    const { packed, transfer: buffers } = packGraph(graph);
    transfer = buffers;
    answer = { ok: true, graph: packed, timing };
  } catch (error) {
    answer = graphFetchFailure(error);
  }
  self.postMessage(answer, transfer);
};

/** The Resource Timing of this worker's `/api/graph` request. */
function lastGraphRequest(): GraphFetchTiming['request'] {
  const entries = performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
    .filter((entry) => new URL(entry.name).pathname.endsWith('/api/graph'));
  const entry = entries.at(-1);
  if (entry === undefined) return null;
  const { startTime, requestStart, responseStart, responseEnd, encodedBodySize } = entry;
  return { startTime, requestStart, responseStart, responseEnd, encodedBodySize };
}
