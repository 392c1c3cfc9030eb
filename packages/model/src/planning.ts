/**
 * The planner's HTTP contract: gap reports, indicators, suggested relations and what-if
 * scenarios (`apps/api/src/routes/planning.ts`).
 *
 * Gap items, indicators and suggestions are computed by `@innograph/analytics`, which cannot be
 * imported here (it depends on this package). The schemas below mirror its result types field
 * for field; `packages/analytics/src/contract.test.ts` parses its output with them, so the two
 * cannot drift apart unnoticed.
 */
import { z } from 'zod';
import { API_LIMITS, booleanFlag, CHANGE_ACTIONS, csvList, limitParam, StoredMeta } from './api.js';
import { EntityId } from './entity.js';
import { Openness, Ownership, type RelationKind, RelationStatus } from './ontology.js';
import { RelationSchema } from './relation.js';

/** A sentence in both languages (no length limit, unlike names). */
export const BilingualText = z.object({ zh: z.string(), en: z.string() });

// ---------------------------------------------------------------------------------------------
// Gaps
// ---------------------------------------------------------------------------------------------

/** The gap types of DOMAIN.md (analytics' GAP_TYPES is this list). */
export const GAP_TYPE_NAMES = [
  'access',
  'closedPlatform',
  'pairing',
  'capital',
  'consortiumExclusion',
  'capability',
  'bridging',
] as const;
export const GapTypeSchema = z.enum(GAP_TYPE_NAMES);
export type GapTypeName = z.infer<typeof GapTypeSchema>;

export const GapItemSchema = z.object({
  type: GapTypeSchema,
  /** The entity the gap is about. */
  entity: z.string(),
  /** 0..1, higher is more urgent. */
  severity: z.number().min(0).max(1),
  reasons: BilingualText,
  /** Other entities the reasons mention, sorted. */
  involved: z.array(z.string()),
});
export type GapItemRecord = z.infer<typeof GapItemSchema>;

/** Number of gaps of every type (each type present). */
export const GapCountsSchema = z.record(GapTypeSchema, z.number().int().min(0));
export type GapCountsRecord = z.infer<typeof GapCountsSchema>;

export const GapsQuery = z.object({
  /** Gap types, comma-separated; all when unset. */
  type: csvList(GapTypeSchema).optional(),
  /** Only gaps counted in this IndustryChain. */
  chain: EntityId.optional(),
  /** Items returned, most severe first; `API_LIMITS.gaps.max` returns every gap of a report. */
  limit: limitParam(API_LIMITS.gaps),
});
export type GapsQuery = z.infer<typeof GapsQuery>;

export const GapsResponse = z.object({
  items: z.array(GapItemSchema),
  /** Counts of all gaps the query matches, also those past `limit`. */
  counts: GapCountsSchema,
  total: z.number().int(),
  /** True when `items` stops at `limit` before `total`. */
  truncated: z.boolean(),
  limit: z.number().int(),
});
export type GapsResponse = z.infer<typeof GapsResponse>;

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/** The indicator shares (analytics' SHARE_NAMES is this list). */
export const SHARE_NAME_LIST = [
  'privateFirmsWithAccess',
  'soePlatformsOpen',
  'parksPaired',
  'growthFirmsFunded',
  'consortiumInclusion',
  'leaderNeedsSourced',
  'crossOwnershipTies',
  'soePrivateTies',
] as const;
export const ShareNameSchema = z.enum(SHARE_NAME_LIST);

export const ShareSchema = z.object({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(0),
  /** numerator / denominator, or null when the denominator is 0. */
  value: z.number().nullable(),
});

export const EcosystemSharesSchema = z.record(ShareNameSchema, ShareSchema);

export const BROKERAGE_ROLE_NAMES = [
  'coordinator',
  'itinerant',
  'representative',
  'gatekeeper',
  'liaison',
] as const;

export const BrokerageCountsSchema = z.object({
  coordinator: z.number().int(),
  itinerant: z.number().int(),
  representative: z.number().int(),
  gatekeeper: z.number().int(),
  liaison: z.number().int(),
  total: z.number().int(),
  soePrivate: z.number().int(),
});

export const BrokerEntrySchema = z.object({
  node: z.string(),
  name: BilingualText,
  kind: z.string(),
  ownership: Ownership.nullable(),
  roles: BrokerageCountsSchema,
  betweenness: z.number(),
  constraint: z.number().nullable(),
});

export const CommunitySummarySchema = z.object({
  community: z.number().int(),
  size: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  byOwnership: z.record(z.string(), z.number().int()),
  hubs: z.array(z.string()),
});

export const CommunityBridgeSchema = z.object({
  communities: z.tuple([z.number().int(), z.number().int()]),
  ties: z.number().int(),
  edges: z.array(z.string()),
});

export const NetworkIndicatorsSchema = z.object({
  brokerage: z.record(z.string(), BrokerageCountsSchema),
  constraint: z.record(z.string(), z.number()),
  betweenness: z.record(z.string(), z.number()),
  betweennessMode: z.enum(['exact', 'sampled']),
  brokers: z.array(BrokerEntrySchema),
  communities: z.object({
    count: z.number().int(),
    modularity: z.number(),
    membership: z.record(z.string(), z.number().int()),
    summaries: z.array(CommunitySummarySchema),
  }),
  bridges: z.array(CommunityBridgeSchema),
});

export const ChainIndicatorsSchema = z.object({
  chain: z.string(),
  name: BilingualText,
  shares: EcosystemSharesSchema,
  soePrivateBrokers: z.number().int(),
});

export const IndicatorsSchema = z.object({
  overall: z.object({ shares: EcosystemSharesSchema, soePrivateBrokers: z.number().int() }),
  chains: z.array(ChainIndicatorsSchema),
  /** Null when asked without network measures. */
  network: NetworkIndicatorsSchema.nullable(),
});
export type IndicatorsRecord = z.infer<typeof IndicatorsSchema>;

export const IndicatorsQuery = z.object({
  /** Per-chain indicators of this IndustryChain only (overall is unchanged). */
  chain: EntityId.optional(),
  /** Brokerage, constraint, betweenness and communities (one value per tied node). */
  network: booleanFlag.default(true),
});
export type IndicatorsQuery = z.infer<typeof IndicatorsQuery>;

export const IndicatorsResponse = IndicatorsSchema;
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

export const SUGGESTION_TYPE_NAMES = [
  'OPENS_TO',
  'PAIRED_WITH',
  'INVESTS_IN',
] as const satisfies readonly RelationKind[];
export const SuggestionTypeSchema = z.enum(SUGGESTION_TYPE_NAMES);

export const SuggestionSchema = z.object({
  type: SuggestionTypeSchema,
  /** The relation's source as the ontology stores it. */
  from: z.string(),
  to: z.string(),
  /** 0..1. */
  score: z.number().min(0).max(1),
  factors: z.array(
    z.object({
      name: z.string(),
      value: z.number().min(0).max(1),
      weight: z.number().min(0).max(1),
      note: BilingualText,
    }),
  ),
  closes: GapTypeSchema,
});
export type SuggestionRecord = z.infer<typeof SuggestionSchema>;

export const SuggestionsQuery = z.object({
  type: SuggestionTypeSchema.optional(),
  chain: EntityId.optional(),
  limit: limitParam(API_LIMITS.suggestions),
});
export type SuggestionsQuery = z.infer<typeof SuggestionsQuery>;

export const SuggestionsResponse = z.object({
  items: z.array(SuggestionSchema),
  truncated: z.boolean(),
  limit: z.number().int(),
});
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

const PersonName = z.string().trim().min(1).max(200);

/** One proposed change. Relations and entities are named by id; `addRelation` carries the whole
 *  relation (usually with status `planned`). */
export const ScenarioChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('addRelation'),
    relation: RelationSchema,
    /** Who is to make the relation happen. */
    owner: PersonName.optional(),
    note: z.string().max(2000).optional(),
    /** Set when the change accepts a suggestion: its score and the gap it closes. */
    fromSuggestion: z.strictObject({ score: z.number().min(0).max(1), closes: GapTypeSchema }).optional(),
  }),
  z.strictObject({ op: z.literal('removeRelation'), id: EntityId }),
  z.strictObject({ op: z.literal('setRelationStatus'), id: EntityId, status: RelationStatus }),
  /** Opens (or closes) a Lab or PilotBase: its `openness` attribute. */
  z.strictObject({ op: z.literal('setOpenness'), entity: EntityId, openness: Openness }),
]);
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>;
export type ScenarioChangeInput = z.input<typeof ScenarioChangeSchema>;
export const SCENARIO_OPS = ['addRelation', 'removeRelation', 'setRelationStatus', 'setOpenness'] as const;

/** A relation's version when it was first touched, or "absent" for a relation the scenario adds. */
export const RelationBase = z.union([z.number().int().min(1), z.literal('absent')]);

/** The version of every record the changes touch, as it was when the change was added. Applying
 *  is refused when any of them has moved on. */
export const BaseVersionsSchema = z.object({
  entities: z.record(EntityId, z.number().int().min(1)),
  relations: z.record(EntityId, RelationBase),
});
export type BaseVersions = z.infer<typeof BaseVersionsSchema>;

export const SCENARIO_STATUSES = ['draft', 'applied'] as const;

const ScenarioFields = {
  name: z.string().trim().min(1, 'name the scenario').max(200),
  description: z.string().max(5000).default(''),
  owner: PersonName.optional(),
  changes: z.array(ScenarioChangeSchema).max(API_LIMITS.scenarioChanges).default([]),
};

export const ScenarioSchema = z.object({
  id: EntityId,
  name: ScenarioFields.name,
  description: z.string(),
  owner: PersonName.optional(),
  status: z.enum(SCENARIO_STATUSES),
  changes: z.array(ScenarioChangeSchema),
  baseVersions: BaseVersionsSchema,
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
  ...StoredMeta.shape,
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioParams = z.object({ id: EntityId });

/** A new scenario; the server picks an id when none is given. */
export const ScenarioCreateBody = z.strictObject({ id: EntityId.optional(), ...ScenarioFields });
export type ScenarioCreateBody = z.infer<typeof ScenarioCreateBody>;

/** The whole scenario again, with the version it replaces. */
export const ScenarioUpdateBody = z.strictObject({
  ...ScenarioFields,
  version: z.number().int().min(1),
});
export type ScenarioUpdateBody = z.infer<typeof ScenarioUpdateBody>;

export const ScenarioDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ScenariosResponse = z.object({
  /** Newest first (by last update), at most `API_LIMITS.scenarios`. */
  items: z.array(ScenarioSchema),
  truncated: z.boolean(),
});

export const ScenarioDeleteResponse = z.object({ deleted: z.string() });

/** A change that cannot be made on the current graph, by its index in `changes`. */
export const ScenarioProblem = z.object({
  change: z.number().int().min(0),
  /** Field path in the scenario, e.g. `changes[2].relation.to`. */
  path: z.string(),
  message: z.string(),
});
export type ScenarioProblem = z.infer<typeof ScenarioProblem>;

export const EvaluationQuery = z.object({
  chain: EntityId.optional(),
  /** Network measures before and after too (slow on large graphs). */
  network: booleanFlag.default(false),
});
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

const GraphFigures = z.object({ indicators: IndicatorsSchema, gapCounts: GapCountsSchema });

export const ScenarioEvaluation = z.object({
  scenario: z.object({ id: EntityId, version: z.number().int() }),
  before: GraphFigures,
  after: GraphFigures,
  /** Changes made in memory; the others are listed in `problems` and left out. */
  changesApplied: z.number().int(),
  problems: z.array(ScenarioProblem),
});
export type ScenarioEvaluation = z.infer<typeof ScenarioEvaluation>;

export const ScenarioApplyBody = z.strictObject({ version: z.number().int().min(1) });

export const ScenarioApplyResponse = z.object({
  scenario: ScenarioSchema,
  /** What each change wrote, in order; `unchanged` when the record already was as asked. */
  applied: z.array(
    z.object({
      change: z.number().int(),
      op: z.enum(SCENARIO_OPS),
      target: z.enum(['entity', 'relation']),
      id: z.string(),
      action: z.enum([...CHANGE_ACTIONS, 'unchanged']),
      /** The record's version after the change; null when deleted. */
      version: z.number().int().nullable(),
    }),
  ),
});
export type ScenarioApplyResponse = z.infer<typeof ScenarioApplyResponse>;
