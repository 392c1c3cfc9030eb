/**
 * `npm start`: the whole main job. Starts the local Neo4j unless NEO4J_URI names a server, sets
 * up the schema, and loads the seed graph when the database holds no ecosystem yet.
 * (The API and the web explorer join here in later releases.)
 */
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import { localServerOptions, neo4jConfig, startLocalNeo4j } from '@innograph/neo4j-local';
import { countEntities, ensureSchema, graphCounts, loadDataset, Neo4jExecutor } from '@innograph/store';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = neo4jConfig();
  if (config.local) {
    const started = await startLocalNeo4j(localServerOptions());
    say(
      started.alreadyRunning
        ? `Neo4j is already running at ${started.uri}`
        : `Neo4j 5.26 started at ${started.uri}`,
    );
  } else {
    say(`Using the Neo4j server at ${config.uri}`);
  }

  const executor = new Neo4jExecutor(config);
  try {
    await executor.verifyConnectivity();
    await ensureSchema(executor);
    if ((await countEntities(executor)) === 0) {
      say(`The database is empty: loading the seed graph (${SEED_FILE})`);
      await loadDataset(executor, await readDatasetFile(SEED_FILE));
    }
    const counts = await graphCounts(executor);
    say(`The graph holds ${counts.entities} entities and ${counts.relations} relations.`);
  } finally {
    await executor.close();
  }
  if (config.local) say('Neo4j keeps running in the background; `npm run db:stop` stops it.');
}

main().catch((error: unknown) => {
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
