/**
 * Saved views and presentations (`SavedViewSchema`, `PresentationSchema` in the model), kept like
 * scenarios apart from the ecosystem: `:SavedView` and `:Presentation` nodes, never labelled
 * `Entity`, never connected to anything, their nested fields as JSON text. Saving one writes no
 * change-log entry and no relationship, so `graphRevision` (change-log number, loads, entity and
 * relationship counts) stays as it was and the planner's cache is kept.
 *
 * - Both are versioned like records: update and delete name the version they read
 *   (`StoreConflictError` otherwise).
 * - A view keeps `positionCount` beside its positions, so lists never read the positions.
 * - A presentation keeps the ids of the views its steps show (`viewIds`, a list property) beside
 *   its steps. Saving checks that every step's view exists (one `ModelValidationError` issue per
 *   bad step: `steps[2].view`) and locks those views; deleting a view locks it and is refused
 *   with `ViewInUseError` while a presentation shows it (one issue per step), so a view cannot
 *   disappear from under a presentation saved at the same time.
 */
import { randomUUID } from 'node:crypto';
import {
  API_LIMITS,
  ModelValidationError,
  type Presentation,
  type PresentationCreateBody,
  PresentationSchema,
  type SavedView,
  type SavedViewCreateBody,
  SavedViewSchema,
  type SavedViewSummary,
  SavedViewSummarySchema,
  type ValidationIssue,
} from '@innograph/model';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { StoreConflictError, StoreNotFoundError } from './errors.js';
import type { Neo4jExecutor } from './executor.js';
import { isoString, JsonText, readRows, Timestamp } from './rows.js';

export const SAVED_VIEW_LABEL = 'SavedView';
export const PRESENTATION_LABEL = 'Presentation';

/** A view cannot be deleted: presentations show it. `issues` names each step that does. */
export class ViewInUseError extends StoreConflictError {
  readonly issues: { path: string; message: string }[];
  constructor(message: string, issues: { path: string; message: string }[]) {
    super(message);
    this.issues = issues;
  }
}

/** What a saved view is made of, as the API parsed it (defaults applied). */
export type SavedViewFields = Pick<
  z.output<typeof SavedViewCreateBody>,
  'name' | 'description' | 'state' | 'positions'
>;
/** What a presentation is made of, as the API parsed it. */
export type PresentationFields = Pick<
  z.output<typeof PresentationCreateBody>,
  'name' | 'description' | 'steps'
>;

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

const Meta = {
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

const ViewSummaryRow = z.object({
  props: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    state: JsonText,
    positionCount: z.number().int(),
    ...Meta,
  }),
});

const ViewRow = z.object({
  props: ViewSummaryRow.shape.props.omit({ positionCount: true }).extend({ positions: JsonText }),
});

const PresentationRow = z.object({
  props: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    steps: JsonText,
    ...Meta,
  }),
});

function metaOf(props: {
  version: number;
  createdAt: z.infer<typeof Timestamp>;
  updatedAt: z.infer<typeof Timestamp>;
}) {
  return {
    version: props.version,
    createdAt: isoString(props.createdAt),
    updatedAt: isoString(props.updatedAt),
  };
}

function viewSummaryOf({ props }: z.infer<typeof ViewSummaryRow>): SavedViewSummary {
  return SavedViewSummarySchema.parse({ ...props, ...metaOf(props) });
}

function viewOf({ props }: z.infer<typeof ViewRow>): SavedView {
  return SavedViewSchema.parse({ ...props, ...metaOf(props) });
}

function presentationOf({ props }: z.infer<typeof PresentationRow>): Presentation {
  return PresentationSchema.parse({ ...props, ...metaOf(props) });
}

const LOCK = 'SET n._lock = true REMOVE n._lock';
const MATCH_VIEW = `MATCH (n:${SAVED_VIEW_LABEL} {id: $id})`;
const MATCH_PRESENTATION = `MATCH (n:${PRESENTATION_LABEL} {id: $id})`;

const viewName = (id: string) => `saved view '${id}'`;
const presentationName = (id: string) => `presentation '${id}'`;

/** The row a write returned (a write of a locked or new node always returns one). */
function written<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new StoreNotFoundError(`${what} disappeared while it was written`);
  return row;
}

/** The stored version of a node, write-locked; `StoreNotFoundError` when there is none,
 *  `StoreConflictError` when it is not `expected`. */
async function lockedVersion(
  tx: ManagedTransaction,
  match: string,
  id: string,
  name: string,
  expected: number,
) {
  const [row] = await readRows(
    tx,
    z.object({ version: z.number().int() }),
    `${match} ${LOCK} RETURN n.version AS version`,
    {
      id,
    },
  );
  if (row === undefined) throw new StoreNotFoundError(`${name} does not exist`);
  if (row.version !== expected) {
    throw new StoreConflictError(`${name} is at version ${row.version}, not ${expected}; reload it`);
  }
}

async function requireFreeId(tx: ManagedTransaction, match: string, id: string, name: string): Promise<void> {
  const taken = await readRows(tx, z.object({ id: z.string() }), `${match} RETURN n.id AS id`, { id });
  if (taken.length > 0) throw new StoreConflictError(`${name} already exists`);
}

// ---------------------------------------------------------------------------------------------
// Saved views
// ---------------------------------------------------------------------------------------------

function viewProperties(fields: SavedViewFields) {
  return {
    name: fields.name,
    description: fields.description,
    state: JSON.stringify(fields.state),
    positions: JSON.stringify(fields.positions),
    positionCount: Object.keys(fields.positions).length,
  };
}

/** Every saved view without its positions, last updated first, at most `API_LIMITS.views`. */
export async function listSavedViews(
  executor: Neo4jExecutor,
): Promise<{ items: SavedViewSummary[]; truncated: boolean }> {
  const rows = await executor.executeRead((tx) =>
    readRows(
      tx,
      ViewSummaryRow,
      `MATCH (n:${SAVED_VIEW_LABEL})
       RETURN n {.id, .name, .description, .state, .positionCount, .version, .createdAt, .updatedAt} AS props
       ORDER BY n.updatedAt DESC, n.id LIMIT $take`,
      { take: neo4j.int(API_LIMITS.views + 1) },
    ),
  );
  return {
    items: rows.slice(0, API_LIMITS.views).map(viewSummaryOf),
    truncated: rows.length > API_LIMITS.views,
  };
}

export async function getSavedView(executor: Neo4jExecutor, id: string): Promise<SavedView | null> {
  const [row] = await executor.executeRead((tx) =>
    readRows(tx, ViewRow, `${MATCH_VIEW} RETURN properties(n) AS props`, { id }),
  );
  return row === undefined ? null : viewOf(row);
}

/** Saves a new view at version 1 (id given, else a new one); `StoreConflictError` for a taken id. */
export async function createSavedView(
  executor: Neo4jExecutor,
  fields: SavedViewFields & { id?: string | undefined },
): Promise<SavedView> {
  const id = fields.id ?? `view-${randomUUID()}`;
  return executor.executeWrite(async (tx) => {
    await requireFreeId(tx, MATCH_VIEW, id, viewName(id));
    const [row] = await readRows(
      tx,
      ViewRow,
      `CREATE (n:${SAVED_VIEW_LABEL})
       SET n = $props, n.id = $id, n.version = 1, n.createdAt = datetime(), n.updatedAt = datetime()
       RETURN properties(n) AS props`,
      { id, props: viewProperties(fields) },
    );
    return viewOf(written(row, viewName(id)));
  });
}

/** Replaces a view's fields if it is at `expectedVersion`. */
export async function updateSavedView(
  executor: Neo4jExecutor,
  id: string,
  fields: SavedViewFields,
  expectedVersion: number,
): Promise<SavedView> {
  return executor.executeWrite(async (tx) => {
    await lockedVersion(tx, MATCH_VIEW, id, viewName(id), expectedVersion);
    const [row] = await readRows(
      tx,
      ViewRow,
      `${MATCH_VIEW}
       SET n += $props, n.version = n.version + 1, n.updatedAt = datetime()
       RETURN properties(n) AS props`,
      { id, props: viewProperties(fields) },
    );
    return viewOf(written(row, viewName(id)));
  });
}

/** Deletes a view at `expectedVersion`; refused with `ViewInUseError` while presentations show it. */
export async function deleteSavedView(
  executor: Neo4jExecutor,
  id: string,
  expectedVersion: number,
): Promise<{ deleted: string }> {
  return executor.executeWrite(async (tx) => {
    await lockedVersion(tx, MATCH_VIEW, id, viewName(id), expectedVersion);
    const users = await readRows(
      tx,
      PresentationRow,
      `MATCH (n:${PRESENTATION_LABEL}) WHERE $id IN n.viewIds RETURN properties(n) AS props ORDER BY n.id`,
      { id },
    );
    const issues = users.flatMap((row) => {
      const presentation = presentationOf(row);
      return presentation.steps.flatMap((step, index) =>
        step.view === id
          ? [
              {
                path: `presentations.${presentation.id}.steps[${index}].view`,
                message: `${presentationName(presentation.id)} ('${presentation.name}') shows it at step ${index + 1}`,
              },
            ]
          : [],
      );
    });
    if (issues.length > 0) {
      const names = users.map((row) => `'${row.props.id}'`).join(', ');
      throw new ViewInUseError(
        `${viewName(id)} is shown by presentation${users.length > 1 ? 's' : ''} ${names}; remove those steps first`,
        issues,
      );
    }
    await tx.run(`${MATCH_VIEW} DELETE n`, { id });
    return { deleted: id };
  });
}

// ---------------------------------------------------------------------------------------------
// Presentations
// ---------------------------------------------------------------------------------------------

/** Locks the views the steps show and refuses steps whose view does not exist. */
async function checkedViewIds(tx: ManagedTransaction, steps: PresentationFields['steps']): Promise<string[]> {
  const wanted = [...new Set(steps.map((step) => step.view))];
  const found = await readRows(
    tx,
    z.object({ id: z.string() }),
    `MATCH (n:${SAVED_VIEW_LABEL}) WHERE n.id IN $ids ${LOCK} RETURN n.id AS id`,
    { ids: wanted },
  );
  const existing = new Set(found.map((row) => row.id));
  const issues: ValidationIssue[] = steps.flatMap((step, index) =>
    existing.has(step.view)
      ? []
      : [{ record: '', field: `steps[${index}].view`, message: `no saved view with id '${step.view}'` }],
  );
  if (issues.length > 0) throw new ModelValidationError(issues);
  return wanted;
}

async function presentationProperties(tx: ManagedTransaction, fields: PresentationFields) {
  return {
    name: fields.name,
    description: fields.description,
    steps: JSON.stringify(fields.steps),
    viewIds: await checkedViewIds(tx, fields.steps),
  };
}

/** Every presentation, last updated first, at most `API_LIMITS.views`. */
export async function listPresentations(
  executor: Neo4jExecutor,
): Promise<{ items: Presentation[]; truncated: boolean }> {
  const rows = await executor.executeRead((tx) =>
    readRows(
      tx,
      PresentationRow,
      `MATCH (n:${PRESENTATION_LABEL}) RETURN properties(n) AS props ORDER BY n.updatedAt DESC, n.id LIMIT $take`,
      { take: neo4j.int(API_LIMITS.views + 1) },
    ),
  );
  return {
    items: rows.slice(0, API_LIMITS.views).map(presentationOf),
    truncated: rows.length > API_LIMITS.views,
  };
}

export async function getPresentation(executor: Neo4jExecutor, id: string): Promise<Presentation | null> {
  const [row] = await executor.executeRead((tx) =>
    readRows(tx, PresentationRow, `${MATCH_PRESENTATION} RETURN properties(n) AS props`, { id }),
  );
  return row === undefined ? null : presentationOf(row);
}

/** Saves a new presentation at version 1. Throws `ModelValidationError` for steps naming no
 *  saved view, `StoreConflictError` for a taken id. */
export async function createPresentation(
  executor: Neo4jExecutor,
  fields: PresentationFields & { id?: string | undefined },
): Promise<Presentation> {
  const id = fields.id ?? `presentation-${randomUUID()}`;
  return executor.executeWrite(async (tx) => {
    await requireFreeId(tx, MATCH_PRESENTATION, id, presentationName(id));
    const [row] = await readRows(
      tx,
      PresentationRow,
      `CREATE (n:${PRESENTATION_LABEL})
       SET n = $props, n.id = $id, n.version = 1, n.createdAt = datetime(), n.updatedAt = datetime()
       RETURN properties(n) AS props`,
      { id, props: await presentationProperties(tx, fields) },
    );
    return presentationOf(written(row, presentationName(id)));
  });
}

/** Replaces a presentation's fields if it is at `expectedVersion`. */
export async function updatePresentation(
  executor: Neo4jExecutor,
  id: string,
  fields: PresentationFields,
  expectedVersion: number,
): Promise<Presentation> {
  return executor.executeWrite(async (tx) => {
    await lockedVersion(tx, MATCH_PRESENTATION, id, presentationName(id), expectedVersion);
    const [row] = await readRows(
      tx,
      PresentationRow,
      `${MATCH_PRESENTATION}
       SET n += $props, n.version = n.version + 1, n.updatedAt = datetime()
       RETURN properties(n) AS props`,
      { id, props: await presentationProperties(tx, fields) },
    );
    return presentationOf(written(row, presentationName(id)));
  });
}

export async function deletePresentation(
  executor: Neo4jExecutor,
  id: string,
  expectedVersion: number,
): Promise<{ deleted: string }> {
  return executor.executeWrite(async (tx) => {
    await lockedVersion(tx, MATCH_PRESENTATION, id, presentationName(id), expectedVersion);
    await tx.run(`${MATCH_PRESENTATION} DELETE n`, { id });
    return { deleted: id };
  });
}
