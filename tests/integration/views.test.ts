/**
 * Saved views and presentations through the HTTP API on a real Neo4j holding the seed graph:
 * round trips with positions, theme and highlighted entities, versions, auth, bad bodies with
 * field paths, body limits, presentation steps that must name saved views, a view that a
 * presentation shows cannot be deleted, and saving never touches the ecosystem (neither its
 * content nor its revision, so the planner's cache is kept).
 */
import { apiConfig, buildApp } from '@innograph/api';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  API_LIMITS,
  ApiError,
  DeletedResponse,
  type PresentationCreateBody,
  PresentationSchema,
  PresentationsResponse,
  type SavedViewCreateBody,
  SavedViewSchema,
  SavedViewsResponse,
} from '@innograph/model';
import {
  graphRevision,
  loadDataset,
  type Neo4jExecutor,
  PRESENTATION_LABEL,
  SAVED_VIEW_LABEL,
} from '@innograph/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EDITOR, editor, httpClient, issuePaths } from '../support/http.js';
import { databaseFingerprint, freshDatabase, testExecutor } from '../support/neo4j.js';

let executor: Neo4jExecutor;
let app: FastifyInstance;
let entityIds: string[];
/** The ecosystem before any view was saved. */
let before: { fingerprint: string; revision: string };

const { get, send } = httpClient(() => app);

async function clearViews(): Promise<void> {
  await executor.runAutoCommit(`MATCH (n) WHERE n:${SAVED_VIEW_LABEL} OR n:${PRESENTATION_LABEL} DELETE n`);
}

async function storedCount(label: string): Promise<number> {
  const result = await executor.executeRead((tx) => tx.run(`MATCH (n:${label}) RETURN count(n) AS n`));
  return Number(result.records[0]?.get('n') ?? 0);
}

function entity(index: number): string {
  const id = entityIds[index];
  if (id === undefined) throw new Error(`the seed has no entity #${index}`);
  return id;
}

/** A view as the explorer would save it: projector theme, camera, highlights and positions. */
function viewBody(id: string, name = `View ${id}`): SavedViewCreateBody {
  return {
    id,
    name,
    description: 'for the district meeting',
    state: {
      language: 'en',
      theme: 'projector',
      layout: 'force',
      selected: entity(0),
      highlighted: [entity(1), entity(2)],
      camera: { x: 0.4, y: 0.6, ratio: 0.8, angle: 0 },
      filters: { hiddenKinds: ['Fund'], chain: null },
    },
    positions: { [entity(0)]: [1.5, -2], [entity(1)]: [0, 3.25], [entity(2)]: [-7, 0.5] },
  };
}

async function createView(id: string, name?: string) {
  const { status, body } = await send('POST', '/api/views', viewBody(id, name));
  expect(status, JSON.stringify(body)).toBe(201);
  return SavedViewSchema.parse(body);
}

async function createPresentation(body: PresentationCreateBody) {
  const created = await send('POST', '/api/presentations', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return PresentationSchema.parse(created.body);
}

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  await clearViews();
  const raw = await readDatasetFile(SEED_FILE);
  await loadDataset(executor, raw);
  const seed = z.object({ entities: z.array(z.object({ id: z.string() })) }).parse(raw);
  entityIds = seed.entities.map((e) => e.id);
  app = await buildApp({ executor, config: { ...apiConfig({}), editorToken: EDITOR, readToken: undefined } });
  before = { fingerprint: await databaseFingerprint(executor), revision: await graphRevision(executor) };
});

afterAll(async () => {
  if (executor !== undefined) await clearViews();
  await app?.close();
  await executor?.close();
});

describe('saved views', () => {
  it('round trip: create, read, list without positions, rename, delete', async () => {
    const view = await createView('v-round');
    expect(view).toMatchObject({ id: 'v-round', version: 1, description: 'for the district meeting' });
    expect(view.state).toMatchObject({
      theme: 'projector',
      highlighted: [entity(1), entity(2)],
      camera: { x: 0.4, y: 0.6, ratio: 0.8, angle: 0 },
      filters: { hiddenKinds: ['Fund'], hiddenRelations: [] },
      size: 'degree',
    });
    expect(view.positions[entity(1)]).toEqual([0, 3.25]);

    const read = await get('/api/views/v-round');
    expect(read.status).toBe(200);
    expect(SavedViewSchema.parse(read.body)).toEqual(view);

    const list = SavedViewsResponse.parse((await get('/api/views')).body);
    const summary = list.items.find((item) => item.id === 'v-round');
    expect(summary).toMatchObject({ name: view.name, positionCount: 3, version: 1 });
    expect(summary).not.toHaveProperty('positions');
    expect(list.truncated).toBe(false);

    const { id: _id, ...fields } = viewBody('v-round', 'Renamed');
    const renamed = await send('PUT', '/api/views/v-round', { ...fields, version: 1 });
    expect(renamed.status).toBe(200);
    expect(SavedViewSchema.parse(renamed.body)).toMatchObject({
      name: 'Renamed',
      version: 2,
      createdAt: view.createdAt,
      positions: view.positions,
    });

    const deleted = await send('DELETE', '/api/views/v-round?version=2');
    expect(deleted.status).toBe(200);
    expect(DeletedResponse.parse(deleted.body)).toEqual({ deleted: 'v-round' });
    expect((await get('/api/views/v-round')).status).toBe(404);
  });

  it('fills defaults, picks an id when none is given and lists the newest first', async () => {
    const first = await send('POST', '/api/views', { name: 'Defaults', state: {} });
    expect(first.status).toBe(201);
    const plain = SavedViewSchema.parse(first.body);
    expect(plain.id).toMatch(/^view-/);
    expect(plain).toMatchObject({ description: '', positions: {} });
    expect(plain.state).toMatchObject({ theme: 'light', language: 'zh', highlighted: [], camera: null });

    await createView('v-newer');
    const ids = SavedViewsResponse.parse((await get('/api/views')).body).items.map((item) => item.id);
    expect(ids.indexOf('v-newer')).toBeLessThan(ids.indexOf(plain.id));

    const taken = await send('POST', '/api/views', viewBody('v-newer'));
    expect(taken.status).toBe(409);
  });

  it('refuses a stale version with 409 and leaves the view as it was', async () => {
    const view = await createView('v-stale');
    const { id: _id, ...fields } = viewBody('v-stale', 'First edit');
    expect((await send('PUT', '/api/views/v-stale', { ...fields, version: 1 })).status).toBe(200);

    const stale = await send('PUT', '/api/views/v-stale', { ...fields, name: 'Lost edit', version: 1 });
    expect(stale.status).toBe(409);
    expect(ApiError.parse(stale.body).error.code).toBe('conflict');
    expect((await send('DELETE', '/api/views/v-stale?version=1')).status).toBe(409);

    const stored = SavedViewSchema.parse((await get('/api/views/v-stale')).body);
    expect(stored).toMatchObject({ name: 'First edit', version: 2, createdAt: view.createdAt });
  });

  it('needs the editor token to write (401 without, 403 with another), reads are open', async () => {
    const count = await storedCount(SAVED_VIEW_LABEL);
    expect((await send('POST', '/api/views', viewBody('v-anon'), {})).status).toBe(401);
    expect(
      (await send('POST', '/api/views', viewBody('v-anon'), { authorization: 'Bearer not-the-editor' }))
        .status,
    ).toBe(403);
    await createView('v-guarded');
    const { id: _id, ...fields } = viewBody('v-guarded', 'Hijacked');
    expect((await send('PUT', '/api/views/v-guarded', { ...fields, version: 1 }, {})).status).toBe(401);
    expect((await send('DELETE', '/api/views/v-guarded?version=1', undefined, {})).status).toBe(401);
    expect((await send('POST', '/api/presentations', { name: 'Anon' }, {})).status).toBe(401);

    expect(await storedCount(SAVED_VIEW_LABEL)).toBe(count + 1);
    expect(SavedViewSchema.parse((await get('/api/views/v-guarded')).body).name).toBe('View v-guarded');
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const count = await storedCount(SAVED_VIEW_LABEL);
    const good = viewBody('v-bad');
    const refused = async (body: unknown) => {
      const reply = await send('POST', '/api/views', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      return issuePaths(reply.body);
    };

    expect(
      await refused({ ...good, state: { ...good.state, camera: { x: 0, y: 0, ratio: 0, angle: 0 } } }),
    ).toEqual(['body.state.camera.ratio']);
    expect(await refused({ ...good, state: { ...good.state, theme: 'neon' } })).toEqual(['body.state.theme']);
    expect(await refused({ ...good, state: { ...good.state, highlighted: ['not an id'] } })).toEqual([
      'body.state.highlighted[0]',
    ]);
    expect(await refused({ ...good, name: '  ' })).toEqual(['body.name']);
    expect(await refused({ ...good, owner: 'someone' })).toEqual(['body']);

    const tooMany = Object.fromEntries(
      Array.from({ length: API_LIMITS.viewPositions + 1 }, (_, i) => [`e${i}`, [i, i]]),
    );
    expect(await refused({ ...good, positions: tooMany })).toEqual(['body.positions']);
    expect(await refused({ ...good, positions: { [entity(0)]: [1] } })).toEqual([
      `body.positions.${entity(0)}`,
    ]);

    const { id: _id, ...fields } = good;
    const noVersion = await send('PUT', '/api/views/v-bad', fields);
    expect(noVersion.status).toBe(400);
    expect(issuePaths(noVersion.body)).toEqual(['body.version']);
    expect(await storedCount(SAVED_VIEW_LABEL)).toBe(count);
  });

  it('answers 404 for a view that does not exist', async () => {
    const { id: _id, ...fields } = viewBody('v-none');
    expect((await get('/api/views/v-none')).status).toBe(404);
    expect((await send('PUT', '/api/views/v-none', { ...fields, version: 1 })).status).toBe(404);
    expect((await send('DELETE', '/api/views/v-none?version=1')).status).toBe(404);
    expect(ApiError.parse((await get('/api/views/v-none')).body).error.code).toBe('not_found');
  });

  it('takes bodies above the default limit up to API_LIMITS.viewBodyBytes, 413 above it', async () => {
    // 40,000 positions with long ids: about 3 MB, over the API's default 1 MB.
    const positions = Object.fromEntries(
      Array.from({ length: 40_000 }, (_, i) => [`entity-with-a-long-identifier-${i}`, [i * 0.5, -i * 0.25]]),
    );
    const large = { ...viewBody('v-large'), positions };
    expect(JSON.stringify(large).length).toBeGreaterThan(API_LIMITS.bodyBytes * 2);
    const created = await send('POST', '/api/views', large);
    expect(created.status).toBe(201);
    const stored = SavedViewSchema.parse((await get('/api/views/v-large')).body);
    expect(Object.keys(stored.positions)).toHaveLength(40_000);
    expect(stored.positions['entity-with-a-long-identifier-39999']).toEqual([19_999.5, -9_999.75]);
    const listed = SavedViewsResponse.parse((await get('/api/views')).body);
    expect(listed.items.find((item) => item.id === 'v-large')?.positionCount).toBe(40_000);

    const count = await storedCount(SAVED_VIEW_LABEL);
    const tooLarge = await send('POST', '/api/views', {
      ...viewBody('v-too-large'),
      description: 'x'.repeat(API_LIMITS.viewBodyBytes + 1),
    });
    expect(tooLarge.status).toBe(413);
    expect(ApiError.parse(tooLarge.body).error.code).toBe('payload_too_large');
    const { id: _id, ...fields } = viewBody('v-large');
    const tooLargeUpdate = await send('PUT', '/api/views/v-large', {
      ...fields,
      description: 'x'.repeat(API_LIMITS.viewBodyBytes + 1),
      version: 1,
    });
    expect(tooLargeUpdate.status).toBe(413);
    expect(await storedCount(SAVED_VIEW_LABEL)).toBe(count);
    // Presentations keep the default limit.
    const presentation = await send('POST', '/api/presentations', {
      name: 'Long',
      description: 'x'.repeat(API_LIMITS.bodyBytes + 1),
    });
    expect(presentation.status).toBe(413);
  });
});

describe('presentations', () => {
  it('round trip with steps that name saved views', async () => {
    await createView('p-one');
    await createView('p-two');
    const presentation = await createPresentation({
      id: 'pres-round',
      name: 'District tour',
      steps: [{ view: 'p-one', caption: 'The chain leaders' }, { view: 'p-two' }, { view: 'p-one' }],
    });
    expect(presentation).toMatchObject({ version: 1, description: '' });
    expect(presentation.steps).toEqual([
      { view: 'p-one', caption: 'The chain leaders' },
      { view: 'p-two', caption: '' },
      { view: 'p-one', caption: '' },
    ]);
    expect(PresentationSchema.parse((await get('/api/presentations/pres-round')).body)).toEqual(presentation);
    const list = PresentationsResponse.parse((await get('/api/presentations')).body);
    expect(list.items.find((item) => item.id === 'pres-round')).toEqual(presentation);

    const updated = await send('PUT', '/api/presentations/pres-round', {
      name: 'District tour (short)',
      steps: [{ view: 'p-two', caption: 'Only this' }],
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(PresentationSchema.parse(updated.body)).toMatchObject({ version: 2, steps: [{ view: 'p-two' }] });

    const stale = await send('PUT', '/api/presentations/pres-round', { name: 'Lost', version: 1 });
    expect(stale.status).toBe(409);
    expect((await send('DELETE', '/api/presentations/pres-round?version=1')).status).toBe(409);
    expect((await send('DELETE', '/api/presentations/pres-round?version=2')).status).toBe(200);
    expect((await get('/api/presentations/pres-round')).status).toBe(404);
    // Its views stay.
    expect((await get('/api/views/p-two')).status).toBe(200);
  });

  it('refuses steps whose view does not exist, naming each step, and stores nothing', async () => {
    await createView('p-real');
    const count = await storedCount(PRESENTATION_LABEL);
    const refused = await send('POST', '/api/presentations', {
      id: 'pres-bad',
      name: 'Broken',
      steps: [{ view: 'p-real' }, { view: 'p-real' }, { view: 'p-missing' }, { view: 'p-gone' }],
    });
    expect(refused.status).toBe(400);
    expect(issuePaths(refused.body)).toEqual(['body.steps[2].view', 'body.steps[3].view']);
    expect(ApiError.parse(refused.body).error.message).toContain("'p-missing'");
    expect(await storedCount(PRESENTATION_LABEL)).toBe(count);

    await createPresentation({ id: 'pres-fix', name: 'Fixable', steps: [{ view: 'p-real' }] });
    const badUpdate = await send('PUT', '/api/presentations/pres-fix', {
      name: 'Fixable',
      steps: [{ view: 'p-missing' }],
      version: 1,
    });
    expect(badUpdate.status).toBe(400);
    expect(issuePaths(badUpdate.body)).toEqual(['body.steps[0].view']);
    expect(PresentationSchema.parse((await get('/api/presentations/pres-fix')).body).version).toBe(1);

    const badShape = await send('POST', '/api/presentations', { name: 'x', steps: [{ view: 'bad id' }] });
    expect(badShape.status).toBe(400);
    expect(issuePaths(badShape.body)).toEqual(['body.steps[0].view']);
    const tooMany = await send('POST', '/api/presentations', {
      name: 'x',
      steps: Array.from({ length: API_LIMITS.presentationSteps + 1 }, () => ({ view: 'p-real' })),
    });
    expect(tooMany.status).toBe(400);
    expect(issuePaths(tooMany.body)).toEqual(['body.steps']);
    expect((await get('/api/presentations/pres-none')).status).toBe(404);
    expect((await send('PUT', '/api/presentations/pres-none', { name: 'x', version: 1 })).status).toBe(404);
    expect((await send('DELETE', '/api/presentations/pres-none?version=1')).status).toBe(404);
  });

  it('refuses to delete a view that presentations show (409 naming each step) until the steps go', async () => {
    const view = await createView('d-shown');
    await createView('d-other');
    await createPresentation({
      id: 'pres-a',
      name: 'A',
      steps: [{ view: 'd-other' }, { view: 'd-shown' }, { view: 'd-shown' }],
    });
    const b = await createPresentation({ id: 'pres-b', name: 'B', steps: [{ view: 'd-shown' }] });

    const refused = await send('DELETE', `/api/views/d-shown?version=${view.version}`);
    expect(refused.status).toBe(409);
    const error = ApiError.parse(refused.body).error;
    expect(error.code).toBe('conflict');
    expect(error.message).toContain("'pres-a', 'pres-b'");
    expect(issuePaths(refused.body)).toEqual([
      'presentations.pres-a.steps[1].view',
      'presentations.pres-a.steps[2].view',
      'presentations.pres-b.steps[0].view',
    ]);
    expect((await get('/api/views/d-shown')).status).toBe(200);

    // Take it out of B and delete A: then the view can go.
    const emptied = await send('PUT', '/api/presentations/pres-b', {
      name: 'B',
      steps: [],
      version: b.version,
    });
    expect(emptied.status).toBe(200);
    expect((await send('DELETE', '/api/presentations/pres-a?version=1')).status).toBe(200);
    expect((await send('DELETE', `/api/views/d-shown?version=${view.version}`)).status).toBe(200);
    expect((await get('/api/views/d-shown')).status).toBe(404);
  });
});

describe('apart from the ecosystem', () => {
  it('saving, updating and deleting views and presentations leaves the graph and its revision alone', async () => {
    const fingerprint = await databaseFingerprint(executor);
    const revision = await graphRevision(executor);
    const view = await createView('eco-view');
    const { id: _id, ...fields } = viewBody('eco-view', 'Eco, renamed');
    expect((await send('PUT', '/api/views/eco-view', { ...fields, version: view.version })).status).toBe(200);
    const presentation = await createPresentation({ name: 'Eco', steps: [{ view: 'eco-view' }] });
    expect(
      (await send('DELETE', `/api/presentations/${presentation.id}?version=${presentation.version}`)).status,
    ).toBe(200);
    expect((await send('DELETE', '/api/views/eco-view?version=2')).status).toBe(200);

    expect(await graphRevision(executor)).toBe(revision);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
    // And over the whole suite, with all its refusals.
    expect(await graphRevision(executor)).toBe(before.revision);
    expect(await databaseFingerprint(executor)).toBe(before.fingerprint);
  });

  it('guards reads with READ_TOKEN like every other read', async () => {
    const guarded = await buildApp({
      executor,
      config: { ...apiConfig({}), editorToken: EDITOR, readToken: 'reader' },
    });
    try {
      const read = (url: string, headers: Record<string, string> = {}) =>
        guarded.inject({ method: 'GET', url, headers }).then((reply) => reply.statusCode);
      expect(await read('/api/views')).toBe(401);
      expect(await read('/api/presentations')).toBe(401);
      expect(await read('/api/views', { authorization: 'Bearer reader' })).toBe(200);
      expect(await read('/api/presentations', editor)).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = z
      .object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
      .parse((await get('/api/openapi.json')).body);
    expect(Object.keys(doc.paths['/api/views'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/views/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(doc.paths['/api/presentations'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/presentations/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'put']);
  });
});
