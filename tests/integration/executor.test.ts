/** The executor's auto-commit reads against the suite's Neo4j: one session, retried on transient
 *  errors only, errors mapped like managed transactions'. */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Neo4jExecutor, StoreQueryError, StoreUnavailableError } from '@innograph/store';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testExecutor } from '../support/neo4j.js';

const executor: Neo4jExecutor = testExecutor();

afterAll(async () => {
  await executor.close();
});

describe('readAutoCommit', () => {
  it('runs each query of the work and returns what the work returns', async () => {
    const values = await executor.readAutoCommit(async (runner) => {
      const one = await runner.run('RETURN 1 AS n');
      const two = await runner.run('RETURN $x + 1 AS n', { x: 1 });
      return [one.records[0]?.get('n'), two.records[0]?.get('n')];
    });
    expect(values).toEqual([1, 2]);
  });

  it('runs the whole work again when the connection to Neo4j fails', { timeout: 20_000 }, async () => {
    // A proxy to the suite's Neo4j that hangs up on the first connection, as a server going away.
    const upstream = new URL(inject('neo4j').uri);
    let refused = 0;
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      sockets.add(client);
      if (refused === 0) {
        refused += 1;
        client.destroy();
        return;
      }
      const server = connect(Number(upstream.port), upstream.hostname);
      sockets.add(server);
      client.pipe(server).pipe(client);
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
    });
    const port = await new Promise<number>((resolve) =>
      proxy.listen(0, '127.0.0.1', () => {
        const address = proxy.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      }),
    );
    const { user, password } = inject('neo4j');
    const proxied = new Neo4jExecutor({ uri: `bolt://127.0.0.1:${port}`, user, password });
    try {
      let attempts = 0;
      const value = await proxied.readAutoCommit(async (runner) => {
        attempts += 1;
        const result = await runner.run('RETURN 42 AS n');
        return result.records[0]?.get('n');
      });
      expect(value).toBe(42);
      expect(refused).toBe(1);
      expect(attempts).toBe(2);
    } finally {
      await proxied.close();
      for (const socket of sockets) socket.destroy();
      proxy.close();
    }
  });

  it('does not retry a query the server refuses, and maps its error', async () => {
    let attempts = 0;
    const failed = executor.readAutoCommit(async (runner) => {
      attempts += 1;
      return runner.run('RETURN nonsense(');
    });
    await expect(failed).rejects.toBeInstanceOf(StoreQueryError);
    expect(attempts).toBe(1);
  });

  it('gives up on a server that stays away and says it is unavailable', { timeout: 30_000 }, async () => {
    const nowhere = new Neo4jExecutor({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'nothing-here' });
    try {
      const started = Date.now();
      await expect(nowhere.readAutoCommit((runner) => runner.run('RETURN 1'))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      // Retried within the budget (5 s), not forever.
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await nowhere.close();
    }
  });
});

describe('the local server', () => {
  it.runIf(inject('neo4j').origin === 'local')(
    'keeps transaction logs only up to 256 MiB past the last checkpoint',
    async () => {
      const rows = await executor.readAutoCommit((runner) =>
        runner.run("CALL dbms.listConfig('db.tx_log.rotation.retention_policy') YIELD value RETURN value"),
      );
      expect(rows.records.map((record) => record.get('value'))).toEqual(['256M size']);
    },
  );
});
