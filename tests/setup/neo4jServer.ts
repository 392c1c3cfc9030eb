/**
 * Gives the integration suites a real Neo4j, in this order:
 * 1. `NEO4J_URI` set: that server (its ecosystem data is wiped by the tests, so it must be empty
 *    or a database the suite used before, unless NEO4J_TEST_ALLOW_WIPE=1);
 * 2. a Docker engine answers: testcontainers' Neo4j module with `neo4j:5.26-community`;
 * 3. otherwise the project's local Neo4j, in its own data folder and port, started here and
 *    stopped at the end.
 */
import { resolve } from 'node:path';
import { localServerOptions, neo4jConfig, startLocalNeo4j, stopLocalNeo4j } from '@innograph/neo4j-local';
import { Neo4jExecutor, type StoreConfig } from '@innograph/store';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: StoreConfig & { origin: 'external' | 'testcontainers' | 'local' };
  }
}

const TEST_PASSWORD = 'innograph-test';
const MARKER = 'InnographTestDatabase';

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** Refuses to let the suite wipe a database that holds someone's data. */
async function claimDatabase(config: StoreConfig): Promise<void> {
  const executor = new Neo4jExecutor(config);
  try {
    const { marked, nodes } = await executor.executeRead(async (tx) => {
      const result = await tx.run<{ marked: number; nodes: number }>(
        `OPTIONAL MATCH (m:${MARKER}) WITH count(m) AS marked
         MATCH (n) RETURN marked, count(n) AS nodes`,
      );
      const record = result.records[0];
      return { marked: record?.get('marked') ?? 0, nodes: record?.get('nodes') ?? 0 };
    });
    if (marked === 0 && nodes > 0 && process.env.NEO4J_TEST_ALLOW_WIPE !== '1') {
      throw new Error(
        `tests: the database at ${config.uri} holds ${nodes} nodes that the test suite did not write, and the suite clears it; point NEO4J_URI at an empty database, or set NEO4J_TEST_ALLOW_WIPE=1`,
      );
    }
    await executor.executeWrite((tx) => tx.run(`MERGE (:${MARKER} {id: 'marker'})`));
  } finally {
    await executor.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== '') {
    const config = neo4jConfig();
    await claimDatabase(config);
    project.provide('neo4j', { ...config, origin: 'external' });
    return async () => {};
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(TEST_PASSWORD).start();
    project.provide('neo4j', {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      origin: 'testcontainers',
    });
    return async () => {
      await container.stop();
    };
  }

  const options = {
    ...localServerOptions({ ...process.env, NEO4J_PASSWORD: TEST_PASSWORD }),
    dir: resolve(import.meta.dirname, '../../.neo4j-test'),
    port: Number(process.env.NEO4J_TEST_PORT ?? 7688),
  };
  const started = await startLocalNeo4j(options);
  project.provide('neo4j', { uri: started.uri, user: 'neo4j', password: TEST_PASSWORD, origin: 'local' });
  return async () => {
    // A server someone kept running (npm run test:db) stays up; one started here stops.
    if (!started.alreadyRunning) await stopLocalNeo4j(options);
  };
}
