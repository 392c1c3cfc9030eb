import { createHash } from 'node:crypto';
import { type Entity, EntitySchema, type Relation, RelationSchema } from '@innograph/model';
import neo4j from 'neo4j-driver';

/** A value Neo4j stores as a property. */
export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];

/** Properties the store owns on nodes and relationships, next to the model's fields. */
export const STORE_PROPERTIES = ['version', 'hash', 'createdAt', 'updatedAt'] as const;

function definedEntries(attributes: Record<string, unknown>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    ) {
      out[key] = value;
    } else {
      throw new Error(`store: attribute '${key}' is not a string, number, boolean or string list`);
    }
  }
  return out;
}

/** The node properties of an entity: its fields, flattened, without the store's own. */
export function entityProperties(entity: Entity): Record<string, PropertyValue> {
  return {
    ...definedEntries(entity.attributes),
    id: entity.id,
    kind: entity.kind,
    nameZh: entity.name.zh,
    nameEn: entity.name.en,
    ...(entity.description === undefined ? {} : { description: entity.description }),
  };
}

/** The relationship properties of a relation (dates as `YYYY-MM-DD`; the query makes them
 *  Neo4j dates). */
export function relationProperties(relation: Relation): Record<string, PropertyValue> {
  return {
    ...definedEntries(relation.attributes),
    id: relation.id,
    status: relation.status,
    since: relation.since,
    ...(relation.until === undefined ? {} : { until: relation.until }),
    source: relation.evidence.source,
    confidence: relation.evidence.confidence,
  };
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
  return { props, hash: contentHash({ props, type: relation.type, from: relation.from, to: relation.to }) };
}

/** A stable digest of a record's content, to tell unchanged records from changed ones. */
export function contentHash(value: unknown): string {
  return createHash('sha1').update(canonicalJson(value)).digest('base64url');
}

/** JSON with object keys in code-unit order and undefined members left out. Written as loops
 *  over sorted keys (no entry arrays per object): hashing is most of a big load's client work. */
export function canonicalJson(value: unknown): string {
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

const ENTITY_FIELDS = new Set(['id', 'kind', 'nameZh', 'nameEn', 'description', ...STORE_PROPERTIES]);
const RELATION_FIELDS = new Set([
  'id',
  'status',
  'since',
  'until',
  'source',
  'confidence',
  ...STORE_PROPERTIES,
]);

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
