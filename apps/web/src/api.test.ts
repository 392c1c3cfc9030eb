import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiFailure, graphFetchFailure } from './api.js';

const graph = {
  options: { type: 'directed', multi: true, allowSelfLoops: false },
  attributes: { truncated: false, maxNodes: 50_000, nodeCount: 1, edgeCount: 0 },
  nodes: [{ key: 'cl-a', attributes: { kind: 'ChainLeader', nameZh: '甲', nameEn: 'A' } }],
  edges: [],
};

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('ApiClient.graph without a worker (as in the graph worker itself)', () => {
  it('asks GET /api/graph with the query and the token, and returns the checked graph', async () => {
    const fetch = answer(200, graph);
    vi.stubGlobal('fetch', fetch);
    const client = new ApiClient({ base: 'http://api.test', token: () => 'secret', graphWorker: false });
    await expect(client.graph({ limit: 50_000, kinds: ['Lab', 'Fund'] })).resolves.toEqual(graph);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://api.test/api/graph?limit=50000&kinds=Lab%2CFund');
    expect(init.headers).toMatchObject({ authorization: 'Bearer secret' });
  });

  it('names the field of an unexpected body', async () => {
    vi.stubGlobal('fetch', answer(200, { ...graph, nodes: [{ key: 3 }] }));
    const failure = await new ApiClient({ graphWorker: false }).graph().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).message).toMatch(/unexpected body \(nodes\.0\.key: /);
  });

  it('turns an error answer into an ApiFailure with its fields', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        error: {
          code: 'bad_request',
          message: 'bad query',
          issues: [{ path: 'query.limit', message: 'too big' }],
        },
      }),
    );
    const failure = await new ApiClient({ graphWorker: false }).graph().catch((error: unknown) => error);
    expect(failure).toMatchObject({
      status: 400,
      code: 'bad_request',
      fields: [{ path: 'limit', message: 'too big' }],
    });
  });
});

describe('graphFetchFailure: what the graph worker posts for an error', () => {
  it("keeps an ApiFailure's message, status, code and fields, so the page can rebuild it", () => {
    const failure = new ApiFailure('Neo4j is not answering', 503, 'unavailable', [
      { path: 'q', message: 'x' },
    ]);
    const posted = graphFetchFailure(failure);
    expect(posted).toEqual({
      ok: false,
      message: 'Neo4j is not answering',
      status: 503,
      code: 'unavailable',
      fields: [{ path: 'q', message: 'x' }],
    });
    // What the page receives is a structured clone: plain data only.
    expect(structuredClone(posted)).toEqual(posted);
  });

  it('says what any other error was', () => {
    expect(graphFetchFailure(new TypeError('out of memory'))).toMatchObject({
      ok: false,
      message: 'the graph could not be read: out of memory',
      status: 0,
      code: 'internal',
    });
  });
});
