/**
 * The explorer end to end: real Chromium (Debian's, through playwright-core) on the built web
 * app, served by the real API on the real Neo4j holding the seed graph. Screenshots land in
 * `.e2e-artifacts/` for people to look at.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  EntityRecord,
  EntityResponse,
  GAP_TYPE_NAMES,
  GapsResponse,
  ScenarioEvaluation,
  ScenariosResponse,
  SerializedGraph,
} from '@innograph/model';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pictureStats, waitForGraph } from '../support/browser.js';
import { ARTIFACTS, e2eSuite } from '../support/e2e.js';

const SeedShape = z.object({
  entities: z.array(z.looseObject({ kind: z.string() })),
  relations: z.array(z.looseObject({ type: z.string() })),
});

/** What the hover test reads of the page's graph and renderer (window.__innograph). */
interface HoverProbe {
  graph: {
    nodes(): string[];
    degree(node: string): number;
    neighbors(node: string): string[];
    getNodeAttributes(node: string): { x: number; y: number };
  };
  renderer: {
    current: { hovered: string | null };
    nodeDisplay(node: string, data: object): { color?: string; zIndex?: number };
    sigma: {
      graphToViewport(p: { x: number; y: number }): { x: number; y: number };
      getContainer(): HTMLElement;
    };
  };
}

const e2e = e2eSuite();
const { open, shot, canvasShot, enterEditMode, apiGet, search } = e2e;
let seedCounts: { entities: number; relations: number; firms: number; supplies: number };

/** "452 / 452 nodes · 1566 / 1566 relations" → the visible counts. */
async function visibleCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = await page.getByTestId('stage-status').innerText();
  const numbers = [...text.matchAll(/(\d+) \/ (\d+)/g)].map((m) => Number(m[1]));
  return { nodes: numbers[0] ?? -1, edges: numbers[1] ?? -1 };
}

beforeAll(async () => {
  const { entities, relations } = SeedShape.parse(await readDatasetFile(SEED_FILE));
  seedCounts = {
    entities: entities.length,
    relations: relations.length,
    firms: entities.filter((e) => e.kind === 'PrivateFirm').length,
    supplies: relations.filter((r) => r.type === 'SUPPLIES').length,
  };
});

/** A box on the stage, px from its top-left corner, named by what it holds. */
const ScreenBox = z.object({
  node: z.string(),
  left: z.number(),
  right: z.number(),
  top: z.number(),
  bottom: z.number(),
});
type ScreenBox = z.infer<typeof ScreenBox>;

/** Each pair of overlapping boxes among `boxes`, and between `boxes` and `others`, by name. */
function overlapping(boxes: readonly ScreenBox[], others: readonly ScreenBox[]): string[] {
  return boxes.flatMap((a, i) =>
    [...boxes.slice(i + 1), ...others]
      .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
      .map((b) => `${a.node} / ${b.node}`),
  );
}

/** `/api/graph` requests in the page's own Resource Timing (a worker's requests are not there). */
function pageGraphRequests(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === '/api/graph').length,
  );
}

/** The labels sigma drew (boxes where it writes them) and the lanes' and bands' titles, in the
 *  stage's coordinates, and the stage's width. */
async function labelsOnStage(page: Page) {
  return z
    .object({
      width: z.number(),
      titles: z.array(ScreenBox),
      boxes: z.array(ScreenBox),
    })
    .parse(
      await page.evaluate(() => {
        type Shown = { x: number; y: number; size: number; label?: string | null; hidden?: boolean };
        const app = (
          window as unknown as {
            __innograph: {
              renderer: {
                drawnLabels: ReadonlySet<string>;
                sigma: {
                  getNodeDisplayData(n: string): Shown | undefined;
                  framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
                  scaleSize(size: number): number;
                  getSettings(): { labelSize: number; labelWeight: string; labelFont: string };
                  getContainer(): HTMLElement;
                };
              };
            };
          }
        ).__innograph;
        const { sigma } = app.renderer;
        const settings = sigma.getSettings();
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
        const boxes = [...app.renderer.drawnLabels].flatMap((node) => {
          const data = sigma.getNodeDisplayData(node);
          if (!data || typeof data.label !== 'string') return [];
          const p = sigma.framedGraphToViewport(data);
          const left = p.x + sigma.scaleSize(data.size) + 3;
          const half = settings.labelSize / 2;
          return [
            {
              node,
              left,
              right: left + context.measureText(data.label).width,
              top: p.y - half,
              bottom: p.y + half,
            },
          ];
        });
        // The lanes' and bands' titles (HTML over the canvas), in the same coordinates.
        const stage = sigma.getContainer().getBoundingClientRect();
        const titles = [...document.querySelectorAll('.guide.lane, .guide.band')].map((element) => {
          const r = element.getBoundingClientRect();
          return {
            node: `${element.className}: ${element.textContent ?? ''}`,
            left: r.left - stage.left,
            right: r.right - stage.left,
            top: r.top - stage.top,
            bottom: r.bottom - stage.top,
          };
        });
        return { width: sigma.getContainer().clientWidth, boxes, titles };
      }),
    );
}

describe('the explorer in Chromium', () => {
  // The tests run under Vitest (NODE_ENV=test); the app they build, which `npm start` then serves,
  // must still be a production build (React's development build is several times slower).
  it('is served as a production build', async () => {
    const page = await (await fetch(e2e.web.url)).text();
    const scripts = [...page.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const code = await (await fetch(new URL(src, e2e.web.url))).text();
      expect(code).toContain('createRoot');
      // A warning only React's development build carries.
      expect(code.includes('react.dev/link/warning-keys'), `${src} is React's development build`).toBe(false);
    }
  });

  it('draws the whole seed graph on a canvas that is not blank', async () => {
    const page = await open('?lang=zh');
    expect(await visibleCounts(page)).toEqual({ nodes: seedCounts.entities, edges: seedCounts.relations });
    const stats = pictureStats(await canvasShot(page, 'overview'));
    // A blank canvas is one colour; the seed graph covers a good part of it in many colours.
    expect(stats.foreground).toBeGreaterThan(0.05);
    expect(stats.colours).toBeGreaterThan(20);
    // The legend comes from the model, in the chosen language.
    await expect(page.getByTestId('filters').innerText()).resolves.toContain('链主企业');
    await shot(page, 'overview');
    await page.close();
  });

  it("fetches and checks the graph in a worker, off the page's main thread", async () => {
    const page = await open('?lang=en');
    const seen = z
      .object({
        marks: z.array(
          z.object({
            at: z.number(),
            request: z.object({
              startTime: z.number(),
              responseEnd: z.number(),
              encodedBodySize: z.number(),
            }),
          }),
        ),
        received: z.number(),
      })
      .parse(
        await page.evaluate(() => ({
          marks: performance.getEntriesByName('innograph:graph-fetched').map((mark) => ({
            at: mark.startTime,
            request: mark instanceof PerformanceMark ? mark.detail : null,
          })),
          received: performance.getEntriesByName('innograph:data-received')[0]?.startTime ?? -1,
        })),
      );
    expect(await pageGraphRequests(page)).toBe(0);
    expect(seen.marks).toHaveLength(1);
    const [mark] = seen.marks;
    // The worker's timing, moved onto the page's clock: request, then check, then the page's build.
    expect(mark?.request.encodedBodySize).toBeGreaterThan(10_000);
    expect(mark?.request.startTime).toBeGreaterThan(0);
    expect(mark?.request.responseEnd).toBeGreaterThan(mark?.request.startTime ?? 0);
    expect(mark?.at).toBeGreaterThanOrEqual(mark?.request.responseEnd ?? 0);
    expect(seen.received).toBeGreaterThanOrEqual(mark?.at ?? 0);
    await page.close();
  });

  it('loads the graph on the page itself when the graph worker cannot start', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1200, height: 800 } });
    let refused = 0;
    await page.route('**/assets/graph.worker-*', (route) => {
      refused += 1;
      return route.fulfill({ status: 404, body: 'not here' });
    });
    await page.goto(`${e2e.web.url}?lang=en`);
    await waitForGraph(page);
    expect(refused).toBe(1);
    expect((await visibleCounts(page)).nodes).toBe(seedCounts.entities);
    expect(await pageGraphRequests(page)).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByName('innograph:graph-fetched').length)).toBe(0);
    await page.close();
  });

  it('draws labels that do not run over each other, and fits the chain lanes with their labels', async () => {
    const page = await open('?lang=en');
    await page.getByTestId('layout-chain').click();
    // The layout's move and the fit's camera animation.
    await page.waitForTimeout(1500);
    const seen = await labelsOnStage(page);
    expect(seen.boxes.length).toBeGreaterThan(10);
    expect(overlapping(seen.boxes, [])).toEqual([]);
    // Fitted with their labels: none runs off the right of the stage.
    const rightmost = Math.max(...seen.boxes.map((box) => box.right));
    expect(rightmost).toBeLessThanOrEqual(seen.width);
    // The titles of lanes and bands cover neither each other nor a label.
    expect(seen.titles.length).toBeGreaterThanOrEqual(5);
    expect(overlapping(seen.titles, seen.boxes)).toEqual([]);
    await shot(page, 'chain-lanes-labels');
    // Zoomed in, then reset: the whole graph again, its right-edge labels whole.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Reset view' }).click();
    await page.waitForTimeout(1000);
    const reset = await labelsOnStage(page);
    expect(reset.boxes.length).toBeGreaterThan(10);
    expect(Math.max(...reset.boxes.map((box) => box.right))).toBeLessThanOrEqual(reset.width);
    await shot(page, 'chain-lanes-reset');
    await page.close();
  });

  it('searches an entity, opens its panel and puts the selection in the URL', async () => {
    const page = await open('?lang=zh');
    await search(page, '渝江汽车集团');
    await expect(page.getByTestId('entity-name').innerText()).resolves.toBe('渝江汽车集团');
    const panel = await page.getByTestId('entity-panel').innerText();
    expect(panel).toContain('建设运营');
    expect(panel).toContain('渝江汽车自动驾驶重点实验室');
    await page.waitForFunction(() => window.location.search.includes('sel=cl-yujiang-auto'));
    // A relation in the panel is a link: it navigates to the other entity.
    await page.getByRole('button', { name: '渝江汽车自动驾驶重点实验室' }).click();
    await expect(page.getByTestId('entity-name').innerText()).resolves.toBe('渝江汽车自动驾驶重点实验室');
    await shot(page, 'search-panel');
    await page.close();
  });

  it('searches in English by a partial word too', async () => {
    const page = await open('?lang=en');
    await search(page, 'Yujiang Auto');
    await page.getByTestId('entity-name').waitFor();
    await expect(page.getByTestId('entity-name').innerText()).resolves.toContain('Yujiang');
    await page.close();
  });

  it('filters out a kind and the counts change', async () => {
    const page = await open('?lang=en');
    const before = await page.getByTestId('relation-SUPPLIES').locator('..').innerText();
    expect(before).toContain(String(seedCounts.supplies));
    await page.getByTestId('kind-PrivateFirm').uncheck();
    const after = await visibleCounts(page);
    expect(after.nodes).toBe(seedCounts.entities - seedCounts.firms);
    expect(after.edges).toBeLessThan(seedCounts.relations);
    // Every supply relation starts at a private firm, so none is left to show.
    await expect(page.getByTestId('relation-SUPPLIES').locator('..').innerText()).resolves.toMatch(/\b0$/);
    await page.waitForFunction(() => window.location.search.includes('hk=PrivateFirm'));
    await canvasShot(page, 'no-private-firms');
    await page.close();
  });

  it('hovering a node brings it and its neighbours forward, fades the rest, and lets go', async () => {
    const page = await open('?lang=en');
    // Every node's place on the page, and the canvas box.
    const { box, points } = await page.evaluate(() => {
      const app = (window as unknown as { __innograph: HoverProbe }).__innograph;
      const { sigma } = app.renderer;
      const rect = sigma.getContainer().getBoundingClientRect();
      return {
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
        points: app.graph.nodes().map((node) => {
          const p = sigma.graphToViewport(app.graph.getNodeAttributes(node));
          return { node, degree: app.graph.degree(node), x: rect.x + p.x, y: rect.y + p.y };
        }),
      };
    });
    const hovered = () =>
      page.evaluate(() => {
        const app = (window as unknown as { __innograph: HoverProbe }).__innograph;
        const node = app.renderer.current.hovered;
        if (node === null) return null;
        const near = new Set([node, ...app.graph.neighbors(node)]);
        const display = (n: string) => app.renderer.nodeDisplay(n, app.graph.getNodeAttributes(n));
        const far = app.graph.nodes().filter((n) => !near.has(n));
        return {
          nearForward: [...near].every((n) => display(n).zIndex === 2 || display(n).zIndex === 4),
          farFaded: far.length > 0 && far.every((n) => display(n).zIndex === 0),
          farColours: new Set(far.map((n) => display(n).color)).size,
        };
      });
    const waitForHover = (present: boolean) =>
      page.waitForFunction(
        (want) =>
          ((window as unknown as { __innograph: HoverProbe }).__innograph.renderer.current.hovered !==
            null) ===
          want,
        present,
      );

    // Over the best-connected node.
    const hub = points.reduce((a, b) => (b.degree > a.degree ? b : a));
    await page.mouse.move(hub.x, hub.y);
    await waitForHover(true);
    const focus = await hovered();
    expect(focus?.nearForward).toBe(true);
    expect(focus?.farFaded).toBe(true);
    // Faded means one background colour, not the kinds' colours.
    expect(focus?.farColours).toBe(1);
    await shot(page, 'hover');

    // Moving off it (to a spot of the canvas at least 40 px from every node) lets go.
    let empty: { x: number; y: number } | null = null;
    for (let y = box.y + 20; y < box.y + box.height - 20 && !empty; y += 20) {
      for (let x = box.x + 20; x < box.x + box.width - 20 && !empty; x += 20) {
        if (points.every((p) => Math.hypot(p.x - x, p.y - y) > 40)) empty = { x, y };
      }
    }
    expect(empty).not.toBeNull();
    await page.mouse.move(empty?.x ?? 0, empty?.y ?? 0, { steps: 5 });
    await waitForHover(false);
    expect(await hovered()).toBeNull();
    await page.close();
  });

  it.each([
    ['on a big graph', 'dear'],
    ['during a layout, where a full refresh of 25 ms is already too dear', 'layout'],
  ] as const)('%s a hover picks out the node and its neighbours without fading the rest', async (_, mode) => {
    const page = await open('?lang=en');
    type App = {
      __innograph: HoverProbe & {
        renderer: {
          hoverRefreshMaxMs: number;
          fullRefreshMs: number | null;
          update(change: { layoutRunning: boolean }): void;
          sigma: { getNodeDisplayData(n: string): { highlighted?: boolean; color?: string } | undefined };
        };
      };
    };
    // As if a full refresh were dear (thousands of entities), or a layout were running and a full
    // refresh cost 25 ms (a fading hover when still): the light hover, on the seed.
    const target = await page.evaluate((mode) => {
      const app = (window as unknown as App).__innograph;
      if (mode === 'dear') app.renderer.hoverRefreshMaxMs = -1;
      else {
        app.renderer.update({ layoutRunning: true });
        app.renderer.fullRefreshMs = 25;
      }
      const { sigma } = app.renderer;
      const rect = sigma.getContainer().getBoundingClientRect();
      const node = app.graph.nodes().find((n) => {
        const d = app.graph.degree(n);
        return d >= 3 && d <= 20;
      });
      if (!node) return null;
      const p = sigma.graphToViewport(app.graph.getNodeAttributes(node));
      return { node, x: rect.x + p.x, y: rect.y + p.y };
    }, mode);
    expect(target).not.toBeNull();
    await page.mouse.move(target?.x ?? 0, target?.y ?? 0);
    await page.waitForFunction(
      () => (window as unknown as App).__innograph.renderer.current.hovered !== null,
    );
    const state = await page.evaluate(() => {
      const app = (window as unknown as App).__innograph;
      const hovered = app.renderer.current.hovered ?? '';
      const near = new Set([hovered, ...app.graph.neighbors(hovered)]);
      const shown = (n: string) => app.renderer.sigma.getNodeDisplayData(n);
      const far = app.graph.nodes().filter((n) => !near.has(n));
      return {
        nearHighlighted: [...near].every((n) => shown(n)?.highlighted === true),
        farHighlighted: far.filter((n) => shown(n)?.highlighted === true).length,
        farColours: new Set(far.map((n) => shown(n)?.color)).size,
      };
    });
    expect(state.nearHighlighted).toBe(true);
    expect(state.farHighlighted).toBe(0);
    // Nothing faded: the rest keeps its kinds' colours.
    expect(state.farColours).toBeGreaterThan(3);
    await shot(page, `hover-light-${mode}`);
    await page.close();
  });

  it('finds the shortest paths between two entities, highlights and lists them', async () => {
    const page = await open('?lang=zh');
    await page.locator('#paths-section summary').click();
    await search(page, '安恒信安科技', 'path-from-search');
    await search(page, '两江产业发展引导基金', 'path-to-search');
    await expect(page.getByTestId('path-from').innerText()).resolves.toBe('安恒信安科技');
    await page.getByTestId('find-paths').click();
    const result = page.getByTestId('path-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('安恒信安科技');
    expect(text).toContain('两江产业发展引导基金');
    await page.waitForFunction(() => window.location.search.includes('path=pf-sw-001,'));
    // The path's relations are highlighted on the graph.
    const highlighted = await page.evaluate(() => {
      const app = (
        window as unknown as { __innograph: { renderer: { current: { pathEdges: Set<string> } } } }
      ).__innograph;
      return app.renderer.current.pathEdges.size;
    });
    expect(highlighted).toBeGreaterThan(0);
    await shot(page, 'path');
    await page.close();
  });

  /** Opens the entity form of the selected entity in edit mode and saves it with its English
   *  name emptied, which the form refuses beside the field. */
  async function saveWithoutEnglishName(url: string) {
    const page = await open(url);
    await enterEditMode(page);
    await page.getByTestId('edit-entity').click();
    const form = page.getByTestId('entity-form');
    await page.getByTestId('field-name-en').fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    return { page, form };
  }

  it('marks an invalid field in the danger colour in the dark theme too', async () => {
    const { page, form } = await saveWithoutEnglishName('?lang=en&theme=dark&sel=pf-sw-002');
    await form.locator('.field-error').first().waitFor();
    // The dark theme's border colour for inputs had hidden it (it came later in the style sheet
    // with the same specificity).
    const colours = await page.getByTestId('field-name-en').evaluate((input) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--danger)';
      input.closest('.app')?.append(probe);
      const danger = getComputedStyle(probe).color;
      probe.remove();
      return { border: getComputedStyle(input).borderTopColor, danger };
    });
    expect(colours.border).toBe(colours.danger);
    await shot(page, 'invalid-field-dark');
    await page.close();
  });

  it('edits an entity, shows the change without a reload, and undoes it', async () => {
    // The model's schema checks fields inline: an empty name is refused beside its field.
    const { page, form } = await saveWithoutEnglishName('?lang=en&sel=pf-sw-002');
    await expect(form.locator('.field-error').first().innerText()).resolves.toContain(
      'English name is empty',
    );
    await page.getByTestId('field-name-en').fill('Chentuo Connected Software');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('entity-name').innerText()).resolves.toBe('Chentuo Connected Software');
    const label = await page.evaluate(() => {
      const app = (
        window as unknown as { __innograph: { graph: { getNodeAttribute(n: string, a: string): unknown } } }
      ).__innograph;
      return app.graph.getNodeAttribute('pf-sw-002', 'nameEn');
    });
    expect(label).toBe('Chentuo Connected Software');
    const stored = EntityResponse.parse(await apiGet('api/entities/pf-sw-002'));
    expect(stored.entity.name.en).toBe('Chentuo Connected Software');
    expect(stored.entity.version).toBe(2);
    await shot(page, 'edited');

    // Ctrl+Z outside a text field undoes the session's edit through the API.
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=entity-name]')?.textContent ===
        'Chentuo Auto Connect Network Technology',
    );
    const undone = EntityResponse.parse(await apiGet('api/entities/pf-sw-002'));
    expect(undone.entity.name.en).toBe('Chentuo Auto Connect Network Technology');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=entity-name]')?.textContent === 'Chentuo Connected Software',
    );
    await page.close();
  });

  it('says so when someone else changed the entity, and reloads it on request', async () => {
    const page = await open('?lang=en&sel=pf-sw-001');
    await enterEditMode(page);
    await page.getByTestId('edit-entity').click();
    // Someone else saves first.
    const current = EntityResponse.parse(await apiGet('api/entities/pf-sw-001')).entity;
    const { version, createdAt: _c, updatedAt: _u, ...entity } = current;
    const response = await fetch(new URL('api/entities/pf-sw-001', e2e.web.url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${e2e.web.editorToken}` },
      body: JSON.stringify({ ...entity, name: { ...entity.name, en: 'Changed Elsewhere' }, version }),
    });
    expect(EntityRecord.parse(await response.json()).version).toBe(version + 1);

    await page.getByTestId('field-name-en').fill('Mine');
    await page.getByTestId('entity-form').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('conflict').waitFor();
    await page.getByTestId('conflict').getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('[data-testid=field-name-en]')?.value ===
        'Changed Elsewhere',
    );
    // Saved again on the fresh version, it goes through.
    await page.getByTestId('field-name-en').fill('Mine after all');
    await page.getByTestId('entity-form').getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=entity-name]')?.textContent === 'Mine after all',
    );
    expect(EntityResponse.parse(await apiGet('api/entities/pf-sw-001')).entity.version).toBe(version + 2);
    await page.close();
  });

  it('creates a relation from a form generated by the model, sees it drawn, and deletes it', async () => {
    const page = await open('?lang=en&sel=lab-yujiang-cockpit');
    await enterEditMode(page);
    await page.getByRole('button', { name: 'New relation' }).click();
    const form = page.getByTestId('relation-form');
    // Submitting empty names what is missing beside each field.
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form.locator('.field-error').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['Pick the entity at the other end', 'name the document, URL or note']),
    );
    await search(page, 'Hangtu Algorithm', 'relation-to-search');
    await form.getByLabel('Relation kind').selectOption('OPENS_TO');
    await form.getByLabel('Status').selectOption('planned');
    await form.getByLabel('Source *').fill('e2e: planned opening');
    await form.getByLabel('data').check();
    await form.getByRole('button', { name: 'Create' }).click();
    await form.waitFor({ state: 'detached' });
    const created = await page.evaluate(() => {
      const { graph } = (
        window as unknown as {
          __innograph: {
            graph: {
              filterEdges(f: (e: string, a: { source?: string }) => boolean): string[];
              edges(a: string, b: string): string[];
              getEdgeAttributes(e: string): Record<string, unknown>;
            };
          };
        }
      ).__innograph;
      return graph.edges('lab-yujiang-cockpit', 'pf-sw-004').map((e) => graph.getEdgeAttributes(e));
    });
    expect(created).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'OPENS_TO', status: 'planned', accessTypes: ['data'] }),
      ]),
    );
    const panel = page.getByTestId('entity-panel');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=entity-panel]')
        ?.textContent?.includes('Hangtu Algorithm Information Technology'),
    );
    await canvasShot(page, 'relation-created');
    // Edit it from the panel and delete it.
    await panel
      .getByRole('button', { name: /^Edit r-/ })
      .last()
      .click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('relation-form').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('relation-form').waitFor({ state: 'detached' });
    const left = await page.evaluate(
      () =>
        (
          window as unknown as { __innograph: { graph: { edges(a: string, b: string): string[] } } }
        ).__innograph.graph.edges('lab-yujiang-cockpit', 'pf-sw-004').length,
    );
    expect(left).toBe(0);
    await page.close();
  });

  it('runs ForceAtlas2 in a worker, writes the positions back when it stops and keeps them for the next visit', async () => {
    const page = await open('?lang=en');
    type App = {
      __innograph: {
        force: { iterations: number };
        graph: { getNodeAttributes(n: string): { x: number; y: number } };
      };
    };
    const before = await page.evaluate(() =>
      (window as unknown as App).__innograph.graph.getNodeAttributes('cl-yujiang-auto'),
    );
    await page.getByTestId('force-toggle').click();
    await page.waitForFunction(() => (window as unknown as App).__innograph.force.iterations > 50);
    await page.getByTestId('force-toggle').click();
    await page.waitForFunction(() => localStorage.getItem('innograph.positions.force') !== null);
    const after = await page.evaluate(() =>
      (window as unknown as App).__innograph.graph.getNodeAttributes('cl-yujiang-auto'),
    );
    expect(after.x !== before.x || after.y !== before.y).toBe(true);
    await page.waitForFunction(() => window.location.search.includes('layout=force'));
    // A reload in the same browser shows the positions the layout stopped at.
    await page.reload();
    await waitForGraph(page);
    const reloaded = await page.evaluate(() =>
      (window as unknown as App).__innograph.graph.getNodeAttributes('cl-yujiang-auto'),
    );
    expect(reloaded.x).toBeCloseTo(after.x, 0);
    expect(reloaded.y).toBeCloseTo(after.y, 0);
    await page.close();
  });

  it('moves a dear layout in slices: the view follows it, and stopping it does not move the view', async () => {
    const page = await open('?lang=en');
    type Point = { x: number; y: number };
    type App = {
      __innograph: {
        force: {
          iterations: number;
          movesInSlices: boolean;
          fullUpdateBudgetMs: number;
          positionMessages: { received: number; buffersMade: number };
        };
        graph: { nodes(): string[]; getNodeAttributes(n: string): Point };
        renderer: {
          sigma: {
            getContainer(): HTMLElement;
            graphToViewport(p: Point): Point;
            viewportToGraph(p: Point): Point;
          };
        };
      };
    };
    // From the chain lanes, which ForceAtlas2 spreads far beyond their extent.
    await page.getByTestId('layout-chain').click();
    await page.evaluate(() => {
      (window as unknown as App).__innograph.force.fullUpdateBudgetMs = -1;
    });
    const inView = () =>
      page.evaluate(() => {
        const app = (window as unknown as App).__innograph;
        const { width, height } = app.renderer.sigma.getContainer().getBoundingClientRect();
        const nodes = app.graph.nodes();
        const inside = nodes.filter((n) => {
          const p = app.renderer.sigma.graphToViewport(app.graph.getNodeAttributes(n));
          return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
        });
        return inside.length / nodes.length;
      });
    await page.getByTestId('force-toggle').click();
    await page.waitForFunction(() => {
      const force = (window as unknown as App).__innograph.force;
      return force.movesInSlices && force.iterations > 300;
    });
    // The slices write the worker's positions into the graph while it runs.
    const positions = () =>
      page.evaluate(() => {
        const { graph } = (window as unknown as App).__innograph;
        return graph.nodes().map((n) => {
          const { x, y } = graph.getNodeAttributes(n);
          return [x, y];
        });
      });
    const earlier = await positions();
    await page.waitForTimeout(500);
    const later = await positions();
    const moved = later.filter(([x, y], i) => x !== earlier[i]?.[0] || y !== earlier[i]?.[1]);
    expect(moved.length / later.length).toBeGreaterThan(0.5);
    // The positions come in buffers the page gives back: never more than three made.
    const messages = await page.evaluate(() => (window as unknown as App).__innograph.force.positionMessages);
    expect(messages.received).toBeGreaterThan(10);
    expect(messages.buffersMade).toBeLessThanOrEqual(3);
    // The camera followed the layout's extent: the graph is still on screen, and drawn.
    expect(await inView()).toBeGreaterThan(0.95);
    const during = pictureStats(await canvasShot(page, 'force-sliced'));
    expect(during.foreground).toBeGreaterThan(0.01);
    // What sits in the middle of the stage, and 100 px to its right, before stopping.
    const before = await page.evaluate(() => {
      const { sigma } = (window as unknown as App).__innograph.renderer;
      const { width, height } = sigma.getContainer().getBoundingClientRect();
      return {
        width,
        height,
        middle: sigma.viewportToGraph({ x: width / 2, y: height / 2 }),
        aside: sigma.viewportToGraph({ x: width / 2 + 100, y: height / 2 }),
      };
    });
    await page.getByTestId('force-toggle').click();
    await page.waitForFunction(() => localStorage.getItem('innograph.positions.force') !== null);
    await page.waitForTimeout(300);
    const after = await page.evaluate(
      ({ middle, aside }) => {
        const { sigma } = (window as unknown as App).__innograph.renderer;
        const { width, height } = sigma.getContainer().getBoundingClientRect();
        return { width, height, middle: sigma.graphToViewport(middle), aside: sigma.graphToViewport(aside) };
      },
      { middle: before.middle, aside: before.aside },
    );
    expect(await page.evaluate(() => (window as unknown as App).__innograph.force.movesInSlices)).toBe(false);
    // Re-framed to the final extent with the camera moved to match: the same point in the middle
    // (allowing for the stage's own change of size) and the same scale.
    expect(Math.abs(after.middle.x - after.width / 2)).toBeLessThan(2 + Math.abs(after.width - before.width));
    expect(Math.abs(after.middle.y - after.height / 2)).toBeLessThan(
      2 + Math.abs(after.height - before.height),
    );
    expect(Math.hypot(after.aside.x - after.middle.x, after.aside.y - after.middle.y)).toBeCloseTo(100, 0);
    expect(await inView()).toBeGreaterThan(0.95);
    await page.close();
  });

  it('shows the gaps with their counts, lights up a gap on the graph and reads its reasons', async () => {
    const page = await open('?lang=en');
    const expected = GapsResponse.parse(await apiGet('api/gaps?limit=1'));
    await page.locator('#gaps-section summary').click();
    const access = page.getByTestId('gap-access');
    await access.waitFor();
    await expect(access.innerText()).resolves.toContain(String(expected.counts.access));
    await access.click();
    const items = page.getByTestId('gap-items');
    await items.waitFor();
    await expect(items.locator('li').first().innerText()).resolves.toMatch(
      /reaches no open lab or pilot base/,
    );
    const lit = await page.evaluate(
      () =>
        (window as unknown as { __innograph: { renderer: { current: { highlighted: Set<string> } } } })
          .__innograph.renderer.current.highlighted.size,
    );
    expect(lit).toBe(Math.min(expected.counts.access ?? 0, 2000));
    await page.getByTestId('suggestion-items').waitFor();
    await canvasShot(page, 'gap-access');
    await shot(page, 'gaps');
    await page.close();
  });

  it('opens the gap report with the network picture, prints it and downloads its CSVs', async () => {
    const page = await open('?lang=en', { width: 1200, height: 800 });
    const expected = GapsResponse.parse(await apiGet('api/gaps?limit=100000'));
    await page.locator('#gaps-section summary').click();
    await page.getByTestId('open-report').click();
    const report = page.getByTestId('report');
    await report.getByTestId('report-indicators').waitFor();
    // Gap counts as the API reports them, the top cases with reasons, suggestions and shares.
    const counts = await report.getByTestId('report-gap-counts').locator('td').allInnerTexts();
    expect(counts.map(Number)).toEqual(GAP_TYPE_NAMES.map((type) => expected.counts[type] ?? 0));
    await expect(report.innerText()).resolves.toMatch(/reaches no open lab or pilot base/);
    await expect(report.getByTestId('report-suggestions').locator('li').count()).resolves.toBeGreaterThan(0);
    await expect(report.getByTestId('report-indicators').innerText()).resolves.toMatch(
      /Private firms with platform access\s+\d+%/,
    );
    // The picture is the network drawn at twice the view's resolution, not a blank image.
    const dataUrl = await report.getByTestId('report-picture').getAttribute('src');
    const picture = Buffer.from((dataUrl ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
    await writeFile(join(ARTIFACTS, 'report-picture.png'), picture);
    const stats = pictureStats(picture);
    expect(stats.width).toBeGreaterThan(1500);
    expect(stats.foreground).toBeGreaterThan(0.01);
    expect(stats.colours).toBeGreaterThan(5);
    await shot(page, 'report');
    // Printed, only the report is on the page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('graph-canvas').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('report-indicators').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    await writeFile(join(ARTIFACTS, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(100_000); // the picture is in it
    await page.emulateMedia({ media: 'screen' });
    // Every gap in the CSV, one row each, Chinese and English side by side.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-gaps').click(),
    ]);
    expect(download.suggestedFilename()).toBe('gaps.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const rows = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'gap_type,gap_zh,gap_en,entity_id,entity_zh,entity_en,severity,reason_zh,reason_en,involved_ids',
    );
    expect(rows).toHaveLength(1 + expected.total);
    const [indicators] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-indicators').click(),
    ]);
    const shares = await readFile((await indicators.path()) ?? '', 'utf8');
    expect(shares).toMatch(/,整体,Whole ecosystem,privateFirmsWithAccess,/);
    await page.close();
  });

  it('takes a suggestion into a scenario, sees the gap count move before and after, and applies it', async () => {
    const page = await open('?lang=en');
    await enterEditMode(page);
    await page.locator('#gaps-section summary').click();
    await page.getByTestId('gap-access').click();
    const changes = page.getByTestId('scenario-changes').locator(':scope > li');
    await page.getByTestId('add-to-scenario').first().click();
    await page.getByTestId('scenario-evaluation').waitFor();
    await page.getByTestId('add-to-scenario').nth(1).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=scenario-changes] > li').length === 2,
    );
    // The planner names who carries the first relation out, and drops the second.
    await page.getByTestId('change-owner').first().fill('Wang Li');
    await page.getByTestId('change-owner').first().press('Enter');
    await page.getByTestId('remove-change').nth(1).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=scenario-changes] > li').length === 1,
    );
    await expect(changes.count()).resolves.toBe(1);
    const stored = ScenariosResponse.parse(await apiGet('api/scenarios')).items[0];
    expect(stored?.changes).toHaveLength(1);
    expect(stored?.changes[0]).toMatchObject({ op: 'addRelation', owner: 'Wang Li' });
    await page.waitForFunction(() => !document.querySelector('[data-testid=scenario] output.spinner'));
    const cells = await page.getByTestId('eval-gap-access').locator('td').allInnerTexts();
    const [before, after] = cells.map(Number);
    expect(after).toBe((before ?? 0) - 1);
    await expect(page.getByTestId('eval-share-privateFirmsWithAccess').innerText()).resolves.toMatch(
      /Private firms with platform access/,
    );
    // The indicator moves too: one more private firm reaches a platform, and the panel marks it.
    const evaluation = ScenarioEvaluation.parse(await apiGet(`api/scenarios/${stored?.id}/evaluation`));
    const share = (side: 'before' | 'after') =>
      evaluation[side].indicators.overall.shares.privateFirmsWithAccess?.value ?? Number.NaN;
    expect(share('after')).toBeGreaterThan(share('before'));
    await expect(page.getByTestId('eval-share-privateFirmsWithAccess').getAttribute('class')).resolves.toBe(
      'moved',
    );
    type App = {
      __innograph: {
        graph: { filterEdges(f: (e: string, a: Record<string, unknown>) => boolean): string[] };
      };
    };
    const proposed = await page.evaluate(() =>
      (window as unknown as App).__innograph.graph.filterEdges((_e, a) => a.proposed === true),
    );
    expect(proposed).toHaveLength(1);
    await canvasShot(page, 'scenario-proposed');
    await shot(page, 'scenario');
    await page.getByTestId('apply-scenario').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=scenario-status]')?.textContent?.includes('applied'),
    );
    const graph = SerializedGraph.parse(await apiGet('api/graph?status=planned&limit=50000'));
    const applied = graph.edges.find((e) => e.key === proposed[0]);
    expect(applied?.attributes.status).toBe('planned');
    await page.close();
  });

  it('labels every control for assistive technology', async () => {
    const page = await open('?lang=en&sel=cl-yujiang-auto');
    const unlabelled = await page.evaluate(() => {
      const missing: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>('button, input, select, textarea')) {
        if (element.closest('[aria-hidden=true]')) continue;
        const id = element.id;
        const named =
          (element.getAttribute('aria-label') ?? '').trim() !== '' ||
          (element.tagName === 'BUTTON' && (element.textContent ?? '').trim() !== '') ||
          (id !== '' && document.querySelector(`label[for="${CSS.escape(id)}"]`) !== null) ||
          element.closest('label') !== null ||
          element.getAttribute('title') !== null;
        if (!named) missing.push(element.outerHTML.slice(0, 120));
      }
      return missing;
    });
    expect(unlabelled).toEqual([]);
    // Controls are reachable with the keyboard and show where the focus is.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element ? getComputedStyle(element).outlineStyle : 'none';
    });
    expect(focused).not.toBe('none');
    await page.close();
  });

  it('reloads a shared URL into the same view', async () => {
    const page = await open('?lang=en');
    await page.getByTestId('kind-Fund').uncheck();
    await page.getByTestId('status-ended').uncheck();
    await page.getByTestId('filter-chain').selectOption('chain-nev');
    await search(page, 'Yujiang Automotive Group');
    await page.getByTestId('entity-name').waitFor();
    await page.waitForFunction(() => window.location.search.includes('cam='));
    await page.waitForTimeout(800);
    const shared = page.url();
    const counts = await visibleCounts(page);
    const camera = await page.evaluate(() =>
      (
        window as unknown as {
          __innograph: { renderer: { sigma: { getCamera(): { getState(): unknown } } } };
        }
      ).__innograph.renderer.sigma
        .getCamera()
        .getState(),
    );
    await canvasShot(page, 'shared-before');

    const fresh = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await fresh.goto(shared);
    await waitForGraph(fresh);
    expect(await visibleCounts(fresh)).toEqual(counts);
    await expect(fresh.getByTestId('entity-name').innerText()).resolves.toBe('Yujiang Automotive Group');
    expect(await fresh.getByTestId('kind-Fund').isChecked()).toBe(false);
    await expect(fresh.getByTestId('filter-chain').inputValue()).resolves.toBe('chain-nev');
    const freshCamera = await fresh.evaluate(() =>
      (
        window as unknown as {
          __innograph: { renderer: { sigma: { getCamera(): { getState(): unknown } } } };
        }
      ).__innograph.renderer.sigma
        .getCamera()
        .getState(),
    );
    const [a, b] = [camera, freshCamera].map((c) => c as { x: number; y: number; ratio: number });
    expect(b?.x).toBeCloseTo(a?.x ?? Number.NaN, 3);
    expect(b?.y).toBeCloseTo(a?.y ?? Number.NaN, 3);
    expect(b?.ratio).toBeCloseTo(a?.ratio ?? Number.NaN, 3);
    await canvasShot(fresh, 'shared-after');
    await fresh.close();
    await page.close();
  });

  it('shows an error with a retry when the API fails, never a blank page', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1200, height: 800 } });
    let fail = true;
    await page.route('**/api/graph**', (route) =>
      fail
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'unavailable', message: 'Neo4j is not answering' } }),
          })
        : route.continue(),
    );
    await page.goto(e2e.web.url);
    // While the API has not answered, the page says it is loading.
    await expect(page.locator('.boot').innerText()).resolves.toMatch(/Loading|正在加载|无法加载/);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('Neo4j is not answering');
    await shot(page, 'api-error');
    fail = false;
    await alert.getByRole('button').click();
    await waitForGraph(page);
    expect((await visibleCounts(page)).nodes).toBe(seedCounts.entities);
    await page.close();
  });

  it('expands a neighbourhood from the API, adding what the view did not have', async () => {
    const page = await open('?lang=en&sel=cl-yujiang-auto');
    const order = () =>
      page.evaluate(
        () => (window as unknown as { __innograph: { graph: { order: number } } }).__innograph.graph.order,
      );
    const before = await order();
    // Someone adds a supplier after the page loaded.
    const post = (path: string, body: unknown) =>
      fetch(new URL(path, e2e.web.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${e2e.web.editorToken}` },
        body: JSON.stringify(body),
      });
    expect(
      (
        await post('api/entities', {
          id: 'pf-e2e-new',
          kind: 'PrivateFirm',
          name: { zh: '新来配套企业', en: 'Newcomer Supplier' },
          attributes: { stage: 'seed', revenueBand: 'under10m' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('api/relations', {
          id: 'r-e2e-new',
          type: 'SUPPLIES',
          from: 'pf-e2e-new',
          to: 'cl-yujiang-auto',
          since: '2026-11-01',
          evidence: { source: 'e2e', confidence: 'assumed' },
        })
      ).status,
    ).toBe(201);
    await page.getByRole('button', { name: 'Expand neighbours' }).click();
    await page.waitForFunction(
      (n) => (window as unknown as { __innograph: { graph: { order: number } } }).__innograph.graph.order > n,
      before,
    );
    expect(await order()).toBe(before + 1);
    await page.waitForFunction(() => window.location.search.includes('exp=cl-yujiang-auto'));
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=entity-panel]')?.textContent?.includes('Newcomer Supplier'),
    );
    await page.close();
  });
});
