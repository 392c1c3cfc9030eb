/**
 * Saved views and presentations: what a presenter keeps to show the network again. They are
 * stored in Neo4j apart from the ecosystem (their own labels), and never mixed into it.
 */
import { z } from 'zod';
import { API_LIMITS, StoredMeta } from './api.js';
import { EntityId } from './entity.js';
import { ViewState } from './view.js';

const Title = z.string().trim().min(1, 'give it a name').max(200);
const Description = z.string().max(5000).default('');

/** Node positions on screen when the view was saved: entity id → [x, y] in graph space. */
export const NodePositions = z
  .record(EntityId, z.tuple([z.number().finite(), z.number().finite()]))
  .refine((positions) => Object.keys(positions).length <= API_LIMITS.viewPositions, {
    message: `at most ${API_LIMITS.viewPositions} node positions`,
  });
export type NodePositions = z.infer<typeof NodePositions>;

const SavedViewFields = {
  name: Title,
  description: Description,
  /** Filters, selection, highlighted entities, camera, layout, language and theme. */
  state: ViewState,
  positions: NodePositions.default({}),
};

export const SavedViewSchema = z.object({
  id: EntityId,
  name: Title,
  description: z.string(),
  state: ViewState,
  positions: NodePositions,
  ...StoredMeta.shape,
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** A view in lists: everything but the positions. */
export const SavedViewSummarySchema = SavedViewSchema.omit({ positions: true }).extend({
  /** How many node positions it keeps. */
  positionCount: z.number().int().min(0),
});
export type SavedViewSummary = z.infer<typeof SavedViewSummarySchema>;

export const ViewParams = z.object({ id: EntityId });

/** A new saved view; the server picks an id when none is given. */
export const SavedViewCreateBody = z.strictObject({ id: EntityId.optional(), ...SavedViewFields });
export type SavedViewCreateBody = z.input<typeof SavedViewCreateBody>;

/** The whole view again (rename = same body, new name), with the version it replaces. */
export const SavedViewUpdateBody = z.strictObject({ ...SavedViewFields, version: z.number().int().min(1) });
export type SavedViewUpdateBody = z.input<typeof SavedViewUpdateBody>;

export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const SavedViewsResponse = z.object({
  /** Newest first (by last update), at most `API_LIMITS.views`. */
  items: z.array(SavedViewSummarySchema),
  truncated: z.boolean(),
});
export type SavedViewsResponse = z.infer<typeof SavedViewsResponse>;

// ---------------------------------------------------------------------------------------------
// Presentations
// ---------------------------------------------------------------------------------------------

export const PresentationStepSchema = z.strictObject({
  view: EntityId,
  caption: z.string().max(2000).default(''),
});
export type PresentationStep = z.infer<typeof PresentationStepSchema>;

const PresentationFields = {
  name: Title,
  description: Description,
  steps: z.array(PresentationStepSchema).max(API_LIMITS.presentationSteps).default([]),
};

export const PresentationSchema = z.object({
  id: EntityId,
  name: Title,
  description: z.string(),
  steps: z.array(PresentationStepSchema),
  ...StoredMeta.shape,
});
export type Presentation = z.infer<typeof PresentationSchema>;

export const PresentationCreateBody = z.strictObject({ id: EntityId.optional(), ...PresentationFields });
export type PresentationCreateBody = z.input<typeof PresentationCreateBody>;

export const PresentationUpdateBody = z.strictObject({
  ...PresentationFields,
  version: z.number().int().min(1),
});
export type PresentationUpdateBody = z.input<typeof PresentationUpdateBody>;

export const PresentationsResponse = z.object({
  items: z.array(PresentationSchema),
  truncated: z.boolean(),
});
export type PresentationsResponse = z.infer<typeof PresentationsResponse>;

export const DeletedResponse = z.object({ deleted: z.string() });
