import { describe, expect, it } from 'vitest';
import { EntitySchema } from './entity.js';

describe('EntitySchema', () => {
  it('applies the kind defaults', () => {
    const entity = EntitySchema.parse({
      id: 'cl-1',
      kind: 'ChainLeader',
      name: { zh: '渝江汽车', en: 'Yujiang Auto' },
    });
    expect(entity).toEqual({
      id: 'cl-1',
      kind: 'ChainLeader',
      name: { zh: '渝江汽车', en: 'Yujiang Auto' },
      attributes: { ownership: 'state', capabilitiesNeeded: [] },
    });
  });

  it('checks kind-specific attributes against the kind', () => {
    const result = EntitySchema.safeParse({
      id: 'pf-1',
      kind: 'PrivateFirm',
      name: { zh: '甲', en: 'A' },
      attributes: { stage: 'teenage', revenueBand: 'under10m', openness: 'open' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('attributes.stage');
    expect(result.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
  });

  it('refuses ids that could not be a stable key', () => {
    for (const id of ['', ' spaced', 'a b', 'x'.repeat(129), "quote'd"]) {
      expect(
        EntitySchema.safeParse({ id, kind: 'Consortium', name: { zh: '甲', en: 'A' } }).success,
        id,
      ).toBe(false);
    }
  });
});
