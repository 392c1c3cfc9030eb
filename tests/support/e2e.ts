/**
 * One end-to-end suite's setup: the seed graph in a fresh database, the app (API and built web)
 * on a free port, and headless Chromium; plus the steps every browser test takes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import { loadDataset, type Neo4jExecutor } from '@innograph/store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, startWebApp, type WebApp, waitForGraph } from './browser.js';
import { freshDatabase, testExecutor } from './neo4j.js';

export const ARTIFACTS = join(import.meta.dirname, '../../.e2e-artifacts');

export interface E2eSuite {
  readonly executor: Neo4jExecutor;
  readonly web: WebApp;
  readonly browser: Browser;
  /** A new page on the app at `path`, once the graph is drawn, with no page errors. */
  open(path?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves a screenshot of the page in .e2e-artifacts (to look at) and returns it. */
  shot(page: Page, name: string): Promise<Buffer>;
  /** The same, of the graph canvas only. */
  canvasShot(page: Page, name: string): Promise<Buffer>;
  /** Edit mode with the editor token, as a person types it in. */
  enterEditMode(page: Page): Promise<void>;
  apiGet(path: string): Promise<unknown>;
  /** Types into a search box and takes the first suggestion. */
  search(page: Page, text: string, testId?: string): Promise<void>;
}

export function e2eSuite(): E2eSuite {
  let executor: Neo4jExecutor | undefined;
  let web: WebApp | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`e2e: ${name} is not started (used outside a test?)`);
    return value;
  };

  beforeAll(async () => {
    executor = testExecutor();
    await freshDatabase(executor);
    await loadDataset(executor, await readDatasetFile(SEED_FILE));
    web = await startWebApp(executor);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await executor?.close();
  });

  const suite: E2eSuite = {
    get executor() {
      return ready(executor, 'Neo4j');
    },
    get web() {
      return ready(web, 'the app');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    async open(path = '', viewport = { width: 1400, height: 900 }) {
      const page = await suite.browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL(path, suite.web.url).toString());
      await waitForGraph(page);
      expect(errors).toEqual([]);
      return page;
    },
    async shot(page, name) {
      await mkdir(ARTIFACTS, { recursive: true });
      const png = await page.screenshot();
      await writeFile(join(ARTIFACTS, `${name}.png`), png);
      return png;
    },
    async canvasShot(page, name) {
      await mkdir(ARTIFACTS, { recursive: true });
      const png = await page.getByTestId('graph-canvas').screenshot();
      await writeFile(join(ARTIFACTS, `${name}-canvas.png`), png);
      return png;
    },
    async enterEditMode(page) {
      await page.getByTestId('edit-mode').click();
      await page.getByTestId('token-input').fill(suite.web.editorToken);
      await page.getByTestId('token-input').press('Enter');
    },
    async apiGet(path) {
      const response = await fetch(new URL(path, suite.web.url));
      return response.json();
    },
    async search(page, text, testId = 'search') {
      const box = page.getByTestId(testId);
      await box.fill(text);
      await page.locator('[role=option]').first().waitFor();
      await box.press('Enter');
    },
  };
  return suite;
}
