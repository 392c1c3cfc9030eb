/**
 * What the explorer shows: filters, selection, camera, layout and display choices. The web app
 * keeps it in the URL (so a reload or a shared link shows the same view) and saved views store it.
 * Every field has a default, so an empty or partly broken URL still gives a working view.
 */
import { z } from 'zod';
import { EntityId } from './entity.js';
import { EntityKindSchema, FirmStage, Ownership, RelationKindSchema, RelationStatus } from './ontology.js';
import { IsoDate } from './relation.js';

export const LANGUAGES = ['zh', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const LAYOUTS = ['chain', 'park', 'force'] as const;
export const LayoutName = z.enum(LAYOUTS);
export type LayoutName = z.infer<typeof LayoutName>;

export const SIZE_MEASURES = ['uniform', 'degree', 'pagerank', 'betweenness'] as const;
export const SizeMeasure = z.enum(SIZE_MEASURES);
export type SizeMeasure = z.infer<typeof SizeMeasure>;

export const THEMES = ['light', 'dark', 'projector'] as const;
/** `projector`: high contrast, large labels and a legend over the canvas, for presenting. */
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

export const COLOR_MODES = ['kind', 'community'] as const;
export const ColorMode = z.enum(COLOR_MODES);
export type ColorMode = z.infer<typeof ColorMode>;

export const Camera = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  ratio: z.number().positive().max(1000),
  angle: z.number().finite().default(0),
});
export type Camera = z.infer<typeof Camera>;

export const ViewFilters = z.object({
  /** Entity kinds left out of the view. */
  hiddenKinds: z.array(EntityKindSchema).default([]),
  /** Relation kinds left out. */
  hiddenRelations: z.array(RelationKindSchema).default([]),
  /** Relation statuses left out. */
  hiddenStatuses: z.array(RelationStatus).default([]),
  /** Only entities in this industry chain (by the chain's id), and the chain itself. */
  chain: EntityId.nullable().default(null),
  /** Only entities located in this science park, and the park itself. */
  park: EntityId.nullable().default(null),
  ownership: Ownership.nullable().default(null),
  stage: FirmStage.nullable().default(null),
  /** The network as it stood on this date: relations with since ≤ date ≤ until. */
  date: IsoDate.nullable().default(null),
});
export type ViewFilters = z.infer<typeof ViewFilters>;

export const ViewState = z.object({
  language: Language.default('zh'),
  filters: ViewFilters.prefault({}),
  theme: Theme.default('light'),
  /** The entity whose panel is open. */
  selected: EntityId.nullable().default(null),
  /** Entities picked out for the audience (drawn emphasised, the rest faded). */
  highlighted: z.array(EntityId).max(500).default([]),
  /** Entities whose neighbourhoods were added to the view, in order. */
  expanded: z.array(EntityId).max(200).default([]),
  /** Ends of the path on screen. */
  path: z.object({ from: EntityId, to: EntityId }).nullable().default(null),
  camera: Camera.nullable().default(null),
  layout: LayoutName.default('chain'),
  size: SizeMeasure.default('degree'),
  color: ColorMode.default('kind'),
  /** Label density: 0 (few labels) to 1 (as many as fit). */
  labelDensity: z.number().min(0).max(1).default(0.5),
});
export type ViewState = z.infer<typeof ViewState>;
