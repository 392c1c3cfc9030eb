/**
 * The built web app, rebuilt with Vite when any of its sources (or the packages it bundles) is
 * newer than the last build. `npm start`, the end-to-end tests and `bench:web` serve `dist/`.
 */
import { readdir, stat } from 'node:fs/promises';
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

/** Builds the web app unless `dist/` is newer than every source; returns the dist folder. */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<string> {
  const built = (await stat(join(WEB_DIST, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
  let sources = 0;
  for (const source of SOURCES) sources = Math.max(sources, await newest(join(ROOT, source)));
  if (built > sources) return WEB_DIST;
  log('Building the web app (vite build)…');
  const { build } = await import('vite');
  const started = Date.now();
  await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return WEB_DIST;
}
