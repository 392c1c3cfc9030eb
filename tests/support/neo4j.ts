import {
  CHANGE_LOG_LABEL,
  clearEcosystem,
  contentHash,
  ENTITY_LABEL,
  ensureSchema,
  Neo4jExecutor,
  PRESENTATION_LABEL,
  SAVED_VIEW_LABEL,
  SCENARIO_LABEL,
} from '@innograph/store';
import { inject } from 'vitest';

/** An executor on the suite's Neo4j (see tests/setup/neo4jServer.ts). */
export function testExecutor(): Neo4jExecutor {
  const { uri, user, password } = inject('neo4j');
  return new Neo4jExecutor({ uri, user, password });
}

/** The environment for a command-line tool of the project run by a test: the suite's Neo4j. */
export function cliEnv(): NodeJS.ProcessEnv {
  const { uri, user, password } = inject('neo4j');
  return { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

/** Clears the ecosystem, the change log, scenarios, saved views and presentations, and makes
 *  sure the schema exists. */
export async function freshDatabase(executor: Neo4jExecutor): Promise<void> {
  await ensureSchema(executor);
  await clearEcosystem(executor);
  for (const label of [CHANGE_LOG_LABEL, SCENARIO_LABEL, SAVED_VIEW_LABEL, PRESENTATION_LABEL]) {
    await executor.runAutoCommit(`MATCH (c:${label}) DETACH DELETE c`);
  }
}

/**
 * A digest of every stored entity and relation with all their properties and versions: equal
 * digests mean the database holds exactly the same ecosystem.
 */
export async function databaseFingerprint(executor: Neo4jExecutor): Promise<string> {
  const rows = await executor.executeRead(async (tx) => {
    const nodes = await tx.run(
      `MATCH (n:${ENTITY_LABEL}) WITH n ORDER BY n.id
       RETURN collect([n.id, labels(n), properties(n)]) AS rows`,
    );
    const relations = await tx.run(
      `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WITH a, r, b ORDER BY r.id
       RETURN collect([r.id, type(r), a.id, b.id, properties(r)]) AS rows`,
    );
    return [nodes.records[0]?.get('rows'), relations.records[0]?.get('rows')];
  });
  return contentHash(rows);
}
