/**
 * `tsx packages/neo4j-local/src/cli.ts start|stop|status|build`: manages the local Neo4j server
 * (`npm run db:start`, `db:stop`, `db:status`, `db:build`).
 */
import { localServerOptions, neo4jConfig } from './config.js';
import {
  buildLauncher,
  launcherIsBuilt,
  localNeo4jStatus,
  localServerPaths,
  startLocalNeo4j,
  stopLocalNeo4j,
} from './localServer.js';

async function start(): Promise<void> {
  const config = neo4jConfig();
  if (!config.local) {
    console.log(`NEO4J_URI is set: using the Neo4j server at ${config.uri}; no local server started`);
    return;
  }
  const options = localServerOptions();
  const started = await startLocalNeo4j(options);
  if (started.alreadyRunning) {
    console.log(`Neo4j is already running at ${started.uri} (pid ${started.pid})`);
  } else {
    console.log(
      `Neo4j 5.26 is running at ${started.uri} (user neo4j, data in ${localServerPaths(options).home})`,
    );
  }
}

async function stop(): Promise<void> {
  const { wasRunning } = await stopLocalNeo4j(localServerOptions());
  console.log(wasRunning ? 'Neo4j stopped' : 'Neo4j was not running');
}

async function status(): Promise<void> {
  const config = neo4jConfig();
  if (!config.local) {
    console.log(`NEO4J_URI is set: the project uses the Neo4j server at ${config.uri}`);
  }
  const options = localServerOptions();
  const state = await localNeo4jStatus(options);
  const data = localServerPaths(options).home;
  if (!state.running) {
    console.log(`The local Neo4j is not running (data in ${data})`);
  } else if (state.boltAnswers) {
    console.log(`The local Neo4j is running at ${state.uri} (pid ${state.pid}, data in ${data})`);
  } else {
    console.log(`The local Neo4j (pid ${state.pid}) is up but Bolt does not answer at ${state.uri} yet`);
  }
}

async function build(): Promise<void> {
  await buildLauncher();
  console.log(launcherIsBuilt() ? 'The local Neo4j launcher is built' : 'The launcher is not built');
}

const commands: Record<string, () => Promise<void>> = { start, stop, status, build };

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const command = commands[name];
  if (command === undefined) {
    console.error('usage: tsx packages/neo4j-local/src/cli.ts start|stop|status|build');
    process.exitCode = 64;
    return;
  }
  try {
    await command();
  } catch (error) {
    console.error(`neo4j-local: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

await main();
