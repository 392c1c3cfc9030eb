/**
 * What-if scenarios: named lists of proposed changes (`ScenarioChange` in the model), stored
 * apart from the ecosystem as `:Scenario` nodes: never labelled `Entity`, never connected to
 * entities, their changes and base versions kept as JSON text. Graph reads, loads and resets do
 * not see them.
 *
 * - Saving (create, update) checks every change against the stored graph, in order (a later
 *   change may name a relation an earlier one adds), and refuses the whole scenario with one
 *   `ModelValidationError` issue per bad change (`changes[2].relation.to`). It records in
 *   `baseVersions` the version of every record a change touches, as it was when the change was
 *   first added ("absent" for a relation the scenario creates); versions of records the scenario
 *   already touched are kept.
 * - Scenarios are versioned like records: update, delete and apply name the version they read
 *   (`StoreConflictError` otherwise).
 * - Applying is one write transaction: take the change log's lock, check every base version
 *   (`ScenarioConflictError` listing each record that moved on), make the changes through the
 *   same helpers as the API's edits (writes.ts: validation, `relationAllowed`, change-log entries
 *   with the actor), then mark the scenario applied. Any failure leaves nothing written.
 */
import { randomUUID } from 'node:crypto';
import {
  API_LIMITS,
  type BaseVersions,
  type EntityKind,
  EntityKindSchema,
  type EntityRecord,
  EntitySchema,
  ModelValidationError,
  RELATION_KIND_NAMES,
  type Relation,
  type RelationRecord,
  RelationSchema,
  relationAllowed,
  type Scenario,
  type ScenarioApplyResponse,
  type ScenarioChange,
  type ScenarioCreateBody,
  ScenarioSchema,
  type ScenarioUpdateBody,
  type ValidationIssue,
} from '@innograph/model';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { lockChangeLog } from './changes.js';
import { ENTITY_LABEL, relationType } from './cypher.js';
import { StoreConflictError, StoreNotFoundError } from './errors.js';
import type { Neo4jExecutor } from './executor.js';
import { isoString, JsonText, readRows, Timestamp } from './rows.js';
import {
  createRelationIn,
  deleteRelationIn,
  lockedEntity,
  lockedRelation,
  updateEntityIn,
  updateRelationIn,
} from './writes.js';

export const SCENARIO_LABEL = 'Scenario';

/** One reason a scenario cannot be applied: a record that moved on, or a change that fails. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** Applying was refused: the scenario's base changed, or a change no longer fits the graph. */
export class ScenarioConflictError extends StoreConflictError {
  readonly issues: ScenarioIssue[];
  constructor(message: string, issues: ScenarioIssue[]) {
    super(message);
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

const ScenarioRow = z.object({
  props: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    owner: z.string().nullish(),
    status: z.string(),
    changes: JsonText,
    baseVersions: JsonText,
    appliedAt: Timestamp.nullish(),
    appliedBy: z.string().nullish(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
});

function scenarioOf({ props }: z.infer<typeof ScenarioRow>): Scenario {
  return ScenarioSchema.parse({
    id: props.id,
    name: props.name,
    description: props.description,
    ...(props.owner === null || props.owner === undefined ? {} : { owner: props.owner }),
    status: props.status,
    changes: props.changes,
    baseVersions: props.baseVersions,
    appliedAt: props.appliedAt === null || props.appliedAt === undefined ? null : isoString(props.appliedAt),
    appliedBy: props.appliedBy ?? null,
    version: props.version,
    createdAt: isoString(props.createdAt),
    updatedAt: isoString(props.updatedAt),
  });
}

const MATCH_SCENARIO = `MATCH (s:${SCENARIO_LABEL} {id: $id})`;

async function readScenario(tx: ManagedTransaction, id: string, lock: boolean): Promise<Scenario | null> {
  const [row] = await readRows(
    tx,
    ScenarioRow,
    `${MATCH_SCENARIO} ${lock ? 'SET s._lock = true REMOVE s._lock' : ''} RETURN properties(s) AS props`,
    { id },
  );
  return row === undefined ? null : scenarioOf(row);
}

const scenarioName = (id: string) => `scenario '${id}'`;

/** The row a write returned (a write of a locked scenario always returns one). */
function written(row: z.infer<typeof ScenarioRow> | undefined): z.infer<typeof ScenarioRow> {
  if (row === undefined) throw new StoreNotFoundError('the scenario disappeared while it was written');
  return row;
}

function requireScenario(scenario: Scenario | null, id: string): Scenario {
  if (scenario === null) throw new StoreNotFoundError(`${scenarioName(id)} does not exist`);
  return scenario;
}

function requireVersion(scenario: Scenario, expected: number): void {
  if (scenario.version !== expected) {
    throw new StoreConflictError(
      `${scenarioName(scenario.id)} is at version ${scenario.version}, not ${expected}; reload it`,
    );
  }
}

function requireDraft(scenario: Scenario): void {
  if (scenario.status === 'applied') {
    throw new StoreConflictError(
      `${scenarioName(scenario.id)} was applied at ${scenario.appliedAt ?? 'an earlier time'}; it cannot change or apply again`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Checking changes against the stored graph, and their base versions
// ---------------------------------------------------------------------------------------------

interface StoredRelationRef {
  type: string;
  from: string;
  to: string;
  version: number;
}

const RelationRefRow = z.object({
  id: z.string(),
  type: z.string(),
  from: z.string(),
  to: z.string(),
  version: z.number().int(),
});
const EntityRefRow = z.object({ id: z.string(), kind: EntityKindSchema, version: z.number().int() });

/** Relations by id under any type, each type through its own id index. */
const RELATIONS_BY_ID = RELATION_KIND_NAMES.map(
  (type) => `MATCH (a)-[r:${relationType(type)}]->(b) WHERE r.id IN $ids
     RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.version AS version`,
).join('\nUNION ALL\n');

interface StoredRefs {
  relations: Map<string, StoredRelationRef>;
  entities: Map<string, { kind: EntityKind; version: number }>;
}

async function storedRefs(tx: ManagedTransaction, changes: readonly ScenarioChange[]): Promise<StoredRefs> {
  const relationIds = new Set<string>();
  const entityIds = new Set<string>();
  for (const change of changes) {
    if (change.op === 'addRelation') {
      relationIds.add(change.relation.id);
      entityIds.add(change.relation.from);
      entityIds.add(change.relation.to);
    } else if (change.op === 'setOpenness') entityIds.add(change.entity);
    else relationIds.add(change.id);
  }
  const relations = await readRows(tx, RelationRefRow, RELATIONS_BY_ID, { ids: [...relationIds] });
  const entities = await readRows(
    tx,
    EntityRefRow,
    `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id, n.kind AS kind, n.version AS version`,
    { ids: [...entityIds] },
  );
  return {
    relations: new Map(relations.map(({ id, ...ref }) => [id, ref])),
    entities: new Map(entities.map(({ id, kind, version }) => [id, { kind, version }])),
  };
}

const PLATFORM_KINDS: ReadonlySet<string> = new Set<EntityKind>(['Lab', 'PilotBase']);

/** Walks the changes in order over the stored records; returns the issues and the base versions. */
export function checkChanges(
  changes: readonly ScenarioChange[],
  stored: StoredRefs,
  previous: BaseVersions | null,
): { issues: ValidationIssue[]; baseVersions: BaseVersions } {
  const issues: ValidationIssue[] = [];
  const baseVersions: BaseVersions = { entities: {}, relations: {} };
  /** Relations as the scenario leaves them so far: present (with their ends' kinds) or removed. */
  const present = new Map<string, boolean>();
  const exists = (id: string) => present.get(id) ?? stored.relations.has(id);
  const touchRelation = (id: string) => {
    if (id in baseVersions.relations) return;
    const before = previous?.relations[id];
    baseVersions.relations[id] = before ?? stored.relations.get(id)?.version ?? 'absent';
  };
  const touchEntity = (id: string, version: number) => {
    if (id in baseVersions.entities) return;
    baseVersions.entities[id] = previous?.entities[id] ?? version;
  };
  const issue = (field: string, message: string) => issues.push({ record: '', field, message });

  changes.forEach((change, index) => {
    const at = `changes[${index}]`;
    switch (change.op) {
      case 'addRelation': {
        const { relation } = change;
        const fromKind = stored.entities.get(relation.from)?.kind;
        const toKind = stored.entities.get(relation.to)?.kind;
        if (exists(relation.id)) issue(`${at}.relation.id`, `relation '${relation.id}' already exists`);
        else if (fromKind === undefined) issue(`${at}.relation.from`, `no entity with id '${relation.from}'`);
        else if (toKind === undefined) issue(`${at}.relation.to`, `no entity with id '${relation.to}'`);
        else if (!relationAllowed(relation.type, fromKind, toKind)) {
          issue(
            `${at}.relation.type`,
            `${relation.type} cannot connect ${fromKind} '${relation.from}' to ${toKind} '${relation.to}'`,
          );
        } else {
          touchRelation(relation.id);
          present.set(relation.id, true);
        }
        return;
      }
      case 'removeRelation':
      case 'setRelationStatus':
        if (!exists(change.id)) issue(`${at}.id`, `no relation with id '${change.id}'`);
        else {
          touchRelation(change.id);
          if (change.op === 'removeRelation') present.set(change.id, false);
        }
        return;
      case 'setOpenness': {
        const entity = stored.entities.get(change.entity);
        if (entity === undefined) issue(`${at}.entity`, `no entity with id '${change.entity}'`);
        else if (!PLATFORM_KINDS.has(entity.kind)) {
          issue(`${at}.entity`, `'${change.entity}' is a ${entity.kind}, not a Lab or PilotBase`);
        } else touchEntity(change.entity, entity.version);
        return;
      }
    }
  });
  return { issues, baseVersions };
}

async function checkedBase(
  tx: ManagedTransaction,
  changes: readonly ScenarioChange[],
  previous: BaseVersions | null,
): Promise<BaseVersions> {
  const { issues, baseVersions } = checkChanges(changes, await storedRefs(tx, changes), previous);
  if (issues.length > 0) throw new ModelValidationError(issues);
  return baseVersions;
}

// ---------------------------------------------------------------------------------------------
// Create, read, update, delete
// ---------------------------------------------------------------------------------------------

function scenarioProperties(
  fields: Pick<ScenarioCreateBody, 'name' | 'description' | 'owner' | 'changes'>,
  baseVersions: BaseVersions,
) {
  return {
    name: fields.name,
    description: fields.description,
    owner: fields.owner ?? null,
    changes: JSON.stringify(fields.changes),
    baseVersions: JSON.stringify(baseVersions),
  };
}

/** Every scenario, last updated first, at most `API_LIMITS.scenarios`. */
export async function listScenarios(
  executor: Neo4jExecutor,
): Promise<{ items: Scenario[]; truncated: boolean }> {
  const rows = await executor.executeRead((tx) =>
    readRows(
      tx,
      ScenarioRow,
      `MATCH (s:${SCENARIO_LABEL}) RETURN properties(s) AS props ORDER BY s.updatedAt DESC, s.id LIMIT $take`,
      { take: neo4j.int(API_LIMITS.scenarios + 1) },
    ),
  );
  return {
    items: rows.slice(0, API_LIMITS.scenarios).map(scenarioOf),
    truncated: rows.length > API_LIMITS.scenarios,
  };
}

export async function getScenario(executor: Neo4jExecutor, id: string): Promise<Scenario | null> {
  return executor.executeRead((tx) => readScenario(tx, id, false));
}

/** Creates a draft scenario at version 1 (id from the body, else a new one). Throws
 *  `ModelValidationError` for changes that do not fit the graph, `StoreConflictError` for a
 *  taken id. */
export async function createScenario(executor: Neo4jExecutor, body: ScenarioCreateBody): Promise<Scenario> {
  const id = body.id ?? `sc-${randomUUID()}`;
  return executor.executeWrite(async (tx) => {
    if ((await readScenario(tx, id, false)) !== null) {
      throw new StoreConflictError(`${scenarioName(id)} already exists`);
    }
    const baseVersions = await checkedBase(tx, body.changes, null);
    const [row] = await readRows(
      tx,
      ScenarioRow,
      `CREATE (s:${SCENARIO_LABEL})
       SET s = $props, s.id = $id, s.status = 'draft', s.version = 1,
           s.createdAt = datetime(), s.updatedAt = datetime()
       RETURN properties(s) AS props`,
      { id, props: scenarioProperties(body, baseVersions) },
    );
    return scenarioOf(written(row));
  });
}

/** Replaces a draft scenario's fields if it is at `body.version`; base versions of records it
 *  already touched are kept. */
export async function updateScenario(
  executor: Neo4jExecutor,
  id: string,
  body: ScenarioUpdateBody,
): Promise<Scenario> {
  return executor.executeWrite(async (tx) => {
    const stored = requireScenario(await readScenario(tx, id, true), id);
    requireVersion(stored, body.version);
    requireDraft(stored);
    const baseVersions = await checkedBase(tx, body.changes, stored.baseVersions);
    const [row] = await readRows(
      tx,
      ScenarioRow,
      `${MATCH_SCENARIO}
       SET s += $props, s.version = s.version + 1, s.updatedAt = datetime()
       RETURN properties(s) AS props`,
      { id, props: scenarioProperties(body, baseVersions) },
    );
    return scenarioOf(written(row));
  });
}

export async function deleteScenario(
  executor: Neo4jExecutor,
  id: string,
  expectedVersion: number,
): Promise<{ deleted: string }> {
  return executor.executeWrite(async (tx) => {
    const stored = requireScenario(await readScenario(tx, id, true), id);
    requireVersion(stored, expectedVersion);
    await tx.run(`${MATCH_SCENARIO} DELETE s`, { id });
    return { deleted: id };
  });
}

// ---------------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------------

type Applied = ScenarioApplyResponse['applied'][number];

/** The relation fields of a stored record (without the store's own), checked again. */
function relationOf(record: RelationRecord, status: Relation['status']): Relation {
  return RelationSchema.parse({
    id: record.id,
    type: record.type,
    from: record.from,
    to: record.to,
    status,
    since: record.since,
    ...(record.until === undefined ? {} : { until: record.until }),
    evidence: record.evidence,
    attributes: record.attributes,
  });
}

function entityWithOpenness(record: EntityRecord, openness: string) {
  return EntitySchema.parse({
    id: record.id,
    kind: record.kind,
    name: record.name,
    ...(record.description === undefined ? {} : { description: record.description }),
    attributes: { ...record.attributes, openness },
  });
}

/** Records whose version is not the scenario's base any more, one issue each. */
async function baseConflicts(tx: ManagedTransaction, base: BaseVersions): Promise<ScenarioIssue[]> {
  const issues: ScenarioIssue[] = [];
  const describe = (expected: number | 'absent', actual: number | 'absent') =>
    expected === 'absent'
      ? `was created (version ${actual}) after the scenario was based on its absence`
      : actual === 'absent'
        ? `was deleted after the scenario was based on version ${expected}`
        : `is at version ${actual}; the scenario was based on version ${expected}`;
  for (const [id, expected] of Object.entries(base.relations)) {
    const actual = (await lockedRelation(tx, id))?.version ?? 'absent';
    if (actual !== expected) {
      issues.push({
        path: `baseVersions.relations.${id}`,
        message: `relation '${id}' ${describe(expected, actual)}`,
      });
    }
  }
  for (const [id, expected] of Object.entries(base.entities)) {
    const actual = (await lockedEntity(tx, id))?.version ?? 'absent';
    if (actual !== expected) {
      issues.push({
        path: `baseVersions.entities.${id}`,
        message: `entity '${id}' ${describe(expected, actual)}`,
      });
    }
  }
  return issues;
}

function gone(what: string): never {
  throw new StoreNotFoundError(`${what} does not exist`);
}

async function applyChange(
  tx: ManagedTransaction,
  change: ScenarioChange,
  index: number,
  actor: string,
): Promise<Applied> {
  const applied = { change: index, op: change.op };
  switch (change.op) {
    case 'addRelation': {
      const after = await createRelationIn(tx, change.relation, actor);
      return { ...applied, target: 'relation', id: after.id, action: 'create', version: after.version };
    }
    case 'removeRelation': {
      const before = (await lockedRelation(tx, change.id)) ?? gone(`relation '${change.id}'`);
      await deleteRelationIn(tx, change.id, before.version, actor);
      return { ...applied, target: 'relation', id: change.id, action: 'delete', version: null };
    }
    case 'setRelationStatus': {
      const before = (await lockedRelation(tx, change.id)) ?? gone(`relation '${change.id}'`);
      const after = await updateRelationIn(
        tx,
        change.id,
        relationOf(before, change.status),
        before.version,
        actor,
      );
      const action = after.version === before.version ? 'unchanged' : 'update';
      return { ...applied, target: 'relation', id: change.id, action, version: after.version };
    }
    case 'setOpenness': {
      const before = (await lockedEntity(tx, change.entity)) ?? gone(`entity '${change.entity}'`);
      if (!PLATFORM_KINDS.has(before.kind)) {
        throw new ModelValidationError([
          {
            record: '',
            field: 'entity',
            message: `'${change.entity}' is a ${before.kind}, not a Lab or PilotBase`,
          },
        ]);
      }
      const after = await updateEntityIn(
        tx,
        change.entity,
        entityWithOpenness(before, change.openness),
        before.version,
        actor,
      );
      const action = after.version === before.version ? 'unchanged' : 'update';
      return { ...applied, target: 'entity', id: change.entity, action, version: after.version };
    }
  }
}

/** A change that failed while applying, as issues under its path in the scenario. */
function changeIssues(error: unknown, change: ScenarioChange, index: number): ScenarioIssue[] | null {
  const at = change.op === 'addRelation' ? `changes[${index}].relation` : `changes[${index}]`;
  if (error instanceof ModelValidationError) {
    return error.issues.map((issue) => ({
      path: issue.field === '' ? at : `${at}.${issue.field}`,
      message: issue.message,
    }));
  }
  if (error instanceof StoreConflictError || error instanceof StoreNotFoundError) {
    return [{ path: at, message: error.message }];
  }
  return null;
}

/**
 * Applies a draft scenario at `expectedVersion` in one transaction (see the module comment) and
 * marks it applied. Throws `StoreNotFoundError`, `StoreConflictError` (stale version, already
 * applied) or `ScenarioConflictError` (base moved on, or a change no longer fits the graph).
 */
export async function applyScenario(
  executor: Neo4jExecutor,
  id: string,
  expectedVersion: number,
  actor: string,
): Promise<ScenarioApplyResponse> {
  return executor.executeWrite(async (tx) => {
    await lockChangeLog(tx);
    const scenario = requireScenario(await readScenario(tx, id, true), id);
    requireVersion(scenario, expectedVersion);
    requireDraft(scenario);
    const conflicts = await baseConflicts(tx, scenario.baseVersions);
    if (conflicts.length > 0) {
      throw new ScenarioConflictError(
        `${scenarioName(id)} is based on records that changed since: ${conflicts.map((c) => c.message).join('; ')}`,
        conflicts,
      );
    }
    const applied: Applied[] = [];
    for (const [index, change] of scenario.changes.entries()) {
      try {
        applied.push(await applyChange(tx, change, index, actor));
      } catch (error) {
        const issues = changeIssues(error, change, index);
        if (issues === null) throw error;
        throw new ScenarioConflictError(
          `${scenarioName(id)} no longer applies: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
    }
    const [row] = await readRows(
      tx,
      ScenarioRow,
      `${MATCH_SCENARIO}
       SET s.status = 'applied', s.appliedAt = datetime(), s.appliedBy = $actor,
           s.version = s.version + 1, s.updatedAt = datetime()
       RETURN properties(s) AS props`,
      { id, actor },
    );
    return { scenario: scenarioOf(written(row)), applied };
  });
}
