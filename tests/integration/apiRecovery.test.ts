/**
 * Neo4j goes away while the API runs: requests get 503 with a clear message, and the API
 * recovers by itself when Neo4j returns, with no restart. Uses a local Neo4j of its own so the
 * shared test database keeps running.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiConfig, buildApp } from '@innograph/api';
import { ApiError, HealthResponse } from '@innograph/model';
import {
  type LocalServerOptions,
  localServerOptions,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '@innograph/neo4j-local';
import { ensureSchema, Neo4jExecutor } from '@innograph/store';
import { afterAll, describe, expect, it } from 'vitest';

const hasJava = spawnSync('java', ['-version']).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

describe.skipIf(!hasJava)('when Neo4j stops and comes back', () => {
  let options: LocalServerOptions | undefined;
  let dir: string | undefined;

  afterAll(async () => {
    if (options !== undefined) await stopLocalNeo4j(options);
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 while it is down and recovers without a restart', { timeout: 240_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'innograph-recovery-'));
    options = {
      ...localServerOptions({ NEO4J_PASSWORD: 'recovery-test' }),
      dir,
      port: await freePort(),
      heap: '512m',
      pageCacheMiB: 64,
    };
    const started = await startLocalNeo4j(options);
    const executor = new Neo4jExecutor({ uri: started.uri, user: 'neo4j', password: 'recovery-test' });
    const app = await buildApp({
      executor,
      config: { ...apiConfig({}), editorToken: 'x', readToken: undefined },
    });
    try {
      await ensureSchema(executor);
      expect((await app.inject({ method: 'GET', url: '/api/stats' })).statusCode).toBe(200);

      await stopLocalNeo4j(options);
      const down = await app.inject({ method: 'GET', url: '/api/stats' });
      expect(down.statusCode).toBe(503);
      expect(ApiError.parse(down.json()).error).toMatchObject({ code: 'unavailable' });
      // Graph reads run as auto-commit queries with their own retries: the same answer.
      const graphDown = await app.inject({ method: 'GET', url: '/api/graph?limit=5' });
      expect(graphDown.statusCode).toBe(503);
      expect(ApiError.parse(graphDown.json()).error).toMatchObject({ code: 'unavailable' });
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(HealthResponse.parse(health.json())).toMatchObject({ status: 'degraded', neo4j: 'down' });

      await startLocalNeo4j(options);
      let status = 0;
      for (let attempt = 0; attempt < 30 && status !== 200; attempt++) {
        status = (await app.inject({ method: 'GET', url: '/api/stats' })).statusCode;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(status).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/graph?limit=5' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await executor.close();
    }
  });
});
