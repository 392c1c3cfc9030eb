/**
 * Where the project's Neo4j is: an existing server named by `NEO4J_URI`, or the local Neo4j
 * Community server that this package starts from `.neo4j-local/` at the repository root.
 */
import { resolve } from 'node:path';

/** The password of the local server when `NEO4J_PASSWORD` is not set (documented in the README). */
export const DEFAULT_LOCAL_PASSWORD = 'innograph-local';
export const DEFAULT_LOCAL_HOST = '127.0.0.1';
export const DEFAULT_LOCAL_PORT = 7687;

/** The repository root, three levels above this file (packages/neo4j-local/src). */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

type Env = Readonly<Record<string, string | undefined>>;

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Database name; the server's default database when unset. */
  database?: string | undefined;
  /** True when this is the local server that `npm run db:start` manages. */
  local: boolean;
}

export interface LocalServerOptions {
  /** State folder: pid file, log and (unless `dataDir` is given) the data. */
  dir: string;
  /** Neo4j home with the databases; `<dir>/data` when unset. */
  dataDir?: string | undefined;
  host: string;
  port: number;
  /** Maximum JVM heap, as `-Xmx` takes it: `512m`, `1g`. */
  heap: string;
  pageCacheMiB: number;
  /** Password of user `neo4j`; the server sets it on every start. */
  password: string;
  /** How long `startLocalNeo4j` waits for the server to answer; 120 s when unset. */
  startTimeoutMs?: number | undefined;
}

/** An environment variable, with the empty string counting as unset. */
function setting(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function positiveInteger(env: Env, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = setting(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number between 1 and ${max}, got '${raw}'`);
  }
  return value;
}

function localPort(env: Env): number {
  return positiveInteger(env, 'NEO4J_LOCAL_PORT', DEFAULT_LOCAL_PORT, 65535);
}

function heapSize(env: Env): string {
  const heap = setting(env, 'NEO4J_LOCAL_HEAP') ?? '1g';
  if (!/^[1-9]\d*[mMgG]$/.test(heap)) {
    throw new Error(`NEO4J_LOCAL_HEAP must look like 512m or 2g, got '${heap}'`);
  }
  return heap;
}

/** Connection settings for the project's Neo4j, from the environment. */
export function neo4jConfig(env: Env = process.env): Neo4jConfig {
  const uri = setting(env, 'NEO4J_URI');
  const database = setting(env, 'NEO4J_DATABASE');
  const password = env.NEO4J_PASSWORD ?? '';
  if (uri !== undefined) {
    return { uri, user: setting(env, 'NEO4J_USER') ?? 'neo4j', password, database, local: false };
  }
  return {
    uri: `bolt://${DEFAULT_LOCAL_HOST}:${localPort(env)}`,
    user: 'neo4j',
    password: password === '' ? DEFAULT_LOCAL_PASSWORD : password,
    database,
    local: true,
  };
}

/** How to run the local server, from the environment. */
export function localServerOptions(env: Env = process.env): LocalServerOptions {
  const dir = setting(env, 'NEO4J_LOCAL_DIR');
  const password = env.NEO4J_PASSWORD ?? '';
  return {
    dir: dir === undefined ? resolve(REPO_ROOT, '.neo4j-local') : resolve(dir),
    host: DEFAULT_LOCAL_HOST,
    port: localPort(env),
    heap: heapSize(env),
    pageCacheMiB: positiveInteger(env, 'NEO4J_LOCAL_PAGECACHE_MB', 512),
    password: password === '' ? DEFAULT_LOCAL_PASSWORD : password,
  };
}
