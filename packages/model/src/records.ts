/**
 * One record at a time, for imports that stream: the checks `parseDataset` makes on a single
 * entity or relation (its kind, its fields), with messages that also name the kinds in Chinese.
 * Ids that repeat, relation ends and what is stored are the caller's to check.
 */
import { type Entity, EntitySchema } from './entity.js';
import { issuesFromZod, type ValidationIssue } from './issues.js';
import { ENTITY_KIND_NAMES, ENTITY_KINDS, RELATION_KIND_NAMES, RELATION_KINDS } from './ontology.js';
import { type Relation, RelationSchema } from './relation.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const KIND_CHOICES = ENTITY_KIND_NAMES.map((kind) => `${kind} (${ENTITY_KINDS[kind].name.zh})`).join(', ');
const TYPE_CHOICES = RELATION_KIND_NAMES.map((type) => `${type} (${RELATION_KINDS[type].name.zh})`).join(
  ', ',
);

function fieldOf(raw: unknown, field: string): unknown {
  return typeof raw === 'object' && raw !== null ? Reflect.get(raw, field) : undefined;
}

function choiceIssue(record: string, field: 'kind' | 'type', raw: unknown): ValidationIssue[] {
  const value = fieldOf(raw, field);
  const names: readonly string[] = field === 'kind' ? ENTITY_KIND_NAMES : RELATION_KIND_NAMES;
  if (typeof value === 'string' && names.includes(value)) return [];
  const what = field === 'kind' ? 'entity kind' : 'relation kind';
  const choices = field === 'kind' ? KIND_CHOICES : TYPE_CHOICES;
  const message =
    value === undefined || value === ''
      ? `missing; expected one of ${choices}`
      : `unknown ${what} ${JSON.stringify(value)}; expected one of ${choices}`;
  return [{ record, field, message }];
}

/** An entity checked against its kind's schema (defaults applied), or its issues. */
export function checkEntity(raw: unknown, record: string): Checked<Entity> {
  const kindIssues = choiceIssue(record, 'kind', raw);
  if (kindIssues.length > 0) return { ok: false, issues: kindIssues };
  const parsed = EntitySchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: issuesFromZod(parsed.error, record) };
}

/** A relation checked against its kind's schema, or its issues; its ends are not looked up. */
export function checkRelation(raw: unknown, record: string): Checked<Relation> {
  const typeIssues = choiceIssue(record, 'type', raw);
  if (typeIssues.length > 0) return { ok: false, issues: typeIssues };
  const parsed = RelationSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: issuesFromZod(parsed.error, record) };
}
