import { hash } from 'node:crypto';
import {
  ENTITY_KIND_NAMES,
  ENTITY_KINDS,
  type Entity,
  EntitySchema,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  type Relation,
  RelationSchema,
} from '@innograph/model';
import neo4j from 'neo4j-driver';

/** A value Neo4j stores as a property. */
export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];

/** Properties the store owns on nodes and relationships, next to the model's fields. */
export const STORE_PROPERTIES = ['version', 'hash', 'createdAt', 'updatedAt'] as const;

/** A stored attribute value: undefined for a missing one (undefined or null); throws for a
 *  value Neo4j cannot store as a property. */
function attributeValue(key: string, value: unknown): PropertyValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((v) => typeof v === 'string'))
  )
    return value;
  throw new Error(`store: attribute '${key}' is not a string, number, boolean or string list`);
}

/** A record's own fields and its attribute keys, merged and sorted in code-unit order. */
function sortedKeys(fields: readonly string[], attributeKeys: readonly string[]): string[] {
  return [...new Set([...fields, ...attributeKeys])].sort();
}

/** The properties of an entity's own fields (its attributes come from its kind). */
export const ENTITY_FIELD_KEYS = ['id', 'kind', 'nameZh', 'nameEn', 'description'] as const;
/** The properties of a relation's own fields (its attributes come from its kind). */
export const RELATION_FIELD_KEYS = ['id', 'status', 'since', 'until', 'source', 'confidence'] as const;
const ENTITY_KEYS = new Map(
  ENTITY_KIND_NAMES.map(
    (kind) =>
      [kind, sortedKeys(ENTITY_FIELD_KEYS, Object.keys(ENTITY_KINDS[kind].attributes.shape))] as const,
  ),
);
const RELATION_KEYS = new Map(
  RELATION_KIND_NAMES.map(
    (type) =>
      [type, sortedKeys(RELATION_FIELD_KEYS, Object.keys(RELATION_KINDS[type].attributes.shape))] as const,
  ),
);

/** Whether every own key of `attributes` is one of `keys` (a kind's, as the model parses them). */
function onlyKeys(attributes: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key in attributes) if (Object.hasOwn(attributes, key) && !keys.includes(key)) return false;
  return true;
}

/**
 * A record's properties in code-unit order of their keys: for each of its kind's keys (or, when
 * its attributes have a key the kind does not, of the keys it has), `field(key)` for one of the
 * record's own `fields`, the attribute otherwise; missing ones left out. Built in key order so
 * that `canonicalJson` can hand the object to `JSON.stringify` as it is. The properties and
 * hashes of the 100k bench graph's 614k records took 3.6 s of the client's CPU, most of it
 * sorting keys and joining strings; now 1.7 s (with `crypto.hash`).
 */
function propertiesInOrder(
  kindKeys: readonly string[] | undefined,
  fields: readonly string[],
  attributes: Record<string, unknown>,
  field: (key: string) => PropertyValue | undefined,
): Record<string, PropertyValue> {
  const keys =
    kindKeys !== undefined && onlyKeys(attributes, kindKeys)
      ? kindKeys
      : sortedKeys(fields, Object.keys(attributes));
  const out: Record<string, PropertyValue> = {};
  for (const key of keys) {
    const value = fields.includes(key) ? field(key) : attributeValue(key, attributes[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The node properties of an entity: its fields, flattened, without the store's own; keys in
 *  code-unit order. */
export function entityProperties(entity: Entity): Record<string, PropertyValue> {
  return propertiesInOrder(ENTITY_KEYS.get(entity.kind), ENTITY_FIELD_KEYS, entity.attributes, (key) => {
    switch (key) {
      case 'id':
        return entity.id;
      case 'kind':
        return entity.kind;
      case 'nameZh':
        return entity.name.zh;
      case 'nameEn':
        return entity.name.en;
      case 'description':
        return entity.description;
      default:
        return undefined;
    }
  });
}

/** The relationship properties of a relation (dates as `YYYY-MM-DD`; the query makes them
 *  Neo4j dates); keys in code-unit order. */
export function relationProperties(relation: Relation): Record<string, PropertyValue> {
  return propertiesInOrder(
    RELATION_KEYS.get(relation.type),
    RELATION_FIELD_KEYS,
    relation.attributes,
    (key) => {
      switch (key) {
        case 'id':
          return relation.id;
        case 'status':
          return relation.status;
        case 'since':
          return relation.since;
        case 'until':
          return relation.until;
        case 'source':
          return relation.evidence.source;
        case 'confidence':
          return relation.evidence.confidence;
        default:
          return undefined;
      }
    },
  );
}

/** What the store writes for a record: its properties and their content hash. The dataset loader
 *  and the edits both use these, so a seed load after an edit sees exactly the edited records as
 *  changed. */
export function entityContent(entity: Entity): { props: Record<string, PropertyValue>; hash: string } {
  const props = entityProperties(entity);
  return { props, hash: contentHash(props) };
}

export function relationContent(relation: Relation): { props: Record<string, PropertyValue>; hash: string } {
  const props = relationProperties(relation);
  // Keys in code-unit order, as `canonicalJson` writes them.
  return { props, hash: contentHash({ from: relation.from, props, to: relation.to, type: relation.type }) };
}

/** A stable digest of a record's content, to tell unchanged records from changed ones. */
export function contentHash(value: unknown): string {
  return hash('sha1', canonicalJson(value), 'base64url');
}

/** JSON with object keys in code-unit order and undefined members left out (an undefined or
 *  function item of a list is written as nothing). A value whose objects already have their keys
 *  in that order, with only strings, numbers, booleans, null, lists and such objects in it, is
 *  what `JSON.stringify` writes, natively: the store builds its records' properties in key order
 *  for this. Anything else is written by loops over sorted keys. */
export function canonicalJson(value: unknown): string {
  return inCanonicalOrder(value) ? JSON.stringify(value) : sortedJson(value);
}

/** Whether `JSON.stringify(value)` is `value`'s canonical JSON. */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (!inCanonicalOrder(item)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!inCanonicalOrder(Reflect.get(value, key))) return false;
    previous = key;
  }
  return true;
}

function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? '';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const key of keys) {
    const member: unknown = Reflect.get(value, key);
    if (member === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/** Neo4j temporal values as ISO strings, everything else as it is. */
function plainValue(value: unknown): unknown {
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  return value;
}

const ENTITY_FIELDS = new Set<string>([...ENTITY_FIELD_KEYS, ...STORE_PROPERTIES]);
const RELATION_FIELDS = new Set<string>([...RELATION_FIELD_KEYS, ...STORE_PROPERTIES]);

/** Rebuilds an entity from node properties, parsed with the model: the database is outside data. */
export function entityFromProperties(properties: Record<string, unknown>): Entity {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (!ENTITY_FIELDS.has(key)) attributes[key] = plainValue(value);
  }
  return EntitySchema.parse({
    id: properties.id,
    kind: properties.kind,
    name: { zh: properties.nameZh, en: properties.nameEn },
    ...(properties.description === undefined ? {} : { description: properties.description }),
    attributes,
  });
}

/** Rebuilds a relation from relationship properties and its type and ends. */
export function relationFromProperties(
  type: string,
  from: string,
  to: string,
  properties: Record<string, unknown>,
): Relation {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (!RELATION_FIELDS.has(key)) attributes[key] = plainValue(value);
  }
  return RelationSchema.parse({
    id: properties.id,
    type,
    from,
    to,
    status: properties.status,
    since: plainValue(properties.since),
    ...(properties.until === undefined || properties.until === null
      ? {}
      : { until: plainValue(properties.until) }),
    evidence: { source: properties.source, confidence: properties.confidence },
    attributes,
  });
}
