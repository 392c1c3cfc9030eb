/**
 * The planner's endpoints on a real Neo4j holding the seed graph: gaps, indicators, suggestions,
 * scenario CRUD, evaluation (which must leave the database exactly as it was), and applying (one
 * transaction, logged, refused with 409 when the scenario's base changed).
 */
import { apiConfig, buildApp } from '@innograph/api';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  ApiError,
  ChangesResponse,
  EntityResponse,
  GAP_TYPE_NAMES,
  GapsResponse,
  IndicatorsResponse,
  type RelationRecord,
  ScenarioApplyResponse,
  ScenarioEvaluation,
  ScenarioSchema,
  ScenariosResponse,
  SerializedGraph,
  SuggestionsResponse,
} from '@innograph/model';
import { ecosystemGraph, loadDataset, type Neo4jExecutor, SCENARIO_LABEL } from '@innograph/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, editor, httpClient, issuePaths } from '../support/http.js';
import { databaseFingerprint, freshDatabase, testExecutor } from '../support/neo4j.js';

const EVIDENCE = { source: 'planning test', confidence: 'assumed' as const };

let executor: Neo4jExecutor;
let app: FastifyInstance;
let seed: {
  entities: { id: string; kind: string; attributes: Record<string, unknown> }[];
  relations: { id: string; type: string; from: string; to: string; status?: string }[];
};

const { get, send } = httpClient(() => app);

function pick<T>(items: T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`no ${what} in the seed`);
  return item;
}

async function scenarioCount(): Promise<number> {
  const result = await executor.executeRead((tx) =>
    tx.run(`MATCH (s:${SCENARIO_LABEL}) RETURN count(s) AS n`),
  );
  return Number(result.records[0]?.get('n') ?? 0);
}

const labs = () => seed.entities.filter((e) => e.kind === 'Lab' || e.kind === 'PilotBase');
const relationsOf = (type: string, status = 'active') =>
  seed.relations.filter((r) => r.type === type && (r.status ?? 'active') === status);

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  await executor.runAutoCommit(`MATCH (s:${SCENARIO_LABEL}) DELETE s`);
  const raw = await readDatasetFile(SEED_FILE);
  await loadDataset(executor, raw);
  seed = JSON.parse(JSON.stringify(raw));
  app = await buildApp({ executor, config: { ...apiConfig({}), editorToken: EDITOR, readToken: undefined } });
});

afterAll(async () => {
  await app?.close();
  await executor?.close();
});

describe('ecosystemGraph', () => {
  it('reads every entity and relation with the attributes analytics needs', async () => {
    const { graph, revision } = await ecosystemGraph(executor);
    expect(graph.order).toBe(seed.entities.length);
    expect(graph.size).toBe(seed.relations.length);
    expect(revision).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const lab = pick(labs(), 'lab');
    expect(graph.getNodeAttributes(lab.id)).toMatchObject({
      kind: lab.kind,
      openness: lab.attributes.openness,
    });
    const opening = pick(relationsOf('OPENS_TO', 'planned'), 'planned opening');
    expect(graph.getEdgeAttributes(opening.id)).toMatchObject({ type: 'OPENS_TO', status: 'planned' });
    expect(graph.source(opening.id)).toBe(opening.from);
  });
});

describe('gaps, indicators and suggestions', () => {
  it('GET /api/gaps returns every gap up to the limit, counts per type and truncated', async () => {
    const all = GapsResponse.parse((await get('/api/gaps?limit=100000')).body);
    expect(all.truncated).toBe(false);
    expect(all.items).toHaveLength(all.total);
    expect(Object.keys(all.counts).sort()).toEqual([...GAP_TYPE_NAMES].sort());
    expect(Object.values(all.counts).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.counts.access).toBeGreaterThan(0);
    const severities = all.items.map((item) => item.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));

    const one = GapsResponse.parse((await get('/api/gaps?limit=1')).body);
    expect(one).toMatchObject({ truncated: true, limit: 1, total: all.total, counts: all.counts });
    expect(one.items).toEqual(all.items.slice(0, 1));

    const some = GapsResponse.parse((await get('/api/gaps?type=access,capital&chain=chain-nev')).body);
    expect(new Set(some.items.map((item) => item.type))).toEqual(new Set(['access', 'capital']));
    expect(some.counts.pairing).toBe(0);
    expect(some.counts.access).toBeLessThanOrEqual(all.counts.access);
  });

  it('GET /api/gaps refuses bad input with field paths', async () => {
    const badType = await get('/api/gaps?type=access,nonsense');
    expect(badType.status).toBe(400);
    expect(issuePaths(badType.body).some((path) => path.startsWith('query.type'))).toBe(true);
    const badLimit = await get('/api/gaps?limit=100001');
    expect(badLimit.status).toBe(400);
    expect(issuePaths(badLimit.body)).toEqual(['query.limit']);
    const badChain = await get('/api/gaps?chain=pf-sw-004');
    expect(badChain.status).toBe(400);
    expect(issuePaths(badChain.body)).toEqual(['query.chain']);
  });

  it('GET /api/indicators gives shares overall and per chain, with or without the network', async () => {
    const full = IndicatorsResponse.parse((await get('/api/indicators')).body);
    expect(full.chains.map((c) => c.chain).sort()).toEqual(['chain-equipment', 'chain-nev']);
    expect(full.network?.brokers.length).toBeGreaterThan(0);
    const access = full.overall.shares.privateFirmsWithAccess;
    const gaps = GapsResponse.parse((await get('/api/gaps?type=access&limit=1')).body);
    expect(access.denominator - access.numerator).toBe(gaps.counts.access);

    const lean = IndicatorsResponse.parse((await get('/api/indicators?chain=chain-nev&network=false')).body);
    expect(lean.network).toBeNull();
    expect(lean.chains.map((c) => c.chain)).toEqual(['chain-nev']);
    expect((await get('/api/indicators?network=maybe')).status).toBe(400);
  });

  it('GET /api/suggestions ranks suggestions of a type, cut at the limit', async () => {
    const page = SuggestionsResponse.parse((await get('/api/suggestions?type=OPENS_TO&limit=3')).body);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(3);
    expect(page.items.every((s) => s.type === 'OPENS_TO' && s.closes === 'access')).toBe(true);
    const chain = SuggestionsResponse.parse((await get('/api/suggestions?chain=chain-equipment')).body);
    expect(chain.limit).toBe(50);
    const bad = await get('/api/suggestions?type=SUPPLIES');
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual(['query.type']);
  });
});

describe('scenarios', () => {
  const opening = (id: string, from: string, to: string, status: 'planned' | 'active' = 'planned') => ({
    op: 'addRelation' as const,
    relation: { id, type: 'OPENS_TO', from, to, status, since: '2026-06-01', evidence: EVIDENCE },
    owner: 'Park office',
  });

  it('creates, lists, reads, updates and deletes, with versions and the editor token', async () => {
    const lab = pick(labs(), 'lab');
    const body = {
      name: 'Open the labs',
      changes: [{ op: 'setOpenness', entity: lab.id, openness: 'open' }],
    };
    expect((await send('POST', '/api/scenarios', body, {})).status).toBe(401);
    expect((await send('POST', '/api/scenarios', body, { authorization: 'Bearer wrong' })).status).toBe(403);

    const created = await send('POST', '/api/scenarios', { ...body, id: 'sc-crud', owner: 'Chain office' });
    expect(created.status).toBe(201);
    const scenario = ScenarioSchema.parse(created.body);
    expect(scenario).toMatchObject({
      id: 'sc-crud',
      status: 'draft',
      version: 1,
      description: '',
      owner: 'Chain office',
    });
    expect(scenario.baseVersions).toEqual({ entities: { [lab.id]: 1 }, relations: {} });
    expect((await send('POST', '/api/scenarios', { ...body, id: 'sc-crud' })).status).toBe(409);

    const list = ScenariosResponse.parse((await get('/api/scenarios')).body);
    expect(list.items.map((s) => s.id)).toContain('sc-crud');
    expect(ScenarioSchema.parse((await get('/api/scenarios/sc-crud')).body)).toEqual(scenario);
    expect((await get('/api/scenarios/sc-none')).status).toBe(404);

    const removal = pick(relationsOf('OPENS_TO'), 'opening');
    const update = {
      name: 'Open the labs, drop one tie',
      description: 'what if',
      changes: [...body.changes, { op: 'removeRelation', id: removal.id }],
    };
    expect((await send('PUT', '/api/scenarios/sc-crud', { ...update, version: 1 }, {})).status).toBe(401);
    const updated = ScenarioSchema.parse(
      (await send('PUT', '/api/scenarios/sc-crud', { ...update, version: 1 })).body,
    );
    expect(updated.version).toBe(2);
    expect(updated.baseVersions).toEqual({ entities: { [lab.id]: 1 }, relations: { [removal.id]: 1 } });
    const stale = await send('PUT', '/api/scenarios/sc-crud', { ...update, version: 1 });
    expect(stale.status).toBe(409);

    expect((await send('DELETE', '/api/scenarios/sc-crud?version=1')).status).toBe(409);
    expect((await send('DELETE', '/api/scenarios/sc-crud?version=2', undefined, {})).status).toBe(401);
    expect((await send('DELETE', '/api/scenarios/sc-crud?version=2')).status).toBe(200);
    expect((await get('/api/scenarios/sc-crud')).status).toBe(404);
  });

  it('refuses bad scenarios with a path per field, and stores nothing', async () => {
    const before = await scenarioCount();
    const firm = pick(
      seed.entities.filter((e) => e.kind === 'PrivateFirm'),
      'firm',
    );
    const lab = pick(labs(), 'lab');
    const existing = pick(relationsOf('OPENS_TO'), 'opening');
    const structural = await send('POST', '/api/scenarios', {
      name: '',
      changes: [{ op: 'openEverything' }, { op: 'setRelationStatus', id: existing.id, status: 'maybe' }],
    });
    expect(structural.status).toBe(400);
    const paths = issuePaths(structural.body);
    expect(paths).toContain('body.name');
    expect(paths.some((path) => path.startsWith('body.changes[0]'))).toBe(true);
    expect(paths.some((path) => path.startsWith('body.changes[1]'))).toBe(true);

    const graphwise = await send('POST', '/api/scenarios', {
      name: 'Does not fit the graph',
      changes: [
        opening('r-plan-bad-1', lab.id, 'pf-none'),
        opening(existing.id, lab.id, firm.id),
        { op: 'removeRelation', id: 'no-such-relation' },
        { op: 'setOpenness', entity: firm.id, openness: 'open' },
        { ...opening('r-plan-bad-2', firm.id, lab.id) },
      ],
    });
    expect(graphwise.status).toBe(400);
    expect(issuePaths(graphwise.body)).toEqual([
      'body.changes[0].relation.to',
      'body.changes[1].relation.id',
      'body.changes[2].id',
      'body.changes[3].entity',
      'body.changes[4].relation.type',
    ]);
    expect(await scenarioCount()).toBe(before);
  });

  it('evaluation shows figures before and after and leaves the database unchanged', async () => {
    const gaps = GapsResponse.parse((await get('/api/gaps?type=access&limit=100000')).body);
    const firm = pick(gaps.items, 'access gap').entity;
    const lab = pick(labs(), 'lab');
    const created = ScenarioSchema.parse(
      (
        await send('POST', '/api/scenarios', {
          id: 'sc-eval',
          name: 'Open a lab to a firm',
          changes: [
            opening('r-eval-1', lab.id, firm, 'active'),
            { op: 'setOpenness', entity: lab.id, openness: 'open' },
          ],
        })
      ).body,
    );
    const fingerprint = await databaseFingerprint(executor);
    const changes = ChangesResponse.parse((await get('/api/changes?limit=5')).body);

    const response = await get('/api/scenarios/sc-eval/evaluation');
    expect(response.status).toBe(200);
    const evaluation = ScenarioEvaluation.parse(response.body);
    expect(evaluation.scenario).toEqual({ id: 'sc-eval', version: created.version });
    expect(evaluation.changesApplied).toBe(2);
    expect(evaluation.problems).toEqual([]);
    expect(evaluation.before.gapCounts.access).toBe(gaps.counts.access);
    expect(evaluation.after.gapCounts.access).toBe(gaps.counts.access - 1);
    expect(evaluation.after.indicators.overall.shares.privateFirmsWithAccess.numerator).toBe(
      evaluation.before.indicators.overall.shares.privateFirmsWithAccess.numerator + 1,
    );
    expect(evaluation.before.indicators.network).toBeNull();

    const withNetwork = ScenarioEvaluation.parse(
      (await get('/api/scenarios/sc-eval/evaluation?network=true&chain=chain-nev')).body,
    );
    expect(withNetwork.after.indicators.network).not.toBeNull();
    expect(withNetwork.after.indicators.chains.map((c) => c.chain)).toEqual(['chain-nev']);

    expect(await databaseFingerprint(executor)).toBe(fingerprint);
    expect(ChangesResponse.parse((await get('/api/changes?limit=5')).body)).toEqual(changes);
    expect((await get('/api/scenarios/sc-none/evaluation')).status).toBe(404);
    expect((await get('/api/scenarios/sc-eval/evaluation?chain=nope')).status).toBe(400);
  });

  it('applies every change in one transaction, logged with the actor; accepted suggestions show as planned', async () => {
    const suggestion = pick(
      SuggestionsResponse.parse((await get('/api/suggestions?type=OPENS_TO&limit=1')).body).items,
      'suggestion',
    );
    const planned = pick(relationsOf('OPENS_TO', 'planned'), 'planned opening');
    const removed = pick(relationsOf('INVESTS_IN'), 'investment');
    const lab = labs().find((l) => l.attributes.openness === 'closed');
    if (lab === undefined) throw new Error('no closed lab in the seed');
    const body = {
      id: 'sc-apply',
      name: 'Accept a suggestion and more',
      owner: 'Chain office',
      changes: [
        {
          op: 'addRelation',
          relation: {
            id: 'r-accepted',
            type: suggestion.type,
            from: suggestion.from,
            to: suggestion.to,
            status: 'planned',
            since: '2026-07-01',
            evidence: EVIDENCE,
          },
          owner: 'Lab director',
          note: 'accepted from the suggestions',
          fromSuggestion: { score: suggestion.score, closes: suggestion.closes },
        },
        { op: 'setRelationStatus', id: planned.id, status: 'active' },
        { op: 'removeRelation', id: removed.id },
        { op: 'setOpenness', entity: lab.id, openness: 'open' },
      ],
    };
    const scenario = ScenarioSchema.parse((await send('POST', '/api/scenarios', body)).body);
    expect(scenario.baseVersions.relations).toEqual({
      'r-accepted': 'absent',
      [planned.id]: 1,
      [removed.id]: 1,
    });

    expect((await send('POST', '/api/scenarios/sc-apply/apply', { version: 1 }, {})).status).toBe(401);
    expect((await send('POST', '/api/scenarios/sc-apply/apply', { version: 9 })).status).toBe(409);
    const response = await send(
      'POST',
      '/api/scenarios/sc-apply/apply',
      { version: scenario.version },
      { ...editor, 'x-actor': 'planner-ann' },
    );
    expect(response.status).toBe(200);
    const result = ScenarioApplyResponse.parse(response.body);
    expect(result.scenario).toMatchObject({ status: 'applied', appliedBy: 'planner-ann', version: 2 });
    expect(result.applied.map((a) => [a.op, a.action])).toEqual([
      ['addRelation', 'create'],
      ['setRelationStatus', 'update'],
      ['removeRelation', 'delete'],
      ['setOpenness', 'update'],
    ]);

    const log = ChangesResponse.parse((await get('/api/changes?limit=4')).body).items;
    expect(log.map((c) => [c.action, c.targetId, c.actor])).toEqual([
      ['update', lab.id, 'planner-ann'],
      ['delete', removed.id, 'planner-ann'],
      ['update', planned.id, 'planner-ann'],
      ['create', 'r-accepted', 'planner-ann'],
    ]);

    const graph = SerializedGraph.parse((await get('/api/graph?limit=50000')).body);
    const accepted = graph.edges.find((edge) => edge.key === 'r-accepted');
    expect(accepted).toMatchObject({
      source: suggestion.from,
      target: suggestion.to,
      attributes: { type: 'OPENS_TO', status: 'planned' },
    });
    expect(graph.edges.some((edge) => edge.key === removed.id)).toBe(false);
    expect(await getRelation(planned.id)).toMatchObject({ status: 'active', version: 2 });

    const again = await send('POST', '/api/scenarios/sc-apply/apply', { version: 2 });
    expect(again.status).toBe(409);
    expect(
      (await send('PUT', '/api/scenarios/sc-apply', { name: 'x', changes: [], version: 2 })).status,
    ).toBe(409);
  });

  it('refuses a scenario whose base changed with 409 and the reason, writing nothing', async () => {
    const target = relationsOf('OPENS_TO').find((r) => r.id !== undefined && !r.id.startsWith('r-'));
    if (target === undefined) throw new Error('no opening');
    const current = await getRelation(target.id);
    const lab = pick(labs(), 'lab');
    const firm = pick(
      seed.entities.filter((e) => e.kind === 'PrivateFirm'),
      'firm',
    );
    const scenario = ScenarioSchema.parse(
      (
        await send('POST', '/api/scenarios', {
          id: 'sc-conflict',
          name: 'Stale',
          changes: [
            opening('r-conflict-new', lab.id, firm.id),
            { op: 'setRelationStatus', id: target.id, status: 'ended' },
          ],
        })
      ).body,
    );
    // Someone edits the relation after the change was added.
    const { version, createdAt: _c, updatedAt: _u, ...fields } = current;
    const edited = await send('PUT', `/api/relations/${target.id}`, {
      ...fields,
      attributes: { ...fields.attributes, accessTypes: ['data'] },
      version,
    });
    expect(edited.status).toBe(200);

    const fingerprint = await databaseFingerprint(executor);
    const refused = await send('POST', '/api/scenarios/sc-conflict/apply', { version: scenario.version });
    expect(refused.status).toBe(409);
    const error = ApiError.parse(refused.body).error;
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([
      {
        path: `baseVersions.relations.${target.id}`,
        message: `relation '${target.id}' is at version ${version + 1}; the scenario was based on version ${version}`,
      },
    ]);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
    expect(ScenarioSchema.parse((await get('/api/scenarios/sc-conflict')).body).status).toBe('draft');
  });

  it('refuses a scenario when a later change no longer fits, leaving the earlier ones unwritten', async () => {
    const lab = pick(labs(), 'lab');
    const newcomer = {
      id: 'pf-plan-newcomer',
      kind: 'PrivateFirm',
      name: { zh: '新企业', en: 'Newcomer' },
      attributes: { stage: 'growth', revenueBand: 'under10m' },
    };
    expect((await send('POST', '/api/entities', newcomer)).status).toBe(201);
    const scenario = ScenarioSchema.parse(
      (
        await send('POST', '/api/scenarios', {
          id: 'sc-partial',
          name: 'Half works',
          changes: [
            { op: 'setOpenness', entity: lab.id, openness: 'partial' },
            opening('r-partial', lab.id, newcomer.id),
          ],
        })
      ).body,
    );
    expect((await send('DELETE', `/api/entities/${newcomer.id}?version=1`)).status).toBe(200);

    const fingerprint = await databaseFingerprint(executor);
    const refused = await send('POST', '/api/scenarios/sc-partial/apply', { version: scenario.version });
    expect(refused.status).toBe(409);
    expect(issuePaths(refused.body)).toEqual(['changes[1].relation.to']);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);

    // The evaluation reports the same change as a problem and applies the rest in memory.
    const evaluation = ScenarioEvaluation.parse((await get('/api/scenarios/sc-partial/evaluation')).body);
    expect(evaluation.changesApplied).toBe(1);
    expect(evaluation.problems.map((p) => p.path)).toEqual(['changes[1].relation.to']);
  });

  it('recomputes after the graph changes (the cache follows the graph revision)', async () => {
    const gaps = GapsResponse.parse((await get('/api/gaps?type=access&limit=100000')).body);
    const again = GapsResponse.parse((await get('/api/gaps?type=access&limit=100000')).body);
    expect(again).toEqual(gaps);
    const firm = pick(gaps.items, 'access gap').entity;
    const lab = pick(labs(), 'lab');
    const created = await send('POST', '/api/relations', {
      id: 'r-cache-check',
      type: 'OPENS_TO',
      from: lab.id,
      to: firm,
      since: '2026-01-01',
      evidence: EVIDENCE,
    });
    expect(created.status).toBe(201);
    const after = GapsResponse.parse((await get('/api/gaps?type=access&limit=100000')).body);
    expect(after.counts.access).toBe(gaps.counts.access - 1);
    expect(after.items.some((item) => item.entity === firm)).toBe(false);
  });
});

/** A relation as stored, through the entity page of its source. */
async function getRelation(id: string): Promise<RelationRecord> {
  const { graph } = await ecosystemGraph(executor);
  const page = EntityResponse.parse((await get(`/api/entities/${graph.source(id)}`)).body);
  const found = Object.values(page.relations)
    .flat()
    .find((view) => view.relation.id === id);
  if (found === undefined) throw new Error(`relation ${id} not found`);
  return found.relation;
}
