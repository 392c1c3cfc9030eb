import { z } from 'zod';
import { type Entity, EntitySchema } from './entity.js';
import { issuesFromZod, ModelValidationError, type ValidationIssue } from './issues.js';
import {
  describeRule,
  ENTITY_KIND_NAMES,
  type EntityKind,
  RELATION_KIND_NAMES,
  relationAllowed,
} from './ontology.js';
import { type Relation, RelationSchema } from './relation.js';

export const DATASET_FORMAT = 'innograph-dataset';

export const DatasetMeta = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** True when names and ties are made up for illustration, not a record of real companies. */
  illustrative: z.boolean().default(false),
  notice: z.string().optional(),
  generator: z
    .strictObject({
      name: z.string(),
      seed: z.number().int().optional(),
      entities: z.number().int().optional(),
    })
    .optional(),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;

/** The envelope of a dataset file; records are checked one by one by `parseDataset`. */
const DatasetEnvelope = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(1),
  meta: DatasetMeta,
  entities: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});

export interface Dataset {
  format: typeof DATASET_FORMAT;
  version: 1;
  meta: DatasetMeta;
  entities: Entity[];
  relations: Relation[];
}

export interface ParseDatasetOptions {
  /** Entities that already exist elsewhere (the database), by id, that relations may point to. */
  knownEntities?: ReadonlyMap<string, EntityKind>;
  /** Stop collecting after this many issues. */
  maxIssues?: number;
}

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
    ? raw.id
    : undefined;
}

function recordName(list: 'entities' | 'relations', index: number, raw: unknown): string {
  const id = idOf(raw);
  return id === undefined ? `${list}[${index}]` : `${list}[${index}] (id ${id})`;
}

const ENTITY_KIND_SET: ReadonlySet<unknown> = new Set(ENTITY_KIND_NAMES);
const RELATION_KIND_SET: ReadonlySet<unknown> = new Set(RELATION_KIND_NAMES);

/** An issue of record `index` of list `list`, named as `recordName` names it. */
function issueAt(
  list: 'entities' | 'relations',
  index: number,
  raw: unknown,
  field: string,
  message: string,
): ValidationIssue {
  return { record: recordName(list, index, raw), field, message };
}

function kindHint(raw: unknown, field: 'kind' | 'type'): ValidationIssue['message'] | undefined {
  if (typeof raw !== 'object' || raw === null || !(field in raw)) return `missing '${field}'`;
  const value: unknown = Reflect.get(raw, field);
  const known = field === 'kind' ? ENTITY_KIND_SET : RELATION_KIND_SET;
  if (typeof value !== 'string' || !known.has(value)) {
    const names: readonly string[] = field === 'kind' ? ENTITY_KIND_NAMES : RELATION_KIND_NAMES;
    return `unknown ${field === 'kind' ? 'entity kind' : 'relation kind'} ${JSON.stringify(value)}; expected one of ${names.join(', ')}`;
  }
  return undefined;
}

/**
 * Checks a parsed JSON value as a dataset: the envelope, every record against its kind's schema,
 * unique ids, relations whose ends exist and whose kinds the ontology allows. Throws a
 * ModelValidationError listing every issue (up to `maxIssues`), or returns the typed dataset.
 */
export function parseDataset(input: unknown, options: ParseDatasetOptions = {}): Dataset {
  const steps = parseDatasetSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** What `parseDatasetSteps` has checked when it pauses. */
export type DatasetParseStep =
  /** The envelope and every entity: `entities` are the valid ones, `clean` says that no issue
   *  was found so far (in the envelope, the entities, or their ids). */
  | { step: 'entities'; entities: readonly Entity[]; clean: boolean }
  /** `checked` relations so far, of `total`. */
  | { step: 'relations'; checked: number; total: number };

export interface ParseDatasetStepsOptions extends ParseDatasetOptions {
  /** Pause after each this many relations (default: only once, after the entities). */
  relationsPerStep?: number;
}

/**
 * `parseDataset` in steps, for a loader that starts writing the entities while the relations are
 * still being checked: the generator pauses once after the envelope and the entities, then after
 * every `relationsPerStep` relations, and returns the dataset or throws the same
 * ModelValidationError `parseDataset` throws (every issue, entities' and relations').
 */
export function* parseDatasetSteps(
  input: unknown,
  options: ParseDatasetStepsOptions = {},
): Generator<DatasetParseStep, Dataset, void> {
  const perStep = options.relationsPerStep ?? Number.POSITIVE_INFINITY;
  if (!(perStep > 0)) throw new RangeError(`relationsPerStep must be positive, got ${perStep}`);
  const maxIssues = options.maxIssues ?? 200;
  const issues: ValidationIssue[] = [];
  const add = (more: ValidationIssue[]) => {
    for (const issue of more) if (issues.length < maxIssues) issues.push(issue);
  };

  const envelope = DatasetEnvelope.safeParse(input);
  if (!envelope.success) throw new ModelValidationError(issuesFromZod(envelope.error, 'dataset'));

  const entities: Entity[] = [];
  const kindById = new Map<string, EntityKind>();
  const entityIds = new Set<string>();
  /** Entities of the file that failed validation; relations to them say so. */
  const invalidEntityIds = new Set<string>();
  // Record names are written only for records with issues: a 600k-record load has none.
  const rawEntities = envelope.data.entities;
  for (let index = 0; index < rawEntities.length; index++) {
    const raw = rawEntities[index];
    const hint = kindHint(raw, 'kind');
    if (hint !== undefined) {
      add([issueAt('entities', index, raw, 'kind', hint)]);
      const id = idOf(raw);
      if (id !== undefined) invalidEntityIds.add(id);
      continue;
    }
    const rawId = idOf(raw);
    if (rawId !== undefined && entityIds.has(rawId)) {
      add([issueAt('entities', index, raw, 'id', `duplicate entity id '${rawId}'`)]);
      continue;
    }
    if (rawId !== undefined) entityIds.add(rawId);
    const parsed = EntitySchema.safeParse(raw);
    if (!parsed.success) {
      add(issuesFromZod(parsed.error, recordName('entities', index, raw)));
      if (rawId !== undefined) invalidEntityIds.add(rawId);
      continue;
    }
    kindById.set(parsed.data.id, parsed.data.kind);
    entities.push(parsed.data);
  }
  yield { step: 'entities', entities, clean: issues.length === 0 };

  const relations: Relation[] = [];
  const relationIds = new Set<string>();
  const kindOf = (id: string): EntityKind | undefined => kindById.get(id) ?? options.knownEntities?.get(id);
  const rawRelations = envelope.data.relations;
  const missing = (id: string) =>
    invalidEntityIds.has(id) ? `entity '${id}' has errors (see above)` : `no entity with id '${id}'`;
  for (let index = 0; index < rawRelations.length; index++) {
    if (index > 0 && index % perStep === 0) {
      yield { step: 'relations', checked: index, total: rawRelations.length };
    }
    const raw = rawRelations[index];
    const hint = kindHint(raw, 'type');
    if (hint !== undefined) {
      add([issueAt('relations', index, raw, 'type', hint)]);
      continue;
    }
    const rawId = idOf(raw);
    if (rawId !== undefined && relationIds.has(rawId)) {
      add([issueAt('relations', index, raw, 'id', `duplicate relation id '${rawId}'`)]);
      continue;
    }
    if (rawId !== undefined) relationIds.add(rawId);
    const parsed = RelationSchema.safeParse(raw);
    if (!parsed.success) {
      add(issuesFromZod(parsed.error, recordName('relations', index, raw)));
      continue;
    }
    const relation = parsed.data;
    const fromKind = kindOf(relation.from);
    const toKind = kindOf(relation.to);
    if (fromKind === undefined) add([issueAt('relations', index, raw, 'from', missing(relation.from))]);
    if (toKind === undefined) add([issueAt('relations', index, raw, 'to', missing(relation.to))]);
    if (fromKind === undefined || toKind === undefined) continue;
    if (!relationAllowed(relation.type, fromKind, toKind)) {
      add([
        issueAt(
          'relations',
          index,
          raw,
          'type',
          `${relation.type} cannot connect ${fromKind} '${relation.from}' to ${toKind} '${relation.to}' (${describeRule(relation.type)})`,
        ),
      ]);
      continue;
    }
    relations.push(relation);
  }

  if (issues.length > 0) throw new ModelValidationError(issues);
  return { ...envelope.data, entities, relations };
}

/** Counts records by kind and relation kind, for loaders and reports. */
export function countDataset(dataset: Pick<Dataset, 'entities' | 'relations'>): {
  entities: Record<string, number>;
  relations: Record<string, number>;
} {
  const entities: Record<string, number> = {};
  const relations: Record<string, number> = {};
  for (const e of dataset.entities) entities[e.kind] = (entities[e.kind] ?? 0) + 1;
  for (const r of dataset.relations) relations[r.type] = (relations[r.type] ?? 0) + 1;
  return { entities, relations };
}
