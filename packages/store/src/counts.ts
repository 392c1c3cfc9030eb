import { RELATION_KIND_NAMES } from '@innograph/model';
import { anyRelationType, ENTITY_LABEL } from './cypher.js';
import type { Neo4jExecutor } from './executor.js';

export interface GraphCounts {
  entities: number;
  relations: number;
  entitiesByKind: Record<string, number>;
  relationsByKind: Record<string, number>;
  relationsByStatus: Record<string, number>;
}

/** Counts of the stored ecosystem by entity kind, relation kind and relation status. */
export async function graphCounts(executor: Neo4jExecutor): Promise<GraphCounts> {
  return executor.executeRead(async (tx) => {
    const kinds = await tx.run<{ kind: string; n: number }>(
      `MATCH (n:${ENTITY_LABEL}) RETURN n.kind AS kind, count(*) AS n ORDER BY kind`,
    );
    const relations = await tx.run<{ type: string; status: string; n: number }>(
      `MATCH (:${ENTITY_LABEL})-[r:${anyRelationType(RELATION_KIND_NAMES)}]->(:${ENTITY_LABEL})
       RETURN type(r) AS type, r.status AS status, count(*) AS n ORDER BY type, status`,
    );
    const counts: GraphCounts = {
      entities: 0,
      relations: 0,
      entitiesByKind: {},
      relationsByKind: {},
      relationsByStatus: {},
    };
    for (const record of kinds.records) {
      counts.entitiesByKind[record.get('kind')] = record.get('n');
      counts.entities += record.get('n');
    }
    for (const record of relations.records) {
      const type = record.get('type');
      const status = record.get('status');
      const n = record.get('n');
      counts.relationsByKind[type] = (counts.relationsByKind[type] ?? 0) + n;
      counts.relationsByStatus[status] = (counts.relationsByStatus[status] ?? 0) + n;
      counts.relations += n;
    }
    return counts;
  });
}
