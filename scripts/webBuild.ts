/**
 * The built web app, rebuilt with Vite when any of its sources (or the packages it bundles) is
 * newer than the last build. `npm start`, the end-to-end tests and `bench:web` serve `dist/`.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_ROOT = join(ROOT, 'apps/web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

const SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/model/src',
  'packages/analytics/src',
];

async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of await readdir(path)) latest = Math.max(latest, await newest(join(path, entry)));
  return latest;
}

/** Written into `dist/` after a production build; a build without it is made again. */
const STAMP = join(WEB_DIST, '.production-build');

/**
 * Builds the web app (a production build) unless `dist/` holds one newer than every source;
 * returns the dist folder.
 *
 * Vite takes the build's `process.env.NODE_ENV` from the environment when it is set, and Vitest
 * sets it to `test`: a build made by the end-to-end tests bundled React's development build
 * (slower, and allocating far more), which `npm start` and `bench:web` then served. The build
 * runs with NODE_ENV=production, and a dist without the stamp is rebuilt.
 */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<string> {
  const built = (await stat(STAMP).catch(() => null))?.mtimeMs ?? 0;
  let sources = 0;
  for (const source of SOURCES) sources = Math.max(sources, await newest(join(ROOT, source)));
  if (built > sources) return WEB_DIST;
  log('Building the web app (vite build)…');
  const { build } = await import('vite');
  const started = Date.now();
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(STAMP, `${new Date().toISOString()}\n`);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return WEB_DIST;
}
