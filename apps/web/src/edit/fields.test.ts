import { ENTITY_KINDS, EntitySchema, RELATION_KINDS } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attributesFrom, fieldsOf, fieldText, issuesByField } from './fields.js';

const jsonOf = (schema: z.ZodObject) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

describe('form fields from the model', () => {
  it('reads every control of the private-firm attributes', () => {
    const fields = fieldsOf(jsonOf(ENTITY_KINDS.PrivateFirm.attributes));
    expect(fields.map((f) => [f.name, f.control, f.required])).toEqual([
      ['ownership', 'select', false],
      ['sector', 'text', false],
      ['stage', 'select', true],
      ['revenueBand', 'select', true],
      ['capabilities', 'tags', false],
      ['advancedServices', 'checkbox', false],
    ]);
    expect(fields.find((f) => f.name === 'stage')).toMatchObject({ options: ['seed', 'growth', 'mature'] });
  });

  it('reads enum lists and integers', () => {
    const fund = fieldsOf(jsonOf(ENTITY_KINDS.Fund.attributes));
    expect(fund.find((f) => f.name === 'stageFocus')).toMatchObject({
      control: 'checkboxes',
      options: ['seed', 'early', 'growth', 'mature'],
      required: true,
    });
    const pilot = fieldsOf(jsonOf(ENTITY_KINDS.PilotBase.attributes));
    expect(pilot.find((f) => f.name === 'capacity')).toMatchObject({ control: 'number', integer: true });
  });

  it('builds attributes the model accepts, splitting tags on Chinese and Latin commas', () => {
    const fields = fieldsOf(jsonOf(ENTITY_KINDS.PrivateFirm.attributes));
    const attributes = attributesFrom(fields, {
      stage: 'growth',
      revenueBand: '10m-100m',
      capabilities: '激光雷达，域控制器, OTA',
      advancedServices: true,
      sector: '  ',
    });
    expect(attributes).toEqual({
      ownership: 'private',
      stage: 'growth',
      revenueBand: '10m-100m',
      capabilities: ['激光雷达', '域控制器', 'OTA'],
      advancedServices: true,
    });
    const parsed = EntitySchema.safeParse({
      id: 'pf-new',
      kind: 'PrivateFirm',
      name: { zh: '新企业', en: 'New firm' },
      attributes,
    });
    expect(parsed.success).toBe(true);
  });

  it('names the field of each model error', () => {
    const parsed = EntitySchema.safeParse({
      id: 'bad id',
      kind: 'PrivateFirm',
      name: { zh: '', en: 'x' },
      attributes: { stage: 'teen', revenueBand: 'under10m' },
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = issuesByField(parsed.error);
    expect(Object.keys(issues).sort()).toEqual(['attributes.stage', 'id', 'name.zh']);
  });

  it('shows stored values back in the form', () => {
    const fields = fieldsOf(jsonOf(RELATION_KINDS.OPENS_TO.attributes));
    const access = fields.find((f) => f.name === 'accessTypes');
    expect(access?.control).toBe('checkboxes');
    if (access) expect(fieldText(access, ['data'])).toEqual(['data']);
  });
});
