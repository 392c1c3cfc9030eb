/**
 * The whole ecosystem as one graphology graph, for the planner's analytics (gaps, indicators,
 * suggestions, scenarios) on the server.
 *
 * The projection is compact: per entity its id, kind, names and the attributes the ontology names
 * for its kind; per relation its type, ends, id, status, dates and the attributes of its kind (no
 * store fields, no evidence). Two queries in one read transaction, each streamed record by record
 * into the graph (the driver fetches in batches), so no list of rows is held beside the graph. The
 * values travel as flat lists (maps decode slowly in the driver) and are parsed with the model's
 * schemas like every other read.
 */
import {
  ENTITY_KINDS,
  EntityKindSchema,
  RELATION_KINDS,
  RelationKindSchema,
  RelationStatus,
} from '@innograph/model';
import { MultiDirectedGraph } from 'graphology';
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { readGraphRevision } from './changes.js';
import { anyRelationType, ENTITY_LABEL } from './cypher.js';
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

const NODES_QUERY = `MATCH (n:${ENTITY_LABEL})
RETURN [n.id, n.kind, n.nameZh, n.nameEn] + [key IN $entityAttributes[n.kind] | n[key]] AS v`;

const EDGES_QUERY = `MATCH (a:${ENTITY_LABEL})-[r:${anyRelationType()}]->(b:${ENTITY_LABEL})
RETURN [type(r), a.id, b.id, r.id, r.status, toString(r.since), toString(r.until)]
  + [key IN $relationAttributes[type(r)] | r[key]] AS v`;

const NodeValues = z.tuple([z.string(), EntityKindSchema, z.string(), z.string()], z.unknown());
const EdgeValues = z.tuple(
  [RelationKindSchema, z.string(), z.string(), z.string(), RelationStatus, z.string(), z.string().nullable()],
  z.unknown(),
);
const Row = z.object({ v: z.array(z.unknown()) });

/** The set attributes among `values` (in the order of the kind's schema), parsed with it. */
function attributesOf(
  schema: z.ZodObject,
  values: readonly unknown[],
  offset: number,
): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const names = Object.keys(schema.shape);
  for (let i = 0; i < names.length; i += 1) {
    const value = values[offset + i];
    const name = names[i];
    if (name !== undefined && value !== null && value !== undefined) set[name] = value;
  }
  return schema.parse(set);
}

async function streamInto(
  tx: ManagedTransaction,
  query: string,
  add: (values: unknown[]) => void,
): Promise<void> {
  for await (const record of tx.run(query, PARAMETERS)) add(Row.parse(record.toObject()).v);
}

async function readEcosystem(tx: ManagedTransaction): Promise<EcosystemGraph> {
  const revision = await readGraphRevision(tx);
  const graph = new MultiDirectedGraph();
  await streamInto(tx, NODES_QUERY, (values) => {
    const [id, kind, nameZh, nameEn] = NodeValues.parse(values);
    // Fixed fields last, so that they win over an attribute of the same name.
    const attributes = attributesOf(ENTITY_KINDS[kind].attributes, values, 4);
    attributes.kind = kind;
    attributes.nameZh = nameZh;
    attributes.nameEn = nameEn;
    graph.addNode(id, attributes);
  });
  await streamInto(tx, EDGES_QUERY, (values) => {
    const [type, from, to, id, status, since, until] = EdgeValues.parse(values);
    const attributes = attributesOf(RELATION_KINDS[type].attributes, values, 7);
    attributes.type = type;
    attributes.status = status;
    attributes.since = since;
    if (until !== null) attributes.until = until;
    graph.addDirectedEdgeWithKey(id, from, to, attributes);
  });
  return { graph, revision };
}

/** Every entity and relation in one graph (see the module comment), with its revision. */
export async function ecosystemGraph(executor: Neo4jExecutor): Promise<EcosystemGraph> {
  return executor.executeRead(readEcosystem);
}
