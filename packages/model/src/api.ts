/**
 * The HTTP contract: every query, body and response of `apps/api`, parsed by the server and by
 * clients with the same schemas.
 */
import { z } from 'zod';
import { BilingualName, EntityId, EntitySchema } from './entity.js';
import {
  Confidence,
  EntityKindSchema,
  FirmStage,
  Ownership,
  RelationKindSchema,
  RelationStatus,
} from './ontology.js';
import { IsoDate, RelationSchema } from './relation.js';

// ---------------------------------------------------------------------------------------------
// Limits: every list and traversal has a documented maximum.
// ---------------------------------------------------------------------------------------------

export const API_LIMITS = {
  /** Search results per page. */
  searchPage: { default: 20, max: 100 },
  /** Nodes in a `GET /api/graph` subgraph. */
  graphNodes: { default: 5_000, max: 50_000 },
  /** Nodes in a neighbourhood. */
  neighborhoodNodes: { default: 500, max: 5_000 },
  /** Shortest paths returned. */
  paths: { default: 5, max: 25 },
  /** Longest shortest path searched, in relations. */
  pathLength: 8,
  /** Relations listed per kind and direction on an entity page. */
  entityRelations: 200,
  /** Change-log entries per page. */
  changesPage: { default: 50, max: 500 },
  /** Request body size in bytes. */
  bodyBytes: 1_048_576,
  /** Gap items per `GET /api/gaps`; the max is high enough for a whole report (CSV download). */
  gaps: { default: 500, max: 100_000 },
  /** Suggested relations per `GET /api/suggestions`. */
  suggestions: { default: 50, max: 1_000 },
  /** Scenarios listed by `GET /api/scenarios`, newest first. */
  scenarios: 500,
  /** Changes in one scenario. */
  scenarioChanges: 500,
  /** Saved views (and presentations) listed per request, newest first. */
  views: 500,
  /** Node positions kept in one saved view. */
  viewPositions: 50_000,
  /** Steps in one presentation. */
  presentationSteps: 100,
  /** Request body size in bytes for a saved view (its node positions). */
  viewBodyBytes: 8_388_608,
} as const;

/** A comma-separated list in a query string (`kinds=Lab,PilotBase`), as an array. */
function csv<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item));
}

const limit = (spec: { default: number; max: number }) =>
  z.coerce.number().int().min(1).max(spec.max).default(spec.default);

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Query-string helpers for the other contract modules (planning.ts). */
export { booleanFlag, csv as csvList, limit as limitParam };

// ---------------------------------------------------------------------------------------------
// Records as stored
// ---------------------------------------------------------------------------------------------

/** What the store adds to a record: an optimistic-concurrency version and timestamps. */
export const StoredMeta = z.object({
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredMeta = z.infer<typeof StoredMeta>;

export const EntityRecord = z.intersection(EntitySchema, StoredMeta);
export type EntityRecord = z.infer<typeof EntityRecord>;

export const RelationRecord = z.intersection(RelationSchema, StoredMeta);
export type RelationRecord = z.infer<typeof RelationRecord>;

/** The short form of an entity that lists and relation views carry. */
export const EntityRef = z.object({
  id: EntityId,
  kind: EntityKindSchema,
  name: BilingualName,
});
export type EntityRef = z.infer<typeof EntityRef>;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export const HealthResponse = z.object({
  status: z.enum(['up', 'degraded']),
  neo4j: z.enum(['up', 'down']),
  uri: z.string(),
  message: z.string().optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ModelResponse = z.object({
  entityKinds: z.array(
    z.object({
      kind: EntityKindSchema,
      name: BilingualName,
      description: BilingualName,
      /** JSON Schema of the kind's attributes, so clients can build forms from data. */
      attributes: z.record(z.string(), z.unknown()),
    }),
  ),
  relationKinds: z.array(
    z.object({
      type: RelationKindSchema,
      name: BilingualName,
      description: BilingualName,
      from: z.array(EntityKindSchema),
      to: z.array(EntityKindSchema),
      symmetric: z.boolean(),
      attributes: z.record(z.string(), z.unknown()),
    }),
  ),
  statuses: z.array(RelationStatus),
  confidences: z.array(Confidence),
  valueNames: z.record(z.string(), BilingualName),
  limits: z.record(z.string(), z.unknown()),
});
export type ModelResponse = z.infer<typeof ModelResponse>;

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: csv(EntityKindSchema).optional(),
  chain: EntityId.optional(),
  park: EntityId.optional(),
  ownership: Ownership.optional(),
  stage: FirmStage.optional(),
  limit: limit(API_LIMITS.searchPage),
  cursor: z.string().max(500).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResponse = z.object({
  items: z.array(EntityRecord),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  limit: z.number().int(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const EntityParams = z.object({ id: EntityId });

/** A relation seen from one of its ends, with the entity at the other end. */
export const RelationView = z.object({
  relation: RelationRecord,
  direction: z.enum(['outgoing', 'incoming']),
  other: EntityRef,
});
export type RelationView = z.infer<typeof RelationView>;

export const EntityResponse = z.object({
  entity: EntityRecord,
  /** Relations grouped by kind, each list capped at `API_LIMITS.entityRelations`. */
  relations: z.record(RelationKindSchema, z.array(RelationView)),
  /** Full counts by kind, also where a list was capped. */
  relationCounts: z.record(RelationKindSchema, z.number().int()),
  truncated: z.boolean(),
});
export type EntityResponse = z.infer<typeof EntityResponse>;

/** graphology's serialised graph (`graph.export()` / `Graph.from()`). */
export const SerializedNode = z.object({ key: z.string(), attributes: z.record(z.string(), z.unknown()) });
export const SerializedEdge = z.object({
  key: z.string(),
  source: z.string(),
  target: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  undirected: z.boolean().optional(),
});
export const GraphMeta = z.object({
  /** True when the result was cut at `maxNodes` (or `maxPaths`). */
  truncated: z.boolean(),
  maxNodes: z.number().int(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
});
export const SerializedGraph = z.object({
  options: z.object({
    type: z.literal('directed'),
    multi: z.literal(true),
    allowSelfLoops: z.literal(false),
  }),
  attributes: GraphMeta.catchall(z.unknown()),
  nodes: z.array(SerializedNode),
  edges: z.array(SerializedEdge),
});
export type SerializedGraph = z.infer<typeof SerializedGraph>;

export const GraphQuery = z.object({
  kinds: csv(EntityKindSchema).optional(),
  relations: csv(RelationKindSchema).optional(),
  chain: EntityId.optional(),
  /** Only entities located in this science park (LOCATED_IN), and the park itself. */
  park: EntityId.optional(),
  /** Only entities whose `ownership` attribute is this. */
  ownership: Ownership.optional(),
  /** Only entities whose `stage` attribute is this. */
  stage: FirmStage.optional(),
  status: csv(RelationStatus).optional(),
  /** Relations active at some time on or after this date (until ≥ from, or no until). */
  from: IsoDate.optional(),
  /** Relations that started on or before this date. */
  to: IsoDate.optional(),
  limit: limit(API_LIMITS.graphNodes),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

export const NeighborhoodQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  relations: csv(RelationKindSchema).optional(),
  limit: limit(API_LIMITS.neighborhoodNodes),
});
export type NeighborhoodQuery = z.infer<typeof NeighborhoodQuery>;

export const PathsQuery = z.object({
  from: EntityId,
  to: EntityId,
  relations: csv(RelationKindSchema).optional(),
  limit: limit(API_LIMITS.paths),
});
export type PathsQuery = z.infer<typeof PathsQuery>;

export const PathsResponse = z.object({
  /** Shortest paths, all of the same length; several when they tie. */
  paths: z.array(z.object({ nodes: z.array(EntityId), relations: z.array(EntityId) })),
  length: z.number().int().nullable(),
  truncated: z.boolean(),
  graph: SerializedGraph,
});
export type PathsResponse = z.infer<typeof PathsResponse>;

export const StatsResponse = z.object({
  entities: z.number().int(),
  relations: z.number().int(),
  entitiesByKind: z.record(z.string(), z.number().int()),
  relationsByKind: z.record(z.string(), z.number().int()),
  relationsByStatus: z.record(z.string(), z.number().int()),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

// ---------------------------------------------------------------------------------------------
// Editing
// ---------------------------------------------------------------------------------------------

/** The version a write expects to replace; a stale one gets 409. */
export const VersionField = z.object({ version: z.number().int().min(1) });

export const EntityUpdateBody = z.intersection(EntitySchema, VersionField);
export const RelationUpdateBody = z.intersection(RelationSchema, VersionField);

export const DeleteQuery = z.object({
  version: z.coerce.number().int().min(1),
  /** Delete the entity's relations too; without it, an entity with relations is refused. */
  cascade: booleanFlag.default(false),
});
export type DeleteQuery = z.infer<typeof DeleteQuery>;

export const DeleteResponse = z.object({
  deleted: z.string(),
  relationsDeleted: z.number().int(),
});

export const CHANGE_ACTIONS = ['create', 'update', 'delete'] as const;
/** What a change-log entry records: an edit of one record, or an import (one summary entry per
 *  import, target `dataset`, its counts in `after`). */
export const CHANGE_LOG_ACTIONS = [...CHANGE_ACTIONS, 'import'] as const;
export const CHANGE_TARGETS = ['entity', 'relation', 'dataset'] as const;

export const ChangeRecord = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(CHANGE_LOG_ACTIONS),
  target: z.enum(CHANGE_TARGETS),
  targetId: z.string(),
  /** The record before the change (null on create) and after it (null on delete). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeRecord = z.infer<typeof ChangeRecord>;

export const ChangesQuery = z.object({
  target: EntityId.optional(),
  limit: limit(API_LIMITS.changesPage),
  cursor: z.string().max(500).optional(),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const ChangesResponse = z.object({
  items: z.array(ChangeRecord),
  nextCursor: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;

export const ApiError = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** One entry per invalid field, with its path: `query.limit`, `body.attributes.stage`. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
