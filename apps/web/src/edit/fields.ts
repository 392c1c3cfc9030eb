/**
 * Form fields from the model: the attributes of a kind, read from the JSON Schema that
 * `GET /api/model` serves, become typed fields, so a kind added to the ontology needs no new
 * form code. Values go back through the model's own zod schemas for validation.
 */
import { z } from 'zod';

export type FieldControl =
  | { control: 'select'; options: string[] }
  | { control: 'checkboxes'; options: string[] }
  | { control: 'tags' }
  | { control: 'checkbox' }
  | { control: 'number'; integer: boolean }
  | { control: 'text' };

export type Field = FieldControl & {
  name: string;
  required: boolean;
  defaultValue: unknown;
};

const PropertySchema = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  enum: z.array(z.unknown()).optional(),
  items: z.looseObject({ type: z.string().optional(), enum: z.array(z.unknown()).optional() }).optional(),
  default: z.unknown().optional(),
});

const ObjectSchema = z.looseObject({
  properties: z.record(z.string(), z.unknown()).optional(),
  required: z.array(z.string()).optional(),
});

const strings = (values: readonly unknown[]) => values.filter((v): v is string => typeof v === 'string');

/** The fields of an attributes JSON Schema, in the order the model lists them. */
export function fieldsOf(jsonSchema: unknown): Field[] {
  const object = ObjectSchema.safeParse(jsonSchema);
  if (!object.success) return [];
  const required = new Set(object.data.required ?? []);
  const fields: Field[] = [];
  for (const [name, raw] of Object.entries(object.data.properties ?? {})) {
    const property = PropertySchema.safeParse(raw);
    if (!property.success) continue;
    const p = property.data;
    const base = { name, required: required.has(name) && p.default === undefined, defaultValue: p.default };
    if (p.enum) fields.push({ ...base, control: 'select', options: strings(p.enum) });
    else if (p.type === 'array' && p.items?.enum)
      fields.push({ ...base, control: 'checkboxes', options: strings(p.items.enum) });
    else if (p.type === 'array') fields.push({ ...base, control: 'tags' });
    else if (p.type === 'boolean') fields.push({ ...base, control: 'checkbox' });
    else if (p.type === 'integer' || p.type === 'number')
      fields.push({ ...base, control: 'number', integer: p.type === 'integer' });
    else fields.push({ ...base, control: 'text' });
  }
  return fields;
}

/** A form's text state for one field, from a stored value. */
export function fieldText(field: Field, value: unknown): string | string[] | boolean {
  const v = value === undefined ? field.defaultValue : value;
  switch (field.control) {
    case 'checkboxes':
      return Array.isArray(v) ? strings(v) : [];
    case 'tags':
      return Array.isArray(v) ? strings(v).join(', ') : '';
    case 'checkbox':
      return v === true;
    default:
      return v === undefined || v === null ? '' : String(v);
  }
}

/** The attribute value of a field's form state; empty optional fields are left out. */
export function fieldValue(field: Field, text: string | string[] | boolean): unknown {
  switch (field.control) {
    case 'checkboxes':
      return Array.isArray(text) ? text : [];
    case 'tags':
      return typeof text === 'string'
        ? text
            .split(/[,，、;；\n]/)
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : [];
    case 'checkbox':
      return text === true;
    case 'number': {
      if (typeof text !== 'string' || text.trim() === '') return undefined;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    default:
      return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
  }
}

/** Attributes from form state, leaving out fields with no value. */
export function attributesFrom(
  fields: readonly Field[],
  texts: Readonly<Record<string, string | string[] | boolean>>,
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const field of fields) {
    const value = fieldValue(field, texts[field.name] ?? fieldText(field, undefined));
    if (value !== undefined) attributes[field.name] = value;
  }
  return attributes;
}

/** zod issues as `path → message`, the path joined with dots (`attributes.stage`). */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}
