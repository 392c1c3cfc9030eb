/**
 * The whole ecosystem as one graphology graph, for the planner's analytics (gaps, indicators,
 * suggestions, scenarios) on the server.
 *
 * The projection is compact: per entity its id, kind, names and the attributes the ontology names
 * for its kind; per relation its type, ends, id, status, dates and the attributes of its kind (no
 * store fields, no evidence). Two queries in one read transaction, each streamed record by record
 * into the graph (the driver fetches in batches), so no list of rows is held beside the graph. The
 * values travel as flat lists (maps decode slowly in the driver) and are checked against the
 * model's enums and attribute schemas like every other read.
 */
import {
  ENTITY_KIND_NAMES,
  ENTITY_KINDS,
  type EntityKind,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  RELATION_STATUSES,
  type RelationKind,
  type RelationStatus,
} from '@innograph/model';
import { MultiDirectedGraph } from 'graphology';
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import { readGraphRevision } from './changes.js';
import { anyRelationType, ENTITY_LABEL } from './cypher.js';
import { StoreError } from './errors.js';
import type { Neo4jExecutor } from './executor.js';

export interface EcosystemGraph {
  /** Node key = entity id (`kind`, `nameZh`, `nameEn`, attributes); edge key = relation id
   *  (`type`, `status`, `since`, `until` when set, attributes). */
  graph: MultiDirectedGraph;
  /** `graphRevision` read in the same transaction, before the graph. */
  revision: string;
}

function attributeNames(kinds: Record<string, { attributes: z.ZodObject }>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, def]) => [kind, Object.keys(def.attributes.shape)]),
  );
}

const PARAMETERS = {
  entityAttributes: attributeNames(ENTITY_KINDS),
  relationAttributes: attributeNames(RELATION_KINDS),
};

// Ends are addressed by element id (no property read per relationship end); the nodes query
// gives each element id's entity id.
const NODES_QUERY = `MATCH (n:${ENTITY_LABEL})
RETURN [elementId(n), n.id, n.kind, n.nameZh, n.nameEn] + [key IN $entityAttributes[n.kind] | n[key]] AS v`;

const EDGES_QUERY = `MATCH (a:${ENTITY_LABEL})-[r:${anyRelationType()}]->(b:${ENTITY_LABEL})
RETURN [type(r), elementId(a), elementId(b), r.id, r.status, toString(r.since), toString(r.until)]
  + [key IN $relationAttributes[type(r)] | r[key]] AS v`;

// Half a million rows are checked here, so the fixed fields are checked by hand against the
// model's enums (a zod tuple per row costs seconds at that size); attributes are parsed with the
// kind's schema whenever any is set, and the schema's defaults are computed once per kind.

const KINDS: ReadonlySet<string> = new Set(ENTITY_KIND_NAMES);
const TYPES: ReadonlySet<string> = new Set(RELATION_KIND_NAMES);
const STATUSES: ReadonlySet<string> = new Set(RELATION_STATUSES);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isEntityKind(value: unknown): value is EntityKind {
  return isString(value) && KINDS.has(value);
}

function isRelationKind(value: unknown): value is RelationKind {
  return isString(value) && TYPES.has(value);
}

function isStatus(value: unknown): value is RelationStatus {
  return isString(value) && STATUSES.has(value);
}

function badRow(what: string, values: readonly unknown[]): never {
  throw new StoreError(
    `store: unexpected ${what} row in the ecosystem: ${JSON.stringify(values.slice(0, 7))}`,
  );
}

/** Attributes of one kind from the values after `offset`, in the order of its schema. */
class AttributeReader {
  private readonly names: string[];
  private defaults: Record<string, unknown> | null = null;

  constructor(private readonly schema: z.ZodObject) {
    this.names = Object.keys(schema.shape);
  }

  read(values: readonly unknown[], offset: number): Record<string, unknown> {
    let set: Record<string, unknown> | null = null;
    for (let i = 0; i < this.names.length; i += 1) {
      const value = values[offset + i];
      const name = this.names[i];
      if (name === undefined || value === null || value === undefined) continue;
      set ??= {};
      set[name] = value;
    }
    if (set !== null) return this.schema.parse(set);
    this.defaults ??= this.schema.parse({});
    return Object.assign({}, this.defaults);
  }
}

function readers(kinds: Record<string, { attributes: z.ZodObject }>): Map<string, AttributeReader> {
  return new Map(Object.entries(kinds).map(([kind, def]) => [kind, new AttributeReader(def.attributes)]));
}

function valuesOf(record: { get(key: string): unknown }): unknown[] {
  const values = record.get('v');
  if (!Array.isArray(values)) throw new StoreError('store: an ecosystem row is not a list');
  return values;
}

async function readEcosystem(tx: ManagedTransaction): Promise<EcosystemGraph> {
  const revision = await readGraphRevision(tx);
  const graph = new MultiDirectedGraph();
  const idOf = new Map<string, string>();
  const entityReaders = readers(ENTITY_KINDS);
  const relationReaders = readers(RELATION_KINDS);
  for await (const record of tx.run(NODES_QUERY, PARAMETERS)) {
    const values = valuesOf(record);
    const [ref, id, kind, nameZh, nameEn] = values;
    if (!isString(ref) || !isString(id) || !isEntityKind(kind) || !isString(nameZh) || !isString(nameEn)) {
      badRow('entity', values);
    }
    // Fixed fields last, so that they win over an attribute of the same name.
    const attributes = entityReaders.get(kind)?.read(values, 5) ?? {};
    attributes.kind = kind;
    attributes.nameZh = nameZh;
    attributes.nameEn = nameEn;
    graph.addNode(id, attributes);
    idOf.set(ref, id);
  }
  for await (const record of tx.run(EDGES_QUERY, PARAMETERS)) {
    const values = valuesOf(record);
    const [type, start, end, id, status, since, until] = values;
    const from = isString(start) ? idOf.get(start) : undefined;
    const to = isString(end) ? idOf.get(end) : undefined;
    if (
      !isRelationKind(type) ||
      from === undefined ||
      to === undefined ||
      !isString(id) ||
      !isStatus(status) ||
      !isString(since) ||
      !DATE.test(since) ||
      !(until === null || (isString(until) && DATE.test(until)))
    ) {
      badRow('relation', values);
    }
    const attributes = relationReaders.get(type)?.read(values, 7) ?? {};
    attributes.type = type;
    attributes.status = status;
    attributes.since = since;
    if (until !== null) attributes.until = until;
    graph.addDirectedEdgeWithKey(id, from, to, attributes);
  }
  return { graph, revision };
}

/** Every entity and relation in one graph (see the module comment), with its revision. */
export async function ecosystemGraph(executor: Neo4jExecutor): Promise<EcosystemGraph> {
  return executor.executeRead(readEcosystem);
}
