/**
 * The presenter's work in real Chromium against the real stack: save views, open a view's link
 * in a fresh page, build a three-step presentation, step through it with the keys clickers
 * send, and export slides as PNG and SVG.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PresentationsResponse, SavedViewSchema, SavedViewsResponse } from '@innograph/model';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pictureStats, waitForGraph } from '../support/browser.js';
import { ARTIFACTS, e2eSuite } from '../support/e2e.js';

const e2e = e2eSuite();

type Inspect = {
  __innograph: {
    renderer: { current: { highlighted: Set<string>; theme: string; selected: string | null } };
    graph: { getNodeAttributes(node: string): { x: number; y: number } };
  };
};

const display = (page: Page) =>
  page.evaluate(() => {
    const { current } = (window as unknown as Inspect).__innograph.renderer;
    return { highlighted: [...current.highlighted].sort(), theme: current.theme, selected: current.selected };
  });

const position = (page: Page, node: string) =>
  page.evaluate((id) => {
    const { x, y } = (window as unknown as Inspect).__innograph.graph.getNodeAttributes(id);
    return { x, y };
  }, node);

async function saveView(page: Page, name: string): Promise<void> {
  const before = await page.getByTestId('saved-view').count();
  await page.getByTestId('view-name').fill(name);
  await page.getByTestId('save-view').click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid=saved-view]').length === count,
    before + 1,
  );
}

async function saved(download: Download, name: string): Promise<Buffer> {
  const file = await readFile((await download.path()) ?? '');
  await writeFile(join(ARTIFACTS, name), file);
  return file;
}

describe('presenting in Chromium', () => {
  it('saves a view with highlights and theme, and its link shows the same view in a fresh page', async () => {
    const page = await e2e.open('?lang=en&sel=cl-yujiang-auto');
    await e2e.enterEditMode(page);
    await page.getByTestId('toggle-highlight').click();
    await page.getByTestId('theme').selectOption('dark');
    await page.locator('#views-section summary').click();
    await saveView(page, 'Yujiang in the dark');
    const list = SavedViewsResponse.parse(await e2e.apiGet('api/views'));
    const summary = list.items.find((v) => v.name === 'Yujiang in the dark');
    expect(summary?.state).toMatchObject({
      selected: 'cl-yujiang-auto',
      highlighted: ['cl-yujiang-auto'],
      theme: 'dark',
    });
    const view = SavedViewSchema.parse(await e2e.apiGet(`api/views/${summary?.id}`));
    expect(Object.keys(view.positions).length).toBeGreaterThan(400);
    const expected = await position(page, 'cl-yujiang-auto');
    await e2e.shot(page, 'view-dark');
    await page.close();

    const fresh = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await fresh.goto(new URL(`?view=${view.id}`, e2e.web.url).toString());
    await waitForGraph(fresh);
    await fresh.waitForFunction(() => document.querySelector('.app')?.classList.contains('theme-dark'));
    const shown = await display(fresh);
    expect(shown).toEqual({ highlighted: ['cl-yujiang-auto'], theme: 'dark', selected: 'cl-yujiang-auto' });
    const at = await position(fresh, 'cl-yujiang-auto');
    expect(at.x).toBeCloseTo(expected.x, 2);
    expect(at.y).toBeCloseTo(expected.y, 2);
    await expect(fresh.getByTestId('entity-name').innerText()).resolves.toMatch(/Yujiang/);
    await e2e.shot(fresh, 'view-link');
    await fresh.close();
  });

  it('builds a three-step presentation, steps through it with keys and buttons, and exports PNG and SVG', async () => {
    const page = await e2e.open('?lang=en');
    await e2e.enterEditMode(page);
    await page.locator('#views-section summary').click();
    await saveView(page, 'The whole ecosystem');
    await page.getByTestId('kind-PrivateFirm').uncheck();
    await saveView(page, 'Without private firms');
    await page.getByTestId('kind-PrivateFirm').check();
    await page.getByTestId('layout-park').click();
    await page.waitForTimeout(900); // the nodes fly to the park layout
    await saveView(page, 'By park');

    await page.getByTestId('presentation-name').fill('Briefing');
    await page.getByTestId('create-presentation').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=presentation-picker] option')].some((o) =>
        o.textContent?.startsWith('Briefing'),
      ),
    );
    const captions = ['Who works with whom', 'Where the private firms are missing', 'The parks'];
    for (const [index, name] of ['The whole ecosystem', 'Without private firms', 'By park'].entries()) {
      const value = await page
        .getByTestId('step-view')
        .locator('option', { hasText: name })
        .getAttribute('value');
      await page.getByTestId('step-view').selectOption(value ?? '');
      await page.getByTestId('add-step').click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid=presentation-steps] > li').length === count,
        index + 1,
      );
      const caption = page.getByTestId('step-caption').nth(index);
      await caption.fill(captions[index] ?? '');
      await caption.blur();
      await page.waitForFunction(
        ([i, text]) =>
          (
            document.querySelectorAll('[data-testid=step-caption]')[Number(i)] as
              | HTMLTextAreaElement
              | undefined
          )?.value === text,
        [index, captions[index]],
      );
    }
    await expect
      .poll(async () => PresentationsResponse.parse(await e2e.apiGet('api/presentations')).items[0]?.steps)
      .toEqual([
        { view: expect.any(String), caption: captions[0] },
        { view: expect.any(String), caption: captions[1] },
        { view: expect.any(String), caption: captions[2] },
      ]);
    await e2e.shot(page, 'presentation-editor');

    // Present: the stage fills the window in the projector theme, with the legend over it.
    await page.getByTestId('present').click();
    const bar = page.getByTestId('presentation-bar');
    await bar.waitFor();
    await expect(page.locator('.app').getAttribute('class')).resolves.toMatch(/presenting/);
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('1 / 3');
    await expect(page.getByTestId('presentation-caption').innerText()).resolves.toBe(captions[0]);
    await expect(page.getByTestId('legend-overlay').innerText()).resolves.toMatch(/Private firm/);
    await expect(page.getByTestId('graph-canvas').boundingBox()).resolves.toMatchObject({ width: 1400 });
    expect((await display(page)).theme).toBe('projector');
    await page.waitForTimeout(800);
    await e2e.shot(page, 'present-1');

    // A clicker's PageDown, then the arrow key: step 2 hides the private firms, step 3 the parks.
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('2 / 3');
    await expect(page.getByTestId('presentation-title').innerText()).resolves.toBe('Without private firms');
    await expect.poll(() => page.getByTestId('legend-overlay').innerText()).not.toMatch(/Private firm/);
    await page.waitForTimeout(800);
    await e2e.shot(page, 'present-2');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('3 / 3');
    await page.keyboard.press('ArrowRight'); // the last step stays
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('3 / 3');
    await page.waitForTimeout(900);
    await e2e.shot(page, 'present-3');

    // Slides as PNG (2×, title and legend, not blank) and as SVG that parses.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('presentation-png').click(),
    ]);
    const picture = pictureStats(await saved(png, 'slide.png'));
    expect(picture.width).toBe(2 * 1400);
    expect(picture.height).toBeGreaterThan(2 * 900);
    expect(picture.foreground).toBeGreaterThan(0.02);
    expect(picture.colours).toBeGreaterThan(8);
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('presentation-svg').click(),
    ]);
    const svg = (await saved(svgDownload, 'slide.svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        title: doc.getElementById('title')?.textContent ?? '',
        entities: doc.querySelectorAll('#entities circle').length,
        relations: doc.querySelectorAll('#relations path').length,
        legend: doc.querySelectorAll('#legend text').length,
      };
    }, svg);
    expect(parsed).toMatchObject({ error: null, root: 'svg', title: 'By park' });
    expect(parsed.entities).toBeGreaterThan(400);
    expect(parsed.relations).toBeGreaterThan(1000);
    expect(parsed.legend).toBeGreaterThan(5);

    // PageUp goes back; the on-screen button too; End goes to the end; Escape ends it.
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('2 / 3');
    await page.getByTestId('presentation-previous').click();
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('1 / 3');
    await page.keyboard.press('End');
    await expect(page.getByTestId('presentation-step').innerText()).resolves.toBe('3 / 3');
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await expect(page.locator('.app').getAttribute('class')).resolves.not.toMatch(/presenting/);
    await page.close();
  });

  it('exports the explorer view as PNG at the chosen resolution and as SVG from the toolbar', async () => {
    const page = await e2e.open('?lang=en', { width: 1000, height: 700 });
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('export-scale').selectOption('3');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/@3x\.png$/);
    const stats = pictureStats(await saved(png, 'view@3x.png'));
    const canvas = await page.getByTestId('graph-canvas').boundingBox();
    expect(stats.width).toBe(3 * (canvas?.width ?? 0));
    expect(stats.foreground).toBeGreaterThan(0.02);
    await page.getByTestId('export-menu').locator('summary').click(); // a choice folds the menu
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const text = (await saved(svg, 'view.svg')).toString('utf8');
    expect(
      text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(text).toContain(`width="${canvas?.width}"`);
    await page.close();
  });
});
