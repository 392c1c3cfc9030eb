import {
  ENTITY_KIND_NAMES,
  ENTITY_KINDS,
  type EntityKind,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  type RelationKind,
} from '@innograph/model';
import { ENTITY_FIELD_KEYS, RELATION_FIELD_KEYS } from './mapping.js';

/** The label every ecosystem entity carries besides its kind label. */
export const ENTITY_LABEL = 'Entity';

const KIND_SET: ReadonlySet<string> = new Set(ENTITY_KIND_NAMES);
const RELATION_SET: ReadonlySet<string> = new Set(RELATION_KIND_NAMES);

/**
 * A kind label for a Cypher text. Labels cannot be query parameters, so they come only from the
 * model's enum; anything else throws before a query is built.
 */
export function kindLabel(kind: EntityKind): string {
  if (!KIND_SET.has(kind)) throw new Error(`store: '${String(kind)}' is not an entity kind of the model`);
  return `\`${kind}\``;
}

/** A relationship type for a Cypher text, from the model's enum only. */
export function relationType(type: RelationKind): string {
  if (!RELATION_SET.has(type))
    throw new Error(`store: '${String(type)}' is not a relation kind of the model`);
  return `\`${type}\``;
}

/** All relation types of the model as a Cypher alternation: `SUPPLIES|OPENS_TO|…`. */
export function anyRelationType(types: readonly RelationKind[] = RELATION_KIND_NAMES): string {
  return types.map(relationType).join('|');
}

/** Splits a list into pieces of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Relation properties stored as Neo4j dates (given as `YYYY-MM-DD` strings). */
const RELATION_DATE_KEYS = ['since', 'until'] as const;

/** The Cypher value to store as relation property `key` given the Cypher expression that reads
 *  it: a Neo4j date for the date properties (a null stays null), the value itself otherwise. */
export function relationColumnValue(key: string, expression: string): string {
  return (RELATION_DATE_KEYS as readonly string[]).includes(key) ? `date(${expression})` : expression;
}

/** The Cypher value of relation property `key` read from the map `props`, as
 *  `relationColumnValue` makes it. */
function relationPropertyValue(props: string, key: string): string {
  return relationColumnValue(key, `${props}.${propertyKey(key)}`);
}

/**
 * Sets relationship `r` from a property map and a hash (`row.props`/`row.hash` in an UNWIND, or
 * `$props`/`$hash`): the `YYYY-MM-DD` strings of `since` and `until` become Neo4j dates.
 */
export function setRelationClause(props: string, hash: string): string {
  const dates = RELATION_DATE_KEYS.map(
    (key) => `r.${propertyKey(key)} = ${relationPropertyValue(props, key)}`,
  );
  return `SET r = ${props}
SET ${dates.join(',\n    ')},
    r.hash = ${hash}`;
}

/** The properties an entity of this kind can have besides the store's own: its kind's attributes
 *  from the model and the common fields, as `entityProperties` writes them. */
export function entityPropertyKeys(kind: EntityKind): string[] {
  const attributes = Object.keys(ENTITY_KINDS[kind].attributes.shape);
  return [...attributes, ...ENTITY_FIELD_KEYS];
}

/** The properties a relation of this kind can have besides the store's own (`version`, `hash`,
 *  `createdAt`, `updatedAt`): its kind's attributes from the model and the common fields, as
 *  `relationProperties` writes them. */
export function relationPropertyKeys(type: RelationKind): string[] {
  const attributes = Object.keys(RELATION_KINDS[type].attributes.shape);
  return [...attributes, ...RELATION_FIELD_KEYS];
}

/** A property key for a Cypher text: only names the model defines (an identifier), quoted. */
export function propertyKey(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key))
    throw new Error(`store: '${key}' is not a property name of the model`);
  return `\`${key}\``;
}
