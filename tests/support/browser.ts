/**
 * Real Chromium for end-to-end tests and benchmarks: Debian's `chromium` driven by
 * playwright-core (never `npx playwright install`), and the app served by the real API on a
 * free port with the built web app.
 */
import { existsSync } from 'node:fs';
import { apiConfig, buildApp } from '@innograph/api';
import type { Neo4jExecutor } from '@innograph/store';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { ensureWebBuild } from '../../scripts/webBuild.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`e2e: no Chromium at ${CHROMIUM}; install Debian's package: apt-get install chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface WebApp {
  url: string;
  editorToken: string;
  close(): Promise<void>;
}

/** The API plus the built web app on 127.0.0.1 and a free port. */
export async function startWebApp(
  executor: Neo4jExecutor,
  editorToken = 'e2e-editor-token',
): Promise<WebApp> {
  const webRoot = await ensureWebBuild();
  const config = apiConfig({ EDITOR_TOKEN: editorToken, HOST: '127.0.0.1' });
  const app = await buildApp({ executor, config, webRoot });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('e2e: the server has no TCP address');
  return { url: `http://127.0.0.1:${address.port}/`, editorToken, close: () => app.close() };
}

/** Waits until the explorer has drawn its graph (sigma created and a frame rendered). */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('innograph:first-frame').length > 0, null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(300);
}

/** How much of a PNG is not background: the share of pixels that differ from the most common colour,
 *  and how many distinct colours (rounded) there are. */
export function pictureStats(png: Buffer): {
  foreground: number;
  colours: number;
  width: number;
  height: number;
} {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key =
      ((image.data[i] ?? 0) >> 4) * 4096 +
      ((image.data[i + 1] ?? 0) >> 4) * 256 +
      ((image.data[i + 2] ?? 0) >> 4) * 16;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pixels = image.width * image.height;
  const background = Math.max(...counts.values());
  return {
    foreground: (pixels - background) / pixels,
    colours: counts.size,
    width: image.width,
    height: image.height,
  };
}
