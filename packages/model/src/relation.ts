import { z } from 'zod';
import { EntityId } from './entity.js';
import {
  Confidence,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  type RelationKind,
  RelationStatus,
} from './ontology.js';
import { nonEmpty } from './util.js';

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });

/** Where a relation is known from, and how sure we are. */
export const Evidence = z.strictObject({
  source: z.string().trim().min(1, 'name the document, URL or note').max(1000),
  confidence: Confidence,
});
export type Evidence = z.infer<typeof Evidence>;

type RelationDefs = typeof RELATION_KINDS;
export type RelationAttributes<R extends RelationKind> = z.output<RelationDefs[R]['attributes']>;
export type RelationAttributesInput<R extends RelationKind> = z.input<RelationDefs[R]['attributes']>;

interface RelationCommon {
  id: string;
  from: string;
  to: string;
  status: RelationStatus;
  since: string;
  until?: string | undefined;
  evidence: Evidence;
}

export type Relation = {
  [R in RelationKind]: RelationCommon & { type: R; attributes: RelationAttributes<R> };
}[RelationKind];

export type RelationInput = {
  [R in RelationKind]: Omit<RelationCommon, 'status'> & {
    type: R;
    status?: RelationStatus;
    attributes?: RelationAttributesInput<R>;
  };
}[RelationKind];

export function relationSchemaOf<R extends RelationKind>(type: R) {
  const attributes: z.ZodObject = RELATION_KINDS[type].attributes;
  return z
    .strictObject({
      id: EntityId,
      type: z.literal(type),
      from: EntityId,
      to: EntityId,
      status: RelationStatus.default('active'),
      since: IsoDate,
      until: IsoDate.optional(),
      evidence: Evidence,
      attributes: attributes.prefault({}),
    })
    .check((ctx) => {
      const { since, until, from, to } = ctx.value;
      if (until !== undefined && until < since) {
        ctx.issues.push({
          code: 'custom',
          input: until,
          path: ['until'],
          message: `until (${until}) is before since (${since})`,
        });
      }
      if (from === to) {
        ctx.issues.push({
          code: 'custom',
          input: to,
          path: ['to'],
          message: 'a relation cannot connect an entity to itself',
        });
      }
    });
}

const relationOptions = nonEmpty(RELATION_KIND_NAMES.map((type) => relationSchemaOf(type)));

/** Any relation; `type` picks the attribute schema. Which kinds it may connect is checked where
 *  both ends are known (see `validateDataset` and the store). */
export const RelationSchema: z.ZodType<Relation, RelationInput> = z.discriminatedUnion(
  'type',
  relationOptions,
) as unknown as z.ZodType<Relation, RelationInput>;
