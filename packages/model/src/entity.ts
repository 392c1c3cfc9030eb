import { z } from 'zod';
import { ENTITY_KIND_NAMES, ENTITY_KINDS, type EntityKind } from './ontology.js';
import { nonEmpty } from './util.js';

/** Stable ids: letters, digits and `_ . : -`, starting with a letter or digit. */
export const EntityId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/,
    'an id is 1 to 128 letters, digits or _ . : - and starts with a letter or digit',
  );

export const BilingualName = z.strictObject({
  zh: z.string().trim().min(1, 'the Chinese name is empty').max(200),
  en: z.string().trim().min(1, 'the English name is empty').max(200),
});

type KindDefs = typeof ENTITY_KINDS;
export type EntityAttributes<K extends EntityKind> = z.output<KindDefs[K]['attributes']>;
export type EntityAttributesInput<K extends EntityKind> = z.input<KindDefs[K]['attributes']>;

interface EntityCommon {
  id: string;
  name: { zh: string; en: string };
  description?: string | undefined;
}

/** An entity as the product holds it (attribute defaults applied). */
export type Entity = {
  [K in EntityKind]: EntityCommon & { kind: K; attributes: EntityAttributes<K> };
}[EntityKind];

/** An entity as a file or request may give it (defaults not yet applied). */
export type EntityInput = {
  [K in EntityKind]: EntityCommon & { kind: K; attributes?: EntityAttributesInput<K> };
}[EntityKind];

export function entitySchemaOf<K extends EntityKind>(kind: K) {
  const attributes: z.ZodObject = ENTITY_KINDS[kind].attributes;
  return z.strictObject({
    id: EntityId,
    kind: z.literal(kind),
    name: BilingualName,
    description: z.string().max(2000).optional(),
    attributes: attributes.prefault({}),
  });
}

const entityOptions = nonEmpty(ENTITY_KIND_NAMES.map((kind) => entitySchemaOf(kind)));

/** Any entity; the `kind` field picks the attribute schema from the ontology. */
export const EntitySchema: z.ZodType<Entity, EntityInput> = z.discriminatedUnion(
  'kind',
  entityOptions,
) as unknown as z.ZodType<Entity, EntityInput>;
