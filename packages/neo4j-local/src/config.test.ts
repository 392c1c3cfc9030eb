import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_PASSWORD, localServerOptions, neo4jConfig, REPO_ROOT } from './config.js';

describe('neo4jConfig', () => {
  it('uses the local server with the default password when nothing is set', () => {
    expect(neo4jConfig({})).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: DEFAULT_LOCAL_PASSWORD,
      database: undefined,
      local: true,
    });
    expect(DEFAULT_LOCAL_PASSWORD).toBe('innograph-local');
  });

  it('follows NEO4J_LOCAL_PORT and NEO4J_PASSWORD for the local server', () => {
    const config = neo4jConfig({
      NEO4J_LOCAL_PORT: '7799',
      NEO4J_PASSWORD: 'secret-pw',
      NEO4J_USER: 'alice',
    });
    expect(config).toMatchObject({ uri: 'bolt://127.0.0.1:7799', user: 'neo4j', password: 'secret-pw' });
    expect(config.local).toBe(true);
  });

  it('uses NEO4J_URI with any scheme, NEO4J_USER and NEO4J_PASSWORD', () => {
    const config = neo4jConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'alice',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'eco',
      NEO4J_LOCAL_PORT: '7799',
    });
    expect(config).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'alice',
      password: 'pw',
      database: 'eco',
      local: false,
    });
  });

  it('defaults the user of an external server to neo4j', () => {
    expect(neo4jConfig({ NEO4J_URI: 'bolt://db:7687' })).toMatchObject({ user: 'neo4j', local: false });
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(neo4jConfig({ NEO4J_URI: '' }).local).toBe(true);
  });

  it('rejects a port that is not a number', () => {
    expect(() => neo4jConfig({ NEO4J_LOCAL_PORT: 'seven' })).toThrow(
      /NEO4J_LOCAL_PORT must be a whole number/,
    );
    expect(() => neo4jConfig({ NEO4J_LOCAL_PORT: '70000' })).toThrow(/NEO4J_LOCAL_PORT/);
  });
});

describe('localServerOptions', () => {
  it('has defaults under the repository root', () => {
    expect(localServerOptions({})).toEqual({
      dir: resolve(REPO_ROOT, '.neo4j-local'),
      host: '127.0.0.1',
      port: 7687,
      heap: '1g',
      pageCacheMiB: 512,
      password: DEFAULT_LOCAL_PASSWORD,
    });
  });

  it('finds the repository root from its own location', () => {
    expect(resolve(REPO_ROOT, 'packages/neo4j-local/src')).toBe(import.meta.dirname);
  });

  it('follows the NEO4J_LOCAL_* settings', () => {
    const options = localServerOptions({
      NEO4J_LOCAL_DIR: '/tmp/some-neo4j',
      NEO4J_LOCAL_PORT: '7800',
      NEO4J_LOCAL_HEAP: '2g',
      NEO4J_LOCAL_PAGECACHE_MB: '128',
      NEO4J_PASSWORD: 'secret-pw',
    });
    expect(options).toEqual({
      dir: '/tmp/some-neo4j',
      host: '127.0.0.1',
      port: 7800,
      heap: '2g',
      pageCacheMiB: 128,
      password: 'secret-pw',
    });
  });

  it('rejects a malformed heap or page cache size', () => {
    expect(() => localServerOptions({ NEO4J_LOCAL_HEAP: '1 GB' })).toThrow(/NEO4J_LOCAL_HEAP must look like/);
    expect(() => localServerOptions({ NEO4J_LOCAL_PAGECACHE_MB: '0' })).toThrow(/NEO4J_LOCAL_PAGECACHE_MB/);
  });
});
