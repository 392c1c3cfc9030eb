import { type Entity, EntitySchema, type Relation, RelationSchema } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  contentHash,
  entityFromProperties,
  entityProperties,
  relationFromProperties,
  relationProperties,
} from './mapping.js';

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
    const original = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(original).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${original(v)}`).join(',')}}`;
      }
      return JSON.stringify(value);
    };
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
    for (let i = 0; i < 2000; i++) {
      const sample = { record: value(0), list: [value(1), value(1)] };
      expect(canonicalJson(sample)).toBe(original(sample));
    }
    expect(canonicalJson(firm)).toBe(original(firm));
  });
});
