/**
 * The HTTP API on a real Neo4j holding the seed graph: every endpoint, bad input, injection
 * attempts, auth, stale versions and the OpenAPI document. Requests go through Fastify's
 * `inject`, the whole server minus the socket.
 */
import { apiConfig, buildApp } from '@innograph/api';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  ApiError,
  ChangesResponse,
  EntityRecord,
  EntityResponse,
  HealthResponse,
  ModelResponse,
  PathsResponse,
  RelationRecord,
  SearchResponse,
  SerializedGraph,
  StatsResponse,
} from '@innograph/model';
import { loadDataset, type Neo4jExecutor } from '@innograph/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EDITOR, editor, httpClient } from '../support/http.js';
import { databaseFingerprint, freshDatabase, testExecutor } from '../support/neo4j.js';

let executor: Neo4jExecutor;
let app: FastifyInstance;
let seed: {
  entities: { id: string; kind: string; name: { zh: string; en: string } }[];
  relations: { id: string; type: string; from: string; to: string }[];
};

const { get, send } = httpClient(() => app);

function firstOf<T>(items: T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`no ${what} in the seed`);
  return item;
}

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  const raw = await readDatasetFile(SEED_FILE);
  await loadDataset(executor, raw);
  seed = JSON.parse(JSON.stringify(raw));
  app = await buildApp({ executor, config: { ...apiConfig({}), editorToken: EDITOR, readToken: undefined } });
});

afterAll(async () => {
  await app.close();
  await executor.close();
});

describe('reading', () => {
  it('GET /api/health says both are up', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(HealthResponse.parse(body)).toMatchObject({ status: 'up', neo4j: 'up' });
  });

  it('GET /api/model lists the ontology with JSON schemas of attributes', async () => {
    const { status, body } = await get('/api/model');
    expect(status).toBe(200);
    const model = ModelResponse.parse(body);
    expect(model.entityKinds).toHaveLength(9);
    expect(model.relationKinds.find((r) => r.type === 'OPENS_TO')).toMatchObject({
      from: ['Lab', 'PilotBase'],
      to: ['PrivateFirm'],
    });
    expect(model.entityKinds.find((k) => k.kind === 'PrivateFirm')?.attributes).toHaveProperty(
      'properties.stage',
    );
  });

  it('GET /api/stats counts the seed', async () => {
    const { status, body } = await get('/api/stats');
    expect(status).toBe(200);
    const stats = StatsResponse.parse(body);
    expect(stats.entities).toBe(seed.entities.length);
    expect(stats.relations).toBe(seed.relations.length);
  });

  it('GET /api/entities searches names in both languages', async () => {
    const target = firstOf(
      seed.entities.filter((e) => e.kind === 'ChainLeader'),
      'chain leader',
    );
    const zh = SearchResponse.parse(
      (await get(`/api/entities?q=${encodeURIComponent(target.name.zh.slice(0, 2))}`)).body,
    );
    expect(zh.items.map((e) => e.id)).toContain(target.id);
    const word = target.name.en.split(' ')[0] ?? '';
    const en = SearchResponse.parse(
      (await get(`/api/entities?q=${encodeURIComponent(word.slice(0, 4).toLowerCase())}`)).body,
    );
    expect(en.items.map((e) => e.id)).toContain(target.id);
  });

  it('GET /api/entities filters by kind and pages with a cursor', async () => {
    const labs = seed.entities
      .filter((e) => e.kind === 'Lab')
      .map((e) => e.id)
      .sort();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/entities?kind=Lab&limit=5${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      const page = SearchResponse.parse((await get(url)).body);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual(labs);
  });

  it('GET /api/entities/:id groups relations by kind', async () => {
    const leader = firstOf(
      seed.entities.filter((e) => e.kind === 'ChainLeader'),
      'chain leader',
    );
    const { status, body } = await get(`/api/entities/${leader.id}`);
    expect(status).toBe(200);
    const page = EntityResponse.parse(body);
    const expected = seed.relations.filter((r) => r.from === leader.id || r.to === leader.id).length;
    const counted = Object.values(page.relationCounts).reduce((sum, n) => sum + n, 0);
    expect(counted).toBe(expected);
  });

  it('GET /api/graph returns a graphology graph, filtered and capped', async () => {
    const all = SerializedGraph.parse((await get('/api/graph?limit=50000')).body);
    expect(all.nodes).toHaveLength(seed.entities.length);
    expect(all.edges).toHaveLength(seed.relations.length);
    const opens = SerializedGraph.parse((await get('/api/graph?relations=OPENS_TO&status=active')).body);
    expect(
      opens.edges.every((e) => e.attributes.type === 'OPENS_TO' && e.attributes.status === 'active'),
    ).toBe(true);
    const capped = SerializedGraph.parse((await get('/api/graph?limit=10')).body);
    expect(capped.nodes).toHaveLength(10);
    expect(capped.attributes.truncated).toBe(true);
    const early = SerializedGraph.parse((await get('/api/graph?to=2019-12-31')).body);
    expect(early.edges.every((e) => String(e.attributes.since) <= '2019-12-31')).toBe(true);
  });

  it('GET /api/entities/:id/neighborhood expands up to three hops', async () => {
    const leader = firstOf(
      seed.entities.filter((e) => e.kind === 'ChainLeader'),
      'chain leader',
    );
    const one = SerializedGraph.parse((await get(`/api/entities/${leader.id}/neighborhood?depth=1`)).body);
    const two = SerializedGraph.parse((await get(`/api/entities/${leader.id}/neighborhood?depth=2`)).body);
    expect(one.nodes.length).toBeGreaterThan(1);
    expect(two.nodes.length).toBeGreaterThanOrEqual(one.nodes.length);
    expect((await get(`/api/entities/${leader.id}/neighborhood?depth=4`)).status).toBe(400);
  });

  it('GET /api/paths finds shortest paths and names missing ends', async () => {
    const supply = firstOf(
      seed.relations.filter((r) => r.type === 'SUPPLIES'),
      'supply',
    );
    const { status, body } = await get(`/api/paths?from=${supply.from}&to=${supply.to}`);
    expect(status).toBe(200);
    const result = PathsResponse.parse(body);
    expect(result.length).toBe(1);
    const missing = await get(`/api/paths?from=${supply.from}&to=nobody`);
    expect(missing.status).toBe(404);
    expect(ApiError.parse(missing.body).error.message).toContain("'nobody'");
  });

  it('answers 404 for unknown entities and routes', async () => {
    expect((await get('/api/entities/nobody-here')).status).toBe(404);
    expect((await get('/api/nothing')).status).toBe(404);
  });
});

describe('bad input', () => {
  it.each([
    ['/api/entities?limit=0', 'query.limit'],
    ['/api/entities?limit=abc', 'query.limit'],
    ['/api/entities?kind=Spaceport', 'query.kind'],
    ['/api/graph?relations=DROP', 'query.relations'],
    ['/api/graph?from=yesterday', 'query.from'],
    ['/api/entities/bad%20id', 'params.id'],
  ])('GET %s is a 400 naming %s', async (url, path) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    const paths = ApiError.parse(body).error.issues?.map((i) => i.path) ?? [];
    expect(paths.some((p) => p === path || p.startsWith(`${path}[`))).toBe(true);
  });

  const injections = [
    "x' OR 1=1 //",
    '") RETURN n //',
    'Lab`) DETACH DELETE n //',
    '*',
    'name:*',
    '\\',
    '~~',
    '"',
  ];

  it.each(injections)('treats %j as plain text in every string parameter', async (text) => {
    const before = await databaseFingerprint(executor);
    const q = encodeURIComponent(text);
    const search = await get(`/api/entities?q=${q}`);
    expect(search.status).toBe(200);
    SearchResponse.parse(search.body);
    for (const url of [
      `/api/entities?kind=${q}`,
      `/api/entities?chain=${q}`,
      `/api/entities?park=${q}`,
      `/api/entities?ownership=${q}`,
      `/api/entities?stage=${q}`,
      `/api/entities?cursor=${q}`,
      `/api/graph?kinds=${q}`,
      `/api/graph?relations=${q}`,
      `/api/graph?status=${q}`,
      `/api/graph?chain=${q}`,
      `/api/paths?from=${q}&to=${q}`,
      `/api/entities/${q}`,
      `/api/entities/${q}/neighborhood?relations=${q}`,
      `/api/changes?target=${q}&cursor=${q}`,
    ]) {
      const { status } = await get(url);
      expect([200, 400, 404], url).toContain(status);
    }
    expect(await databaseFingerprint(executor)).toBe(before);
  });
});

describe('editing', () => {
  const lab = {
    id: 'lab-api-test',
    kind: 'Lab',
    name: { zh: '接口测试实验室', en: 'API test lab' },
    attributes: { ownerType: 'university', openness: 'open', domains: ['testing'] },
  };

  it('refuses writes without a token (401) or with a wrong one (403), changing nothing', async () => {
    const before = await databaseFingerprint(executor);
    expect((await send('POST', '/api/entities', lab, {})).status).toBe(401);
    expect((await send('POST', '/api/entities', lab, { authorization: 'Bearer wrong' })).status).toBe(403);
    expect(await databaseFingerprint(executor)).toBe(before);
  });

  it('creates, updates with the version, and refuses a stale version with 409', async () => {
    const created = await send('POST', '/api/entities', lab);
    expect(created.status).toBe(201);
    const record = EntityRecord.parse(created.body);
    expect(record.version).toBe(1);

    const renamed = { ...lab, name: { zh: '接口测试实验室（新）', en: 'API test lab (new)' }, version: 1 };
    const updated = await send('PUT', `/api/entities/${lab.id}`, renamed);
    expect(updated.status).toBe(200);
    expect(EntityRecord.parse(updated.body).version).toBe(2);

    const before = await databaseFingerprint(executor);
    const stale = await send('PUT', `/api/entities/${lab.id}`, { ...renamed, name: lab.name, version: 1 });
    expect(stale.status).toBe(409);
    expect(ApiError.parse(stale.body).error.code).toBe('conflict');
    expect(await databaseFingerprint(executor)).toBe(before);
  });

  it('validates bodies against the model with the path of every invalid field', async () => {
    const { status, body } = await send('POST', '/api/entities', {
      ...lab,
      id: 'lab-bad',
      attributes: { ownerType: 'alien', openness: 'open' },
      name: { zh: '' },
    });
    expect(status).toBe(400);
    const paths = ApiError.parse(body).error.issues?.map((i) => i.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining(['body.attributes.ownerType', 'body.name.zh', 'body.name.en']),
    );
  });

  it('refuses a relation between kinds the model forbids', async () => {
    const firm = firstOf(
      seed.entities.filter((e) => e.kind === 'PrivateFirm'),
      'firm',
    );
    const { status, body } = await send('POST', '/api/relations', {
      id: 'rel-api-bad',
      type: 'OPENS_TO',
      from: firm.id,
      to: lab.id,
      since: '2025-01-01',
      evidence: { source: 'api test', confidence: 'assumed' },
    });
    expect(status).toBe(400);
    expect(ApiError.parse(body).error.issues?.[0]?.path).toBe('body.type');
  });

  it('creates and deletes relations; refuses to delete an entity with relations unless cascading', async () => {
    const firm = firstOf(
      seed.entities.filter((e) => e.kind === 'PrivateFirm'),
      'firm',
    );
    const relation = {
      id: 'rel-api-opens',
      type: 'OPENS_TO',
      from: lab.id,
      to: firm.id,
      since: '2025-06-01',
      status: 'planned',
      evidence: { source: 'api test', confidence: 'assumed' },
      attributes: { accessTypes: ['equipment'] },
    };
    const created = await send('POST', '/api/relations', relation);
    expect(created.status).toBe(201);
    expect(RelationRecord.parse(created.body).version).toBe(1);

    const refused = await send('DELETE', `/api/entities/${lab.id}?version=2`);
    expect(refused.status).toBe(409);
    const deleted = await send('DELETE', `/api/entities/${lab.id}?version=2&cascade=true`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: lab.id, relationsDeleted: 1 });
    expect((await get(`/api/entities/${lab.id}`)).status).toBe(404);
  });

  it('records every change with who, when, before and after', async () => {
    const { status, body } = await get(`/api/changes?target=${lab.id}`);
    expect(status).toBe(200);
    const changes = ChangesResponse.parse(body);
    expect(changes.items.map((c) => c.action)).toEqual(['delete', 'update', 'create']);
    expect(changes.items.every((c) => c.actor === 'editor')).toBe(true);
    expect(changes.items[1]?.before).toMatchObject({ name: lab.name });
  });

  it('refuses an oversized body with 413', async () => {
    const { status } = await send('POST', '/api/entities', { ...lab, description: 'x'.repeat(1_100_000) });
    expect(status).toBe(413);
  });
});

describe('read token', () => {
  it('guards reads when READ_TOKEN is set', async () => {
    const guarded = await buildApp({
      executor,
      config: { ...apiConfig({}), editorToken: EDITOR, readToken: 'reader' },
    });
    try {
      expect((await guarded.inject({ method: 'GET', url: '/api/stats' })).statusCode).toBe(401);
      expect(
        (
          await guarded.inject({
            method: 'GET',
            url: '/api/stats',
            headers: { authorization: 'Bearer nope' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await guarded.inject({
            method: 'GET',
            url: '/api/stats',
            headers: { authorization: 'Bearer reader' },
          })
        ).statusCode,
      ).toBe(200);
      expect((await guarded.inject({ method: 'GET', url: '/api/stats', headers: editor })).statusCode).toBe(
        200,
      );
    } finally {
      await guarded.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every route from the schemas', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    const doc = z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).parse(body);
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/model',
      '/api/entities',
      '/api/entities/{id}',
      '/api/entities/{id}/neighborhood',
      '/api/graph',
      '/api/paths',
      '/api/stats',
      '/api/relations',
      '/api/relations/{id}',
      '/api/changes',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
