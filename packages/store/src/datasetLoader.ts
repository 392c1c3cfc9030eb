import {
  type Dataset,
  ENTITY_KIND_NAMES,
  type Entity,
  type EntityKind,
  EntityKindSchema,
  ModelValidationError,
  parseDataset,
  RELATION_KIND_NAMES,
  type Relation,
  type RelationKind,
  type ValidationIssue,
} from '@innograph/model';
import type { ManagedTransaction } from 'neo4j-driver';
import { chunks, ENTITY_LABEL, kindLabel, relationType } from './cypher.js';
import type { Neo4jExecutor } from './executor.js';
import { contentHash, entityProperties, type PropertyValue, relationProperties } from './mapping.js';

export interface LoadOptions {
  /** Remove every ecosystem entity and relation first (in the same transaction when it fits). */
  reset?: boolean;
  /** Up to this many records (dataset records, plus stored entities when resetting) are written
   *  in one transaction: all or nothing. Larger loads are written in batches. */
  singleTransactionLimit?: number;
  /** Rows per UNWIND statement. */
  batchSize?: number;
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

interface Row {
  id: string;
  hash: string;
  props: Record<string, PropertyValue>;
}
interface RelationRow extends Row {
  from: string;
  to: string;
}

const DEFAULTS = { singleTransactionLimit: 60_000, batchSize: 10_000 } as const;

/** Ids an unvalidated dataset mentions, to look up in the database before validation. */
function mentionedIds(input: unknown): { entityIds: string[]; relationIds: string[] } {
  const entityIds = new Set<string>();
  const relationIds = new Set<string>();
  const list = (key: string): unknown[] => {
    if (typeof input !== 'object' || input === null) return [];
    const value: unknown = Reflect.get(input, key);
    return Array.isArray(value) ? value : [];
  };
  const stringField = (record: unknown, key: string): string | undefined => {
    if (typeof record !== 'object' || record === null) return undefined;
    const value: unknown = Reflect.get(record, key);
    return typeof value === 'string' ? value : undefined;
  };
  for (const record of list('entities')) {
    const id = stringField(record, 'id');
    if (id !== undefined) entityIds.add(id);
  }
  for (const record of list('relations')) {
    for (const key of ['from', 'to']) {
      const id = stringField(record, key);
      if (id !== undefined) entityIds.add(id);
    }
    const id = stringField(record, 'id');
    if (id !== undefined) relationIds.add(id);
  }
  return { entityIds: [...entityIds], relationIds: [...relationIds] };
}

async function storedEntities(tx: ManagedTransaction, ids: string[], batchSize: number) {
  const found = new Map<string, StoredEntityRow>();
  for (const batch of chunks(ids, batchSize)) {
    const result = await tx.run<{ id: string; kind: string; hash: string | null }>(
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN n.id AS id, n.kind AS kind, n.hash AS hash`,
      { ids: batch },
    );
    for (const record of result.records) {
      found.set(record.get('id'), { kind: record.get('kind'), hash: record.get('hash') });
    }
  }
  return found;
}

async function storedRelations(tx: ManagedTransaction, ids: string[], batchSize: number) {
  const found = new Map<string, StoredRelationRow>();
  for (const type of RELATION_KIND_NAMES) {
    for (const batch of chunks(ids, batchSize)) {
      const result = await tx.run<{ id: string; from: string; to: string; hash: string | null }>(
        `UNWIND $ids AS id MATCH (a)-[r:${relationType(type)} {id: id}]->(b)
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

function entityRows(entities: readonly Entity[], stored: Map<string, StoredEntityRow>, counts: WriteCounts) {
  const rows = new Map<EntityKind, Row[]>();
  for (const entity of entities) {
    const props = entityProperties(entity);
    const hash = contentHash(props);
    const before = stored.get(entity.id);
    if (before?.hash === hash) {
      counts.unchanged++;
      continue;
    }
    if (before === undefined) counts.created++;
    else counts.updated++;
    const list = rows.get(entity.kind) ?? [];
    list.push({ id: entity.id, hash, props });
    rows.set(entity.kind, list);
  }
  return rows;
}

function relationRows(
  relations: readonly Relation[],
  stored: Map<string, StoredRelationRow>,
  counts: WriteCounts,
) {
  const rows = new Map<RelationKind, RelationRow[]>();
  for (const relation of relations) {
    const props = relationProperties(relation);
    const hash = contentHash({ props, type: relation.type, from: relation.from, to: relation.to });
    const before = stored.get(relation.id);
    if (before?.hash === hash) {
      counts.unchanged++;
      continue;
    }
    if (before === undefined) counts.created++;
    else counts.updated++;
    const list = rows.get(relation.type) ?? [];
    list.push({ id: relation.id, hash, props, from: relation.from, to: relation.to });
    rows.set(relation.type, list);
  }
  return rows;
}

function upsertEntitiesQuery(kind: EntityKind): string {
  return `UNWIND $rows AS row
MERGE (n:${ENTITY_LABEL} {id: row.id})
WITH n, row, n.version AS oldVersion, n.createdAt AS createdAt
SET n = row.props
SET n:${kindLabel(kind)}, n.hash = row.hash, n.version = coalesce(oldVersion, 0) + 1,
    n.createdAt = coalesce(createdAt, datetime()), n.updatedAt = datetime()`;
}

function upsertRelationsQuery(type: RelationKind): string {
  return `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {id: row.from})
MATCH (b:${ENTITY_LABEL} {id: row.to})
MERGE (a)-[r:${relationType(type)} {id: row.id}]->(b)
WITH r, row, r.version AS oldVersion, r.createdAt AS createdAt
SET r = row.props
SET r.since = date(row.props.since),
    r.until = CASE WHEN row.props.until IS NULL THEN null ELSE date(row.props.until) END,
    r.hash = row.hash, r.version = coalesce(oldVersion, 0) + 1,
    r.createdAt = coalesce(createdAt, datetime()), r.updatedAt = datetime()`;
}

type Statement = { query: string; parameters: Record<string, unknown> };

function writeStatements(
  entities: Map<EntityKind, Row[]>,
  relations: Map<RelationKind, RelationRow[]>,
  batchSize: number,
): Statement[] {
  const statements: Statement[] = [];
  for (const kind of ENTITY_KIND_NAMES) {
    for (const rows of chunks(entities.get(kind) ?? [], batchSize)) {
      statements.push({ query: upsertEntitiesQuery(kind), parameters: { rows } });
    }
  }
  for (const type of RELATION_KIND_NAMES) {
    for (const rows of chunks(relations.get(type) ?? [], batchSize)) {
      statements.push({ query: upsertRelationsQuery(type), parameters: { rows } });
    }
  }
  return statements;
}

const CLEAR_QUERY = `MATCH (n:${ENTITY_LABEL}) DETACH DELETE n`;

export async function countEntities(executor: Neo4jExecutor): Promise<number> {
  return executor.executeRead(async (tx) => {
    const result = await tx.run<{ n: number }>(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS n`);
    return result.records[0]?.get('n') ?? 0;
  });
}

/**
 * Validates a dataset (parsed JSON, not yet trusted) against the model and against what is
 * stored, then writes it idempotently: MERGE by id, and only records whose content changed are
 * written. Bad input throws a ModelValidationError before anything is written. Loads up to
 * `singleTransactionLimit` records are one transaction.
 */
export async function loadDataset(
  executor: Neo4jExecutor,
  input: unknown,
  options: LoadOptions = {},
): Promise<{ dataset: Dataset; report: LoadReport }> {
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const limit = options.singleTransactionLimit ?? DEFAULTS.singleTransactionLimit;
  const reset = options.reset ?? false;
  const ids = mentionedIds(input);

  const plan = async (tx: ManagedTransaction) => {
    const entities = reset
      ? new Map<string, StoredEntityRow>()
      : await storedEntities(tx, ids.entityIds, batchSize);
    const relations = reset
      ? new Map<string, StoredRelationRow>()
      : await storedRelations(tx, ids.relationIds, batchSize);
    const dataset = parseDataset(input, { knownEntities: knownKinds(entities) });
    const conflicts = conflictsWithStore(dataset, entities, relations);
    if (conflicts.length > 0) throw new ModelValidationError(conflicts);
    const report: LoadReport = {
      entities: { created: 0, updated: 0, unchanged: 0 },
      relations: { created: 0, updated: 0, unchanged: 0 },
      mode: 'single-transaction',
      reset,
    };
    const statements = writeStatements(
      entityRows(dataset.entities, entities, report.entities),
      relationRows(dataset.relations, relations, report.relations),
      batchSize,
    );
    return { dataset, report, statements };
  };

  const stored = reset ? await countEntities(executor) : 0;
  const size = ids.entityIds.length + ids.relationIds.length + stored;

  if (size <= limit) {
    return executor.executeWrite(async (tx) => {
      if (reset) await tx.run(CLEAR_QUERY);
      const { dataset, report, statements } = await plan(tx);
      for (const statement of statements) await tx.run(statement.query, statement.parameters);
      return { dataset, report };
    });
  }

  // Too large for one transaction: validate everything first, then reset and write in batches.
  const { dataset, report, statements } = await executor.executeRead(plan);
  report.mode = 'batched';
  if (reset) {
    await executor.runAutoCommit(
      `MATCH (n:${ENTITY_LABEL}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${batchSize} ROWS`,
    );
  }
  for (const statement of statements) {
    await executor.executeWrite((tx) => tx.run(statement.query, statement.parameters));
  }
  return { dataset, report };
}

/** Removes every ecosystem entity and relation (not the store's other data). */
export async function clearEcosystem(executor: Neo4jExecutor, batchSize = DEFAULTS.batchSize): Promise<void> {
  await executor.runAutoCommit(
    `MATCH (n:${ENTITY_LABEL}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${batchSize} ROWS`,
  );
}
