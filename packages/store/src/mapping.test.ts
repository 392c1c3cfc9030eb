import { type Entity, EntitySchema, type Relation, RelationSchema } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import {
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
});
