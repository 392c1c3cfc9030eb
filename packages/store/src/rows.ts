/** Reading Neo4j result rows as outside data: every row is parsed with a schema. */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { StoreError } from './errors.js';
import type { QueryRunner } from './executor.js';

export const Properties = z.record(z.string(), z.unknown());

/** A stored timestamp: a Neo4j DateTime (or an ISO string). */
export const Timestamp = z.union([
  z.string(),
  z.custom<{ toStandardDate(): Date }>((value) => neo4j.isDateTime(value), 'expected a Neo4j DateTime'),
]);

/** The store's own fields on a node or relationship. */
const StoreFields = z.object({
  version: z.number().int().min(1),
  hash: z.string().nullish(),
  createdAt: Timestamp,
  updatedAt: Timestamp.nullish(),
});

/** A property that holds JSON text (the store's way of keeping nested values on a node), parsed;
 *  the caller checks the value with the model's schema. */
export const JsonText = z.string().transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'stored JSON text is not valid' });
    return z.NEVER;
  }
});

export const NodeRow = z.object({ props: Properties });
export const EdgeRow = z.object({ type: z.string(), from: z.string(), to: z.string(), props: Properties });
export type EdgeRow = z.infer<typeof EdgeRow>;

export async function readRows<T>(
  tx: QueryRunner,
  schema: z.ZodType<T>,
  query: string,
  parameters: Record<string, unknown> = {},
): Promise<T[]> {
  const result = await tx.run(query, parameters);
  return result.records.map((record) => schema.parse(record.toObject()));
}

export function isoString(value: z.infer<typeof Timestamp>): string {
  return typeof value === 'string' ? value : value.toStandardDate().toISOString();
}

/** Version and timestamps as records carry them, and the content hash, from stored properties. */
export function storeFields(props: Record<string, unknown>): {
  meta: { version: number; createdAt: string; updatedAt: string };
  hash: string | null;
} {
  const fields = StoreFields.parse(props);
  const createdAt = isoString(fields.createdAt);
  // A record that was never updated may carry no updatedAt: it was last changed when created.
  const updatedAt =
    fields.updatedAt === null || fields.updatedAt === undefined ? createdAt : isoString(fields.updatedAt);
  return { meta: { version: fields.version, createdAt, updatedAt }, hash: fields.hash ?? null };
}

/** The list of values of a row, or a StoreError naming what it was meant to hold. */
export function listOf(values: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(values)) throw new StoreError(`store: expected the values of ${what} as a list`);
  return values;
}

const attributeNamesOf = new Map<z.ZodObject, readonly string[]>();

/** Attribute values from `list[offset]` on, in the order of the kind's schema, parsed with that
 *  schema (unset ones left out, so that defaults apply). Graphs read only the attributes the
 *  ontology names. */
export function parseAttributes(schema: z.ZodObject, list: readonly unknown[], offset: number) {
  let names = attributeNamesOf.get(schema);
  if (names === undefined) {
    names = Object.keys(schema.shape);
    attributeNamesOf.set(schema, names);
  }
  const set: Record<string, unknown> = {};
  for (let index = 0; index < names.length; index += 1) {
    const value = list[offset + index];
    if (value !== null && value !== undefined) set[names[index] as string] = value;
  }
  return schema.parse(set);
}
