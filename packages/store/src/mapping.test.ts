import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Entity, EntitySchema, parseDataset, type Relation, RelationSchema } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  contentHash,
  entityContent,
  entityFromProperties,
  entityProperties,
  relationContent,
  relationFromProperties,
  relationProperties,
} from './mapping.js';

/** The canonical JSON of the first implementation, which wrote the hashes already stored. */
function originalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(originalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${originalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const firm: Entity = EntitySchema.parse({
  id: 'pf-1',
  kind: 'PrivateFirm',
  name: { zh: '渝芯智驾', en: 'Yuxin Smart Driving' },
  attributes: { stage: 'growth', revenueBand: '10m-100m', capabilities: ['intelligent cockpit'] },
});

const opens: Relation = RelationSchema.parse({
  id: 'r-1',
  type: 'OPENS_TO',
  from: 'lab-1',
  to: 'pf-1',
  since: '2023-05-01',
  until: '2025-05-01',
  status: 'ended',
  evidence: { source: 'park annual report', confidence: 'reported' },
  attributes: { accessTypes: ['equipment', 'joint-testing'] },
});

describe('entity properties', () => {
  it('flattens attributes next to the fields and reads them back', () => {
    const props = entityProperties(firm);
    expect(props).toMatchObject({ id: 'pf-1', kind: 'PrivateFirm', nameZh: '渝芯智驾', stage: 'growth' });
    expect(entityFromProperties({ ...props, version: 3, hash: 'x', createdAt: 'y', updatedAt: 'z' })).toEqual(
      firm,
    );
  });

  it('refuses stored properties the model does not allow', () => {
    expect(() => entityFromProperties({ ...entityProperties(firm), stage: 'unicorn' })).toThrow();
  });
});

describe('relation properties', () => {
  it('keeps evidence, dates and attributes and reads them back', () => {
    const props = relationProperties(opens);
    expect(props).toMatchObject({
      source: 'park annual report',
      confidence: 'reported',
      since: '2023-05-01',
    });
    expect(relationFromProperties('OPENS_TO', 'lab-1', 'pf-1', { ...props, version: 1 })).toEqual(opens);
  });
});

describe('contentHash', () => {
  it('ignores key order and undefined values but not content', () => {
    expect(contentHash({ a: 1, b: [1, 2], c: undefined })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(contentHash({ a: 1, b: [2, 1] })).not.toBe(contentHash({ a: 1, b: [1, 2] }));
  });

  // Hashes are stored: a faster canonical form must give exactly the text the first one gave, or
  // every stored record would look changed on the next load.
  it('writes the same canonical text as the original implementation', () => {
    const original = originalJson;
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const keys = ['id', 'Z', 'a', 'a-b', '中文', 'é', '_', '10', '2', 'since'];
    const value = (depth: number): unknown => {
      const pick = Math.floor(random() * (depth > 2 ? 6 : 8));
      if (pick === 0) return null;
      if (pick === 1) return random() < 0.5;
      if (pick === 2) return Math.round(random() * 1e6) / 100;
      if (pick === 3) return `s"\\${keys[Math.floor(random() * keys.length)]}\n`;
      if (pick === 4) return undefined;
      if (pick === 5) return '';
      if (pick === 6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--)
        out[keys[Math.floor(random() * keys.length)] ?? 'k'] = value(depth + 1);
      return out;
    };
    /** A copy with every object's keys inserted in code-unit order: what JSON.stringify may
     *  write as it is (undefined members kept, so those copies take the sorting path). */
    const sorted = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(sorted);
      if (v === null || typeof v !== 'object') return v;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) out[key] = sorted(Reflect.get(v, key));
      return out;
    };
    let written = 0;
    for (let i = 0; i < 2000; i++) {
      const sample = { record: value(0), list: [value(1), value(1)] };
      expect(canonicalJson(sample)).toBe(original(sample));
      const inOrder = sorted(sample);
      const text = canonicalJson(inOrder);
      expect(text).toBe(original(sample));
      if (text === JSON.stringify(inOrder)) written++;
    }
    // Both paths ran: the samples without undefined members, functions or lone undefined items.
    expect(written).toBeGreaterThan(200);
    expect(written).toBeLessThan(2000);
    expect(canonicalJson(firm)).toBe(original(firm));
    for (const odd of [
      [1, undefined, () => 1, Number.NaN, -0, Number.POSITIVE_INFINITY],
      { b: new Date(0), a: Object.create(null) },
      { a: new Array<number>(2).fill(2, 1) },
      { 10: 'x', 2: 'y', a: 'z' },
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ])
      expect(canonicalJson(odd)).toBe(original(odd));
  });

  it('gives every seed record the hash and properties the first implementation gave', () => {
    const seed = parseDataset(
      JSON.parse(readFileSync(new URL('../../../graph-seed/data/seed.json', import.meta.url), 'utf8')),
    );
    const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');
    const stored = (attributes: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined && v !== null));
    for (const entity of seed.entities) {
      const props = {
        ...stored(entity.attributes),
        id: entity.id,
        kind: entity.kind,
        nameZh: entity.name.zh,
        nameEn: entity.name.en,
        ...(entity.description === undefined ? {} : { description: entity.description }),
      };
      const content = entityContent(entity);
      expect(content.props).toEqual(props);
      expect(Object.keys(content.props)).toEqual(Object.keys(props).sort());
      expect(content.hash).toBe(sha1(originalJson(props)));
    }
    for (const relation of seed.relations) {
      const props = {
        ...stored(relation.attributes),
        id: relation.id,
        status: relation.status,
        since: relation.since,
        ...(relation.until === undefined ? {} : { until: relation.until }),
        source: relation.evidence.source,
        confidence: relation.evidence.confidence,
      };
      const content = relationContent(relation);
      expect(content.props).toEqual(props);
      expect(Object.keys(content.props)).toEqual(Object.keys(props).sort());
      const hashed = { props, type: relation.type, from: relation.from, to: relation.to };
      expect(content.hash).toBe(sha1(originalJson(hashed)));
    }
  });
});
