/**
 * The change log: one `ChangeLogEntry` node per write (who, when, what, the record before and
 * after), kept beside the ecosystem: never labelled `Entity`, never connected to entities, so
 * that loads, resets and graph reads do not see it.
 *
 * Entries are numbered by `seq` from a single `ChangeLogSequence` node. Every write takes that
 * node's lock first (`lockChangeLog`) and holds it until it commits, so writes through the store
 * happen one after another and `seq` follows commit order: a new entry always sorts above every
 * entry a reader has seen, and pages cut at a `seq` never repeat or skip an entry.
 */
import { randomUUID } from 'node:crypto';
import {
  type CHANGE_ACTIONS,
  CHANGE_LOG_ACTIONS,
  CHANGE_TARGETS,
  type ChangeRecord,
  type ChangesQuery,
  type EntityRecord,
  type RelationRecord,
} from '@innograph/model';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { ENTITY_LABEL } from './cypher.js';
import type { Neo4jExecutor, QueryRunner } from './executor.js';
import { InvalidCursorError } from './reads.js';

export const CHANGE_LOG_LABEL = 'ChangeLogEntry';
/** The label of the one node that numbers the entries and serialises the store's writes. */
export const CHANGE_SEQUENCE_LABEL = 'ChangeLogSequence';
const SEQUENCE_ID = 'changes';

export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One write, as `recordChange` logs it; an import is one entry with its counts in `after`. */
export type ChangeInput = {
  actor: string;
} & (
  | {
      action: ChangeAction;
      target: 'entity';
      targetId: string;
      before: EntityRecord | null;
      after: EntityRecord | null;
    }
  | {
      action: ChangeAction;
      target: 'relation';
      targetId: string;
      before: RelationRecord | null;
      after: RelationRecord | null;
    }
  | { action: 'import'; target: 'dataset'; targetId: string; before: null; after: Record<string, unknown> }
);

export interface ChangesPage {
  items: ChangeRecord[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

const SEQUENCE_NODE = `MERGE (s:${CHANGE_SEQUENCE_LABEL} {id: $sequence}) ON CREATE SET s.last = 0`;

/**
 * Takes the change log's lock for the rest of the transaction. Every store write calls this
 * first, so that its checks (version, unused id) and its writes are not interleaved with another
 * store write.
 */
export async function lockChangeLog(tx: QueryRunner): Promise<void> {
  await tx.run(`${SEQUENCE_NODE} SET s._lock = true REMOVE s._lock`, { sequence: SEQUENCE_ID });
}

function entryProperties(change: ChangeInput) {
  return {
    id: randomUUID(),
    actor: change.actor,
    action: change.action,
    target: change.target,
    targetId: change.targetId,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  };
}

// The lock is taken before `s.last` is read (Neo4j's documented way to avoid lost updates).
const RECORD_QUERY = `${SEQUENCE_NODE}
SET s._lock = true
WITH s, s.last AS last
REMOVE s._lock
SET s.last = last + size($entries)
WITH last
UNWIND range(0, size($entries) - 1) AS i
CREATE (e:${CHANGE_LOG_LABEL})
SET e = $entries[i], e.seq = last + i + 1, e.at = datetime()`;

/** Logs several writes of one transaction, in the given order. */
export async function recordChanges(tx: QueryRunner, changes: readonly ChangeInput[]): Promise<void> {
  if (changes.length === 0) return;
  const entries = changes.map(entryProperties);
  await tx.run(RECORD_QUERY, { sequence: SEQUENCE_ID, entries });
}

/** Counts a write that bypasses the change log (a dataset load, a reset), so that
 *  `graphRevision` moves on. */
export async function bumpGraphRevision(tx: QueryRunner): Promise<void> {
  await tx.run(`${SEQUENCE_NODE} SET s.loads = coalesce(s.loads, 0) + 1`, { sequence: SEQUENCE_ID });
}

const RevisionRow = z.object({
  last: z.number().int().nullable(),
  loads: z.number().int().nullable(),
  entities: z.number().int(),
  relations: z.number().int(),
});

/**
 * A token that changes whenever the ecosystem does, for caching what is computed from the whole
 * graph: the last change-log number (every edit), the count of dataset loads and resets
 * (`bumpGraphRevision`) and the numbers of entities and relationships (Neo4j's count store, so
 * free; they catch writes made around the store, though not every one of them).
 */
export async function readGraphRevision(tx: ManagedTransaction): Promise<string> {
  const result = await tx.run(
    `OPTIONAL MATCH (s:${CHANGE_SEQUENCE_LABEL} {id: $sequence})
     WITH s.last AS last, s.loads AS loads
     CALL () { MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS entities }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
     RETURN last, loads, entities, relations`,
    { sequence: SEQUENCE_ID },
  );
  const row = RevisionRow.parse(result.records[0]?.toObject());
  return `${row.last ?? 0}.${row.loads ?? 0}.${row.entities}.${row.relations}`;
}

export async function graphRevision(executor: Neo4jExecutor): Promise<string> {
  return executor.executeRead(readGraphRevision);
}

/** Logs one write, in the transaction that makes it. */
export async function recordChange(tx: QueryRunner, change: ChangeInput): Promise<void> {
  await recordChanges(tx, [change]);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const ChangesCursor = z.strictObject({ changesBefore: z.number().int().min(1) });

/** An opaque cursor: the `seq` below which the next page starts. */
export function encodeChangesCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ changesBefore: seq })).toString('base64url');
}

export function decodeChangesCursor(text: string): number {
  try {
    return ChangesCursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))).changesBefore;
  } catch (error) {
    throw new InvalidCursorError('the cursor is not one the change log returned', undefined, {
      cause: error,
    });
  }
}

const DateTimeValue = z.custom<{ toStandardDate(): Date }>(
  (value) => neo4j.isDateTime(value),
  'expected a Neo4j DateTime',
);

/** A record snapshot as stored: a JSON object in a string, or nothing. */
const Snapshot = z
  .string()
  .nullish()
  .transform((text, ctx) => {
    if (text === null || text === undefined) return null;
    const parsed = z.record(z.string(), z.unknown()).safeParse(parseJson(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'a change-log snapshot is not a JSON object' });
    return z.NEVER;
  });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const EntryRow = z.object({
  props: z.object({
    id: z.string(),
    seq: z.number().int(),
    at: DateTimeValue,
    actor: z.string(),
    action: z.enum(CHANGE_LOG_ACTIONS),
    target: z.enum(CHANGE_TARGETS),
    targetId: z.string(),
    before: Snapshot,
    after: Snapshot,
  }),
});
type EntryRow = z.infer<typeof EntryRow>;

function changeRecord({ props }: EntryRow): ChangeRecord {
  return {
    id: props.id,
    at: props.at.toStandardDate().toISOString(),
    actor: props.actor,
    action: props.action,
    target: props.target,
    targetId: props.targetId,
    before: props.before,
    after: props.after,
  };
}

function pageQuery(query: ChangesQuery): { text: string; parameters: Record<string, unknown> } {
  const parameters: Record<string, unknown> = { limit: neo4j.int(query.limit + 1) };
  // One record's history is short: seek it by target and sort it, rather than walk the whole log
  // backwards in `seq` order looking for it (a plan the planner might otherwise cache).
  const hint = query.target === undefined ? '' : `USING INDEX e:${CHANGE_LOG_LABEL}(targetId)`;
  const conditions = [query.target === undefined ? 'e.seq IS NOT NULL' : 'e.targetId = $target'];
  if (query.target !== undefined) parameters.target = query.target;
  if (query.cursor !== undefined) {
    conditions.push('e.seq < $before');
    parameters.before = neo4j.int(decodeChangesCursor(query.cursor));
  }
  return {
    text: `MATCH (e:${CHANGE_LOG_LABEL}) ${hint} WHERE ${conditions.join(' AND ')}
RETURN properties(e) AS props ORDER BY e.seq DESC LIMIT $limit`,
    parameters,
  };
}

/**
 * The change log, newest first, `query.limit` entries a page, optionally only the entries about
 * one entity or relation (`query.target`). Throws `InvalidCursorError` for a cursor it did not
 * make.
 */
export async function listChanges(executor: Neo4jExecutor, query: ChangesQuery): Promise<ChangesPage> {
  const { text, parameters } = pageQuery(query);
  const rows = await executor.executeRead(async (tx) => {
    const result = await tx.run(text, parameters);
    return result.records.map((record) => EntryRow.parse(record.toObject()));
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined ? encodeChangesCursor(last.props.seq) : null;
  return { items: page.map(changeRecord), nextCursor };
}
