/**
 * `npm start`: the whole main job. Starts the local Neo4j unless NEO4J_URI names a server, sets
 * up the schema, loads the seed graph when the database holds no ecosystem yet, and serves the
 * web app and the API on http://127.0.0.1:${PORT:-8080}. Ctrl-C stops everything it started.
 */
import { apiConfig, buildApp } from '@innograph/api';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import { localServerOptions, neo4jConfig, startLocalNeo4j, stopLocalNeo4j } from '@innograph/neo4j-local';
import { countEntities, ensureSchema, graphCounts, loadDataset, Neo4jExecutor } from '@innograph/store';
import { ensureWebBuild } from './webBuild.js';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = neo4jConfig();
  const api = apiConfig();
  let stopNeo4j = async () => {};
  if (config.local) {
    const options = localServerOptions();
    const started = await startLocalNeo4j(options);
    say(
      started.alreadyRunning
        ? `Neo4j is already running at ${started.uri}`
        : `Neo4j 5.26 started at ${started.uri}`,
    );
    if (!started.alreadyRunning) {
      stopNeo4j = async () => {
        await stopLocalNeo4j(options);
        say('Neo4j stopped.');
      };
    }
  } else {
    say(`Using the Neo4j server at ${config.uri}`);
  }

  const executor = new Neo4jExecutor(config);
  await executor.verifyConnectivity();
  await ensureSchema(executor);
  if ((await countEntities(executor)) === 0) {
    say(`The database is empty: loading the seed graph (${SEED_FILE})`);
    await loadDataset(executor, await readDatasetFile(SEED_FILE));
  }
  const counts = await graphCounts(executor);
  say(`The graph holds ${counts.entities} entities and ${counts.relations} relations.`);

  const webRoot = await ensureWebBuild(say);
  const app = await buildApp({ executor, config: api, logger: false, webRoot });
  await app.listen({ host: api.host, port: api.port });
  say(`Innograph: http://${api.host}:${api.port}/  (API: /api/health, OpenAPI: /api/openapi.json)`);
  if (api.editorTokenGenerated)
    say(`Editor token for this run (set EDITOR_TOKEN to fix it): ${api.editorToken}`);
  say('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await app.close();
    await executor.close();
    await stopNeo4j();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
