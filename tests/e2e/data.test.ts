/**
 * The researcher's data work in real Chromium against the real stack: export the graph for Gephi
 * (GEXF) and the filtered view as CSV, then import a spreadsheet saved with Chinese headers: a
 * dry run lists what would change and every problem with its file and line, and the import
 * shows on the graph.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import { EntityResponse } from '@innograph/model';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { e2eSuite } from '../support/e2e.js';

const e2e = e2eSuite();

const SeedShape = z.object({
  entities: z.array(z.looseObject({ kind: z.string() })),
  relations: z.array(z.looseObject({ type: z.string() })),
});

async function openData(page: Page): Promise<void> {
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('open-data').click();
  await page.getByTestId('data-dialog').waitFor();
}

async function downloaded(page: Page, click: () => Promise<void>, count = 1): Promise<Map<string, string>> {
  const downloads: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const take = (download: Download) => {
      downloads.push(download);
      if (downloads.length === count) {
        page.off('download', take);
        resolve();
      }
    };
    page.on('download', take);
  });
  await click();
  await all;
  const files = new Map<string, string>();
  for (const download of downloads) {
    files.set(download.suggestedFilename(), await readFile((await download.path()) ?? '', 'utf8'));
  }
  return files;
}

const ENTITIES_CSV = [
  '编号,类型,中文名称,英文名称,所有制,行业,发展阶段,营收规模,能力,高端服务',
  'pf-e2e-001,民营企业,渝新测试科技,Yuxin Test Tech,private,automotive-software,growth,10m-100m,intelligent cockpit；OTA updates,是',
  'pf-e2e-002,PrivateFirm,渝新检测服务,Yuxin Testing Services,private,automotive-software,seed,under10m,embedded control software,否',
].join('\r\n');
const RELATIONS_CSV = [
  '编号,关系类型,起点,终点,状态,开始日期,来源,可信度,配套能力',
  'r-e2e-001,SUPPLIES,pf-e2e-001,cl-shancheng-nev,active,2026-01-05,e2e 表格,reported,intelligent cockpit',
].join('\r\n');

describe('data in and out in Chromium', () => {
  it('exports the whole graph as GEXF for Gephi and the filtered view as two CSV files', async () => {
    const seed = SeedShape.parse(await readDatasetFile(SEED_FILE));
    const page = await e2e.open('?lang=en');
    await openData(page);
    await page.getByTestId('export-format').selectOption('gexf');
    const gexf = await downloaded(page, () => page.getByTestId('export-data').click());
    const [[name, text] = ['', '']] = [...gexf];
    expect(name).toMatch(/\.gexf$/);
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('<gexf');
    expect(text.match(/<node /g)).toHaveLength(seed.entities.length);
    expect(text.match(/<edge /g)).toHaveLength(seed.relations.length);
    await page.getByTestId('close-data').click();

    // Without private firms, as CSV: entities.csv and relations.csv of what the filters select.
    await page.getByTestId('kind-PrivateFirm').uncheck();
    await openData(page);
    await page.getByTestId('export-format').selectOption('csv');
    await page.getByTestId('export-scope-view').check();
    const csv = await downloaded(page, () => page.getByTestId('export-data').click(), 2);
    const names = [...csv.keys()].sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/entities.*\.csv$/);
    const entities = csv.get(names[0] ?? '') ?? '';
    const rows = entities
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    const firms = seed.entities.filter((e) => e.kind === 'PrivateFirm').length;
    expect(rows).toHaveLength(1 + seed.entities.length - firms);
    expect(entities).not.toContain('PrivateFirm');
    await page.close();
  });

  it('imports a spreadsheet with Chinese headers: dry run, problems with their lines, then the import on the graph', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innograph-e2e-'));
    const entities = join(dir, 'entities.csv');
    const relations = join(dir, 'relations.csv');
    const broken = join(dir, 'relations-broken.csv');
    await writeFile(entities, `\uFEFF${ENTITIES_CSV}\r\n`);
    await writeFile(relations, `${RELATIONS_CSV}\r\n`);
    await writeFile(
      broken,
      `${RELATIONS_CSV}\r\nr-e2e-002,SUPPLIES,pf-e2e-404,cl-shancheng-nev,active,2026-01-05,e2e,reported,x\r\n`,
    );

    const page = await e2e.open('?lang=en');
    const before = await page.evaluate(
      () => (window as unknown as { __innograph: { graph: { order: number } } }).__innograph.graph.order,
    );
    await e2e.enterEditMode(page);
    await openData(page);
    await page.getByTestId('import-csv').check();
    await page.getByTestId('import-entities').setInputFiles(entities);

    // A relation to an entity that exists nowhere: named with its file and line, nothing to commit.
    await page.getByTestId('import-relations').setInputFiles(broken);
    await page.getByTestId('dry-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const issues = await page.getByTestId('import-issues').locator('tbody tr').allInnerTexts();
    expect(issues, issues.join('\n')).toHaveLength(1);
    await expect(page.getByTestId('import-issue-count').innerText()).resolves.toMatch(/1$/);
    const issue = issues[0] ?? '';
    expect(issue).toMatch(/relations-broken\.csv\s+3\s/);
    expect(issue).toMatch(/pf-e2e-404/);
    await expect(page.getByTestId('commit-import').isDisabled()).resolves.toBe(true);
    await e2e.shot(page, 'import-problems');

    // The good file: a dry run counts what would change, then the import writes it.
    await page.getByTestId('import-relations').setInputFiles(relations);
    await page.getByTestId('dry-run').click();
    await report.waitFor();
    const counts = await report.locator('tbody tr').allInnerTexts();
    expect(counts[0]).toMatch(/Entities\s+2\s+0\s+0/);
    expect(counts[1]).toMatch(/relations\s+1\s+0\s+0/i);
    const stillAbsent = await fetch(new URL('api/entities/pf-e2e-001', e2e.web.url));
    expect(stillAbsent.status).toBe(404);
    await page.getByTestId('commit-import').click();
    await page.getByText('Imported', { exact: true }).waitFor();

    const stored = EntityResponse.parse(await e2e.apiGet('api/entities/pf-e2e-001'));
    expect(stored.entity.name).toEqual({ zh: '渝新测试科技', en: 'Yuxin Test Tech' });
    expect(stored.entity).toMatchObject({
      attributes: { capabilities: ['intelligent cockpit', 'OTA updates'], advancedServices: true },
    });
    // The graph was loaded again: the two firms are on it.
    await page.getByTestId('close-data').click();
    await page.waitForFunction(
      (count) =>
        (window as unknown as { __innograph?: { graph: { order: number } } }).__innograph?.graph.order ===
        count,
      before + 2,
    );
    await e2e.shot(page, 'imported');
    await page.close();
  });
});
