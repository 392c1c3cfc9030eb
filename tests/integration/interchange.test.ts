/**
 * Import and export on a real Neo4j, through the API (`GET /api/export`, `POST /api/import`) and
 * the CLI: every format round trips (export, clear, import: the same graph), dry runs report and
 * write nothing, commits are all or nothing with one change-log entry, and malformed files (bad
 * encoding, missing columns, unknown kinds, dangling relations, duplicate ids, broken XML and JSON)
 * each get their message with file and line and leave the database exactly as it was.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { apiConfig, buildApp } from '@innograph/api';
import { readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  ApiError,
  ChangesResponse,
  type ImportReport,
  ImportReport as ImportReportSchema,
  INTERCHANGE_FORMATS,
} from '@innograph/model';
import {
  clearEcosystem,
  contentHash,
  ENTITY_LABEL,
  ensureSchema,
  loadDataset,
  type Neo4jExecutor,
} from '@innograph/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, editor } from '../support/http.js';
import { cliEnv, freshDatabase, testExecutor } from '../support/neo4j.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

let executor: Neo4jExecutor;
let app: FastifyInstance;
let seedFingerprint: string;

/** A digest of every entity and relation with its labels, ends and properties, leaving out the
 *  store's timestamps (a graph imported again is the same graph written at another time). */
async function graphContent(): Promise<string> {
  const rows = await executor.executeRead(async (tx) => {
    const nodes = await tx.run(
      `MATCH (n:${ENTITY_LABEL}) WITH n ORDER BY n.id
       RETURN collect([n.id, labels(n), n{.*, createdAt: null, updatedAt: null}]) AS rows`,
    );
    const relations = await tx.run(
      `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WITH a, r, b ORDER BY r.id
       RETURN collect([r.id, type(r), a.id, b.id, r{.*, createdAt: null, updatedAt: null}]) AS rows`,
    );
    return [nodes.records[0]?.get('rows'), relations.records[0]?.get('rows')];
  });
  return contentHash(rows);
}

async function exported(format: string, extra = ''): Promise<{ status: number; text: string; type: string }> {
  const response = await app.inject({ method: 'GET', url: `/api/export?format=${format}${extra}` });
  return { status: response.statusCode, text: response.body, type: String(response.headers['content-type']) };
}

type Part = { name: string; filename?: string; content: string | Uint8Array<ArrayBuffer> };

async function upload(query: string, parts: Part[], headers: Record<string, string> = editor) {
  const form = new FormData();
  for (const part of parts) {
    if (part.filename === undefined) form.append(part.name, String(part.content));
    else form.append(part.name, new Blob([part.content]), part.filename);
  }
  const request = new Response(form);
  const payload = Buffer.from(await request.arrayBuffer());
  const response = await app.inject({
    method: 'POST',
    url: `/api/import?${query}`,
    payload,
    headers: { ...headers, 'content-type': request.headers.get('content-type') ?? '' },
  });
  return { status: response.statusCode, body: response.json() as unknown };
}

function report(body: unknown): ImportReport {
  return ImportReportSchema.parse(body);
}

async function csvParts(extra = ''): Promise<Part[]> {
  const entities = await exported('csv', `&part=entities${extra}`);
  const relations = await exported('csv', `&part=relations${extra}`);
  return [
    { name: 'entities', filename: 'entities.csv', content: entities.text },
    { name: 'relations', filename: 'relations.csv', content: relations.text },
  ];
}

async function partsOf(format: string): Promise<Part[]> {
  if (format === 'csv') return csvParts();
  const file = await exported(format);
  expect(file.status).toBe(200);
  return [{ name: 'file', filename: `graph.${format}`, content: file.text }];
}

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  await ensureSchema(executor);
  await loadDataset(executor, await readDatasetFile(SEED_FILE));
  seedFingerprint = await graphContent();
  app = await buildApp({ executor, config: { ...apiConfig({}), editorToken: EDITOR, readToken: undefined } });
});

afterAll(async () => {
  await app?.close();
  await executor?.close();
});

describe('export', () => {
  it('serves each format with its media type and a file name', async () => {
    for (const format of ['json', 'gexf', 'graphml']) {
      const file = await exported(format);
      expect(file.status).toBe(200);
      expect(file.type).toContain(format === 'json' ? 'application/json' : `${format}+xml`);
    }
    const gexf = await exported('gexf');
    expect(gexf.text).toContain('<gexf version="1.3"');
    expect(gexf.text).toContain('智能网联新能源汽车产业链');
    const entities = await exported('csv', '&part=entities');
    expect(entities.text.startsWith('\uFEFFid,kind,nameZh,nameEn,description,')).toBe(true);
  });

  it('asks for the part of a CSV export', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/export?format=csv' });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).error.issues?.[0]?.path).toBe('query.part');
    const bad = await app.inject({ method: 'GET', url: '/api/export?format=pdf' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the subgraph /api/graph gives for the same filters', async () => {
    const graph = await app.inject({
      method: 'GET',
      url: '/api/graph?kinds=Lab,PrivateFirm&relations=OPENS_TO',
    });
    const expected = graph.json() as { nodes: { key: string }[]; edges: { key: string }[] };
    const file = await exported('json', '&kinds=Lab,PrivateFirm&relations=OPENS_TO');
    const dataset = JSON.parse(file.text) as { entities: { id: string }[]; relations: { id: string }[] };
    expect(dataset.entities.map((e) => e.id).sort()).toEqual(expected.nodes.map((n) => n.key).sort());
    expect(dataset.relations.map((r) => r.id).sort()).toEqual(expected.edges.map((e) => e.key).sort());
    expect(dataset.relations.length).toBeGreaterThan(0);
  });

  it("follows the park, ownership and stage filters like /api/graph (the explorer's filters)", async () => {
    for (const filters of [
      'park=park-liangjiang-icv',
      'ownership=private&stage=growth',
      'park=park-liangjiang-icv&kinds=PrivateFirm',
    ]) {
      const graph = await app.inject({ method: 'GET', url: `/api/graph?${filters}` });
      expect(graph.statusCode).toBe(200);
      const expected = graph.json() as { nodes: { key: string }[]; edges: { key: string }[] };
      expect(expected.nodes.length).toBeGreaterThan(0);
      const file = await exported('json', `&${filters}`);
      const dataset = JSON.parse(file.text) as { entities: { id: string }[]; relations: { id: string }[] };
      expect(dataset.entities.map((e) => e.id).sort()).toEqual(expected.nodes.map((n) => n.key).sort());
      expect(dataset.relations.map((r) => r.id).sort()).toEqual(expected.edges.map((e) => e.key).sort());
    }
    const all = await app.inject({ method: 'GET', url: '/api/graph' });
    const parked = await app.inject({ method: 'GET', url: '/api/graph?park=park-liangjiang-icv' });
    expect(parked.json().nodes.length).toBeLessThan(all.json().nodes.length);
    const bad = await app.inject({ method: 'GET', url: '/api/export?format=json&ownership=nobody' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ownership');
  });
});

describe('round trip: export, clear, import gives the same graph', () => {
  for (const format of INTERCHANGE_FORMATS) {
    it(format, async () => {
      const parts = await partsOf(format);
      // Importing what is stored changes nothing.
      const again = report((await upload('dryRun=false', parts)).body);
      expect(again.committed).toBe(true);
      expect(again.issues).toEqual([]);
      expect(again.entities.created + again.entities.updated).toBe(0);
      expect(again.relations.created + again.relations.updated).toBe(0);
      expect(again.changeId).toBeNull();

      await clearEcosystem(executor);
      const dry = report((await upload('dryRun=true', parts)).body);
      expect(dry).toMatchObject({ dryRun: true, committed: false, issueCount: 0 });
      expect(dry.entities.created).toBe(452);
      expect(await graphContent()).not.toBe(seedFingerprint);

      const imported = await upload('dryRun=false', parts);
      expect(imported.status).toBe(200);
      const done = report(imported.body);
      expect(done).toMatchObject({ committed: true, issueCount: 0, format });
      expect(done.entities.created).toBe(dry.entities.created);
      expect(done.relations.created).toBe(dry.relations.created);
      expect(await graphContent()).toBe(seedFingerprint);
    });
  }

  it('logs one summarised change-log entry per import that changes something', async () => {
    await clearEcosystem(executor);
    const done = report((await upload('dryRun=false', await partsOfStored())).body);
    expect(done.changeId).toMatch(/^import-/);
    const changes = ChangesResponse.parse(
      (await app.inject({ method: 'GET', url: `/api/changes?target=${done.changeId}` })).json(),
    );
    expect(changes.items).toHaveLength(1);
    expect(changes.items[0]).toMatchObject({ action: 'import', target: 'dataset', actor: 'editor' });
    expect(changes.items[0]?.after).toMatchObject({ format: 'json', entities: { created: 452 } });
  });
});

/** The seed as a JSON upload (the database may be empty). */
async function partsOfStored(): Promise<Part[]> {
  const text = JSON.stringify(await readDatasetFile(SEED_FILE));
  return [{ name: 'file', filename: 'seed.json', content: text }];
}

describe('malformed files: a message with file and line, and nothing written', () => {
  const ENTITIES = [
    '\uFEFF编号,类型,中文名称,英文名称,发展阶段,营收规模,所有制',
    'pf-x1,民营企业,测试企业一,Test firm one,成长期,10m-100m,民营',
    'pf-x2,PrivateFirm,测试企业二,Test firm two,growth,under10m,',
  ].join('\r\n');
  const RELATIONS = [
    'id,关系类型,起点,终点,状态,开始日期,来源,可信度',
    'r-x1,开放共享,lab-x,pf-x1,有效,2024/3/1,test,已确认',
  ].join('\n');

  async function refused(parts: Part[], query = 'dryRun=false') {
    const before = await graphContent();
    const response = await upload(query, parts);
    expect(await graphContent()).toBe(before);
    return { status: response.status, report: report(response.body) };
  }

  it('a Chinese spreadsheet with Chinese headers and names imports (dangling end found)', async () => {
    const { status, report: result } = await refused([
      { name: 'entities', filename: 'entities.csv', content: ENTITIES },
      { name: 'relations', filename: 'relations.csv', content: RELATIONS },
    ]);
    expect(status).toBe(400);
    expect(result.committed).toBe(false);
    expect(result.entities.created).toBe(2);
    expect(result.issues).toEqual([
      {
        file: 'relations.csv',
        line: 2,
        record: 'line 2 (id r-x1)',
        field: 'from',
        message: "no entity with id 'lab-x' in the file or the database",
      },
    ]);
  });

  it('the same files with a stored lab commit, and a second run changes nothing', async () => {
    const relations = RELATIONS.replace('lab-x', 'lab-yujiang-cockpit');
    const parts: Part[] = [
      { name: 'entities', filename: 'entities.csv', content: ENTITIES },
      { name: 'relations', filename: 'relations.csv', content: relations },
    ];
    const first = report((await upload('dryRun=false', parts)).body);
    expect(first).toMatchObject({ committed: true, issueCount: 0 });
    expect(first.relations.created).toBe(1);
    const second = report((await upload('dryRun=false', parts)).body);
    expect(second.entities.unchanged).toBe(2);
    expect(second.relations.unchanged).toBe(1);
  });

  it('bad encoding (GB18030 bytes read as UTF-8) names the line', async () => {
    const gbk = Buffer.from([
      ...Buffer.from('id,kind,nameZh,nameEn\npf-g,PrivateFirm,'),
      0xb2,
      0xe2,
      0xca,
      0xd4,
      ...Buffer.from(',x\n'),
    ]);
    const { report: result } = await refused([
      { name: 'entities', filename: 'entities.csv', content: gbk },
      { name: 'relations', filename: 'relations.csv', content: RELATIONS },
    ]);
    expect(result.issues[0]).toMatchObject({ file: 'entities.csv', line: 2 });
    expect(result.issues[0]?.message).toContain('not valid UTF-8');
    expect(result.issues[0]?.message).toContain('gb18030');
  });

  it('missing columns', async () => {
    const { report: result } = await refused([
      { name: 'entities', filename: 'entities.csv', content: 'id,kind,nameZh\npf-m,PrivateFirm,缺列\n' },
      { name: 'relations', filename: 'relations.csv', content: RELATIONS },
    ]);
    expect(result.issues[0]).toMatchObject({ file: 'entities.csv', line: 1, field: 'nameEn' });
    expect(result.issues[0]?.message).toMatch(/^missing column 'nameEn'/);
  });

  it('unknown kinds', async () => {
    const { report: result } = await refused([
      {
        name: 'entities',
        filename: 'entities.csv',
        content: 'id,kind,nameZh,nameEn\nu-1,外资企业,外资,Foreign\n',
      },
      { name: 'relations', filename: 'relations.csv', content: 'id,type,from,to,since,source,confidence\n' },
    ]);
    expect(result.issues[0]).toMatchObject({ file: 'entities.csv', line: 2, field: 'kind' });
    expect(result.issues[0]?.message).toContain('unknown entity kind "外资企业"');
    expect(result.issues[0]?.message).toContain('PrivateFirm (民营企业)');
  });

  it('duplicate ids', async () => {
    const content = `${ENTITIES}\r\npf-x1,民营企业,重复,Duplicate,成长期,10m-100m,民营\r\n`;
    const { report: result } = await refused([
      { name: 'entities', filename: 'entities.csv', content },
      { name: 'relations', filename: 'relations.csv', content: 'id,type,from,to,since,source,confidence\n' },
    ]);
    expect(result.issues).toEqual([
      {
        file: 'entities.csv',
        line: 4,
        record: 'line 4 (id pf-x1)',
        field: 'id',
        message: "duplicate entity id 'pf-x1' (first at line 2)",
      },
    ]);
  });

  it('a dangling relation and a bad value in GEXF, with their lines', async () => {
    const gexf = (await exported('gexf')).text
      .replace(/target="[^"]+"/, 'target="nowhere"')
      .replace('<attvalue for="stage" value="growth"/>', '<attvalue for="stage" value="teenage"/>');
    const { report: result } = await refused([{ name: 'file', filename: 'graph.gexf', content: gexf }]);
    const [stage, dangling, moved, ...cascade] = result.issues;
    expect(stage).toMatchObject({ file: 'graph.gexf', field: 'attributes.stage' });
    expect(stage?.record).toMatch(/^line \d+ \(node pf-/);
    expect(stage?.line).toBeGreaterThan(1);
    expect(dangling).toMatchObject({
      field: 'to',
      message: "no entity with id 'nowhere' in the file or the database",
    });
    expect(dangling?.record).toMatch(/^line \d+ \(edge /);
    // The stored relation cannot move to other ends either; relations of the broken entity say so.
    expect(moved?.message).toMatch(/cannot change its kind or ends/);
    expect(cascade.length).toBeGreaterThan(0);
    for (const issue of cascade)
      expect(issue.message).toMatch(/^entity 'pf-[^']+' has errors \(see above\)$/);
  });

  it('malformed XML and JSON', async () => {
    const graphml = (await exported('graphml')).text.replace('</node>', '</nod>');
    const xml = await refused([{ name: 'file', filename: 'graph.graphml', content: graphml }]);
    expect(xml.report.issues[0]?.message).toMatch(/^malformed XML/);
    expect(xml.report.issues[0]?.line).toBeGreaterThan(1);
    const json = await refused([
      {
        name: 'file',
        filename: 'graph.json',
        content: '{"format": "innograph-dataset",\n"version": 1,\n oops}',
      },
    ]);
    expect(json.report.issues[0]).toMatchObject({ file: 'graph.json', line: 3 });
  });

  it('a dry run with issues answers 200 and writes nothing', async () => {
    const { status, report: result } = await refused(
      [{ name: 'entities', filename: 'entities.csv', content: 'id,kind\n' }],
      'dryRun=true',
    );
    expect(status).toBe(200);
    expect(result.issueCount).toBeGreaterThan(0);
  });

  it('needs the editor token and a file', async () => {
    const parts = [{ name: 'file', filename: 'seed.json', content: '{}' }];
    expect((await upload('dryRun=true', parts, {})).status).toBe(401);
    expect((await upload('dryRun=true', parts, { authorization: 'Bearer nope' })).status).toBe(403);
    const none = await upload('dryRun=true', [{ name: 'mapping', content: '{}' }]);
    expect(none.status).toBe(400);
    expect(ApiError.parse(none.body).error.message).toMatch(/^no file/);
  });
});

describe('the CLI', () => {
  it('exports every format and imports them back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innograph-interchange-'));
    const env = cliEnv();
    for (const format of INTERCHANGE_FORMATS) {
      const out = join(dir, format === 'csv' ? 'csv' : `graph.${format}`);
      const exportRun = await run(
        'npx',
        ['tsx', 'graph-seed/src/exportCli.ts', '--format', format, '--out', out],
        { cwd: ROOT, env },
      );
      expect(exportRun.stdout).toMatch(/^Exported \d+ entities and \d+ relations as/);
      const dry = await run('npx', ['tsx', 'graph-seed/src/importCli.ts', out, '--dry-run'], {
        cwd: ROOT,
        env,
      });
      expect(dry.stdout).toContain('Dry run of');
      expect(dry.stdout).toMatch(/entities\s+0 created, 0 updated, \d+ unchanged/);
    }
    // A file with an issue: exit 1, the message with file and line, nothing written.
    const broken = join(dir, 'broken');
    await mkdir(broken);
    await writeFile(join(broken, 'entities.csv'), 'id,kind,nameZh,nameEn\npf-b,Unknown,坏,Bad\n');
    await writeFile(join(broken, 'relations.csv'), 'id,type,from,to,since,source,confidence\n');
    const before = await graphContent();
    const failed = await run('npx', ['tsx', 'graph-seed/src/importCli.ts', broken], { cwd: ROOT, env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed ? failed.stderr : '').toContain(
      'entities.csv:2: line 2 (id pf-b): kind: unknown entity kind "Unknown"',
    );
    expect(await graphContent()).toBe(before);
  });
});
