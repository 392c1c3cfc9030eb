/**
 * Whole records for export: every entity and relation with all its fields (description, evidence,
 * attributes), read in one transaction and parsed with the model like every other read. The whole
 * graph is streamed from two queries; a subgraph is what `subgraph` (GET /api/graph) selects for
 * the same filters, read again in full by id.
 */
import {
  type Dataset,
  type Entity,
  type GraphQuery,
  RELATION_KIND_NAMES,
  type Relation,
  type RelationKind,
} from '@innograph/model';
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { anyRelationType, chunks, ENTITY_LABEL, relationType } from './cypher.js';
import type { Neo4jExecutor } from './executor.js';
import { entityFromProperties, relationFromProperties } from './mapping.js';
import { subgraph } from './reads.js';

export type ExportedDataset = Pick<Dataset, 'meta' | 'entities' | 'relations'> & {
  /** True when a subgraph was cut at its node limit. */
  truncated: boolean;
};

const NodeProps = z.object({ props: z.record(z.string(), z.unknown()) });
const EdgeProps = z.object({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  props: z.record(z.string(), z.unknown()),
});

const ALL_ENTITIES = `MATCH (n:${ENTITY_LABEL}) RETURN properties(n) AS props ORDER BY n.id`;
const ALL_RELATIONS = `MATCH (a:${ENTITY_LABEL})-[r:${anyRelationType()}]->(b:${ENTITY_LABEL})
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.id`;

async function readEntities(tx: ManagedTransaction, query: string, parameters: Record<string, unknown> = {}) {
  const entities: Entity[] = [];
  for await (const record of tx.run(query, parameters)) {
    entities.push(entityFromProperties(NodeProps.parse(record.toObject()).props));
  }
  return entities;
}

async function readRelations(
  tx: ManagedTransaction,
  query: string,
  parameters: Record<string, unknown> = {},
) {
  const relations: Relation[] = [];
  for await (const record of tx.run(query, parameters)) {
    const row = EdgeProps.parse(record.toObject());
    relations.push(relationFromProperties(row.type, row.from, row.to, row.props));
  }
  return relations;
}

function meta(what: string): Dataset['meta'] {
  return {
    title: `Innograph export (${what}), ${new Date().toISOString().slice(0, 10)}`,
    illustrative: false,
  };
}

/** Every entity and relation, by id. */
export async function exportEcosystem(executor: Neo4jExecutor): Promise<ExportedDataset> {
  return executor.executeRead(async (tx) => ({
    meta: meta('whole graph'),
    entities: await readEntities(tx, ALL_ENTITIES),
    relations: await readRelations(tx, ALL_RELATIONS),
    truncated: false,
  }));
}

const BY_ID = 5_000;

/** The subgraph `GET /api/graph` returns for the query, with whole records. */
export async function exportSubgraph(executor: Neo4jExecutor, query: GraphQuery): Promise<ExportedDataset> {
  const selected = await subgraph(executor, query);
  const entityIds = selected.nodes.map((node) => node.key);
  const relationIds = new Map<RelationKind, string[]>();
  for (const edge of selected.edges) {
    const type = RELATION_KIND_NAMES.find((name) => name === edge.attributes.type);
    if (type === undefined) continue;
    const list = relationIds.get(type) ?? [];
    list.push(edge.key);
    relationIds.set(type, list);
  }
  return executor.executeRead(async (tx) => {
    const entities: Entity[] = [];
    for (const ids of chunks(entityIds, BY_ID)) {
      entities.push(
        ...(await readEntities(
          tx,
          `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL}) USING INDEX n:${ENTITY_LABEL}(id) WHERE n.id = id
           RETURN properties(n) AS props`,
          { ids },
        )),
      );
    }
    const relations: Relation[] = [];
    for (const [type, ids] of relationIds) {
      const rel = relationType(type);
      for (const batch of chunks(ids, BY_ID)) {
        relations.push(
          ...(await readRelations(
            tx,
            `UNWIND $ids AS id MATCH (a)-[r:${rel}]->(b) USING INDEX r:${rel}(id) WHERE r.id = id
             RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
            { ids: batch },
          )),
        );
      }
    }
    entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { meta: meta('subgraph'), entities, relations, truncated: selected.attributes.truncated };
  });
}
