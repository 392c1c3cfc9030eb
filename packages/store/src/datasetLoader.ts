import { setImmediate } from 'node:timers/promises';
import {
  type Dataset,
  type DatasetParseStep,
  ENTITY_KIND_NAMES,
  type Entity,
  type EntityKind,
  EntityKindSchema,
  ModelValidationError,
  parseDataset,
  parseDatasetSteps,
  RELATION_KIND_NAMES,
  type Relation,
  type RelationKind,
  type ValidationIssue,
} from '@innograph/model';
import type { ManagedTransaction } from 'neo4j-driver';
import { bumpGraphRevision } from './changes.js';
import {
  chunks,
  ENTITY_LABEL,
  entityPropertyKeys,
  kindLabel,
  propertyKey,
  relationColumnValue,
  relationPropertyKeys,
  relationType,
  setRelationClause,
} from './cypher.js';
import type { Neo4jExecutor, QueryRunner } from './executor.js';
import { entityContent, type PropertyValue, relationContent } from './mapping.js';

export interface LoadOptions {
  /** Remove every ecosystem entity and relation first (in the same transaction when it fits). */
  reset?: boolean;
  /** Up to this many records (dataset records, plus stored entities and relations when resetting) are written
   *  in one transaction: all or nothing. Larger loads are written in batches. */
  singleTransactionLimit?: number;
  /** Batched loads: records written per transaction (the ids looked up per query and the
   *  records deleted per transaction of a reset are `LOOKUP_ROWS`, or this when smaller). */
  batchSize?: number;
  /** Batched loads: transactions run at once on this many sessions (entities first, then
   *  relations). Two let the server use both cores of a 2-core machine: relations of the 100k
   *  bench graph went from 33 to 26 s. Neo4j's transient errors (a deadlock on a shared end node)
   *  are retried by the driver. */
  streams?: number;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface LoadReport {
  entities: WriteCounts;
  relations: WriteCounts;
  /** How it was written: one transaction, or batches of `batchSize`. */
  mode: 'single-transaction' | 'batched';
  reset: boolean;
}

interface StoredEntityRow {
  kind: string;
  hash: string | null;
}
interface StoredRelationRow {
  type: string;
  from: string;
  to: string;
  hash: string | null;
}

/** A record to write: the row its statement reads (for an update `row.props`, `row.hash` and
 *  `row.id` to find the stored record; for a new record the list `entityCreateRow` or
 *  `relationCreateRow` makes, with the ends of a new relationship). A new record's
 *  properties and hash are made only when its statement is sent, so that this client work overlaps
 *  the server's work on the statement before (hashing was 5 of 8 s of planning at 600k records). */
interface Row {
  /** The record's id. */
  id: string;
  /** A list for a CREATE statement (`entityCreateRow`, `relationCreateRow`), a map for an update. */
  params: () => unknown;
  /** Not stored yet: written with CREATE rather than found and updated. */
  isNew: boolean;
}

/** Batched writes go in transactions of 2,000 records: Neo4j keeps a transaction's state on its
 *  heap until the commit, and its young collections copy that state again and again. On 100k
 *  relations, 10,000-record transactions spent 1.9 s of the server's CPU in collections, 2,000
 *  0.5 s; the 100k bench graph loaded in 31–33 s instead of 37–46 s. */
const DEFAULTS = { singleTransactionLimit: 60_000, batchSize: 2_000, streams: 2 } as const;
/** Rows per UNWIND statement: a transaction sends several, so that the driver encodes one while
 *  the server runs the one before. */
const STATEMENT_ROWS = 1_000;
/** Ids per look-up query and records per transaction of a reset. */
const LOOKUP_ROWS = 10_000;

/** An unvalidated dataset's list `key` (empty when it is not a list). */
function inputList(input: unknown, key: 'entities' | 'relations'): unknown[] {
  if (typeof input !== 'object' || input === null) return [];
  const value: unknown = Reflect.get(input, key);
  return Array.isArray(value) ? value : [];
}

/** Ids an unvalidated dataset mentions, to look up in the database before validation; relation
 *  ids come with the type the file declares for them. */
function mentionedIds(input: unknown): { entityIds: string[]; relationIds: Map<string, string> } {
  const entityIds = new Set<string>();
  const relationIds = new Map<string, string>();
  const stringField = (record: unknown, key: string): string | undefined => {
    if (typeof record !== 'object' || record === null) return undefined;
    const value: unknown = Reflect.get(record, key);
    return typeof value === 'string' ? value : undefined;
  };
  for (const record of inputList(input, 'entities')) {
    const id = stringField(record, 'id');
    if (id !== undefined) entityIds.add(id);
  }
  for (const record of inputList(input, 'relations')) {
    for (const key of ['from', 'to']) {
      const id = stringField(record, key);
      if (id !== undefined) entityIds.add(id);
    }
    const id = stringField(record, 'id');
    if (id !== undefined) relationIds.set(id, stringField(record, 'type') ?? '');
  }
  return { entityIds: [...entityIds], relationIds };
}

// The lookups below name their index. Neo4j caches a plan per query text, and a plan made while
// a relation type was still empty scans instead of seeking once the data is there (measured: 97 s
// instead of 0.3 s for 100k MEMBER_OF ids); the hint keeps every run on the unique index.

export async function storedEntities(tx: QueryRunner, ids: string[], batchSize: number) {
  const found = new Map<string, StoredEntityRow>();
  if ((await countStored(tx)) === 0) return found;
  for (const batch of chunks(ids, batchSize)) {
    const result = await tx.run<{ id: string; kind: string; hash: string | null }>(
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL}) USING INDEX n:${ENTITY_LABEL}(id) WHERE n.id = id
       RETURN n.id AS id, n.kind AS kind, n.hash AS hash`,
      { ids: batch },
    );
    for (const record of result.records) {
      found.set(record.get('id'), { kind: record.get('kind'), hash: record.get('hash') });
    }
  }
  return found;
}

async function findRelations(
  tx: QueryRunner,
  type: RelationKind,
  ids: readonly string[],
  batchSize: number,
  found: Map<string, StoredRelationRow>,
): Promise<void> {
  const rel = relationType(type);
  for (const batch of chunks(ids, batchSize)) {
    const result = await tx.run<{ id: string; from: string; to: string; hash: string | null }>(
      `UNWIND $ids AS id MATCH (a)-[r:${rel}]->(b) USING INDEX r:${rel}(id) WHERE r.id = id
       RETURN r.id AS id, a.id AS from, b.id AS to, r.hash AS hash`,
      { ids: batch },
    );
    for (const record of result.records) {
      found.set(record.get('id'), {
        type,
        from: record.get('from'),
        to: record.get('to'),
        hash: record.get('hash'),
      });
    }
  }
}

/** The relation kinds of which the database holds at least one relationship (counts come from
 *  Neo4j's count store, without reading relationships). */
async function storedRelationTypes(tx: QueryRunner): Promise<RelationKind[]> {
  const stored: RelationKind[] = [];
  for (const type of RELATION_KIND_NAMES) {
    const result = await tx.run<{ n: number }>(`MATCH ()-[r:${relationType(type)}]->() RETURN count(r) AS n`);
    if ((result.records[0]?.get('n') ?? 0) > 0) stored.push(type);
  }
  return stored;
}

/** Stored relations with the given ids: first under the type the file declares (one index seek
 *  each), then, for ids not found there, under every other type, so that an id stored as
 *  another kind of relation is caught. Kinds with no stored relationship are not searched, so a
 *  load into an empty database looks nothing up. */
export async function storedRelations(tx: QueryRunner, ids: Map<string, string>, batchSize: number) {
  const found = new Map<string, StoredRelationRow>();
  const types = await storedRelationTypes(tx);
  if (types.length === 0) return found;
  for (const type of types) {
    const declared = [...ids].filter(([, declaredType]) => declaredType === type).map(([id]) => id);
    await findRelations(tx, type, declared, batchSize, found);
  }
  const rest = [...ids.keys()].filter((id) => !found.has(id));
  for (const type of types) await findRelations(tx, type, rest, batchSize, found);
  return found;
}

/** Checks the dataset against what is stored: no kind changes, no relation moved to other ends. */
function conflictsWithStore(
  dataset: Dataset,
  entities: Map<string, StoredEntityRow>,
  relations: Map<string, StoredRelationRow>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  dataset.entities.forEach((entity, index) => {
    const stored = entities.get(entity.id);
    if (stored !== undefined && stored.kind !== entity.kind) {
      issues.push({
        record: `entities[${index}] (id ${entity.id})`,
        field: 'kind',
        message: `'${entity.id}' is stored as ${stored.kind}; its kind cannot change to ${entity.kind} (delete it first)`,
      });
    }
  });
  dataset.relations.forEach((relation, index) => {
    const stored = relations.get(relation.id);
    if (
      stored !== undefined &&
      (stored.type !== relation.type || stored.from !== relation.from || stored.to !== relation.to)
    ) {
      issues.push({
        record: `relations[${index}] (id ${relation.id})`,
        field: 'id',
        message: `relation '${relation.id}' is stored as ${stored.type} ${stored.from} → ${stored.to}; a relation cannot change its kind or ends (delete it first)`,
      });
    }
  });
  return issues;
}

function knownKinds(entities: Map<string, StoredEntityRow>): Map<string, EntityKind> {
  const known = new Map<string, EntityKind>();
  for (const [id, row] of entities) {
    const kind = EntityKindSchema.safeParse(row.kind);
    if (kind.success) known.set(id, kind.data);
  }
  return known;
}

/** Appends a statement row to its kind's list. */
export function addRow<K, R>(rows: Map<K, R[]>, kind: K, row: R): void {
  const list = rows.get(kind);
  if (list === undefined) rows.set(kind, [row]);
  else list.push(row);
}

function entityRows(entities: readonly Entity[], stored: Map<string, StoredEntityRow>, counts: WriteCounts) {
  const rows = new Map<EntityKind, Row[]>();
  for (const entity of entities) {
    const before = stored.get(entity.id);
    if (before === undefined) {
      counts.created++;
      addRow(rows, entity.kind, {
        id: entity.id,
        isNew: true,
        params: () => {
          const { props, hash } = entityContent(entity);
          return entityCreateRow(entity.kind, props, hash);
        },
      });
      continue;
    }
    const { props, hash } = entityContent(entity);
    if (before.hash === hash) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
    addRow(rows, entity.kind, {
      id: entity.id,
      isNew: false,
      params: () => ({ id: entity.id, props, hash }),
    });
  }
  return rows;
}

function relationRows(
  relations: readonly Relation[],
  stored: Map<string, StoredRelationRow>,
  counts: WriteCounts,
) {
  const rows = new Map<RelationKind, Row[]>();
  for (const relation of relations) {
    const before = stored.get(relation.id);
    if (before === undefined) {
      counts.created++;
      addRow(rows, relation.type, {
        id: relation.id,
        isNew: true,
        params: () => {
          const { props, hash } = relationContent(relation);
          return relationCreateRow(relation, props, hash);
        },
      });
      continue;
    }
    const { props, hash } = relationContent(relation);
    if (before.hash === hash) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
    addRow(rows, relation.type, {
      id: relation.id,
      isNew: false,
      params: () => ({ id: relation.id, props, hash }),
    });
  }
  return rows;
}

/** Entity property keys by kind, in the order of a create row's columns. */
const ENTITY_COLUMNS = new Map(ENTITY_KIND_NAMES.map((kind) => [kind, entityPropertyKeys(kind)] as const));
/** Relation property keys by kind, in the order of a create row's columns. */
const RELATION_COLUMNS = new Map(
  RELATION_KIND_NAMES.map((type) => [type, relationPropertyKeys(type)] as const),
);

function columns<K>(byKind: Map<K, string[]>, kind: K): string[] {
  const keys = byKind.get(kind);
  if (keys === undefined) throw new Error(`store: no property columns for kind '${String(kind)}'`);
  return keys;
}

/** Appends `props`' values in the order of `keys` (null where a property is absent) to `row`. */
function appendColumns(row: unknown[], keys: readonly string[], props: Record<string, PropertyValue>) {
  for (const key of keys) row.push(props[key] ?? null);
  return row;
}

/**
 * The row that `createEntitiesQuery(kind)` reads for a new entity: a list, `[hash, ...values]`
 * with the values in `entityPropertyKeys(kind)` order. Lists rather than maps: a map repeats every
 * key in every row, which the driver encodes and the server decodes each time (on 100k relations
 * the client's CPU went down by about a quarter).
 */
export function entityCreateRow(
  kind: EntityKind,
  props: Record<string, PropertyValue>,
  hash: string,
): unknown[] {
  return appendColumns([hash], columns(ENTITY_COLUMNS, kind), props);
}

/** The row that `createRelationsQuery(type)` reads for a new relation: `[from, to, hash,
 *  ...values]` with the values in `relationPropertyKeys(type)` order (dates as `YYYY-MM-DD`). */
export function relationCreateRow(
  relation: Pick<Relation, 'type' | 'from' | 'to'>,
  props: Record<string, PropertyValue>,
  hash: string,
): unknown[] {
  return appendColumns([relation.from, relation.to, hash], columns(RELATION_COLUMNS, relation.type), props);
}

/** Creates nodes from rows as `entityCreateRow` makes them, each property named from the model
 *  in the CREATE pattern, as for relations. */
export function createEntitiesQuery(kind: EntityKind): string {
  const properties = columns(ENTITY_COLUMNS, kind).map((key, i) => `${propertyKey(key)}: row[${i + 1}]`);
  return `UNWIND $rows AS row
CREATE (n:${ENTITY_LABEL}:${kindLabel(kind)} {${properties.join(', ')},
  hash: row[0], version: 1, createdAt: datetime(), updatedAt: datetime()})`;
}

export function updateEntitiesQuery(kind: EntityKind): string {
  return `UNWIND $rows AS row
MATCH (n:${ENTITY_LABEL}) USING INDEX n:${ENTITY_LABEL}(id) WHERE n.id = row.id
WITH n, row, n.version AS oldVersion, n.createdAt AS createdAt
SET n = row.props
SET n:${kindLabel(kind)}, n.hash = row.hash, n.version = coalesce(oldVersion, 0) + 1,
    n.createdAt = createdAt, n.updatedAt = datetime()`;
}

const SET_RELATION = setRelationClause('row.props', 'row.hash');

/**
 * Creates relationships from rows as `relationCreateRow` makes them. The properties are written
 * in the CREATE pattern, each named from the model (the relation kind's attributes and the common
 * fields), rather than with `SET r = row.props` and then `SET` of the dates and store fields:
 * measured on a 100k-relation batch, 1.2–1.3× the rate. A null value (an attribute or `until`
 * left out) writes no property, as a map `SET` does.
 */
export function createRelationsQuery(type: RelationKind): string {
  const properties = columns(RELATION_COLUMNS, type).map(
    (key, i) => `${propertyKey(key)}: ${relationColumnValue(key, `row[${i + 3}]`)}`,
  );
  return `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL}) USING INDEX a:${ENTITY_LABEL}(id) WHERE a.id = row[0]
MATCH (b:${ENTITY_LABEL}) USING INDEX b:${ENTITY_LABEL}(id) WHERE b.id = row[1]
CREATE (a)-[r:${relationType(type)} {${properties.join(', ')},
  hash: row[2], version: 1, createdAt: datetime(), updatedAt: datetime()}]->(b)`;
}

export function updateRelationsQuery(type: RelationKind): string {
  const rel = relationType(type);
  return `UNWIND $rows AS row
MATCH ()-[r:${rel}]->() USING INDEX r:${rel}(id) WHERE r.id = row.id
WITH r, row, r.version AS oldVersion, r.createdAt AS createdAt
${SET_RELATION}, r.version = coalesce(oldVersion, 0) + 1, r.createdAt = createdAt, r.updatedAt = datetime()`;
}

type Statement = { query: string; rows: Row[] };

function statementsFor<K>(
  byKind: Map<K, Row[]>,
  order: readonly K[],
  create: (kind: K) => string,
  update: (kind: K) => string,
  batchSize: number,
): Statement[] {
  const statements: Statement[] = [];
  for (const kind of order) {
    const rows = byKind.get(kind) ?? [];
    for (const [query, isNew] of [
      [create(kind), true],
      [update(kind), false],
    ] as const) {
      for (const batch of chunks(
        rows.filter((row) => row.isNew === isNew),
        batchSize,
      ))
        statements.push({ query, rows: batch });
    }
  }
  return statements;
}

/** The statements that write the entities. */
function entityStatements(rows: Map<EntityKind, Row[]>, statementRows: number): Statement[] {
  return statementsFor(rows, ENTITY_KIND_NAMES, createEntitiesQuery, updateEntitiesQuery, statementRows);
}

/** The statements that write the relations (after the entities). */
function relationStatements(rows: Map<RelationKind, Row[]>, statementRows: number): Statement[] {
  return statementsFor(rows, RELATION_KIND_NAMES, createRelationsQuery, updateRelationsQuery, statementRows);
}

/** Runs statements in order in one transaction without waiting for each before sending the
 *  next: the driver sends a statement (in a microtask) while the next one's rows are made, and the
 *  server runs one while the next is encoded. */
async function runPipelined(tx: ManagedTransaction, statements: readonly Statement[]): Promise<void> {
  const results = [];
  for (const statement of statements) {
    results.push(tx.run(statement.query, { rows: statement.rows.map((row) => row.params()) }));
    await setImmediate();
  }
  await Promise.all(results);
}

/** The state of a `runGroups`, which its caller may watch and stop. */
interface GroupRun {
  /** Set by the caller: no further transaction starts. */
  stop: boolean;
  /** The first error of a transaction; no further transaction starts after it. */
  failure?: { error: unknown };
  /** Every group whose transaction was started (committed, failed, or of unknown outcome). */
  started: Statement[][];
}

/** Runs transactions from `groups` in order on `streams` concurrent sessions; after a failure
 *  (or once `run.stop` is set) no further transaction starts, and the first error is thrown once
 *  the others have ended. */
async function runGroups(
  executor: Neo4jExecutor,
  groups: readonly Statement[][],
  streams: number,
  run: GroupRun = { stop: false, started: [] },
) {
  let next = 0;
  const stream = async () => {
    while (!run.stop && run.failure === undefined && next < groups.length) {
      const group = groups[next++];
      if (group === undefined) return;
      run.started.push(group);
      try {
        await executor.executeWrite((tx) => runPipelined(tx, group));
      } catch (error) {
        run.failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, streams) }, stream));
  if (run.failure !== undefined) throw run.failure.error;
}

/** Consecutive statements grouped into transactions of at most `batchSize` rows. */
function transactions(statements: readonly Statement[], batchSize: number): Statement[][] {
  const groups: Statement[][] = [];
  let current: Statement[] = [];
  let size = 0;
  for (const statement of statements) {
    const rows = statement.rows.length;
    if (current.length > 0 && size + rows > batchSize) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(statement);
    size += rows;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A report with nothing counted yet. */
function emptyReport(mode: LoadReport['mode'], reset: boolean): LoadReport {
  return {
    entities: { created: 0, updated: 0, unchanged: 0 },
    relations: { created: 0, updated: 0, unchanged: 0 },
    mode,
    reset,
  };
}

const CLEAR_QUERY = `MATCH (n:${ENTITY_LABEL}) DETACH DELETE n`;

async function countStored(tx: QueryRunner): Promise<number> {
  const result = await tx.run<{ n: number }>(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS n`);
  return result.records[0]?.get('n') ?? 0;
}

export async function countEntities(executor: Neo4jExecutor): Promise<number> {
  return executor.executeRead(countStored);
}

/** Stored entities and their relationships: what a reset deletes. Both counts come from Neo4j's
 *  count store, without reading the records. */
async function countStoredRecords(executor: Neo4jExecutor): Promise<number> {
  return executor.executeRead(async (tx) => {
    const count = async (query: string) => (await tx.run<{ n: number }>(query)).records[0]?.get('n') ?? 0;
    return (
      (await count(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS n`)) +
      (await count(`MATCH (:${ENTITY_LABEL})-[r]->() RETURN count(r) AS n`))
    );
  });
}

/**
 * Validates a dataset (parsed JSON, not yet trusted) against the model and against what is
 * stored, then writes it idempotently: records not stored yet are created, records whose
 * content changed are updated (version + 1), unchanged records are not touched. Bad input throws a
 * ModelValidationError and leaves the database as it was: before anything is written, except in
 * a batched load into an empty database, whose entities are written while its relations are
 * checked and deleted again when a relation is refused (`loadIntoEmpty`). Loads up to
 * `singleTransactionLimit` records are one transaction.
 */
export async function loadDataset(
  executor: Neo4jExecutor,
  input: unknown,
  options: LoadOptions = {},
): Promise<{ dataset: Dataset; report: LoadReport }> {
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const lookupRows = Math.min(LOOKUP_ROWS, options.batchSize ?? LOOKUP_ROWS);
  const limit = options.singleTransactionLimit ?? DEFAULTS.singleTransactionLimit;
  const reset = options.reset ?? false;
  const statementRows = Math.min(STATEMENT_ROWS, batchSize);

  /** `storedCount`: the stored entities when already counted. */
  const plan = async (tx: ManagedTransaction, mode: LoadReport['mode'], storedCount?: number) => {
    // Nothing to look up when resetting or when no entity (hence no relation) is stored.
    const ids = reset || (storedCount ?? (await countStored(tx))) === 0 ? undefined : mentionedIds(input);
    const entities =
      ids === undefined
        ? new Map<string, StoredEntityRow>()
        : await storedEntities(tx, ids.entityIds, lookupRows);
    const relations =
      ids === undefined
        ? new Map<string, StoredRelationRow>()
        : await storedRelations(tx, ids.relationIds, lookupRows);
    const dataset = parseDataset(input, { knownEntities: knownKinds(entities) });
    const conflicts = conflictsWithStore(dataset, entities, relations);
    if (conflicts.length > 0) throw new ModelValidationError(conflicts);
    const report = emptyReport(mode, reset);
    const statements = {
      entities: entityStatements(entityRows(dataset.entities, entities, report.entities), statementRows),
      relations: relationStatements(
        relationRows(dataset.relations, relations, report.relations),
        statementRows,
      ),
    };
    return { dataset, report, statements };
  };

  // A reset deletes what is stored in the same transaction when the whole is small enough: count
  // its relationships too (deleting 50,000 entities with 250,000 relationships in one
  // transaction exceeded Neo4j's transaction memory).
  const stored = reset ? await countStoredRecords(executor) : 0;
  const size = inputList(input, 'entities').length + inputList(input, 'relations').length + stored;

  if (size <= limit) {
    return executor.executeWrite(async (tx) => {
      if (reset) await tx.run(CLEAR_QUERY);
      const { dataset, report, statements } = await plan(tx, 'single-transaction');
      await runPipelined(tx, [...statements.entities, ...statements.relations]);
      await bumpGraphRevision(tx);
      return { dataset, report };
    });
  }

  const streams = options.streams ?? DEFAULTS.streams;
  const storedCount = reset ? undefined : await countEntities(executor);
  if (storedCount === 0) {
    return loadIntoEmpty(executor, input, { batchSize, statementRows, lookupRows, streams });
  }

  // Too large for one transaction: validate everything first, then reset and write in batches.
  const { dataset, report, statements } = await executor.executeRead((tx) =>
    plan(tx, 'batched', storedCount),
  );
  if (reset) await deleteEcosystem(executor, lookupRows);
  await runGroups(executor, transactions(statements.entities, batchSize), streams);
  await runGroups(executor, transactions(statements.relations, batchSize), streams);
  await executor.executeWrite(bumpGraphRevision);
  return { dataset, report };
}

/** Relations checked between two turns of the event loop while the entities are written: about
 *  20 ms of checking, so that the writing streams are not kept waiting long. */
const RELATIONS_PER_STEP = 5_000;

/** Runs the rest of a dataset check, letting the event loop run between steps (the writes of the
 *  entities go on meanwhile); stops early, without a result, once `stopped()` says so. */
async function finishParse(
  steps: Generator<DatasetParseStep, Dataset, void>,
  stopped: () => boolean,
): Promise<Dataset | undefined> {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (stopped()) return undefined;
    await setImmediate();
  }
}

/**
 * A batched load into a database with no ecosystem entity: the entities are written while the
 * relations are still being checked, which otherwise left the server idle (2–3 s of a 25 s load
 * of the 100k bench graph). Should a relation have an issue, the entities written so far are
 * deleted again before the ModelValidationError is thrown: bad input leaves nothing behind, as in
 * the other modes, though readers may see those entities for a moment.
 */
async function loadIntoEmpty(
  executor: Neo4jExecutor,
  input: unknown,
  sizes: { batchSize: number; statementRows: number; lookupRows: number; streams: number },
): Promise<{ dataset: Dataset; report: LoadReport }> {
  const steps = parseDatasetSteps(input, { relationsPerStep: RELATIONS_PER_STEP });
  const first = steps.next();
  if (first.done === true || first.value.step !== 'entities') {
    throw new Error('store: the dataset check did not pause after the entities');
  }
  if (!first.value.clean) {
    // Issues in the envelope or the entities: finish the check, which throws every issue, before
    // anything is written.
    await finishParse(steps, () => false);
    throw new Error('store: the dataset check found issues but threw none');
  }
  const report = emptyReport('batched', false);
  const entities = entityStatements(
    entityRows(first.value.entities, new Map(), report.entities),
    sizes.statementRows,
  );
  const run: GroupRun = { stop: false, started: [] };
  const writing = runGroups(executor, transactions(entities, sizes.batchSize), sizes.streams, run).then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  let dataset: Dataset | undefined;
  try {
    dataset = await finishParse(steps, () => run.failure !== undefined);
  } catch (issues) {
    run.stop = true;
    await writing;
    await undoEntities(executor, run.started, sizes.lookupRows, issues);
    throw issues;
  }
  if (dataset === undefined) {
    // The check stopped because writing the entities failed.
    throw (await writing)?.error ?? new Error('store: the dataset check stopped without a result');
  }
  // The relations' statements are made while the last entities are written.
  const relations = relationStatements(
    relationRows(dataset.relations, new Map(), report.relations),
    sizes.statementRows,
  );
  const failed = await writing;
  if (failed !== undefined) throw failed.error;
  await runGroups(executor, transactions(relations, sizes.batchSize), sizes.streams);
  await executor.executeWrite(bumpGraphRevision);
  return { dataset, report };
}

/** Deletes the entities of the started groups again (a load into an empty database that then
 *  found issues); when that fails too, says which error came first and that entities remain. */
async function undoEntities(
  executor: Neo4jExecutor,
  started: readonly Statement[][],
  batchSize: number,
  issues: unknown,
): Promise<void> {
  const ids = started.flatMap((group) => group.flatMap((statement) => statement.rows.map((row) => row.id)));
  if (ids.length === 0) return;
  try {
    await executor.runAutoCommit(
      `UNWIND $ids AS id CALL (id) {
  MATCH (n:${ENTITY_LABEL}) USING INDEX n:${ENTITY_LABEL}(id) WHERE n.id = id DETACH DELETE n
} IN TRANSACTIONS OF ${batchSize} ROWS`,
      { ids },
    );
    await executor.executeWrite(bumpGraphRevision);
  } catch (error) {
    const reason = issues instanceof Error ? issues.message : String(issues);
    throw new Error(
      `store: the dataset has issues (${reason}), and the ${ids.length} entities written before they were found could not be deleted again: ${error instanceof Error ? error.message : String(error)}`,
      { cause: issues },
    );
  }
}

/**
 * Deletes every ecosystem relation, then every entity, in transactions of `batchSize` of them, so
 * that a transaction's memory stays bounded whatever an entity's degree. Deleting entities with
 * their relations in transactions of 10,000 entities needed more than 0.7 GB of transaction
 * memory on the 100k graph (its chains and parks have hundreds to thousands of relations each):
 * with a 1 GB heap the reset failed, and with 2 GB it was near the limit.
 */
async function deleteEcosystem(executor: Neo4jExecutor, batchSize: number): Promise<void> {
  await executor.runAutoCommit(
    `MATCH (:${ENTITY_LABEL})-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF ${batchSize} ROWS`,
  );
  await executor.runAutoCommit(
    `MATCH (n:${ENTITY_LABEL}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${batchSize} ROWS`,
  );
}

/** Removes every ecosystem entity and relation (not the store's other data). */
export async function clearEcosystem(executor: Neo4jExecutor, batchSize = LOOKUP_ROWS): Promise<void> {
  await deleteEcosystem(executor, batchSize);
  await executor.executeWrite(bumpGraphRevision);
}
