/**
 * Editing the graph through the store on a real Neo4j: entities and relations created, replaced
 * and deleted with optimistic versions; stale, invalid and conflicting writes refused with the
 * database left exactly as it was; concurrent writers; the change log and its pages; and seed
 * loads that stay idempotent after edits.
 */
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  ChangesQuery,
  type Dataset,
  describeRule,
  type Entity,
  type EntityKind,
  ModelValidationError,
  type Relation,
  type ValidationIssue,
} from '@innograph/model';
import {
  InvalidCursorError,
  loadDataset,
  type Neo4jExecutor,
  StoreConflictError,
  StoreNotFoundError,
} from '@innograph/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_LOG_LABEL, listChanges } from '../../packages/store/src/changes.js';
import {
  createEntity,
  createRelation,
  deleteEntity,
  deleteRelation,
  getEntityRecord,
  getRelationRecord,
  updateEntity,
  updateRelation,
} from '../../packages/store/src/writes.js';
import { databaseFingerprint, freshDatabase, testExecutor } from '../support/neo4j.js';

let executor: Neo4jExecutor;
let seed: unknown;
let dataset: Dataset;

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  await executor.executeWrite((tx) => tx.run(`MATCH (e:${CHANGE_LOG_LABEL}) DETACH DELETE e`));
  seed = await readDatasetFile(SEED_FILE);
  ({ dataset } = await loadDataset(executor, seed));
});

afterAll(async () => {
  await executor.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const EVIDENCE = { source: 'storeWrites test', confidence: 'reported' } as const;

function seedEntity(kind: EntityKind, index = 0): Entity {
  const entity = dataset.entities.filter((e) => e.kind === kind)[index];
  if (entity === undefined) throw new Error(`test: the seed has no ${kind} #${index}`);
  return entity;
}

function seedRelation(predicate: (relation: Relation) => boolean): Relation {
  const relation = dataset.relations.find(predicate);
  if (relation === undefined) throw new Error('test: no such relation in the seed');
  return relation;
}

function relationCount(id: string): number {
  return dataset.relations.filter((r) => r.from === id || r.to === id).length;
}

async function changeCount(): Promise<number> {
  const result = await executor.executeRead((tx) =>
    tx.run(`MATCH (e:${CHANGE_LOG_LABEL}) RETURN count(e) AS n`),
  );
  return Number(result.records[0]?.get('n'));
}

/** Runs a write that must be refused; checks that neither the graph nor the log changed and
 *  returns the error. */
async function refused(write: () => Promise<unknown>): Promise<unknown> {
  const fingerprint = await databaseFingerprint(executor);
  const changes = await changeCount();
  const error = await write().then(
    () => new Error('expected the write to be refused'),
    (reason: unknown) => reason,
  );
  expect(await databaseFingerprint(executor)).toBe(fingerprint);
  expect(await changeCount()).toBe(changes);
  return error;
}

function issuesOf(error: unknown): ValidationIssue[] {
  expect(error).toBeInstanceOf(ModelValidationError);
  return error instanceof ModelValidationError ? error.issues : [];
}

async function latestChanges(limit: number, target?: string) {
  const query = ChangesQuery.parse({ limit: String(limit), ...(target === undefined ? {} : { target }) });
  return (await listChanges(executor, query)).items;
}

type LabEntity = Extract<Entity, { kind: 'Lab' }>;
type Investment = Extract<Relation, { type: 'INVESTS_IN' }>;

function lab(id: string, name = 'Test lab'): LabEntity {
  return {
    id,
    kind: 'Lab',
    name: { zh: '测试实验室', en: name },
    description: 'made by the storeWrites test',
    attributes: { ownerType: 'university', openness: 'partial', domains: ['testing'], ownership: 'public' },
  };
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

describe('entity writes', () => {
  const id = 'lab-test-writes';

  it('creates an entity at version 1 and logs who made it', async () => {
    const started = Date.now();
    const record = await createEntity(executor, lab(id), 'alice');
    expect(record).toMatchObject({ ...lab(id), version: 1 });
    expect(record.updatedAt).toBe(record.createdAt);
    expect(await getEntityRecord(executor, id)).toEqual(record);

    const [change] = await latestChanges(1);
    expect(change).toMatchObject({
      actor: 'alice',
      action: 'create',
      target: 'entity',
      targetId: id,
      before: null,
      after: record,
    });
    const at = Date.parse(change?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(started - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('refuses an id that is taken', async () => {
    const error = await refused(() => createEntity(executor, lab(id, 'Another'), 'alice'));
    expect(error).toBeInstanceOf(StoreConflictError);
    expect(error).toMatchObject({ message: `entity '${id}' already exists` });
  });

  it('refuses an entity the model rejects', async () => {
    const error = await refused(() =>
      createEntity(executor, { ...lab('lab-test-empty'), name: { zh: '', en: 'x' } }, 'alice'),
    );
    expect(issuesOf(error)[0]).toMatchObject({ record: "entity 'lab-test-empty'", field: 'name.zh' });
  });

  it('replaces the fields, drops attributes left out and bumps the version', async () => {
    const before = await getEntityRecord(executor, id);
    const changed: LabEntity = {
      ...lab(id, 'Renamed test lab'),
      attributes: { ownerType: 'institute', openness: 'open', domains: [] },
    };
    const after = await updateEntity(executor, id, changed, 1, 'bob');
    expect(after).toMatchObject({ ...changed, version: 2, createdAt: before?.createdAt });
    expect(after.attributes).not.toHaveProperty('ownership');
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(after.createdAt));

    const stored = await executor.executeRead((tx) =>
      tx.run('MATCH (n:Entity {id: $id}) RETURN keys(n) AS keys', { id }),
    );
    expect(stored.records[0]?.get('keys')).not.toContain('ownership');

    const [change] = await latestChanges(1);
    expect(change).toMatchObject({ actor: 'bob', action: 'update', targetId: id, before, after });
  });

  it('changes nothing and logs nothing for identical content', async () => {
    const stored = await getEntityRecord(executor, id);
    const changes = await changeCount();
    const fingerprint = await databaseFingerprint(executor);
    const again = await updateEntity(
      executor,
      id,
      {
        ...lab(id, 'Renamed test lab'),
        attributes: { ownerType: 'institute', openness: 'open', domains: [] },
      },
      2,
      'bob',
    );
    expect(again).toEqual(stored);
    expect(await changeCount()).toBe(changes);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
  });

  it('refuses a stale version, naming the stored one', async () => {
    const error = await refused(() => updateEntity(executor, id, lab(id, 'Stale'), 1, 'carol'));
    expect(error).toBeInstanceOf(StoreConflictError);
    expect(error).toMatchObject({ message: `entity '${id}' is at version 2, not 1; reload it` });
  });

  it('refuses a missing entity, another id in the body and a kind change', async () => {
    expect(
      await refused(() => updateEntity(executor, 'nobody-here', lab('nobody-here'), 1, 'carol')),
    ).toBeInstanceOf(StoreNotFoundError);
    expect(
      issuesOf(await refused(() => updateEntity(executor, id, lab('other-id'), 2, 'carol')))[0],
    ).toMatchObject({
      field: 'id',
    });
    const asPilotBase: Entity = {
      id,
      kind: 'PilotBase',
      name: { zh: '中试', en: 'Pilot' },
      attributes: { ownerType: 'university', openness: 'open', domains: [] },
    };
    const kindChange = issuesOf(await refused(() => updateEntity(executor, id, asPilotBase, 2, 'carol')));
    expect(kindChange[0]).toMatchObject({ field: 'kind' });
    expect(kindChange[0]?.message).toContain('stored as Lab');
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const results = await Promise.allSettled([
      updateEntity(executor, id, lab(id, 'Written by dora'), 2, 'dora'),
      updateEntity(executor, id, lab(id, 'Written by erin'), 2, 'erin'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(StoreConflictError);
    expect(lost[0]?.reason).toMatchObject({ message: `entity '${id}' is at version 3, not 2; reload it` });
    const stored = await getEntityRecord(executor, id);
    expect(stored?.version).toBe(3);
    expect(won[0]?.value).toEqual(stored);
    expect((await latestChanges(10, id)).filter((c) => c.action === 'update')).toHaveLength(2);
  });

  it('reads the version only after locking the node, so a concurrent load is not overwritten', async () => {
    // Another transaction (a dataset load, say) has written the node and not committed yet.
    const session = executor.driver.session({ database: executor.database });
    const tx = session.beginTransaction();
    try {
      await tx.run('MATCH (n:Entity {id: $id}) SET n.version = n.version + 1, n.nameEn = $name', {
        id,
        name: 'Written by a load',
      });
      const pending = updateEntity(executor, id, lab(id, 'Written by fred'), 3, 'fred').then(
        () => undefined,
        (reason: unknown) => reason,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.commit();
      expect(await pending).toBeInstanceOf(StoreConflictError);
    } finally {
      await session.close();
    }
    expect(await getEntityRecord(executor, id)).toMatchObject({
      version: 4,
      name: { en: 'Written by a load' },
    });
  });

  it('refuses a stale delete, then deletes', async () => {
    const error = await refused(() => deleteEntity(executor, id, 3, {}, 'gina'));
    expect(error).toMatchObject({ message: `entity '${id}' is at version 4, not 3; reload it` });
    const before = await getEntityRecord(executor, id);
    expect(await deleteEntity(executor, id, 4, {}, 'gina')).toEqual({ deleted: id, relationsDeleted: 0 });
    expect(await getEntityRecord(executor, id)).toBeNull();
    const [change] = await latestChanges(1);
    expect(change).toMatchObject({ actor: 'gina', action: 'delete', targetId: id, before, after: null });
    expect(await refused(() => deleteEntity(executor, id, 4, {}, 'gina'))).toBeInstanceOf(StoreNotFoundError);
  });
});

describe('deleting an entity with relations', () => {
  it('is refused without cascade, saying how many relations', async () => {
    const firm = seedEntity('PrivateFirm', 3);
    const count = relationCount(firm.id);
    expect(count).toBeGreaterThan(1);
    const error = await refused(() => deleteEntity(executor, firm.id, 1, { cascade: false }, 'hana'));
    expect(error).toBeInstanceOf(StoreConflictError);
    expect(error).toMatchObject({
      message: `entity '${firm.id}' has ${count} relations; pass cascade=true to delete them too`,
    });
  });

  it('deletes the relations too with cascade, logging each', async () => {
    const firm = seedEntity('PrivateFirm', 3);
    const relations = dataset.relations.filter((r) => r.from === firm.id || r.to === firm.id);
    const result = await deleteEntity(executor, firm.id, 1, { cascade: true }, 'hana');
    expect(result).toEqual({ deleted: firm.id, relationsDeleted: relations.length });
    expect(await getEntityRecord(executor, firm.id)).toBeNull();
    for (const relation of relations) expect(await getRelationRecord(executor, relation.id)).toBeNull();

    const [entityChange, ...relationChanges] = await latestChanges(relations.length + 1);
    expect(entityChange).toMatchObject({
      action: 'delete',
      target: 'entity',
      targetId: firm.id,
      after: null,
    });
    expect(relationChanges.map((c) => c.targetId).sort()).toEqual(relations.map((r) => r.id).sort());
    for (const change of relationChanges) {
      expect(change).toMatchObject({ actor: 'hana', action: 'delete', target: 'relation', after: null });
      expect(change.before).toMatchObject({ version: 1, id: change.targetId });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Relations
// ---------------------------------------------------------------------------------------------

describe('relation writes', () => {
  const id = 'invests-test-writes';
  const fund = () => seedEntity('Fund');
  const firm = () => seedEntity('PrivateFirm', 10);
  const investment = (): Investment => ({
    id,
    type: 'INVESTS_IN',
    from: fund().id,
    to: firm().id,
    status: 'planned',
    since: '2026-03-01',
    evidence: EVIDENCE,
    attributes: { stage: 'growth', amountBand: '10m-50m' },
  });

  it('creates a relation at version 1 with its dates as Neo4j dates', async () => {
    const record = await createRelation(executor, investment(), 'ivan');
    expect(record).toMatchObject({ ...investment(), version: 1 });
    expect(await getRelationRecord(executor, id)).toEqual(record);
    const stored = await executor.executeRead((tx) =>
      tx.run(`MATCH ()-[r:INVESTS_IN {id: $id}]->() RETURN r.since = date('2026-03-01') AS isDate`, { id }),
    );
    expect(stored.records[0]?.get('isDate')).toBe(true);
    const [change] = await latestChanges(1);
    expect(change).toMatchObject({
      actor: 'ivan',
      action: 'create',
      target: 'relation',
      before: null,
      after: record,
    });
  });

  it('refuses kinds the ontology does not allow, on field type', async () => {
    const wrong: Relation = { ...investment(), id: 'supplies-test-wrong', type: 'SUPPLIES', attributes: {} };
    const [issue] = issuesOf(await refused(() => createRelation(executor, wrong, 'ivan')));
    expect(issue).toMatchObject({ record: "relation 'supplies-test-wrong'", field: 'type' });
    expect(issue?.message).toContain(describeRule('SUPPLIES'));
  });

  it('refuses ends that do not exist, naming each', async () => {
    const missing: Relation = { ...investment(), id: 'invests-test-missing', to: 'nobody-here' };
    expect(issuesOf(await refused(() => createRelation(executor, missing, 'ivan')))).toEqual([
      { record: "relation 'invests-test-missing'", field: 'to', message: "no entity with id 'nobody-here'" },
    ]);
    const neither: Relation = { ...missing, from: 'nobody-there' };
    const issues = issuesOf(await refused(() => createRelation(executor, neither, 'ivan')));
    expect(issues.map((issue) => issue.field)).toEqual(['from', 'to']);
  });

  it('refuses an id used by a relation of another type, or of the same type', async () => {
    const operates = seedRelation((r) => r.type === 'OPERATES');
    const reused: Relation = { ...investment(), id: operates.id };
    const error = await refused(() => createRelation(executor, reused, 'ivan'));
    expect(error).toBeInstanceOf(StoreConflictError);
    expect(error).toMatchObject({
      message: `relation '${operates.id}' already exists (OPERATES ${operates.from} → ${operates.to})`,
    });
    expect(await refused(() => createRelation(executor, investment(), 'ivan'))).toBeInstanceOf(
      StoreConflictError,
    );
  });

  it('lets exactly one of two concurrent creates with the same id win, whatever their types', async () => {
    const chainLeader = seedEntity('ChainLeader');
    const shared = 'rel-test-race';
    const backs: Relation = {
      id: shared,
      type: 'BACKS',
      from: chainLeader.id,
      to: fund().id,
      status: 'active',
      since: '2025-01-01',
      evidence: EVIDENCE,
      attributes: { role: 'lead' },
    };
    const results = await Promise.allSettled([
      createRelation(executor, { ...investment(), id: shared }, 'jack'),
      createRelation(executor, backs, 'kate'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(StoreConflictError);
    const stored = await executor.executeRead((tx) =>
      tx.run('MATCH ()-[r {id: $id}]->() RETURN count(r) AS n', { id: shared }),
    );
    expect(stored.records[0]?.get('n')).toBe(1);
    const winner = await getRelationRecord(executor, shared);
    await deleteRelation(executor, shared, winner?.version ?? 0, 'jack');
  });

  it('updates a relation and bumps its version', async () => {
    const changed: Investment = {
      ...investment(),
      status: 'active',
      until: '2027-12-31',
      evidence: { source: 'signed agreement', confidence: 'confirmed' },
      attributes: { stage: 'growth' },
    };
    const before = await getRelationRecord(executor, id);
    const after = await updateRelation(executor, id, changed, 1, 'lena');
    expect(after).toMatchObject({ ...changed, version: 2, createdAt: before?.createdAt });
    expect(after.attributes).not.toHaveProperty('amountBand');
    const [change] = await latestChanges(1);
    expect(change).toMatchObject({ actor: 'lena', action: 'update', target: 'relation', before, after });

    const fingerprint = await databaseFingerprint(executor);
    expect(await updateRelation(executor, id, changed, 2, 'lena')).toEqual(after);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
  });

  it('refuses a change of kind or ends, a stale version and a missing relation', async () => {
    const moved: Relation = { ...investment(), to: seedEntity('PrivateFirm', 11).id };
    expect(issuesOf(await refused(() => updateRelation(executor, id, moved, 2, 'lena')))).toMatchObject([
      { field: 'to' },
    ]);
    const retyped: Relation = {
      ...investment(),
      type: 'OPENS_TO',
      from: seedEntity('Lab').id,
      attributes: { accessTypes: [] },
    };
    const issues = issuesOf(await refused(() => updateRelation(executor, id, retyped, 2, 'lena')));
    expect(issues.map((issue) => issue.field)).toEqual(['type', 'from']);

    const stale = await refused(() => updateRelation(executor, id, investment(), 1, 'lena'));
    expect(stale).toMatchObject({ message: `relation '${id}' is at version 2, not 1; reload it` });
    const missing: Relation = { ...investment(), id: 'nobody-here' };
    expect(await refused(() => updateRelation(executor, 'nobody-here', missing, 1, 'lena'))).toBeInstanceOf(
      StoreNotFoundError,
    );
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const results = await Promise.allSettled([
      updateRelation(executor, id, { ...investment(), status: 'ended', until: '2026-06-30' }, 2, 'mia'),
      updateRelation(executor, id, { ...investment(), status: 'active' }, 2, 'noah'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(StoreConflictError);
    expect((await getRelationRecord(executor, id))?.version).toBe(3);
  });

  it('stores until as a Neo4j date and removes it when an update leaves it out', async () => {
    const ending: Investment = { ...investment(), id: 'invests-test-until', until: '2028-06-30' };
    await createRelation(executor, ending, 'pia');
    const untilOf = async () =>
      (
        await executor.executeRead((tx) =>
          tx.run(
            `MATCH ()-[r:INVESTS_IN {id: $id}]->()
             RETURN r.until = date('2028-06-30') AS isDate, r.until IS NULL AS gone`,
            { id: ending.id },
          ),
        )
      ).records[0]?.toObject();
    expect(await untilOf()).toEqual({ isDate: true, gone: false });
    const { until: _left, ...open } = ending;
    const after = await updateRelation(executor, ending.id, open, 1, 'pia');
    expect(after).not.toHaveProperty('until');
    expect(await untilOf()).toMatchObject({ gone: true });
    await deleteRelation(executor, ending.id, 2, 'pia');
  });

  it('refuses a stale delete, then deletes', async () => {
    const error = await refused(() => deleteRelation(executor, id, 2, 'olga'));
    expect(error).toBeInstanceOf(StoreConflictError);
    const before = await getRelationRecord(executor, id);
    expect(await deleteRelation(executor, id, 3, 'olga')).toEqual({ deleted: id, relationsDeleted: 1 });
    expect(await getRelationRecord(executor, id)).toBeNull();
    const [change] = await latestChanges(1);
    expect(change).toMatchObject({
      actor: 'olga',
      action: 'delete',
      target: 'relation',
      before,
      after: null,
    });
    expect(await refused(() => deleteRelation(executor, id, 3, 'olga'))).toBeInstanceOf(StoreNotFoundError);
  });
});

// ---------------------------------------------------------------------------------------------
// The change log
// ---------------------------------------------------------------------------------------------

describe('the change log', () => {
  async function allPages(limit: number, target?: string) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const query = ChangesQuery.parse({ limit: String(limit), target, cursor });
      const { items, nextCursor } = await listChanges(executor, query);
      expect(items.length).toBeLessThanOrEqual(limit);
      ids.push(...items.map((item) => item.id));
      if (nextCursor === null) return ids;
      cursor = nextCursor;
    }
    throw new Error('test: the pages never ended');
  }

  it('keeps entries apart from the ecosystem', async () => {
    const result = await executor.executeRead((tx) =>
      tx.run(
        `MATCH (e:${CHANGE_LOG_LABEL}) RETURN count(e) AS n,
         count(CASE WHEN e:Entity OR EXISTS { (e)--() } THEN 1 END) AS attached`,
      ),
    );
    expect(result.records[0]?.get('n')).toBeGreaterThan(10);
    expect(result.records[0]?.get('attached')).toBe(0);
  });

  it('lists newest first in pages that neither repeat nor skip', async () => {
    const everything = await latestChanges(500);
    expect(everything.length).toBe(await changeCount());
    const times = everything.map((change) => Date.parse(change.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const limit of [1, 3, 7]) expect(await allPages(limit)).toEqual(everything.map((c) => c.id));
  });

  it('keeps its place when writes happen between pages', async () => {
    const snapshot = (await latestChanges(500)).map((change) => change.id);
    const first = await listChanges(executor, ChangesQuery.parse({ limit: '4' }));
    await createEntity(executor, lab('lab-test-between'), 'pia');
    const seen = first.items.map((change) => change.id);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await listChanges(executor, ChangesQuery.parse({ limit: '4', cursor }));
      seen.push(...page.items.map((change) => change.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(snapshot);
    await deleteEntity(executor, 'lab-test-between', 1, {}, 'pia');
  });

  it('filters by target', async () => {
    const items = await latestChanges(500, 'lab-test-writes');
    expect(items.map((c) => c.action)).toEqual(['delete', 'update', 'update', 'create']);
    expect(items.every((c) => c.targetId === 'lab-test-writes')).toBe(true);
    expect(await allPages(2, 'lab-test-writes')).toEqual(items.map((c) => c.id));
  });

  it('refuses a cursor it did not make', async () => {
    await expect(
      listChanges(executor, ChangesQuery.parse({ cursor: 'bm90LWEtY3Vyc29y' })),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

// ---------------------------------------------------------------------------------------------
// Seed loads after edits
// ---------------------------------------------------------------------------------------------

describe('loading the seed after edits through the store', () => {
  beforeAll(async () => {
    await loadDataset(executor, seed, { reset: true });
  });

  it('reports exactly the edited records as updated', async () => {
    const entity = seedEntity('SciencePark');
    const relation = seedRelation((r) => r.type === 'LOCATED_IN');
    const reverted = seedEntity('Fund', 2);
    await updateEntity(executor, entity.id, { ...entity, description: 'edited through the API' }, 1, 'quinn');
    await updateRelation(
      executor,
      relation.id,
      { ...relation, status: 'ended', until: '2030-12-31' },
      1,
      'quinn',
    );
    // Edited and edited back: the same content as the seed, so the load leaves it alone.
    await updateEntity(
      executor,
      reverted.id,
      { ...reverted, name: { ...reverted.name, en: 'Edited' } },
      1,
      'quinn',
    );
    await updateEntity(executor, reverted.id, reverted, 2, 'quinn');
    // Identical content through the API: no new version.
    const firm = seedEntity('PrivateFirm', 20);
    expect((await updateEntity(executor, firm.id, firm, 1, 'quinn')).version).toBe(1);

    const { report } = await loadDataset(executor, seed);
    expect(report.entities).toEqual({ created: 0, updated: 1, unchanged: dataset.entities.length - 1 });
    expect(report.relations).toEqual({ created: 0, updated: 1, unchanged: dataset.relations.length - 1 });
    expect(await getEntityRecord(executor, entity.id)).toMatchObject({ ...entity, version: 3 });
    expect(await getRelationRecord(executor, relation.id)).toMatchObject({ ...relation, version: 3 });
    expect((await getEntityRecord(executor, reverted.id))?.version).toBe(3);

    const fingerprint = await databaseFingerprint(executor);
    const again = await loadDataset(executor, seed);
    expect(again.report.entities.updated + again.report.relations.updated).toBe(0);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
  });
});
