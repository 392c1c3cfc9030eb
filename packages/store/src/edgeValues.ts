/**
 * Reading a relationship's values, as graph reads return them (a flat list, see `relationValues`
 * in reads.ts), into the fields of a graph edge, each checked with the model's schemas, and
 * writing that edge's JSON text without building it as an object first. A 20,000-node subgraph
 * has 125,000 relations: most of their fields repeat (kinds, statuses, dates, sources, the ids of
 * the entities at their ends), so each field is checked, and its JSON written, once per distinct
 * value within a read.
 */
import {
  Confidence,
  EntityId,
  Evidence,
  IsoDate,
  RELATION_KINDS,
  type RelationKind,
  RelationKindSchema,
  RelationStatus,
  type SerializedGraph,
} from '@innograph/model';
import type { z } from 'zod';
import { StoreError } from './errors.js';
import { listOf, parseAttributes } from './rows.js';

/** What a graph edge shows of a relation. */
export interface EdgeFields {
  id: string;
  type: RelationKind;
  from: string;
  to: string;
  status: RelationStatus;
  since: string;
  until: string | null;
  source: string;
  confidence: Confidence;
  attributes: Record<string, unknown>;
}

/** A graph edge in graphology's serialised format. */
export type GraphEdge = SerializedGraph['edges'][number];

// The builder below assigns fields one by one: with 100k edges, object spread is measurably
// slower. The fixed fields are set last, so they win over an attribute of the same name.

/** An edge keyed by the relation id, with its kind, status, dates, evidence and attributes. */
export function graphEdge(fields: EdgeFields): GraphEdge {
  const attributes: Record<string, unknown> = Object.assign({}, fields.attributes);
  attributes.type = fields.type;
  attributes.status = fields.status;
  attributes.since = fields.since;
  if (fields.until !== null) attributes.until = fields.until;
  attributes.confidence = fields.confidence;
  attributes.source = fields.source;
  return { key: fields.id, source: fields.from, target: fields.to, attributes };
}

/** The fields `graphEdge` sets after a relation's own attributes. */
const FIXED_EDGE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'type',
  'status',
  'since',
  'until',
  'confidence',
  'source',
]);

function isPrimitive(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

/** No value looked up yet, or the last one's result is not kept. */
const NONE: unique symbol = Symbol('none');

interface Checked<T> {
  value: T;
  /** Its JSON text, once asked for. */
  text: string | undefined;
}

/**
 * A field checked with its schema once per distinct value: a string or number the schema accepted
 * stays accepted, and what it gave (and its JSON text) is kept. Results that are objects (an
 * array attribute, a default of `[]`) are checked every time and not shared between edges.
 */
export class CheckedOnce<T> {
  private readonly known = new Map<unknown, Checked<T>>();
  /** The last value looked up and what it gave: a relation's fields mostly repeat those of the
   *  relation before (the rows come node by node), and comparing two strings costs less than
   *  hashing a new one for the map (each value comes from the driver as a new string). */
  private lastValue: unknown = NONE;
  private last: Checked<T> | undefined = undefined;

  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly field: string,
  ) {}

  parse(value: unknown): T {
    const last = this.last;
    if (last !== undefined && value === this.lastValue) return last.value;
    let checked = this.known.get(value);
    let kept = true;
    if (checked === undefined) {
      checked = { value: this.check(value), text: undefined };
      kept = isPrimitive(value) && isPrimitive(checked.value);
      if (kept) this.known.set(value, checked);
    }
    // A result not kept is not the last value's either: the next look-up parses it again.
    this.lastValue = kept ? value : NONE;
    this.last = checked;
    return checked.value;
  }

  private check(value: unknown): T {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new StoreError(
        `store: a stored relation has an invalid ${this.field}: ${result.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    return result.data;
  }

  /** The JSON text of what the last `parse` gave. */
  text(): string {
    const last = this.last;
    if (last === undefined) throw new StoreError('store: no value read yet');
    last.text ??= JSON.stringify(last.value);
    return last.text;
  }
}

/**
 * A relation kind's attributes read from their values in the order of the kind's schema, each
 * field checked by its own schema (`CheckedOnce`): the same result as parsing the object with
 * the kind's schema (unset values left out, so that defaults apply; keys in the schema's order),
 * which the reader falls back to when the schema checks the object as a whole.
 */
class AttributeReader {
  private readonly fields: { name: string; member: string; value: CheckedOnce<unknown> }[];
  private readonly whole: z.ZodObject | null;
  private members = '';
  /** Whether an attribute is named as one of the fields `graphEdge` sets after them (the key
   *  then keeps the attribute's place in the JSON): such edges are written by `graphEdge`. */
  readonly collides: boolean;

  constructor(
    private readonly schema: z.ZodObject,
    kind: string,
  ) {
    this.fields = Object.entries(schema.shape).map(([name, field]) => ({
      name,
      member: `${JSON.stringify(name)}:`,
      value: new CheckedOnce<unknown>(field, `${kind} attribute ${name}`),
    }));
    this.whole = (schema.def.checks?.length ?? 0) > 0 ? schema : null;
    this.collides = this.fields.some(({ name }) => FIXED_EDGE_ATTRIBUTES.has(name));
  }

  /** The attributes from `list[offset]` on. */
  read(list: readonly unknown[], offset: number): Record<string, unknown> {
    if (this.whole !== null) return this.readWhole(list, offset);
    const attributes: Record<string, unknown> = {};
    let members = '';
    for (let index = 0; index < this.fields.length; index += 1) {
      const field = this.fields[index] as (typeof this.fields)[number];
      const raw = list[offset + index];
      const value = field.value.parse(raw === null ? undefined : raw);
      if (value === undefined) continue;
      attributes[field.name] = value;
      members += `${members === '' ? '' : ','}${field.member}${field.value.text()}`;
    }
    this.members = members;
    return attributes;
  }

  private readWhole(list: readonly unknown[], offset: number): Record<string, unknown> {
    const attributes = parseAttributes(this.schema, list, offset);
    this.members = JSON.stringify(attributes).slice(1, -1);
    return attributes;
  }

  /** The JSON members (`"name":value,…`, no braces) of the attributes last read. */
  text(): string {
    return this.members;
  }
}

/** Values before a relation's attributes: `[type, from, to, id, status, since, until, source,
 *  confidence, ...attributes]`. */
export const EDGE_FIELD_COUNT = 9;

/**
 * Reads relationship values (`relationValues` in reads.ts, ends as entity ids) into edge fields,
 * for one read: `read` checks them, `text` writes the JSON of the edge last read, equal to
 * `JSON.stringify(graphEdge(fields))`.
 */
export class EdgeReader {
  private readonly type = new CheckedOnce(RelationKindSchema, 'type');
  // Two, so that each keeps its own last value: the start repeats along a node's relations.
  private readonly start = new CheckedOnce(EntityId, 'start');
  private readonly end = new CheckedOnce(EntityId, 'end');
  private readonly status = new CheckedOnce(RelationStatus, 'status');
  private readonly since = new CheckedOnce(IsoDate, 'since');
  private readonly until = new CheckedOnce(IsoDate.nullable(), 'until');
  private readonly source = new CheckedOnce(Evidence.shape.source, 'source');
  private readonly confidence = new CheckedOnce(Confidence, 'confidence');
  private readonly attributes = new Map<RelationKind, AttributeReader>();
  private last: { fields: EdgeFields; attributes: AttributeReader } | undefined = undefined;

  read(row: unknown): EdgeFields {
    const values = listOf(row, 'a relation');
    const type = this.type.parse(values[0]);
    let attributes = this.attributes.get(type);
    if (attributes === undefined) {
      attributes = new AttributeReader(RELATION_KINDS[type].attributes, type);
      this.attributes.set(type, attributes);
    }
    const fields: EdgeFields = {
      type,
      from: this.start.parse(values[1]),
      to: this.end.parse(values[2]),
      // Relation ids do not repeat: checked each time.
      id: EntityId.parse(values[3]),
      status: this.status.parse(values[4]),
      since: this.since.parse(values[5]),
      until: this.until.parse(values[6]),
      source: this.source.parse(values[7]),
      confidence: this.confidence.parse(values[8]),
      attributes: attributes.read(values, EDGE_FIELD_COUNT),
    };
    this.last = { fields, attributes };
    return fields;
  }

  /** `JSON.stringify(graphEdge(fields))` of the edge last read, from its fields' JSON texts. */
  text(): string {
    const last = this.last;
    if (last === undefined) throw new StoreError('store: no relation read yet');
    const { fields, attributes } = last;
    if (attributes.collides) return JSON.stringify(graphEdge(fields));
    const members = attributes.text();
    const until = fields.until === null ? '' : `,"until":${this.until.text()}`;
    return `{"key":${JSON.stringify(fields.id)},"source":${this.start.text()},"target":${this.end.text()},"attributes":{${members}${members === '' ? '' : ','}"type":${this.type.text()},"status":${this.status.text()},"since":${this.since.text()}${until},"confidence":${this.confidence.text()},"source":${this.source.text()}}}`;
  }
}
