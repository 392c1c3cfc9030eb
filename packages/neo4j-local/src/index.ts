export {
  DEFAULT_LOCAL_HOST,
  DEFAULT_LOCAL_PASSWORD,
  DEFAULT_LOCAL_PORT,
  type LocalServerOptions,
  localServerOptions,
  type Neo4jConfig,
  neo4jConfig,
  REPO_ROOT,
} from './config.js';
export {
  boltAnswers,
  buildLauncher,
  checkJava,
  type LocalNeo4jStatus,
  type LocalServerPaths,
  launcherIsBuilt,
  localNeo4jStatus,
  localServerPaths,
  type ProgressOptions,
  type StartResult,
  startLocalNeo4j,
  stopLocalNeo4j,
} from './localServer.js';
