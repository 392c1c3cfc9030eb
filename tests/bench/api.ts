/**
 * `npm run bench:api`: loading speed and HTTP latency of the API, on the seed graph and on a
 * generated graph of 100,000 entities (about 500,000 relations).
 *
 * - Loading: elements (entities + relations) per second of `loadDataset` (batched UNWIND, the
 *   constraints created first), against a naive load of a 5,000-entity slice, one record per
 *   transaction, measured in the same run: the ratio is the figure that holds on a noisy machine.
 *   The batched load runs five times (cleared between), as the latency requests run cold and warm:
 *   the server's first large load, while its JIT compiles Neo4j's write path; the second, while it
 *   still does (less); then three warm loads, of which the median is the warm rate.
 * - Latency through HTTP (a real socket): p50/p95 of search, 1-hop and 2-hop neighbourhood (capped
 *   at 500 nodes), shortest path and a 20,000-node subgraph. "cold" is the first request for each
 *   sample right after Neo4j restarted (empty page cache and query caches); "warm" repeats them.
 *
 * It runs its own Neo4j in `.neo4j-bench/` (port 7689, 2 GB heap) unless NEO4J_URI is set, and
 * writes its table to docs/BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { apiConfig, buildApp } from '@innograph/api';
import { generateDataset, readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import type { Dataset } from '@innograph/model';
import {
  type LocalServerOptions,
  localServerOptions,
  neo4jConfig,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '@innograph/neo4j-local';
import {
  clearEcosystem,
  ENTITY_LABEL,
  ensureSchema,
  entityProperties,
  kindLabel,
  loadDataset,
  Neo4jExecutor,
  relationProperties,
  relationType,
  type StoreConfig,
} from '@innograph/store';
import { z } from 'zod';
import { writeBenchmarkSection } from './benchmarksDoc.js';
import { ms, percentile, table, timed } from './stats.js';

const GENERATED_ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const NAIVE_SLICE = 5_000;
/** Batched loads of the generated graph: the first (cold), the second, then three warm ones. */
const BATCHED_LOADS = 5;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);

interface Target {
  config: StoreConfig;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  label: string;
}

async function neo4jTarget(): Promise<Target> {
  const external = neo4jConfig();
  if (!external.local) {
    return {
      config: external,
      restart: async () => {},
      stop: async () => {},
      label: `external ${external.uri}`,
    };
  }
  const options: LocalServerOptions = {
    ...localServerOptions({ ...process.env, NEO4J_PASSWORD: 'innograph-bench' }),
    dir: resolve(import.meta.dirname, '../../.neo4j-bench'),
    port: Number(process.env.BENCH_NEO4J_PORT ?? 7689),
    heap: '2g',
    pageCacheMiB: 1024,
  };
  const started = await startLocalNeo4j(options);
  return {
    config: { uri: started.uri, user: 'neo4j', password: 'innograph-bench' },
    restart: async () => {
      await stopLocalNeo4j(options);
      await startLocalNeo4j(options);
    },
    stop: async () => {
      await stopLocalNeo4j(options);
    },
    label: 'local Neo4j 5.26 (embedded, 2 GB heap, 1 GB page cache)',
  };
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Versions of the libraries on the measured path, for the record. */
function libraryVersions(): string {
  return ['neo4j-driver', 'fastify', 'fastify-type-provider-zod', 'zod']
    .map((name) => {
      const text = readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8');
      const version = z.object({ version: z.string() }).parse(JSON.parse(text)).version;
      return `${name} ${version}`;
    })
    .join(', ');
}

/** A seeded pseudo-random pick, so every run asks the same questions. */
function sampler(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(items: readonly T[], count: number): T[] =>
    Array.from({ length: count }, () => items[Math.floor(next() * items.length)]).filter(
      (x): x is T => x !== undefined,
    );
}

/** The requests of one round, derived from the dataset. */
function requestsFor(dataset: Dataset, seed: number): Record<string, string[]> {
  const pick = sampler(seed);
  const firms = dataset.entities.filter((e) => e.kind === 'PrivateFirm');
  const hubs = dataset.entities.filter(
    (e) => e.kind === 'ChainLeader' || e.kind === 'Lab' || e.kind === 'PilotBase',
  );
  const supplies = dataset.relations.filter((r) => r.type === 'SUPPLIES');
  const opens = dataset.relations.filter((r) => r.type === 'OPENS_TO');
  const words = pick(firms, SAMPLES).map((e) => (e.name.en.split(/\s+/)[0] ?? '').slice(0, 4).toLowerCase());
  return {
    'search (name prefix)': words.map((w) => `/api/entities?q=${encodeURIComponent(w)}&limit=20`),
    'neighbourhood 1-hop': pick(firms, SAMPLES).map((e) => `/api/entities/${e.id}/neighborhood?depth=1`),
    'neighbourhood 2-hop (≤500 nodes)': pick(hubs, SAMPLES).map(
      (e) => `/api/entities/${e.id}/neighborhood?depth=2&limit=500`,
    ),
    'shortest path': pick(supplies, SAMPLES).map((s, i) => {
      const other = opens[(i * 7919) % Math.max(1, opens.length)];
      return `/api/paths?from=${s.from}&to=${other?.from ?? s.to}`;
    }),
    'subgraph 20,000 nodes': Array.from(
      { length: Math.max(3, Math.floor(SAMPLES / 10)) },
      () => '/api/graph?limit=20000',
    ),
  };
}

async function measure(base: string, urls: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const url of urls) {
    const { ms: elapsed, value: status } = await timed(async () => {
      const response = await fetch(base + url);
      await response.arrayBuffer();
      return response.status;
    });
    if (status !== 200) throw new Error(`bench: ${url} answered ${status}`);
    times.push(elapsed);
  }
  return times;
}

async function latencyRows(
  target: Target,
  requests: Record<string, string[]>,
  name: string,
): Promise<string[][]> {
  await target.restart();
  const executor = new Neo4jExecutor(target.config);
  await executor.verifyConnectivity();
  const app = await buildApp({ executor, config: { ...apiConfig({}), readToken: undefined } });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const rows: string[][] = [];
    for (const [operation, urls] of Object.entries(requests)) {
      const cold = await measure(address, urls);
      const warm = await measure(address, urls);
      rows.push([
        name,
        operation,
        ms(percentile(cold, 50)),
        ms(percentile(cold, 95)),
        ms(percentile(warm, 50)),
        ms(percentile(warm, 95)),
      ]);
    }
    return rows;
  } finally {
    await app.close();
    await executor.close();
  }
}

/** The first `count` entities and the relations among them. */
function slice(dataset: Dataset, count: number): Dataset {
  const entities = dataset.entities.slice(0, count);
  const ids = new Set(entities.map((e) => e.id));
  return {
    ...dataset,
    entities,
    relations: dataset.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

/** The baseline: one record per transaction, each a plain MERGE of that record. */
async function naiveLoad(executor: Neo4jExecutor, dataset: Dataset): Promise<number> {
  const { ms: elapsed } = await timed(async () => {
    for (const entity of dataset.entities) {
      await executor.executeWrite((tx) =>
        tx.run(`MERGE (n:${ENTITY_LABEL} {id: $id}) SET n = $props, n:${kindLabel(entity.kind)}`, {
          id: entity.id,
          props: entityProperties(entity),
        }),
      );
    }
    for (const relation of dataset.relations) {
      await executor.executeWrite((tx) =>
        tx.run(
          `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
           MERGE (a)-[r:${relationType(relation.type)} {id: $id}]->(b) SET r = $props, r.since = date($props.since)`,
          { id: relation.id, from: relation.from, to: relation.to, props: relationProperties(relation) },
        ),
      );
    }
  });
  return ((dataset.entities.length + dataset.relations.length) / elapsed) * 1000;
}

/**
 * Generates the large graph, measures the naive and the batched load, and returns the rates and
 * the latency requests (ids picked from the dataset). The dataset itself is let go here: the API
 * under test runs in this process, as it would alone in `npm start`, and 600,000 records left on
 * its heap made every garbage collection during the requests measured afterwards mark them too
 * (the 20,000-node subgraph measured 2.6 s with the dataset held, 1.7 s without).
 */
async function loadGenerated(executor: Neo4jExecutor) {
  process.stdout.write(`Generating ${GENERATED_ENTITIES} entities…\n`);
  const generated = generateDataset({ entities: GENERATED_ENTITIES, seed: 1 });
  const elements = generated.entities.length + generated.relations.length;

  const naiveSlice = slice(generated, NAIVE_SLICE);
  await clearEcosystem(executor);
  process.stdout.write(
    `Naive baseline: ${naiveSlice.entities.length} entities, ${naiveSlice.relations.length} relations, one per transaction…\n`,
  );
  const naiveRate = await naiveLoad(executor, naiveSlice);

  // The same load five times on the same server, cleared between. The first is the server's first
  // large write, during which the JVM compiles Neo4j's write path (on 2 cores its compiler threads
  // took about 17-19 s of CPU in a fresh server's first 100k load, 5-6 s in the second and about 1 s
  // in each after); the median of the last three is the warm rate, as latencies are judged warm.
  const rates: number[] = [];
  for (let run = 1; run <= BATCHED_LOADS; run++) {
    await clearEcosystem(executor);
    process.stdout.write(`Batched load ${run} of ${BATCHED_LOADS}: ${elements} elements…\n`);
    const { ms } = await timed(() => loadDataset(executor, generated));
    const rate = (elements / ms) * 1000;
    rates.push(rate);
    process.stdout.write(`  ${rate.toFixed(0)} elements/s\n`);
  }
  return {
    elements,
    naiveElements: naiveSlice.entities.length + naiveSlice.relations.length,
    naiveRate,
    batchedRates: rates,
    requests: requestsFor(generated, 42),
  };
}

/** The load table's batched rows: the first load, the second, and the median of the rest (with
 *  their range). */
function batchedLoadRows(rates: readonly number[]): [string, number][] {
  const [first, second, ...warm] = rates;
  const rows: [string, number][] = [];
  if (first !== undefined) rows.push(['first load on this server (cold)', first]);
  if (second !== undefined) rows.push(['second load', second]);
  if (warm.length > 0) {
    const range = `${Math.min(...warm).toFixed(0)}–${Math.max(...warm).toFixed(0)}`;
    rows.push([`warm: median of loads 3–${rates.length} (${range})`, percentile(warm, 50)]);
  }
  return rows;
}

async function main(): Promise<void> {
  const target = await neo4jTarget();
  const executor = new Neo4jExecutor(target.config);
  const lines: string[] = [];
  try {
    await executor.verifyConnectivity();
    await ensureSchema(executor);
    const seed = await readDatasetFile(SEED_FILE);
    const seedDataset = (await loadDataset(executor, seed, { reset: true })).dataset;

    const load = await loadGenerated(executor);

    process.stdout.write('Measuring latency on the generated graph…\n');
    const generatedRows = await latencyRows(target, load.requests, `generated ${GENERATED_ENTITIES / 1000}k`);
    await loadDataset(executor, seed, { reset: true });
    process.stdout.write('Measuring latency on the seed graph…\n');
    const seedRows = await latencyRows(target, requestsFor(seedDataset, 42), 'seed');

    lines.push(
      `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${target.label} (server ${(await executor.driver.getServerInfo()).agent ?? 'unknown'}); ${libraryVersions()}.`,
      '',
      table(
        ['load', 'elements', 'elements/s', 'ratio to naive'],
        [
          [
            'naive, one record per transaction (5k-entity slice)',
            String(load.naiveElements),
            load.naiveRate.toFixed(0),
            '1.0×',
          ],
          ...batchedLoadRows(load.batchedRates).map(([when, rate]) => [
            `batched UNWIND (${GENERATED_ENTITIES / 1000}k entities), ${when}`,
            String(load.elements),
            rate.toFixed(0),
            `${(rate / load.naiveRate).toFixed(1)}×`,
          ]),
        ],
      ),
      '',
      table(
        ['graph', 'request', 'cold p50 ms', 'cold p95 ms', 'warm p50 ms', 'warm p95 ms'],
        [...seedRows, ...generatedRows],
      ),
    );
  } finally {
    await executor.close();
    await target.stop();
  }
  const report = lines.join('\n');
  process.stdout.write(`\n${report}\n`);
  const doc = await writeBenchmarkSection('bench-api', `## API (\`npm run bench:api\`)\n\n${report}`);
  process.stdout.write(`\nWritten to ${doc}\n`);
}

await main();
