/**
 * Starts a real Neo4j (about 10 s, plus a Maven build the first time) on a free port in a
 * temporary folder; never the default port or folder. Skipped when Java is not installed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalServerOptions, localServerOptions } from './config.js';
import {
  boltAnswers,
  checkJava,
  localNeo4jStatus,
  localServerPaths,
  startLocalNeo4j,
  stopLocalNeo4j,
} from './localServer.js';

function hasJava(): boolean {
  try {
    checkJava();
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen({ host: '127.0.0.1', port: 0 }, () => {
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        server.close(() => done(port));
      });
    });
    if (port !== 7687 && port !== 0) return port;
  }
}

const MINUTES = 60_000;

describe.skipIf(!hasJava())('local Neo4j server', { timeout: 3 * MINUTES }, () => {
  const dirs: string[] = [];
  const started: LocalServerOptions[] = [];
  const quiet = { log: () => {} };

  async function options(port?: number): Promise<LocalServerOptions> {
    const dir = mkdtempSync(join(tmpdir(), 'neo4j-local-test-'));
    dirs.push(dir);
    const result = {
      ...localServerOptions({ NEO4J_PASSWORD: 'test-password' }),
      dir,
      port: port ?? (await freePort()),
      heap: '512m',
      pageCacheMiB: 64,
    };
    started.push(result);
    return result;
  }

  afterAll(async () => {
    for (const server of started) await stopLocalNeo4j(server, quiet);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 3 * MINUTES);

  let first: LocalServerOptions;
  let firstPid: number;

  it('starts a server that answers Bolt', async () => {
    first = await options();
    const result = await startLocalNeo4j(first, quiet);
    expect(result).toMatchObject({ uri: `bolt://127.0.0.1:${first.port}`, alreadyRunning: false });
    firstPid = result.pid;
    expect(existsSync(localServerPaths(first).pidFile)).toBe(true);
    expect(await boltAnswers('127.0.0.1', first.port)).toBe(true);
    expect(await localNeo4jStatus(first)).toMatchObject({ running: true, pid: firstPid, boltAnswers: true });
  });

  it('finds the running server on a second start', async () => {
    const again = await startLocalNeo4j(first, quiet);
    expect(again).toEqual({ uri: `bolt://127.0.0.1:${first.port}`, alreadyRunning: true, pid: firstPid });
  });

  it('refuses a second server on the same port', async () => {
    const other = await options(first.port);
    await expect(startLocalNeo4j(other, quiet)).rejects.toThrow(
      `port 127.0.0.1:${first.port} is taken by another process`,
    );
    expect(existsSync(localServerPaths(other).pidFile)).toBe(false);
  });

  it('refuses a second server on the same data folder', async () => {
    const other = { ...(await options()), dataDir: localServerPaths(first).home };
    await expect(startLocalNeo4j(other, quiet)).rejects.toThrow(/data folder .* is locked by another Neo4j/);
    expect(existsSync(localServerPaths(other).pidFile)).toBe(false);
    expect(await boltAnswers('127.0.0.1', first.port)).toBe(true);
  });

  it('stops the server and removes the pid file', async () => {
    expect(await stopLocalNeo4j(first, quiet)).toEqual({ wasRunning: true });
    expect(existsSync(localServerPaths(first).pidFile)).toBe(false);
    expect(await boltAnswers('127.0.0.1', first.port)).toBe(false);
    expect(await localNeo4jStatus(first)).toEqual({ running: false });
    expect(await stopLocalNeo4j(first, quiet)).toEqual({ wasRunning: false });
  });
});
