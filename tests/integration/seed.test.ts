/**
 * The seed graph in a real Neo4j: counts, idempotency, updates, and every kind of bad input
 * refused with the database left exactly as it was.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { generateDataset, readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  ENTITY_KIND_NAMES,
  ModelValidationError,
  RELATION_KIND_NAMES,
  type ValidationIssue,
} from '@innograph/model';
import {
  ensureSchema,
  exportEcosystem,
  graphCounts,
  graphRevision,
  type LoadOptions,
  loadDataset,
  type Neo4jExecutor,
} from '@innograph/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, databaseFingerprint, freshDatabase, testExecutor } from '../support/neo4j.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

let executor: Neo4jExecutor;
let seed: unknown;

/** A deep copy of the seed file's JSON, to break in one place. */
function seedCopy(): { entities: Record<string, unknown>[]; relations: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(seed));
}

/** Records sorted by id in code-unit order, as the export's ORDER BY gives them. */
function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function refusal(input: unknown, options: LoadOptions = {}): Promise<ValidationIssue[]> {
  try {
    await loadDataset(executor, input, options);
  } catch (error) {
    if (error instanceof ModelValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the load to be refused');
}

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  seed = await readDatasetFile(SEED_FILE);
});

afterAll(async () => {
  await executor.close();
});

describe('loading the seed graph', () => {
  it('writes every record and reaches the sizes the issue asks for', async () => {
    const { dataset, report } = await loadDataset(executor, seed);
    expect(report.mode).toBe('single-transaction');
    expect(report.entities).toEqual({ created: dataset.entities.length, updated: 0, unchanged: 0 });
    expect(report.relations).toEqual({ created: dataset.relations.length, updated: 0, unchanged: 0 });

    const counts = await graphCounts(executor);
    expect(counts.entities).toBe(dataset.entities.length);
    expect(counts.relations).toBe(dataset.relations.length);
    expect(counts.entities).toBeGreaterThanOrEqual(400);
    expect(counts.relations).toBeGreaterThanOrEqual(1000);
    expect(Object.keys(counts.entitiesByKind).sort()).toEqual([...ENTITY_KIND_NAMES].sort());
    expect(Object.keys(counts.relationsByKind).sort()).toEqual([...RELATION_KIND_NAMES].sort());

    // Every field stored and read back as it was loaded (the CREATE names each property).
    const stored = await exportEcosystem(executor);
    expect(stored.entities).toEqual(byId(dataset.entities));
    expect(stored.relations).toEqual(byId(dataset.relations));
  });

  it('stores the optional fields too: a description, an end date, attributes left out', async () => {
    const input = {
      format: 'innograph-dataset',
      version: 1,
      meta: { title: 'optional fields', illustrative: true },
      entities: [
        {
          id: 'lab-optional',
          kind: 'Lab',
          name: { zh: '可选字段实验室', en: 'Optional Fields Lab' },
          description: '有描述的实验室 / a lab with a description',
          attributes: { ownerType: 'soe', ownership: 'state', openness: 'open', domains: ['testing'] },
        },
      ],
      relations: [
        {
          id: 'opens-to-optional',
          type: 'OPENS_TO',
          from: 'lab-optional',
          to: 'pf-sw-004',
          attributes: { accessTypes: ['joint-testing', 'equipment'] },
          status: 'ended',
          since: '2021-03-01',
          until: '2024-06-30',
          evidence: { source: 'test', confidence: 'confirmed' },
        },
      ],
    };
    const { dataset } = await loadDataset(executor, input);
    const stored = await exportEcosystem(executor);
    expect(stored.entities.filter((e) => e.id === 'lab-optional')).toEqual(dataset.entities);
    expect(stored.relations.filter((r) => r.id === 'opens-to-optional')).toEqual(dataset.relations);
    await executor.executeWrite((tx) => tx.run(`MATCH (n:Entity {id: 'lab-optional'}) DETACH DELETE n`));
  });

  it('changes nothing when loaded again', async () => {
    const before = await databaseFingerprint(executor);
    const { dataset, report } = await loadDataset(executor, seed);
    expect(report.entities).toEqual({ created: 0, updated: 0, unchanged: dataset.entities.length });
    expect(report.relations).toEqual({ created: 0, updated: 0, unchanged: dataset.relations.length });
    expect(await databaseFingerprint(executor)).toBe(before);
  });

  it('keeps the schema when set up again', async () => {
    await ensureSchema(executor);
    const constraints = await executor.executeRead((tx) =>
      tx.run('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n'),
    );
    expect(constraints.records[0]?.get('n')).toBe(
      // Entity ids, each kind's and relation type's ids, change-log entries and sequence,
      // scenarios, saved views and presentations.
      1 + ENTITY_KIND_NAMES.length + RELATION_KIND_NAMES.length + 5,
    );
  });

  it('updates a changed record and bumps its version, leaving the rest alone', async () => {
    const changed = seedCopy();
    const first = changed.entities[0];
    if (first === undefined) throw new Error('empty seed');
    first.name = { zh: '改名测试', en: 'Renamed for the test' };
    const { report } = await loadDataset(executor, changed);
    expect(report.entities.updated).toBe(1);
    expect(report.entities.created).toBe(0);
    const stored = await executor.executeRead((tx) =>
      tx.run('MATCH (n:Entity {id: $id}) RETURN n.nameEn AS name, n.version AS version', { id: first.id }),
    );
    expect(stored.records[0]?.get('name')).toBe('Renamed for the test');
    expect(stored.records[0]?.get('version')).toBe(2);
    await loadDataset(executor, seed);
  });

  it('reads relation dates back as Neo4j dates for time queries', async () => {
    const result = await executor.executeRead((tx) =>
      tx.run(
        `MATCH ()-[r]->() WHERE r.since >= date('2025-01-01') RETURN count(r) AS n, min(r.since) AS first`,
      ),
    );
    expect(result.records[0]?.get('n')).toBeGreaterThan(0);
    expect(String(result.records[0]?.get('first'))).toMatch(/^2025-/);
  });
});

describe('bad input leaves the database exactly as it was', () => {
  let fingerprint: string;
  beforeAll(async () => {
    fingerprint = await databaseFingerprint(executor);
  });

  const cases: [string, (data: ReturnType<typeof seedCopy>) => unknown, Partial<ValidationIssue>][] = [
    [
      'an unknown kind',
      (data) => {
        data.entities.push({ id: 'new-univ', kind: 'University', name: { zh: '大学', en: 'University' } });
        return data;
      },
      { field: 'kind' },
    ],
    [
      'a missing name',
      (data) => {
        data.entities.push({
          id: 'new-lab',
          kind: 'Lab',
          name: { zh: '新实验室' },
          attributes: { ownerType: 'soe', openness: 'open' },
        });
        return data;
      },
      { field: 'name.en', message: 'missing; expected string' },
    ],
    [
      'a relation to a missing id',
      (data) => {
        const relation = data.relations[0];
        if (relation !== undefined) relation.to = 'nobody-here';
        return data;
      },
      { field: 'to', message: "no entity with id 'nobody-here'" },
    ],
    [
      'a relation between kinds the model forbids',
      (data) => {
        const supplies = data.relations.find((r) => r.type === 'SUPPLIES');
        if (supplies !== undefined) [supplies.from, supplies.to] = [supplies.to, supplies.from];
        return data;
      },
      { field: 'type' },
    ],
    [
      'a kind change of a stored entity',
      (data) => {
        const lab = data.entities.find((e) => e.kind === 'Lab');
        if (lab !== undefined) {
          lab.kind = 'PilotBase';
        }
        return data;
      },
      { field: 'kind' },
    ],
    [
      'a valid file with one bad date at the very end',
      (data) => {
        data.entities.push({
          id: 'brand-new',
          kind: 'Consortium',
          name: { zh: '新联合体', en: 'New consortium' },
        });
        const last = data.relations.at(-1);
        if (last !== undefined) last.since = '2024-02-30';
        return data;
      },
      { field: 'since' },
    ],
  ];

  it.each(cases)('refuses %s, naming record and field', async (_name, breakIt, expected) => {
    const issues = await refusal(breakIt(seedCopy()));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject(expected);
    expect(issues[0]?.record).toMatch(/^(entities|relations)\[\d+\] \(id [^)]+\)$/);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
  });

  it('refuses malformed JSON with its line and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innograph-seed-'));
    const file = join(dir, 'broken.json');
    await writeFile(file, '{\n  "format": "innograph-dataset",\n  "entities": [,]\n}');
    await expect(readDatasetFile(file)).rejects.toThrow(`${file}: line 3, column 16: malformed JSON`);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
  });
});

describe('npm run seed', () => {
  const seedCli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'graph-seed/src/cli.ts', ...args], {
      cwd: ROOT,
      env: cliEnv(),
    });

  it('prints counts by kind and changes nothing on a second run', async () => {
    const { stdout } = await seedCli();
    expect(stdout).toMatch(/entities: +0 created, 0 updated, \d+ unchanged/);
    expect(stdout).toMatch(/PrivateFirm +\d+/);
    expect(stdout).toMatch(/OPENS_TO +\d+/);
  });

  it('exits 1 on a bad file, naming file, record and field, and writes nothing', async () => {
    const before = await databaseFingerprint(executor);
    const dir = await mkdtemp(join(tmpdir(), 'innograph-seed-'));
    const file = join(dir, 'bad.json');
    const data = seedCopy();
    data.entities.push({ id: 'x-1', kind: 'Spaceport', name: { zh: '甲', en: 'A' } });
    await writeFile(file, JSON.stringify(data));
    const failure = await seedCli('--file', file).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    const stderr =
      failure !== null && typeof failure === 'object' && 'stderr' in failure ? String(failure.stderr) : '';
    expect(stderr).toContain(
      `${file}: entities[${data.entities.length - 1}] (id x-1): kind: unknown entity kind "Spaceport"`,
    );
    expect(stderr).toContain('nothing was written');
    expect(await databaseFingerprint(executor)).toBe(before);
  });

  it('refuses an unknown flag with the usage line', async () => {
    const failure = await seedCli('--fiel', 'x.json').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
  });
});

describe('large loads', () => {
  it('validates first, then writes in batches beside the seed graph, idempotently', async () => {
    const before = await graphCounts(executor);
    const dataset = generateDataset({ entities: 3000, seed: 7 });
    const first = await loadDataset(executor, dataset, { singleTransactionLimit: 1000, batchSize: 700 });
    expect(first.report.mode).toBe('batched');
    const counts = await graphCounts(executor);
    expect(counts.entities).toBe(before.entities + dataset.entities.length);
    expect(counts.relations).toBe(before.relations + dataset.relations.length);
    const stored = await exportEcosystem(executor);
    const loaded = new Set([...first.dataset.entities, ...first.dataset.relations].map((r) => r.id));
    expect(stored.entities.filter((e) => loaded.has(e.id))).toEqual(byId(first.dataset.entities));
    expect(stored.relations.filter((r) => loaded.has(r.id))).toEqual(byId(first.dataset.relations));
    const fingerprint = await databaseFingerprint(executor);
    const second = await loadDataset(executor, dataset, { singleTransactionLimit: 1000, batchSize: 700 });
    expect(second.report.entities.unchanged).toBe(dataset.entities.length);
    expect(await databaseFingerprint(executor)).toBe(fingerprint);
  });

  it('counts the stored relations a reset deletes when choosing one transaction or batches', async () => {
    // Stored now: the seed and the generated 3,000 entities with their relations. The seed alone
    // plus the stored entities would fit the limit; with the stored relations it does not, so the
    // reset and the load go in batches (deleting many relationships in one transaction can
    // exceed Neo4j's transaction memory).
    const stored = await graphCounts(executor);
    const parsed = seedCopy();
    const records = parsed.entities.length + parsed.relations.length;
    const limit = records + stored.entities + 10;
    expect(records + stored.entities + stored.relations).toBeGreaterThan(limit);
    const { report } = await loadDataset(executor, seed, { reset: true, singleTransactionLimit: limit });
    expect(report.mode).toBe('batched');
    expect(await graphCounts(executor)).toMatchObject({
      entities: parsed.entities.length,
      relations: parsed.relations.length,
    });
  });

  it('replaces everything with --reset', async () => {
    const { report } = await loadDataset(executor, seed, { reset: true });
    expect(report.reset).toBe(true);
    const counts = await graphCounts(executor);
    const parsed = seedCopy();
    expect(counts.entities).toBe(parsed.entities.length);
  });
});

describe('a large load into an empty database', () => {
  const sizes = { singleTransactionLimit: 1000, batchSize: 500 };
  /** A generated dataset as plain JSON, to break in one place. */
  const generated = () => JSON.parse(JSON.stringify(generateDataset({ entities: 3000, seed: 11 })));

  beforeAll(async () => {
    await freshDatabase(executor);
  });

  it('refuses a bad relation found while the entities were being written, and deletes them again', async () => {
    const empty = await databaseFingerprint(executor);
    const revision = await graphRevision(executor);
    const data = generated();
    const last = data.relations.length - 1;
    data.relations[last].to = 'nobody-here';
    await expect(loadDataset(executor, data, sizes)).rejects.toMatchObject({
      name: 'ModelValidationError',
      issues: [
        {
          record: `relations[${last}] (id ${data.relations[last].id})`,
          field: 'to',
          message: "no entity with id 'nobody-here'",
        },
      ],
    });
    expect(await databaseFingerprint(executor)).toBe(empty);
    // The entities written meanwhile were deleted again: the graph's revision moved on, so that
    // no reader keeps a view that showed them.
    expect(await graphRevision(executor)).not.toBe(revision);
  });

  it('refuses a bad entity before writing anything', async () => {
    const empty = await databaseFingerprint(executor);
    const revision = await graphRevision(executor);
    const data = generated();
    const lastEntity = data.entities.length - 1;
    data.entities[lastEntity].name = { zh: '只有中文' };
    const issues = await refusal(data, sizes);
    expect(issues[0]).toEqual({
      record: `entities[${lastEntity}] (id ${data.entities[lastEntity].id})`,
      field: 'name.en',
      message: 'missing; expected string',
    });
    // Its relations are refused too, for that entity's errors.
    expect(issues.slice(1).every((issue) => issue.message.includes('has errors'))).toBe(true);
    expect(await databaseFingerprint(executor)).toBe(empty);
    expect(await graphRevision(executor)).toBe(revision);
  });

  it('writes every record, in batches, as the export reads them back', async () => {
    const { dataset, report } = await loadDataset(executor, generated(), sizes);
    expect(report).toMatchObject({
      mode: 'batched',
      entities: { created: dataset.entities.length, updated: 0, unchanged: 0 },
      relations: { created: dataset.relations.length, updated: 0, unchanged: 0 },
    });
    const stored = await exportEcosystem(executor);
    expect(stored.entities).toEqual(byId(dataset.entities));
    expect(stored.relations).toEqual(byId(dataset.relations));
  });
});
