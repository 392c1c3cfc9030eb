/**
 * Imports records from a file as they are read (`ImportItem`s from `@innograph/interchange`), in
 * one transaction: all or nothing.
 *
 * Entities come first, then relations. Each record is checked with the model as it arrives (kind,
 * fields, ids that repeat), and every 2,500 records the batch is compared with what is stored
 * (kind changes, relations moved to other ends, content hashes: created, updated or unchanged)
 * and, unless it is a dry run or an issue was found, written with the dataset loader's UNWIND
 * statements inside the same transaction. Relation ends are looked up in the file's entities,
 * then in the database. At the end, any issue rolls the transaction back; otherwise one
 * summarised change-log entry is added and it commits.
 *
 * Memory: the ids of the file (to find repeats and relation ends) and one batch; the records
 * themselves are not kept. A dry run is the same pass in a read transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  checkEntity,
  checkRelation,
  describeRule,
  type Entity,
  type EntityKind,
  EntityKindSchema,
  type ImportCounts,
  type ImportIssue,
  type ImportItem,
  type ImportReport,
  INTERCHANGE_LIMITS,
  type InterchangeFormat,
  type RecordPlace,
  type Relation,
  type RelationKind,
  relationAllowed,
  type ValidationIssue,
} from '@innograph/model';
import { bumpGraphRevision, lockChangeLog, recordChange } from './changes.js';
import {
  addRow,
  createEntitiesQuery,
  createRelationsQuery,
  entityCreateRow,
  relationCreateRow,
  storedEntities,
  storedRelations,
  updateEntitiesQuery,
  updateRelationsQuery,
} from './datasetLoader.js';
import { StoreError } from './errors.js';
import type { Neo4jExecutor, QueryRunner } from './executor.js';
import { entityContent, relationContent } from './mapping.js';

export interface ImportOptions {
  /** Check and report only; nothing is written. */
  dryRun: boolean;
  /** Who imports, for the change log. */
  actor: string;
  format: InterchangeFormat;
  /** The file names, for the report and the change log. */
  files: string[];
  /** Records compared and written per batch. */
  batchSize?: number;
}

/** Neo4j refused to hold the import's transaction in its heap (`dbms.memory.transaction.total.max`);
 *  nothing was written. */
export class ImportTooLargeError extends StoreError {}

/** After this many issues the rest of the input is not read. */
const STOP_AFTER_ISSUES = 1_000;
const BATCH = 2_500;

interface Pending<T> {
  record: T;
  place: RecordPlace;
}

class Counts {
  created = 0;
  updated = 0;
  unchanged = 0;
  readonly createdIds: string[] = [];
  readonly updatedIds: string[] = [];

  add(id: string, change: 'created' | 'updated' | 'unchanged') {
    this[change]++;
    if (change === 'created' && this.createdIds.length < INTERCHANGE_LIMITS.reportIds)
      this.createdIds.push(id);
    if (change === 'updated' && this.updatedIds.length < INTERCHANGE_LIMITS.reportIds)
      this.updatedIds.push(id);
  }

  report(): ImportCounts {
    return {
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
      createdIds: this.createdIds,
      updatedIds: this.updatedIds,
    };
  }
}

function idOf(raw: unknown): string | undefined {
  const id: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'id') : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Thrown inside the transaction to roll it back when the input had issues. */
class Refused extends Error {}

class ImportRun {
  readonly entities = new Counts();
  readonly relations = new Counts();
  readonly issues: ImportIssue[] = [];
  issueCount = 0;
  /** Entities of the file: kind and line, by id. */
  private readonly fileEntities = new Map<string, { kind: EntityKind | null; line: number | null }>();
  private readonly relationLines = new Map<string, number | null>();
  private pendingEntities: Pending<Entity>[] = [];
  private pendingRelations: Pending<Relation>[] = [];
  private readingRelations = false;

  constructor(
    private readonly tx: QueryRunner,
    private readonly options: ImportOptions,
  ) {}

  private get writing(): boolean {
    return !this.options.dryRun && this.issueCount === 0;
  }

  get stopped(): boolean {
    return this.issueCount >= STOP_AFTER_ISSUES;
  }

  addIssue(issue: ImportIssue) {
    this.issueCount++;
    if (this.issues.length < INTERCHANGE_LIMITS.reportIssues) this.issues.push(issue);
  }

  private addIssues(place: RecordPlace, issues: readonly ValidationIssue[]) {
    for (const issue of issues) {
      this.addIssue({
        file: place.file,
        line: place.line,
        record: place.record,
        field: issue.field,
        message: issue.message,
      });
    }
  }

  private where(line: number | null): string {
    return line === null ? '' : ` (first at line ${line})`;
  }

  async add(item: ImportItem): Promise<void> {
    if (item.type === 'issue') {
      this.addIssue(item.issue);
      return;
    }
    if (item.type === 'entity') {
      if (this.readingRelations) {
        this.addIssues(item.place, [
          { record: '', field: '', message: 'an entity after the relations; entities come first' },
        ]);
        return;
      }
      this.entity(item.place, item.raw);
      if (this.pendingEntities.length >= (this.options.batchSize ?? BATCH)) await this.flushEntities();
      return;
    }
    if (!this.readingRelations) {
      await this.flushEntities();
      this.readingRelations = true;
    }
    this.relation(item.place, item.raw);
    if (this.pendingRelations.length >= (this.options.batchSize ?? BATCH)) await this.flushRelations();
  }

  private entity(place: RecordPlace, raw: unknown) {
    const id = idOf(raw);
    const before = id === undefined ? undefined : this.fileEntities.get(id);
    if (id !== undefined && before !== undefined) {
      this.addIssues(place, [
        { record: '', field: 'id', message: `duplicate entity id '${id}'${this.where(before.line)}` },
      ]);
      return;
    }
    const checked = checkEntity(raw, place.record);
    if (id !== undefined)
      this.fileEntities.set(id, { kind: checked.ok ? checked.value.kind : null, line: place.line });
    if (!checked.ok) {
      this.addIssues(place, checked.issues);
      return;
    }
    this.pendingEntities.push({ record: checked.value, place });
  }

  private relation(place: RecordPlace, raw: unknown) {
    const id = idOf(raw);
    if (id !== undefined && this.relationLines.has(id)) {
      const message = `duplicate relation id '${id}'${this.where(this.relationLines.get(id) ?? null)}`;
      this.addIssues(place, [{ record: '', field: 'id', message }]);
      return;
    }
    if (id !== undefined) this.relationLines.set(id, place.line);
    const checked = checkRelation(raw, place.record);
    if (!checked.ok) {
      this.addIssues(place, checked.issues);
      return;
    }
    this.pendingRelations.push({ record: checked.value, place });
  }

  async flushEntities(): Promise<void> {
    const batch = this.pendingEntities;
    this.pendingEntities = [];
    if (batch.length === 0) return;
    const batchSize = this.options.batchSize ?? BATCH;
    const stored = await storedEntities(
      this.tx,
      batch.map(({ record }) => record.id),
      batchSize,
    );
    const create = new Map<EntityKind, unknown[][]>();
    const update = new Map<EntityKind, Record<string, unknown>[]>();
    for (const { record: entity, place } of batch) {
      const before = stored.get(entity.id);
      if (before !== undefined && before.kind !== entity.kind) {
        const message = `'${entity.id}' is stored as ${before.kind}; its kind cannot change to ${entity.kind} (delete it first)`;
        this.addIssues(place, [{ record: '', field: 'kind', message }]);
        continue;
      }
      const { props, hash } = entityContent(entity);
      if (before?.hash === hash) {
        this.entities.add(entity.id, 'unchanged');
        continue;
      }
      this.entities.add(entity.id, before === undefined ? 'created' : 'updated');
      if (before === undefined) addRow(create, entity.kind, entityCreateRow(entity.kind, props, hash));
      else addRow(update, entity.kind, { id: entity.id, props, hash });
    }
    if (!this.writing) return;
    await Promise.all([
      ...[...create].map(([kind, rows]) => this.tx.run(createEntitiesQuery(kind), { rows })),
      ...[...update].map(([kind, rows]) => this.tx.run(updateEntitiesQuery(kind), { rows })),
    ]);
  }

  async flushRelations(): Promise<void> {
    const batch = this.pendingRelations;
    this.pendingRelations = [];
    if (batch.length === 0) return;
    const batchSize = this.options.batchSize ?? BATCH;
    const outside = new Set<string>();
    for (const { record } of batch) {
      for (const end of [record.from, record.to]) if (!this.fileEntities.has(end)) outside.add(end);
    }
    const storedEnds =
      outside.size === 0 ? new Map() : await storedEntities(this.tx, [...outside], batchSize);
    const stored = await storedRelations(
      this.tx,
      new Map(batch.map(({ record }) => [record.id, record.type])),
      batchSize,
    );
    const kindOf = (id: string): EntityKind | null | undefined => {
      const inFile = this.fileEntities.get(id);
      if (inFile !== undefined) return inFile.kind;
      const kind = EntityKindSchema.safeParse(storedEnds.get(id)?.kind);
      return kind.success ? kind.data : undefined;
    };
    const create = new Map<RelationKind, unknown[][]>();
    const update = new Map<RelationKind, Record<string, unknown>[]>();
    for (const { record: relation, place } of batch) {
      const issues: ValidationIssue[] = [];
      const ends = { from: kindOf(relation.from), to: kindOf(relation.to) };
      for (const end of ['from', 'to'] as const) {
        const kind = ends[end];
        const id = relation[end];
        if (kind === null)
          issues.push({ record: '', field: end, message: `entity '${id}' has errors (see above)` });
        if (kind === undefined) {
          issues.push({
            record: '',
            field: end,
            message: `no entity with id '${id}' in the file or the database`,
          });
        }
      }
      if (
        issues.length === 0 &&
        ends.from &&
        ends.to &&
        !relationAllowed(relation.type, ends.from, ends.to)
      ) {
        issues.push({
          record: '',
          field: 'type',
          message: `${relation.type} cannot connect ${ends.from} '${relation.from}' to ${ends.to} '${relation.to}' (${describeRule(relation.type)})`,
        });
      }
      const before = stored.get(relation.id);
      if (
        before !== undefined &&
        (before.type !== relation.type || before.from !== relation.from || before.to !== relation.to)
      ) {
        issues.push({
          record: '',
          field: 'id',
          message: `relation '${relation.id}' is stored as ${before.type} ${before.from} → ${before.to}; a relation cannot change its kind or ends (delete it first)`,
        });
      }
      if (issues.length > 0) {
        this.addIssues(place, issues);
        continue;
      }
      const { props, hash } = relationContent(relation);
      if (before?.hash === hash) {
        this.relations.add(relation.id, 'unchanged');
        continue;
      }
      this.relations.add(relation.id, before === undefined ? 'created' : 'updated');
      if (before === undefined) addRow(create, relation.type, relationCreateRow(relation, props, hash));
      else addRow(update, relation.type, { id: relation.id, props, hash });
    }
    if (!this.writing) return;
    await Promise.all([
      ...[...create].map(([type, rows]) => this.tx.run(createRelationsQuery(type), { rows })),
      ...[...update].map(([type, rows]) => this.tx.run(updateRelationsQuery(type), { rows })),
    ]);
  }

  report(started: number, committed: boolean, changeId: string | null): ImportReport {
    return {
      dryRun: this.options.dryRun,
      committed,
      format: this.options.format,
      files: this.options.files,
      entities: this.entities.report(),
      relations: this.relations.report(),
      issues: this.issues,
      issueCount: this.issueCount,
      changeId,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  }
}

/**
 * Checks the items against the model and the database and, unless `dryRun`, writes them in one
 * transaction; returns what was (or would be) created, updated and left unchanged with every
 * issue. Input with any issue writes nothing (`committed: false`).
 */
export async function importRecords(
  executor: Neo4jExecutor,
  items: AsyncIterable<ImportItem> | Iterable<ImportItem>,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  let refused: ImportReport | undefined;
  const work = async (tx: QueryRunner): Promise<ImportReport> => {
    if (!options.dryRun) await lockChangeLog(tx);
    const run = new ImportRun(tx, options);
    for await (const item of items) {
      await run.add(item);
      if (run.stopped) break;
    }
    await run.flushEntities();
    await run.flushRelations();
    if (options.dryRun) return run.report(started, false, null);
    if (run.issueCount > 0) {
      refused = run.report(started, false, null);
      throw new Refused();
    }
    const changed =
      run.entities.created + run.entities.updated + run.relations.created + run.relations.updated > 0;
    if (!changed) return run.report(started, true, null);
    const changeId = `import-${randomUUID()}`;
    await recordChange(tx, {
      actor: options.actor,
      action: 'import',
      target: 'dataset',
      targetId: changeId,
      before: null,
      after: {
        format: options.format,
        files: options.files,
        entities: {
          created: run.entities.created,
          updated: run.entities.updated,
          unchanged: run.entities.unchanged,
        },
        relations: {
          created: run.relations.created,
          updated: run.relations.updated,
          unchanged: run.relations.unchanged,
        },
      },
    });
    await bumpGraphRevision(tx);
    return run.report(started, true, changeId);
  };
  try {
    // One explicit transaction, not retried: the file is read once.
    return await executor.executeOnce(options.dryRun ? 'READ' : 'WRITE', work);
  } catch (error) {
    if (error instanceof Refused && refused !== undefined) return refused;
    if (
      error instanceof StoreError &&
      error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError'
    ) {
      throw new ImportTooLargeError(
        'the import does not fit in one Neo4j transaction with this heap (dbms.memory.transaction.total.max); nothing was written: give Neo4j a larger heap (NEO4J_LOCAL_HEAP for the local server) or import the file in parts',
        error.code,
        { cause: error },
      );
    }
    throw error;
  }
}
