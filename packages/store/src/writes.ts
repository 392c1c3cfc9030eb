/**
 * Editing the graph one record at a time, as the HTTP API does. Every write is one transaction
 * that checks, writes and logs its change (changes.ts) together; a refused write leaves nothing
 * behind.
 *
 * Concurrency is optimistic: an update or delete names the version it read, and the store refuses
 * it (`StoreConflictError`) when the stored version is another one. The check cannot race: each
 * write first takes the change log's lock (so store writes run one after another) and the lock of
 * the record it changes (against a dataset load running beside it), and only then reads the
 * version.
 *
 * Nodes and relationships get exactly the properties and content hash that the dataset loader
 * writes (mapping.ts), so a seed load after an edit still sees unchanged records as unchanged.
 */
import {
  describeRule,
  type Entity,
  EntityKindSchema,
  type EntityRecord,
  EntitySchema,
  issuesFromZod,
  ModelValidationError,
  RELATION_KIND_NAMES,
  type Relation,
  type RelationKind,
  type RelationRecord,
  RelationSchema,
  relationAllowed,
  type ValidationIssue,
} from '@innograph/model';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { type ChangeInput, lockChangeLog, recordChange, recordChanges } from './changes.js';
import { anyRelationType, ENTITY_LABEL, kindLabel, relationType, setRelationClause } from './cypher.js';
import { StoreConflictError, StoreNotFoundError } from './errors.js';
import type { Neo4jExecutor } from './executor.js';
import {
  entityContent,
  entityFromProperties,
  type PropertyValue,
  relationContent,
  relationFromProperties,
} from './mapping.js';
import { EdgeRow, NodeRow, readRows, storeFields } from './rows.js';

/** What a delete removed: the record's id and how many relations went with it (for a relation,
 *  1: itself). */
export interface DeleteResult {
  deleted: string;
  relationsDeleted: number;
}

export interface DeleteEntityOptions {
  /** Delete the entity's relations too; without it, an entity with relations is refused. */
  cascade?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Rows: everything Neo4j returns is parsed before use
// ---------------------------------------------------------------------------------------------

const KindRow = z.object({ id: z.string(), kind: EntityKindSchema });
const CountRow = z.object({ count: z.number().int() });

/** A record as stored, with the content hash that tells whether an edit changes anything. */
interface Stored<R> {
  record: R;
  hash: string | null;
}

function storedEntity(props: Record<string, unknown>): Stored<EntityRecord> {
  const { meta, hash } = storeFields(props);
  return { record: { ...entityFromProperties(props), ...meta }, hash };
}

function storedRelation(row: EdgeRow): Stored<RelationRecord> {
  const { meta, hash } = storeFields(row.props);
  return { record: { ...relationFromProperties(row.type, row.from, row.to, row.props), ...meta }, hash };
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const entityName = (id: string) => `entity '${id}'`;
const relationName = (id: string) => `relation '${id}'`;

function invalid(record: string, field: string, message: string): ModelValidationError {
  return new ModelValidationError([{ record, field, message }]);
}

/** The entity checked against the model again: the store does not trust its callers' types. */
function validEntity(entity: Entity): Entity {
  const parsed = EntitySchema.safeParse(entity);
  if (!parsed.success) throw new ModelValidationError(issuesFromZod(parsed.error, entityName(entity.id)));
  return parsed.data;
}

function validRelation(relation: Relation): Relation {
  const parsed = RelationSchema.safeParse(relation);
  if (!parsed.success) throw new ModelValidationError(issuesFromZod(parsed.error, relationName(relation.id)));
  return parsed.data;
}

function requireSameId(record: string, id: string, bodyId: string): void {
  if (bodyId !== id) throw invalid(record, 'id', `the id in the body ('${bodyId}') is not '${id}'`);
}

function requireVersion(record: string, stored: number, expected: number): void {
  if (stored !== expected) {
    throw new StoreConflictError(`${record} is at version ${stored}, not ${expected}; reload it`);
  }
}

function found<R>(stored: R | null | undefined, record: string): R {
  if (stored === null || stored === undefined) throw new StoreNotFoundError(`${record} does not exist`);
  return stored;
}

// ---------------------------------------------------------------------------------------------
// Entities in Cypher
// ---------------------------------------------------------------------------------------------

const MATCH_ENTITY = `MATCH (n:${ENTITY_LABEL}) USING INDEX n:${ENTITY_LABEL}(id) WHERE n.id = $id`;

/** Setting and removing a property takes the node's write lock until the transaction ends; what
 *  is read after it is the latest committed state (Neo4j's documented way to avoid lost updates). */
const LOCK_NODE = 'SET n._lock = true REMOVE n._lock';

async function readEntity(
  tx: ManagedTransaction,
  id: string,
  mode: 'read' | 'lock',
): Promise<Stored<EntityRecord> | null> {
  const lock = mode === 'lock' ? LOCK_NODE : '';
  const [row] = await readRows(tx, NodeRow, `${MATCH_ENTITY} ${lock} RETURN properties(n) AS props`, { id });
  return row === undefined ? null : storedEntity(row.props);
}

async function insertEntity(tx: ManagedTransaction, entity: Entity): Promise<EntityRecord> {
  const { props, hash } = entityContent(entity);
  const [row] = await readRows(
    tx,
    NodeRow,
    `CREATE (n:${ENTITY_LABEL}:${kindLabel(entity.kind)})
     SET n = $props, n.hash = $hash, n.version = 1, n.createdAt = datetime(), n.updatedAt = datetime()
     RETURN properties(n) AS props`,
    { props, hash },
  );
  return storedEntity(found(row, entityName(entity.id)).props).record;
}

async function replaceEntity(
  tx: ManagedTransaction,
  id: string,
  content: { props: Record<string, PropertyValue>; hash: string },
  version: number,
): Promise<EntityRecord> {
  const [row] = await readRows(
    tx,
    NodeRow,
    `${MATCH_ENTITY}
     WITH n, n.createdAt AS createdAt
     SET n = $props
     SET n.hash = $hash, n.version = $version, n.createdAt = createdAt, n.updatedAt = datetime()
     RETURN properties(n) AS props`,
    { id, ...content, version: neo4j.int(version) },
  );
  return storedEntity(found(row, entityName(id)).props).record;
}

async function countRelationsOf(tx: ManagedTransaction, id: string): Promise<number> {
  const [row] = await readRows(
    tx,
    CountRow,
    `${MATCH_ENTITY} RETURN COUNT { (n)-[:${anyRelationType()}]-() } AS count`,
    { id },
  );
  return row?.count ?? 0;
}

/** Deletes every relation of an entity and returns them as they were. */
async function detachRelations(tx: ManagedTransaction, id: string): Promise<RelationRecord[]> {
  const rows = await readRows(
    tx,
    EdgeRow,
    `${MATCH_ENTITY}
     MATCH (n)-[r:${anyRelationType()}]-()
     WITH r, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
     ORDER BY r.id
     DELETE r
     RETURN type, from, to, props`,
    { id },
  );
  return rows.map((row) => storedRelation(row).record);
}

/** Deletes a node that has no relationships left (a plain DELETE fails otherwise). */
async function removeEntity(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(`${MATCH_ENTITY} DELETE n`, { id });
}

// ---------------------------------------------------------------------------------------------
// Relations in Cypher
// ---------------------------------------------------------------------------------------------

const RETURN_EDGE = 'RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props';

function matchRelation(type: RelationKind): string {
  const rel = relationType(type);
  // The index hint keeps a cached plan on the unique index (see findRelations in datasetLoader.ts).
  return `MATCH (a)-[r:${rel}]->(b) USING INDEX r:${rel}(id) WHERE r.id = $id`;
}

/** A relation id is unique per type in the schema; the store keeps it unique across all types, so
 *  a lookup asks every type's index. */
const FIND_RELATION = RELATION_KIND_NAMES.map((type) => `${matchRelation(type)} ${RETURN_EDGE}`).join(
  '\nUNION ALL\n',
);

async function findRelation(tx: ManagedTransaction, id: string): Promise<Stored<RelationRecord> | null> {
  const [row] = await readRows(tx, EdgeRow, FIND_RELATION, { id });
  return row === undefined ? null : storedRelation(row);
}

/** Finds a relation under any type, then locks it and reads it again. */
async function lockRelation(tx: ManagedTransaction, id: string): Promise<Stored<RelationRecord> | null> {
  const unlocked = await findRelation(tx, id);
  if (unlocked === null) return null;
  const [row] = await readRows(
    tx,
    EdgeRow,
    `${matchRelation(unlocked.record.type)} SET r._lock = true REMOVE r._lock ${RETURN_EDGE}`,
    { id },
  );
  return row === undefined ? null : storedRelation(row);
}

const SET_RELATION = setRelationClause('$props', '$hash');

async function insertRelation(tx: ManagedTransaction, relation: Relation): Promise<RelationRecord> {
  const { props, hash } = relationContent(relation);
  const [row] = await readRows(
    tx,
    EdgeRow,
    `MATCH (a:${ENTITY_LABEL}) USING INDEX a:${ENTITY_LABEL}(id) WHERE a.id = $from
     MATCH (b:${ENTITY_LABEL}) USING INDEX b:${ENTITY_LABEL}(id) WHERE b.id = $to
     CREATE (a)-[r:${relationType(relation.type)}]->(b)
     ${SET_RELATION}, r.version = 1, r.createdAt = datetime(), r.updatedAt = datetime()
     ${RETURN_EDGE}`,
    { from: relation.from, to: relation.to, props, hash },
  );
  return storedRelation(found(row, relationName(relation.id))).record;
}

async function replaceRelation(
  tx: ManagedTransaction,
  relation: Relation,
  content: { props: Record<string, PropertyValue>; hash: string },
  version: number,
): Promise<RelationRecord> {
  const [row] = await readRows(
    tx,
    EdgeRow,
    `${matchRelation(relation.type)}
     WITH a, r, b, r.createdAt AS createdAt
     ${SET_RELATION}, r.version = $version, r.createdAt = createdAt, r.updatedAt = datetime()
     ${RETURN_EDGE}`,
    { id: relation.id, ...content, version: neo4j.int(version) },
  );
  return storedRelation(found(row, relationName(relation.id))).record;
}

async function removeRelation(tx: ManagedTransaction, relation: RelationRecord): Promise<void> {
  await tx.run(`${matchRelation(relation.type)} DELETE r`, { id: relation.id });
}

/** Both ends exist and the ontology allows a relation of this kind between their kinds. */
async function checkEnds(tx: ManagedTransaction, relation: Relation): Promise<void> {
  const rows = await readRows(
    tx,
    KindRow,
    `MATCH (n:${ENTITY_LABEL}) USING INDEX n:${ENTITY_LABEL}(id) WHERE n.id IN $ids
     RETURN n.id AS id, n.kind AS kind`,
    { ids: [relation.from, relation.to] },
  );
  const kinds = new Map(rows.map((row) => [row.id, row.kind]));
  const record = relationName(relation.id);
  const fromKind = kinds.get(relation.from);
  const toKind = kinds.get(relation.to);
  if (fromKind === undefined || toKind === undefined) {
    const issues: ValidationIssue[] = [];
    if (fromKind === undefined)
      issues.push({ record, field: 'from', message: `no entity with id '${relation.from}'` });
    if (toKind === undefined)
      issues.push({ record, field: 'to', message: `no entity with id '${relation.to}'` });
    throw new ModelValidationError(issues);
  }
  if (!relationAllowed(relation.type, fromKind, toKind)) {
    throw invalid(
      record,
      'type',
      `${relation.type} cannot connect ${fromKind} '${relation.from}' to ${toKind} '${relation.to}' (${describeRule(relation.type)})`,
    );
  }
}

/** A relation keeps its kind and its ends; only its other fields can change. */
function requireSameShape(stored: RelationRecord, relation: Relation): void {
  const record = relationName(relation.id);
  const issues: ValidationIssue[] = [];
  for (const field of ['type', 'from', 'to'] as const) {
    if (stored[field] !== relation[field]) {
      issues.push({
        record,
        field,
        message: `is '${stored[field]}' and cannot change to '${relation[field]}' (delete the relation and create another)`,
      });
    }
  }
  if (issues.length > 0) throw new ModelValidationError(issues);
}

// ---------------------------------------------------------------------------------------------
// Reading one record
// ---------------------------------------------------------------------------------------------

export async function getEntityRecord(executor: Neo4jExecutor, id: string): Promise<EntityRecord | null> {
  const stored = await executor.executeRead((tx) => readEntity(tx, id, 'read'));
  return stored?.record ?? null;
}

export async function getRelationRecord(executor: Neo4jExecutor, id: string): Promise<RelationRecord | null> {
  const stored = await executor.executeRead((tx) => findRelation(tx, id));
  return stored?.record ?? null;
}

// ---------------------------------------------------------------------------------------------
// Entity writes
// ---------------------------------------------------------------------------------------------

/** Creates an entity at version 1. Throws `ModelValidationError` for an invalid entity and
 *  `StoreConflictError` when the id is taken. */
export async function createEntity(
  executor: Neo4jExecutor,
  entity: Entity,
  actor: string,
): Promise<EntityRecord> {
  const input = validEntity(entity);
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    if ((await readEntity(tx, input.id, 'read')) !== null) {
      throw new StoreConflictError(`${entityName(input.id)} already exists`);
    }
    const after = await insertEntity(tx, input);
    await recordChange(tx, {
      actor,
      action: 'create',
      target: 'entity',
      targetId: input.id,
      before: null,
      after,
    });
    return after;
  });
}

/**
 * Replaces an entity's fields (attributes left out are removed) if it is still at
 * `expectedVersion`; the version goes up by one. Content equal to the stored one changes nothing
 * and logs nothing. Throws `StoreNotFoundError`, `StoreConflictError` (stale version) or
 * `ModelValidationError` (invalid entity, another id in the body, a kind change).
 */
export async function updateEntity(
  executor: Neo4jExecutor,
  id: string,
  entity: Entity,
  expectedVersion: number,
  actor: string,
): Promise<EntityRecord> {
  const input = validEntity(entity);
  requireSameId(entityName(id), id, input.id);
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    return updateEntityIn(tx, id, input, expectedVersion, actor);
  });
}

/** `updateEntity` inside a transaction that holds the change log's lock (`lockChangeLog`). */
export async function updateEntityIn(
  tx: ManagedTransaction,
  id: string,
  entity: Entity,
  expectedVersion: number,
  actor: string,
): Promise<EntityRecord> {
  const input = validEntity(entity);
  requireSameId(entityName(id), id, input.id);
  const before = found(await readEntity(tx, id, 'lock'), entityName(id));
  if (before.record.kind !== input.kind) {
    throw invalid(
      entityName(id),
      'kind',
      `'${id}' is stored as ${before.record.kind}; its kind cannot change to ${input.kind} (delete it and create another)`,
    );
  }
  requireVersion(entityName(id), before.record.version, expectedVersion);
  const { props, hash } = entityContent(input);
  if (hash === before.hash) return before.record;
  const after = await replaceEntity(tx, id, { props, hash }, expectedVersion + 1);
  await recordChange(tx, {
    actor,
    action: 'update',
    target: 'entity',
    targetId: id,
    before: before.record,
    after,
  });
  return after;
}

/**
 * Deletes an entity at `expectedVersion`. An entity with relations is refused
 * (`StoreConflictError`) unless `cascade` is set; then its relations are deleted too, each logged.
 * Throws `StoreNotFoundError` or `StoreConflictError` (stale version).
 */
export async function deleteEntity(
  executor: Neo4jExecutor,
  id: string,
  expectedVersion: number,
  options: DeleteEntityOptions,
  actor: string,
): Promise<DeleteResult> {
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    const before = found(await readEntity(tx, id, 'lock'), entityName(id)).record;
    requireVersion(entityName(id), before.version, expectedVersion);
    const count = await countRelationsOf(tx, id);
    if (count > 0 && options.cascade !== true) {
      throw new StoreConflictError(
        `${entityName(id)} has ${count} relation${count === 1 ? '' : 's'}; pass cascade=true to delete ${count === 1 ? 'it' : 'them'} too`,
      );
    }
    const relations = count > 0 ? await detachRelations(tx, id) : [];
    await removeEntity(tx, id);
    await recordChanges(tx, [
      ...relations.map((relation) => relationDeleted(relation, actor)),
      { actor, action: 'delete', target: 'entity', targetId: id, before, after: null },
    ]);
    return { deleted: id, relationsDeleted: relations.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Relation writes
// ---------------------------------------------------------------------------------------------

/**
 * Creates a relation at version 1. Throws `ModelValidationError` for an invalid relation, a
 * missing end (field `from`/`to`) or kinds the ontology does not allow (field `type`), and
 * `StoreConflictError` when a relation of any type has the id.
 */
export async function createRelation(
  executor: Neo4jExecutor,
  relation: Relation,
  actor: string,
): Promise<RelationRecord> {
  const input = validRelation(relation);
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    return createRelationIn(tx, input, actor);
  });
}

/** `createRelation` inside a transaction that holds the change log's lock (`lockChangeLog`). */
export async function createRelationIn(
  tx: ManagedTransaction,
  relation: Relation,
  actor: string,
): Promise<RelationRecord> {
  const input = validRelation(relation);
  await checkEnds(tx, input);
  const existing = await findRelation(tx, input.id);
  if (existing !== null) {
    const { type, from, to } = existing.record;
    throw new StoreConflictError(`${relationName(input.id)} already exists (${type} ${from} → ${to})`);
  }
  const after = await insertRelation(tx, input);
  await recordChange(tx, {
    actor,
    action: 'create',
    target: 'relation',
    targetId: input.id,
    before: null,
    after,
  });
  return after;
}

/**
 * Replaces a relation's fields if it is still at `expectedVersion`; its kind and ends cannot
 * change. Content equal to the stored one changes nothing and logs nothing. Throws
 * `StoreNotFoundError`, `StoreConflictError` (stale version) or `ModelValidationError`.
 */
export async function updateRelation(
  executor: Neo4jExecutor,
  id: string,
  relation: Relation,
  expectedVersion: number,
  actor: string,
): Promise<RelationRecord> {
  const input = validRelation(relation);
  requireSameId(relationName(id), id, input.id);
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    return updateRelationIn(tx, id, input, expectedVersion, actor);
  });
}

/** `updateRelation` inside a transaction that holds the change log's lock (`lockChangeLog`). */
export async function updateRelationIn(
  tx: ManagedTransaction,
  id: string,
  relation: Relation,
  expectedVersion: number,
  actor: string,
): Promise<RelationRecord> {
  const input = validRelation(relation);
  requireSameId(relationName(id), id, input.id);
  const before = found(await lockRelation(tx, id), relationName(id));
  requireSameShape(before.record, input);
  requireVersion(relationName(id), before.record.version, expectedVersion);
  const content = relationContent(input);
  if (content.hash === before.hash) return before.record;
  const after = await replaceRelation(tx, input, content, expectedVersion + 1);
  await recordChange(tx, {
    actor,
    action: 'update',
    target: 'relation',
    targetId: id,
    before: before.record,
    after,
  });
  return after;
}

function relationDeleted(before: RelationRecord, actor: string): ChangeInput {
  return { actor, action: 'delete', target: 'relation', targetId: before.id, before, after: null };
}

/** Deletes a relation at `expectedVersion`. Throws `StoreNotFoundError` or `StoreConflictError`. */
export async function deleteRelation(
  executor: Neo4jExecutor,
  id: string,
  expectedVersion: number,
  actor: string,
): Promise<DeleteResult> {
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    return deleteRelationIn(tx, id, expectedVersion, actor);
  });
}

/** `deleteRelation` inside a transaction that holds the change log's lock (`lockChangeLog`). */
export async function deleteRelationIn(
  tx: ManagedTransaction,
  id: string,
  expectedVersion: number,
  actor: string,
): Promise<DeleteResult> {
  const before = found(await lockRelation(tx, id), relationName(id)).record;
  requireVersion(relationName(id), before.version, expectedVersion);
  await removeRelation(tx, before);
  await recordChange(tx, relationDeleted(before, actor));
  return { deleted: id, relationsDeleted: 1 };
}

// ---------------------------------------------------------------------------------------------
// Reading records under their write locks, for writes made of several edits (scenarios)
// ---------------------------------------------------------------------------------------------

/** The entity as stored, write-locked until the transaction ends; null when there is none. */
export async function lockedEntity(tx: ManagedTransaction, id: string): Promise<EntityRecord | null> {
  return (await readEntity(tx, id, 'lock'))?.record ?? null;
}

/** The relation as stored, write-locked until the transaction ends; null when there is none. */
export async function lockedRelation(tx: ManagedTransaction, id: string): Promise<RelationRecord | null> {
  return (await lockRelation(tx, id))?.record ?? null;
}
