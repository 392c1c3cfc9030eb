/**
 * `npm run bench:web`: the web app in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core) with one named software WebGL backend, SwiftShader through ANGLE, on the seed
 * graph and on generated graphs (default 5k, 10k, 20k and 50k entities, about five relations each).
 *
 * Per graph, in a fresh browser context on the built app served by `buildApp` (same origin):
 * - loading: HTTP time of `GET /api/graph` (Resource Timing), parse + build + layout up to the
 *   app's `innograph:data-received` mark, data received → `innograph:first-frame` (the app's rAF
 *   after sigma was created) and navigation → first frame;
 * - sigma `refresh()` (synchronous: process + render), median and p95, alone and followed by
 *   `gl.finish()` on sigma's WebGL contexts so that SwiftShader's rasterisation is included;
 * - ForceAtlas2 iterations per second in the app's worker (`force.iterations`), and for reference
 *   the same FA2 (same settings, same positions) run synchronously in Node, which shows what the
 *   worker could do without waiting on the page's main thread;
 * - a scripted pan/zoom (mouse drags and wheel on the canvas) for 5 s, once while FA2 runs and
 *   once without it: longest main-thread task (`longtask` entries, observed from the page's
 *   start) and the longest gap between animation frames (which also sees tasks under 50 ms);
 *   during the pan with FA2, a Chromium trace gives the JavaScript run per task (traceTasks.ts),
 *   the measure docs/PERFORMANCE.md sets for long tasks (not the rasterisation waits).
 *
 * Then the floor (docs/PERFORMANCE.md): bare graphology + sigma (tests/bench/floor, built with Vite
 * and served on the API's origin through request interception) on the same graph, for data → first
 * frame, one refresh and a pan, printed as ratios beside the app's figures.
 *
 * The measures worker that the app starts after loading is left to finish before measuring.
 * The bench runs its own Neo4j in `.neo4j-bench-web/` (port 7692) unless NEO4J_URI is set, serves
 * the API on a free port, and writes its tables to docs/BENCHMARKS.md. BENCH_WEB_TRACE_DIR keeps the
 * pan-during-layout traces. BENCH_WEB_SIZES (e.g.
 * `seed,5000`) picks the graphs.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { forceLayoutSettings } from '@innograph/analytics';
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
import { clearEcosystem, ensureSchema, loadDataset, Neo4jExecutor, type StoreConfig } from '@innograph/store';
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { type Browser, chromium, type Page } from 'playwright-core';
import { z } from 'zod';
import { ensureWebBuild } from '../../scripts/webBuild.js';
import { writeBenchmarkSection } from './benchmarksDoc.js';
import { ms, percentile, table } from './stats.js';
import { type TaskScript, TRACE_CATEGORIES, taskScript } from './traceTasks.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
/** The one WebGL backend: SwiftShader (CPU Vulkan) behind ANGLE. */
const BACKEND_FLAGS = ['--use-angle=swiftshader'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...BACKEND_FLAGS,
];
const VIEWPORT = { width: 1440, height: 900 };
const SIZES = (process.env.BENCH_WEB_SIZES ?? 'seed,5000,10000,20000,50000').split(',').map((s) => s.trim());
const FA2_WINDOW_MS = 5_000;
const PAN_WINDOW_MS = 5_000;
const REFRESH_SAMPLES = 20;
const REFRESH_BUDGET_MS = 15_000;
const MEASURES_TIMEOUT_MS = 240_000;
/** BENCH_WEB_TRACE_DIR keeps each pan-during-layout trace there (Chromium's JSON), to look into. */
const TRACE_DIR = process.env.BENCH_WEB_TRACE_DIR;

const TARGETS = {
  drawMs: 3_000,
  drawEntities: 20_000,
  fa2PerSecond: 20,
  fa2Nodes: 10_000,
  longestTaskMs: 50,
};

// ---------------------------------------------------------------- Neo4j

interface Target {
  config: StoreConfig;
  stop: () => Promise<void>;
  label: string;
}

async function neo4jTarget(): Promise<Target> {
  const external = neo4jConfig();
  if (!external.local) {
    return { config: external, stop: async () => {}, label: `external ${external.uri}` };
  }
  const options: LocalServerOptions = {
    ...localServerOptions({ ...process.env, NEO4J_PASSWORD: 'innograph-bench' }),
    dir: resolve(ROOT, '.neo4j-bench-web'),
    port: Number(process.env.BENCH_WEB_NEO4J_PORT ?? 7692),
    heap: '2g',
    pageCacheMiB: 1024,
  };
  await startLocalNeo4j(options);
  return {
    config: { uri: `bolt://${options.host}:${options.port}`, user: 'neo4j', password: 'innograph-bench' },
    stop: async () => {
      await stopLocalNeo4j(options);
    },
    label: 'local Neo4j 5.26 (embedded, 2 GB heap)',
  };
}

// ---------------------------------------------------------------- page side

/**
 * Runs in the page before the app: long tasks from the start (buffered), a rAF loop that keeps
 * frame times, and a note of when the frame of the app's `innograph:first-frame` mark was
 * committed (a task queued from inside that rAF callback runs after the frame's rendering step).
 * Plain JavaScript, so that nothing of the bundler's helpers leaks into the page.
 */
const INIT_SCRIPT = `(() => {
  const bench = { longtasks: [], frames: [], longtaskSupported: false, committedAt: null, drawnAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    bench.longtaskSupported = true;
  } catch (error) {}
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'innograph:first-frame' || name === 'floor:first-frame')
      setTimeout(() => {
        bench.committedAt = performance.now();
        const sigma = name === 'floor:first-frame'
          ? window.__floor && window.__floor.sigma
          : window.__innograph && window.__innograph.renderer.sigma;
        if (sigma) for (const gl of Object.values(sigma.webGLContexts)) gl.finish();
        bench.drawnAt = performance.now();
      }, 0);
    return entry;
  };
  const tick = () => {
    bench.frames.push(performance.now());
    if (bench.frames.length > 20000) bench.frames.splice(0, 10000);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__bench = bench;
})();`;

const Num = z.number();

const LoadTimes = z.object({
  dataReceived: Num,
  firstFrame: Num,
  committedAt: Num,
  drawnAt: Num,
  graphRequests: Num,
  graphRequest: z.object({
    startTime: Num,
    requestStart: Num,
    responseStart: Num,
    responseEnd: Num,
    encodedBodySize: Num,
  }),
  nodes: Num,
  edges: Num,
  longtaskSupported: z.boolean(),
});

const LOAD_TIMES = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const received = at('innograph:data-received');
  // The app fetches the graph in a worker, which reports the request's timing in this mark.
  const requests = performance
    .getEntriesByName('innograph:graph-fetched')
    .map((e) => e.detail)
    .filter((e) => e && e.responseEnd <= received);
  const request = requests.sort((a, b) => b.responseEnd - a.responseEnd)[0];
  const app = window.__innograph;
  return {
    dataReceived: received,
    firstFrame: at('innograph:first-frame'),
    committedAt: window.__bench.committedAt,
    drawnAt: window.__bench.drawnAt,
    graphRequests: requests.length,
    graphRequest: request && {
      startTime: request.startTime, requestStart: request.requestStart, responseStart: request.responseStart,
      responseEnd: request.responseEnd, encodedBodySize: request.encodedBodySize,
    },
    nodes: app.graph.order,
    edges: app.graph.size,
    longtaskSupported: window.__bench.longtaskSupported,
  };
})()`;

const RefreshTimes = z.object({
  refresh: z.array(Num),
  refreshFinish: z.array(Num),
  handler: z.array(Num),
  nodeReducer: Num,
  edgeReducer: Num,
});

/**
 * `sigma.refresh()` N times (after one warm-up), then the same followed by `gl.finish()`; and the
 * main-thread cost of one FA2 position update as the supervisor makes it
 * (`updateEachNodeAttributes` with the x/y hint), without the render sigma schedules after it.
 */
const REFRESH_TIMES = (samples: number, budgetMs: number) => `(() => {
  const sigma = window.__innograph.renderer.sigma;
  const graph = window.__innograph.graph;
  const contexts = Object.values(sigma.webGLContexts);
  const finish = () => { for (const gl of contexts) gl.finish(); };
  sigma.refresh(); finish();
  const run = (withFinish) => {
    const times = [];
    const started = performance.now();
    while (times.length < ${samples} && (times.length < 5 || performance.now() - started < ${budgetMs / 2})) {
      const t0 = performance.now();
      sigma.refresh();
      if (withFinish) finish();
      times.push(performance.now() - t0);
      if (!withFinish) finish();
    }
    return times;
  };
  const refresh = run(false);
  const refreshFinish = run(true);
  const handler = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    graph.updateEachNodeAttributes((_node, attributes) => attributes, { attributes: ['x', 'y'] });
    handler.push(performance.now() - t0);
  }
  const renderer = window.__innograph.renderer;
  let t0 = performance.now();
  graph.forEachNode((node, attributes) => renderer.nodeDisplay(node, attributes));
  const nodeReducer = performance.now() - t0;
  t0 = performance.now();
  graph.forEachEdge((edge, attributes) => renderer.edgeDisplay(edge, attributes));
  const edgeReducer = performance.now() - t0;
  sigma.refresh(); finish();
  return { refresh, refreshFinish, handler, nodeReducer, edgeReducer };
})()`;

/** Starts the app's ForceLayout, waits for its first iteration, counts iterations over a window. */
const FA2_START = `(async () => {
  const force = window.__innograph.force;
  const before = force.iterations;
  const t0 = performance.now();
  force.start();
  while (force.iterations === before && performance.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 5));
  return performance.now() - t0;
})()`;
const FA2_COUNT = '({ iterations: window.__innograph.force.iterations, now: performance.now() })';
const FA2_STOP = '(() => { window.__innograph.force.stop(); return true; })()';

const Counter = z.object({ iterations: Num, now: Num });

const Jank = z.object({
  longest: Num,
  over50: Num,
  maxFrameGap: Num,
  frames: Num,
});

/** Long tasks and frame gaps between two page times. */
const JANK = (from: number, to: number) => `(() => {
  const b = window.__bench;
  const tasks = b.longtasks.filter((t) => t.start + t.duration > ${from} && t.start < ${to});
  const frames = b.frames.filter((t) => t >= ${from} && t <= ${to});
  const points = [${from}, ...frames, ${to}];
  let maxFrameGap = 0;
  for (let i = 1; i < points.length; i += 1) maxFrameGap = Math.max(maxFrameGap, points[i] - points[i - 1]);
  return {
    longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    over50: tasks.filter((t) => t.duration > 50).length,
    maxFrameGap,
    frames: frames.length,
  };
})()`;

async function pageValue<T>(page: Page, script: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await page.evaluate(script));
}

async function pageNow(page: Page): Promise<number> {
  return pageValue(page, 'performance.now()', Num);
}

const APP_SIGMA = 'window.__innograph.renderer.sigma';
const FLOOR_SIGMA = 'window.__floor.sigma';

/** Drags across the middle of the canvas and zooms in and out with the wheel until `durationMs`. */
async function panAndZoom(page: Page, durationMs: number, sigma = APP_SIGMA): Promise<number> {
  const box = z
    .object({ x: Num, y: Num, width: Num, height: Num })
    .parse(
      await page.evaluate(
        `(() => { const r = ${sigma}.getContainer().getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()`,
      ),
    );
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const end = Date.now() + durationMs;
  let gestures = 0;
  while (Date.now() < end) {
    const sign = gestures % 2 === 0 ? 1 : -1;
    await page.mouse.move(cx - sign * box.width * 0.15, cy - sign * box.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(cx + sign * box.width * 0.15, cy + sign * box.height * 0.1, { steps: 15 });
    await page.mouse.up();
    await page.mouse.wheel(0, sign * -240);
    await sleep(60);
    gestures += 1;
  }
  return gestures;
}

// ---------------------------------------------------------------- one graph

interface Row {
  name: string;
  entities: number;
  nodes: number;
  edges: number;
  graphTtfb: number;
  graphFetch: number;
  graphMiB: number;
  parseBuild: number;
  dataToFrame: number;
  dataToCommit: number;
  dataToDrawn: number;
  navToDrawn: number;
  loadAverage: number;
  navToFrame: number;
  measuresSeconds: number | null;
  refresh: number[];
  refreshFinish: number[];
  handler: number[];
  nodeReducer: number;
  edgeReducer: number;
  fa2FirstMs: number;
  fa2PerSecond: number;
  fa2NodePerSecond: number;
  panFa2: z.infer<typeof Jank> & { fa2PerSecond: number; gestures: number };
  /** JavaScript per task during the same window, from a Chromium trace. */
  panFa2Script: TaskScript;
  panOnly: z.infer<typeof Jank> & { gestures: number };
  /** Bare graphology + sigma on the same graph (measured after the app, in its own context). */
  floor?: FloorRow;
}

/** Builds the floor page (tests/bench/floor) with Vite into .tsbuild/bench-floor. */
async function buildFloor(): Promise<string> {
  const outDir = resolve(ROOT, '.tsbuild/bench-floor');
  const { build } = await import('vite');
  await build({
    root: resolve(ROOT, 'tests/bench/floor'),
    base: '/__floor/',
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
  return outDir;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function fa2Window(page: Page, windowMs: number, during?: () => Promise<unknown>) {
  const first = await pageValue(page, FA2_START, Num);
  await sleep(500);
  const start = await pageValue(page, FA2_COUNT, Counter);
  const extra = during ? await during() : await sleep(windowMs);
  const end = await pageValue(page, FA2_COUNT, Counter);
  await page.evaluate(FA2_STOP);
  return {
    firstMs: first,
    from: start.now,
    to: end.now,
    perSecond: ((end.iterations - start.iterations) / (end.now - start.now)) * 1000,
    extra,
  };
}

/** FA2 as the app's worker runs it (same settings), synchronously in Node on the page's positions. */
function nodeFa2(dataset: Dataset, positions: Record<string, [number, number]>, seconds: number): number {
  const graph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const entity of dataset.entities) {
    const [x, y] = positions[entity.id] ?? [0, 0];
    graph.addNode(entity.id, { x, y });
  }
  for (const relation of dataset.relations) {
    if (graph.hasNode(relation.from) && graph.hasNode(relation.to) && relation.from !== relation.to)
      graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to);
  }
  const settings = forceLayoutSettings(graph);
  forceAtlas2(graph, { iterations: 3, settings });
  let iterations = 5;
  let elapsed = 0;
  for (;;) {
    const t0 = performance.now();
    forceAtlas2(graph, { iterations, settings });
    elapsed = performance.now() - t0;
    if (elapsed > seconds * 1000 * 0.5 || iterations > 100_000) break;
    iterations = Math.ceil((iterations * seconds * 1000) / Math.max(elapsed, 1));
  }
  return (iterations / elapsed) * 1000;
}

const Floor = z.object({ dataToFrame: Num, dataToDrawn: Num, nodes: Num, edges: Num });

/** `sigma.refresh()` of the floor page, median of up to N after one warm-up, ms. */
const FLOOR_REFRESH = (samples: number, budgetMs: number) => `(() => {
  const sigma = window.__floor.sigma;
  sigma.refresh();
  const times = [];
  const started = performance.now();
  while (times.length < ${samples} && (times.length < 5 || performance.now() - started < ${budgetMs / 2})) {
    const t0 = performance.now();
    sigma.refresh();
    times.push(performance.now() - t0);
  }
  return times;
})()`;

/** The floor (tests/bench/floor: bare graphology + sigma on the same /api/graph) in its own
 *  context: data received → first frame and → drawn, one refresh, and a pan without layout. */
async function measureFloor(browser: Browser, base: string, floorDir: string): Promise<FloorRow> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.route(`${base}/__floor/**`, async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/__floor\//, '');
      const file = resolve(floorDir, path === '' ? 'index.html' : path);
      if (!file.startsWith(floorDir)) return route.fulfill({ status: 404 });
      const type = file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.html')
          ? 'text/html'
          : 'application/octet-stream';
      return route.fulfill({ status: 200, contentType: type, body: await readFile(file) });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${base}/__floor/index.html`, { timeout: 300_000 });
    await page.waitForFunction(
      `window.__floorError !== undefined || (window.__bench && window.__bench.drawnAt !== null && performance.getEntriesByName('floor:first-frame').length > 0)`,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const failed = await page.evaluate('window.__floorError ?? null');
    if (failed !== null) throw new Error(`bench:web floor page: ${String(failed)}`);
    const load = await pageValue(
      page,
      `(() => {
        const at = (name) => performance.getEntriesByName(name)[0].startTime;
        const received = at('floor:data-received');
        return { dataToFrame: at('floor:first-frame') - received, dataToDrawn: window.__bench.drawnAt - received,
          nodes: window.__floor.graph.order, edges: window.__floor.graph.size };
      })()`,
      Floor,
    );
    await sleep(500);
    const refresh = await pageValue(page, FLOOR_REFRESH(REFRESH_SAMPLES, REFRESH_BUDGET_MS), z.array(Num));
    await sleep(500);
    const from = await pageNow(page);
    const gestures = await panAndZoom(page, PAN_WINDOW_MS, FLOOR_SIGMA);
    const to = await pageNow(page);
    const pan = await pageValue(page, JANK(from, to), Jank);
    if (errors.length > 0) say(`  floor page errors: ${errors.join('; ')}`);
    say(
      `  floor (bare sigma): ${load.nodes} nodes, ${load.edges} edges; data → first frame ${ms(load.dataToFrame)} ms, refresh p50 ${ms(percentile(refresh, 50))} ms; pan: longest task ${ms(pan.longest)} ms, ${(pan.frames / (PAN_WINDOW_MS / 1000)).toFixed(0)} frames/s`,
    );
    return { ...load, refresh, pan: { ...pan, gestures } };
  } finally {
    await context.close().catch(() => {});
  }
}

interface FloorRow extends z.infer<typeof Floor> {
  refresh: number[];
  pan: z.infer<typeof Jank> & { gestures: number };
}

async function measureGraph(browser: Browser, base: string, name: string, dataset: Dataset): Promise<Row> {
  const loadAverage = loadavg()[0] ?? Number.NaN;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${base}/`, { timeout: 300_000 });
    await page.waitForFunction(
      `window.__bench && window.__bench.drawnAt !== null && performance.getEntriesByName('innograph:first-frame').length > 0`,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const load = await pageValue(page, LOAD_TIMES, LoadTimes);
    say(
      `  ${load.nodes} nodes, ${load.edges} edges; first frame ${ms(load.firstFrame)} ms after navigation, drawn (gl.finish) ${ms(load.drawnAt)} ms`,
    );
    if (load.graphRequests !== 1)
      say(`  (${load.graphRequests} /api/graph requests before the data mark; timing the last)`);

    const t0 = Date.now();
    let measuresSeconds: number | null = null;
    try {
      await page.waitForFunction('window.__innograph.renderer.current.communities !== null', undefined, {
        timeout: MEASURES_TIMEOUT_MS,
        polling: 250,
      });
      measuresSeconds = (Date.now() - t0) / 1000;
    } catch {
      say('  (the measures worker did not finish in time; measuring anyway)');
    }
    await sleep(500);

    const refresh = await pageValue(page, REFRESH_TIMES(REFRESH_SAMPLES, REFRESH_BUDGET_MS), RefreshTimes);
    say(`  refresh p50 ${ms(percentile(refresh.refresh, 50))} ms`);

    const fa2 = await fa2Window(page, FA2_WINDOW_MS);
    say(`  FA2 ${fa2.perSecond.toFixed(1)} iterations/s`);
    await sleep(1_000);

    let gesturesFa2 = 0;
    const traced: { script: TaskScript | null } = { script: null };
    let tracing = false;
    let panFa2Run: Awaited<ReturnType<typeof fa2Window>>;
    try {
      // Traced from the pan's start, as the wall-time window below: the layout already runs (its
      // start, one full refresh when the relations are hidden, is not panning).
      panFa2Run = await fa2Window(page, PAN_WINDOW_MS, async () => {
        await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        tracing = true;
        gesturesFa2 = await panAndZoom(page, PAN_WINDOW_MS);
        tracing = false;
        const trace = (await browser.stopTracing()).toString('utf8');
        traced.script = taskScript(trace);
        if (TRACE_DIR)
          await writeFile(resolve(TRACE_DIR, `pan-fa2-${name.replace(/\W+/g, '-')}.json`), trace);
      });
    } finally {
      if (tracing) await browser.stopTracing().catch(() => undefined);
    }
    const panFa2Script = traced.script;
    if (panFa2Script === null) throw new Error('bench:web: the pan during the layout was not traced');
    const panFa2 = await pageValue(page, JANK(panFa2Run.from, panFa2Run.to), Jank);
    await sleep(1_500);

    const from = await pageNow(page);
    const gesturesOnly = await panAndZoom(page, PAN_WINDOW_MS);
    const to = await pageNow(page);
    const panOnly = await pageValue(page, JANK(from, to), Jank);
    say(
      `  pan+FA2: longest JavaScript in a task ${ms(panFa2Script.longestScript)} ms (${panFa2Script.scriptOver50} tasks over 50 ms of it); longest task ${ms(panFa2.longest)} ms, max frame gap ${ms(panFa2.maxFrameGap)} ms; pan only: ${ms(panOnly.longest)} / ${ms(panOnly.maxFrameGap)} ms`,
    );

    const positions = z
      .record(z.string(), z.tuple([Num, Num]))
      .parse(
        await page.evaluate(
          `(() => { const out = {}; window.__innograph.graph.forEachNode((n, a) => { out[n] = [a.x, a.y]; }); return out; })()`,
        ),
      );
    if (errors.length > 0) say(`  page errors: ${errors.join('; ')}`);
    await context.close();
    const fa2NodePerSecond = nodeFa2(dataset, positions, FA2_WINDOW_MS / 1000);
    say(`  FA2 in Node (reference) ${fa2NodePerSecond.toFixed(1)} iterations/s`);

    const request = load.graphRequest;
    return {
      name,
      entities: dataset.entities.length,
      nodes: load.nodes,
      edges: load.edges,
      graphTtfb: request.responseStart - request.requestStart,
      graphFetch: request.responseEnd - request.startTime,
      graphMiB: request.encodedBodySize / 2 ** 20,
      parseBuild: load.dataReceived - request.responseEnd,
      dataToFrame: load.firstFrame - load.dataReceived,
      dataToCommit: load.committedAt - load.dataReceived,
      dataToDrawn: load.drawnAt - load.dataReceived,
      navToDrawn: load.drawnAt,
      loadAverage,
      navToFrame: load.firstFrame,
      measuresSeconds,
      refresh: refresh.refresh,
      refreshFinish: refresh.refreshFinish,
      handler: refresh.handler,
      nodeReducer: refresh.nodeReducer,
      edgeReducer: refresh.edgeReducer,
      fa2FirstMs: fa2.firstMs,
      fa2PerSecond: fa2.perSecond,
      fa2NodePerSecond,
      panFa2: { ...panFa2, fa2PerSecond: panFa2Run.perSecond, gestures: gesturesFa2 },
      panFa2Script,
      panOnly: { ...panOnly, gestures: gesturesOnly },
    };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- report

function libraryVersions(): string {
  const version = (name: string) =>
    z
      .object({ version: z.string() })
      .parse(JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8'))).version;
  return ['sigma', 'graphology', 'graphology-layout-forceatlas2', 'react', 'playwright-core']
    .map((name) => `${name} ${version(name)}`)
    .join(', ');
}

function verdict(met: boolean): string {
  return met ? '**met**' : '**not met**';
}

function report(rows: Row[], header: string): string {
  const loadTable = table(
    [
      'graph',
      'nodes',
      'edges',
      '/api/graph TTFB ms',
      '/api/graph total ms',
      'MiB',
      'parse+build+layout ms',
      'data → first frame ms',
      'data → frame committed ms',
      'data → drawn (gl.finish) ms',
      'navigation → first frame ms',
      'navigation → drawn ms',
      'load avg',
    ],
    rows.map((r) => [
      r.name,
      String(r.nodes),
      String(r.edges),
      ms(r.graphTtfb),
      ms(r.graphFetch),
      r.graphMiB.toFixed(1),
      ms(r.parseBuild),
      ms(r.dataToFrame),
      ms(r.dataToCommit),
      ms(r.dataToDrawn),
      ms(r.navToFrame),
      ms(r.navToDrawn),
      r.loadAverage.toFixed(1),
    ]),
  );
  const renderTable = table(
    [
      'graph',
      'refresh p50 ms',
      'refresh p95 ms',
      '+ gl.finish p50 ms',
      '+ gl.finish p95 ms',
      'FA2 update handler ms',
      'node / edge reducers ms',
      'FA2 it/s (worker, idle)',
      'FA2 it/s (Node, reference)',
      'measures worker s',
    ],
    rows.map((r) => [
      r.name,
      ms(percentile(r.refresh, 50)),
      ms(percentile(r.refresh, 95)),
      ms(percentile(r.refreshFinish, 50)),
      ms(percentile(r.refreshFinish, 95)),
      ms(percentile(r.handler, 50)),
      `${ms(r.nodeReducer)} / ${ms(r.edgeReducer)}`,
      r.fa2PerSecond.toFixed(1),
      r.fa2NodePerSecond.toFixed(1),
      r.measuresSeconds === null ? 'timeout' : r.measuresSeconds.toFixed(1),
    ]),
  );
  const panTable = table(
    [
      'graph',
      'pan+FA2 longest JavaScript in a task ms',
      'tasks with > 50 ms of JavaScript',
      'JavaScript of the longest task ms',
      'pan+FA2 longest task ms',
      'tasks > 50 ms',
      'max frame gap ms',
      'frames/s',
      'FA2 it/s while panning',
      'pan only longest task ms',
      'pan only max frame gap ms',
      'pan only frames/s',
    ],
    rows.map((r) => [
      r.name,
      ms(r.panFa2Script.longestScript),
      String(r.panFa2Script.scriptOver50),
      ms(r.panFa2Script.scriptOfLongestTask),
      ms(r.panFa2.longest),
      String(r.panFa2.over50),
      ms(r.panFa2.maxFrameGap),
      (r.panFa2.frames / (PAN_WINDOW_MS / 1000)).toFixed(0),
      r.panFa2.fa2PerSecond.toFixed(1),
      ms(r.panOnly.longest),
      ms(r.panOnly.maxFrameGap),
      (r.panOnly.frames / (PAN_WINDOW_MS / 1000)).toFixed(0),
    ]),
  );

  const ratioOf = (app: number, floor: number | undefined) =>
    floor === undefined || floor <= 0 ? 'n/a' : `${(app / floor).toFixed(2)}×`;
  const floorTable = table(
    [
      'graph',
      'floor data → first frame ms',
      'app / floor',
      'floor refresh p50 ms',
      'app / floor',
      'floor pan frames/s',
      'floor pan longest task ms',
      'app pan-only frames/s / floor',
      'app pan+FA2 longest JavaScript / floor refresh',
    ],
    rows.map((r) => {
      const f = r.floor;
      const floorRefresh = f ? percentile(f.refresh, 50) : undefined;
      const floorFps = f ? f.pan.frames / (PAN_WINDOW_MS / 1000) : undefined;
      return [
        r.name,
        f ? ms(f.dataToFrame) : 'n/a',
        ratioOf(r.dataToFrame, f?.dataToFrame),
        floorRefresh === undefined ? 'n/a' : ms(floorRefresh),
        ratioOf(percentile(r.refresh, 50), floorRefresh),
        floorFps === undefined ? 'n/a' : floorFps.toFixed(0),
        f ? ms(f.pan.longest) : 'n/a',
        ratioOf(r.panOnly.frames / (PAN_WINDOW_MS / 1000), floorFps),
        ratioOf(r.panFa2Script.longestScript, floorRefresh),
      ];
    }),
  );

  const targets: string[] = [];
  const drawRow = rows.find((r) => r.entities === TARGETS.drawEntities);
  if (drawRow)
    targets.push(
      `- ${TARGETS.drawEntities.toLocaleString('en')} entities drawn in under ${TARGETS.drawMs / 1000} s: data received → first frame (the app's mark) ${ms(drawRow.dataToFrame)} ms ${verdict(drawRow.dataToFrame < TARGETS.drawMs)}; data received → pixels drawn (gl.finish) ${ms(drawRow.dataToDrawn)} ms ${verdict(drawRow.dataToDrawn < TARGETS.drawMs)}; from navigation to pixels drawn ${ms(drawRow.navToDrawn)} ms ${verdict(drawRow.navToDrawn < TARGETS.drawMs)} (of which /api/graph ${ms(drawRow.graphFetch)} ms).`,
    );
  const fa2Row = [...rows].sort(
    (a, b) => Math.abs(a.nodes - TARGETS.fa2Nodes) - Math.abs(b.nodes - TARGETS.fa2Nodes),
  )[0];
  if (fa2Row)
    targets.push(
      `- ForceAtlas2 at least ${TARGETS.fa2PerSecond} iterations/s at ${TARGETS.fa2Nodes.toLocaleString('en')} nodes / 50,000 edges (Barnes-Hut), closest run ${fa2Row.nodes} nodes / ${fa2Row.edges} edges: ${fa2Row.fa2PerSecond.toFixed(1)} it/s in the app's worker ${verdict(fa2Row.fa2PerSecond >= TARGETS.fa2PerSecond)} (the same FA2 alone in Node: ${fa2Row.fa2NodePerSecond.toFixed(1)} it/s).`,
    );
  const worst = rows
    .map((r) => `${r.name} ${ms(Math.max(r.panFa2.longest, r.panFa2.maxFrameGap))}`)
    .join(', ');
  const allPanned = rows.every((r) => r.panFa2.longest <= TARGETS.longestTaskMs);
  const framesOk = rows.every((r) => r.panFa2.maxFrameGap <= TARGETS.longestTaskMs);
  const scriptOk = (r: Row) => r.panFa2Script.longestScript <= TARGETS.longestTaskMs;
  const scriptVerdicts = rows
    .map((r) => `${r.name} ${ms(r.panFa2Script.longestScript)} ${scriptOk(r) ? 'met' : 'not met'}`)
    .join(', ');
  targets.push(
    `- No main-thread task over ${TARGETS.longestTaskMs} ms of JavaScript while panning during a layout (the measure docs/PERFORMANCE.md sets: JavaScript work, not rasterisation): ${verdict(rows.every(scriptOk))} (longest per graph, ms: ${scriptVerdicts}).`,
  );
  targets.push(
    `- The same on wall time, rasterisation waits included: long tasks ${verdict(allPanned)}${allPanned ? '' : ` (fails from ${rows.find((r) => r.panFa2.longest > TARGETS.longestTaskMs)?.name})`}; frame gaps ≤ ${TARGETS.longestTaskMs} ms ${verdict(framesOk)} (worst of longest task and frame gap per graph, ms: ${worst}).`,
  );

  return [
    header,
    '',
    'Loading (Resource Timing and the app\'s `innograph:data-received` / `innograph:first-frame` marks; "committed" is a task queued from the rAF of that mark, i.e. after the frame\'s rendering step; "drawn" is `gl.finish()` on sigma\'s WebGL contexts right after it, i.e. SwiftShader has rasterised the frame; "load avg" is the machine\'s 1-minute load average when the graph\'s run began, other jobs included):',
    '',
    loadTable,
    '',
    `Rendering and layout (sigma \`refresh()\` ×${REFRESH_SAMPLES} or ${REFRESH_BUDGET_MS / 2000} s; "+ gl.finish" waits for SwiftShader to rasterise; "FA2 update handler" is the main-thread work of one FA2 position update, \`updateEachNodeAttributes\` with the x/y hint, before sigma's scheduled render; "reducers" is one pass of the app's \`nodeDisplay\` / \`edgeDisplay\` over the graph; FA2 over ${FA2_WINDOW_MS / 1000} s after the first iteration):`,
    '',
    renderTable,
    '',
    `Scripted pan/zoom for ${PAN_WINDOW_MS / 1000} s (mouse drags of 15 steps and wheel zooms on the canvas), with FA2 running and without. "JavaScript" columns come from a Chromium trace of the pan+FA2 window (categories ${TRACE_CATEGORIES.join(', ')}): per main-thread task, the outermost FunctionCall / EvaluateScript / RunMicrotasks / V8.Execute time (see tests/bench/traceTasks.ts); the other columns are wall time from \`longtask\` entries and animation frames, which include the compositor commit waiting for SwiftShader:`,
    '',
    panTable,
    '',
    "The floor (docs/PERFORMANCE.md): the same graph from `/api/graph` drawn by bare graphology + sigma 3 with sigma's defaults and seeded random positions (tests/bench/floor), measured in the same run right after the app, in its own browser context. Ratios are app / floor (for frames/s, higher is better; the last column compares the most JavaScript one task of the app ran while panning during the layout with one full sigma `refresh()` of the floor, the work sigma itself does each time the layout moves the nodes):",
    '',
    floorTable,
    '',
    'Targets:',
    '',
    ...targets,
  ].join('\n');
}

// ---------------------------------------------------------------- main

/** The input of one graph: the seed file as read (the loader parses it) or a generated dataset. */
async function datasetFor(size: string): Promise<{ name: string; dataset: unknown }> {
  if (size === 'seed') return { name: 'seed', dataset: await readDatasetFile(SEED_FILE) };
  const entities = Number(size);
  if (!Number.isInteger(entities) || entities < 10) throw new Error(`bench:web: bad size '${size}'`);
  return {
    name: `generated ${entities / 1000}k`,
    dataset: generateDataset({ entities, seed: 1 }),
  };
}

async function main(): Promise<void> {
  let cleanup: (() => Promise<void>)[] = [];
  const runCleanup = async () => {
    const steps = cleanup.reverse();
    cleanup = [];
    for (const step of steps) await step().catch(() => {});
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`\n${signal}: stopping…`);
      void runCleanup().then(() => process.exit(130));
    });
  }

  const rows: Row[] = [];
  let header = '';
  try {
    const target = await neo4jTarget();
    cleanup.push(target.stop);
    const executor = new Neo4jExecutor(target.config);
    cleanup.push(() => executor.close());
    await executor.verifyConnectivity();
    await ensureSchema(executor);

    const webRoot = await ensureWebBuild(say);
    const floorDir = await buildFloor();
    const app = await buildApp({
      executor,
      config: { ...apiConfig({}), readToken: undefined },
      logger: false,
      webRoot,
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    cleanup.push(() => app.close());

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    cleanup.push(() => browser.close());
    const probe = await browser.newPage();
    const gl = z
      .object({ version: z.string(), renderer: z.string(), vendor: z.string() })
      .nullable()
      .parse(
        await probe.evaluate(`(() => {
          const gl = document.createElement('canvas').getContext('webgl2');
          if (!gl) return null;
          const info = gl.getExtension('WEBGL_debug_renderer_info');
          return {
            version: gl.getParameter(gl.VERSION),
            renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
            vendor: info ? gl.getParameter(info.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR),
          };
        })()`),
      );
    await probe.close();
    if (!gl) throw new Error(`bench:web: no WebGL 2 in ${CHROMIUM} with ${BACKEND_FLAGS.join(' ')}`);
    if (!/swiftshader/i.test(gl.renderer))
      throw new Error(`bench:web: expected SwiftShader, the renderer is '${gl.renderer}'`);
    say(`Chromium ${browser.version()}, WebGL renderer: ${gl.renderer}`);

    const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
    header = [
      `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${target.label}.`,
      `Chromium ${browser.version()} (${CHROMIUM}, headless, viewport ${VIEWPORT.width}×${VIEWPORT.height}, flags \`${CHROMIUM_ARGS.join(' ')}\`); WebGL: ${gl.version}, renderer \`${gl.renderer}\` (vendor ${gl.vendor}).`,
      `${libraryVersions()}. Generated graphs: graph-seed \`generateDataset\` (seed 1); the app asks for \`/api/graph?limit=50000\`.`,
    ].join('\n');

    for (const size of SIZES) {
      const { name, dataset: input } = await datasetFor(size);
      say(`${name}: loading…`);
      await clearEcosystem(executor);
      const { dataset } = await loadDataset(executor, input);
      say(`${name}: ${dataset.entities.length} entities, ${dataset.relations.length} relations loaded`);
      say(`${name}: measuring in Chromium…`);
      const row = await measureGraph(browser, base, name, dataset);
      rows.push({ ...row, floor: await measureFloor(browser, base, floorDir) });
    }
  } finally {
    await runCleanup();
  }

  const text = report(rows, header);
  say(`\n${text}\n`);
  const doc = await writeBenchmarkSection('bench-web', `## Web app (\`npm run bench:web\`)\n\n${text}`);
  say(`Written to ${doc}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:web: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
