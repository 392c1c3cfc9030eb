/**
 * The contract of data interchange (`GET /api/export`, `POST /api/import`, `npm run import` and
 * `npm run export`): the formats, the export and import queries, the CSV column mapping a person
 * may give, and the import report (what a dry run would create, update and leave unchanged, and
 * every issue with its file and line).
 */
import { z } from 'zod';
import { booleanFlag, csvList } from './api.js';
import { EntityId } from './entity.js';
import { EntityKindSchema, FirmStage, Ownership, RelationKindSchema, RelationStatus } from './ontology.js';
import { IsoDate } from './relation.js';

export const INTERCHANGE_FORMATS = ['json', 'gexf', 'graphml', 'csv'] as const;
export const InterchangeFormat = z.enum(INTERCHANGE_FORMATS);
export type InterchangeFormat = z.infer<typeof InterchangeFormat>;

/** The two files of the CSV format. */
export const CSV_PARTS = ['entities', 'relations'] as const;
export const CsvPart = z.enum(CSV_PARTS);
export type CsvPart = z.infer<typeof CsvPart>;

/** Text encodings an imported CSV may have: UTF-8 (with or without BOM), or GB18030 (GBK), what
 *  a Chinese Excel writes when it saves "CSV (comma delimited)". */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030'] as const;
export const TextEncoding = z.enum(TEXT_ENCODINGS);
export type TextEncoding = z.infer<typeof TextEncoding>;

export const INTERCHANGE_LIMITS = {
  /** Bytes of one uploaded file (`POST /api/import`). CSV streams; the other formats are read
   *  whole, so this bounds the memory they take. */
  uploadBytes: 209_715_200,
  /** Issues an import report lists; `issueCount` says how many there were in all. */
  reportIssues: 500,
  /** Ids an import report lists per category (created, updated); the counts are complete. */
  reportIds: 1_000,
  /** Nodes of a subgraph export (as `GET /api/graph`). */
  graphNodes: { max: 50_000 },
} as const;

/**
 * `GET /api/export`. Without any of the graph filters it exports the whole graph; with one or more
 * it exports the subgraph that `GET /api/graph` returns for the same filters (same `limit`). The
 * CSV format is two files: `part` picks which one.
 */
export const ExportQuery = z.object({
  format: InterchangeFormat,
  part: CsvPart.optional(),
  kinds: csvList(EntityKindSchema).optional(),
  relations: csvList(RelationKindSchema).optional(),
  chain: EntityId.optional(),
  park: EntityId.optional(),
  ownership: Ownership.optional(),
  stage: FirmStage.optional(),
  status: csvList(RelationStatus).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** As /api/graph's `limit` (default 5,000 there); setting it alone selects a subgraph. */
  limit: z.coerce.number().int().min(1).max(INTERCHANGE_LIMITS.graphNodes.max).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The parameters of an export that select a subgraph (those of /api/graph); with none of them
 *  the export is the whole graph. */
export const EXPORT_FILTERS = [
  'kinds',
  'relations',
  'chain',
  'park',
  'ownership',
  'stage',
  'status',
  'from',
  'to',
  'limit',
] as const satisfies readonly (keyof ExportQuery)[];

/** `POST /api/import` query: a dry run unless `dryRun=false`. */
export const ImportQuery = z.object({
  dryRun: booleanFlag.default(true),
  /** Taken from the file name (`.json`, `.gexf`, `.graphml`, `.csv`) when unset. */
  format: InterchangeFormat.optional(),
  encoding: TextEncoding.default('utf-8'),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** Where a CSV column goes: a field of the record (`id`, `kind`, `nameZh`, `attributes.stage`…),
 *  or `ignore`. */
const ColumnTarget = z.string().trim().min(1).max(100);

/**
 * A mapping from a spreadsheet's own column names and values to the model, for files whose
 * headers are not among the built-in aliases. Every part is optional.
 *
 * ```json
 * { "entities": { "columns": { "企业全称": "nameZh", "备注": "ignore" },
 *                 "kinds": { "民企": "PrivateFirm" } },
 *   "relations": { "types": { "开放": "OPENS_TO" } },
 *   "values": { "民营": "private" } }
 * ```
 */
export const CsvMapping = z.strictObject({
  entities: z
    .strictObject({
      columns: z.record(z.string(), ColumnTarget).default({}),
      kinds: z.record(z.string(), EntityKindSchema).default({}),
    })
    .prefault({}),
  relations: z
    .strictObject({
      columns: z.record(z.string(), ColumnTarget).default({}),
      types: z.record(z.string(), RelationKindSchema).default({}),
    })
    .prefault({}),
  /** Cell values to replace before they are checked (for enums: `"国有": "state"`). */
  values: z.record(z.string(), z.string()).default({}),
});
export type CsvMapping = z.infer<typeof CsvMapping>;

/** One thing wrong with an imported file, with the file and, where known, the line. */
export const ImportIssue = z.object({
  file: z.string(),
  /** 1-based line where the record starts; null where the format has no lines to give. */
  line: z.number().int().nullable(),
  /** The record: `line 12 (id pf-1)`, `entities[3] (id pf-1)`, `node 'pf-1'`, or `file`. */
  record: z.string(),
  /** Dotted path of the field (`attributes.stage`), or '' for the record as a whole. */
  field: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The ids that would be (or were) created and updated, up to `INTERCHANGE_LIMITS.reportIds`
   *  each; the counts above are complete. */
  createdIds: z.array(z.string()),
  updatedIds: z.array(z.string()),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** The answer of an import, dry run or not. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  /** True only when the records were written (no issues, not a dry run). */
  committed: z.boolean(),
  format: InterchangeFormat,
  files: z.array(z.string()),
  entities: ImportCounts,
  relations: ImportCounts,
  /** Up to `INTERCHANGE_LIMITS.reportIssues` issues, in file order. */
  issues: z.array(ImportIssue),
  /** Every issue found (the import stops reading after a thousand). */
  issueCount: z.number().int(),
  /** The change-log entry of a committed import that changed anything, else null. */
  changeId: z.string().nullable(),
  seconds: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

// ---------------------------------------------------------------------------------------------
// Records on their way from a file to the store
// ---------------------------------------------------------------------------------------------

/** Where a record of an imported file sits, for its issues. */
export interface RecordPlace {
  file: string;
  line: number | null;
  /** `line 12 (id pf-1)`, `entities[3] (id pf-1)`, `node 'pf-1'`. */
  record: string;
}

/**
 * What a format reader hands to the store's import, in file order, all entities before any
 * relation: a record not yet checked (the store checks it against the model and the database),
 * or an issue the reader found itself (bad encoding, a missing column, malformed XML).
 */
export type ImportItem =
  | { type: 'entity'; place: RecordPlace; raw: unknown }
  | { type: 'relation'; place: RecordPlace; raw: unknown }
  | { type: 'issue'; issue: ImportIssue };
