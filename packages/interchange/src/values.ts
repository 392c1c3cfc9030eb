/**
 * Attribute values between the model and flat formats (CSV cells, GEXF and GraphML attributes),
 * where every value may arrive as text. The attribute's schema in the ontology says what it is: a
 * list, a number, a yes/no, a choice among names, or text.
 */
import { ENTITY_KINDS, RELATION_KINDS, VALUE_NAMES } from '@innograph/model';
import { z } from 'zod';

export type ValueShape =
  | { type: 'list'; item: ValueShape }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'text' };

/** What an attribute schema holds, under its optional / default wrappers. */
export function valueShape(schema: z.core.$ZodType): ValueShape {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return valueShape(schema.unwrap());
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return valueShape(schema.unwrap());
  }
  if (schema instanceof z.ZodArray) return { type: 'list', item: valueShape(schema.element) };
  if (schema instanceof z.ZodNumber) return { type: 'number' };
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodEnum) return { type: 'choice', options: schema.options.map(String) };
  return { type: 'text' };
}

function shapes(kinds: Record<string, { attributes: z.ZodObject }>): Map<string, Map<string, ValueShape>> {
  return new Map(
    Object.entries(kinds).map(([kind, def]) => [
      kind,
      new Map(Object.entries(def.attributes.shape).map(([name, schema]) => [name, valueShape(schema)])),
    ]),
  );
}

/** Attribute shapes by entity kind and by relation kind. */
export const ENTITY_ATTRIBUTE_SHAPES = shapes(ENTITY_KINDS);
export const RELATION_ATTRIBUTE_SHAPES = shapes(RELATION_KINDS);

/** Every attribute name of the given kinds, in the order the ontology first lists them. */
export function attributeColumns(byKind: Map<string, Map<string, ValueShape>>): string[] {
  const names = new Set<string>();
  for (const attributes of byKind.values()) for (const name of attributes.keys()) names.add(name);
  return [...names];
}

/** The shape an attribute has in any kind (the same name has the same shape everywhere). */
export function shapeOfAttribute(byKind: Map<string, Map<string, ValueShape>>, name: string) {
  for (const attributes of byKind.values()) {
    const shape = attributes.get(name);
    if (shape !== undefined) return shape;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Text to value
// ---------------------------------------------------------------------------------------------

/** Characters that separate list items in a cell: `;`, full-width `；`, `|`, `、` and line breaks. */
const LIST_SEPARATORS = /[;；|、\n]/;
const TRUE = new Set(['true', 'yes', 'y', '1', '是', '有', '真']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '无', '假']);

/** Display names (Chinese, or English in any case) back to the model's value, for choices. */
const VALUE_BY_NAME = new Map<string, string>();
for (const [value, name] of Object.entries(VALUE_NAMES)) {
  VALUE_BY_NAME.set(name.zh, value);
  VALUE_BY_NAME.set(name.en.toLowerCase(), value);
}

export interface ValueOptions {
  /** Cell values to replace first (a person's mapping: `"国有": "state"`). */
  values?: Readonly<Record<string, string>>;
}

/** A choice given by its model name, its display name in either language or a mapped name. */
export function choiceValue(text: string, options: readonly string[], mapping: ValueOptions = {}): string {
  const mapped = mapping.values?.[text] ?? text;
  if (options.includes(mapped)) return mapped;
  const named = VALUE_BY_NAME.get(mapped) ?? VALUE_BY_NAME.get(mapped.toLowerCase());
  if (named !== undefined && options.includes(named)) return named;
  const lower = options.find((option) => option.toLowerCase() === mapped.toLowerCase());
  return lower ?? mapped;
}

/**
 * The value of a text for an attribute of the given shape; text that does not fit is returned as
 * it is, so that the model's check names the field and what it expected. Empty text is no value.
 */
export function valueFromText(text: string, shape: ValueShape, mapping: ValueOptions = {}): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (shape.type) {
    case 'list': {
      let items: unknown[];
      if (trimmed.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(trimmed);
          if (!Array.isArray(parsed)) return trimmed;
          items = parsed;
        } catch {
          return trimmed;
        }
      } else {
        items = trimmed
          .split(LIST_SEPARATORS)
          .map((item) => item.trim())
          .filter((item) => item !== '');
      }
      return items.map((item) =>
        typeof item === 'string' ? valueFromText(item, shape.item, mapping) : item,
      );
    }
    case 'number': {
      const number = Number(trimmed.replaceAll(',', ''));
      return Number.isFinite(number) ? number : trimmed;
    }
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return trimmed;
    }
    case 'choice':
      return choiceValue(trimmed, shape.options, mapping);
    case 'text':
      return mapping.values?.[trimmed] ?? trimmed;
  }
}

/** A value as it arrived from a typed format (GEXF and GraphML carry numbers and booleans as
 *  such): strings go through `valueFromText`, everything else is kept. */
export function valueFromAny(value: unknown, shape: ValueShape, mapping: ValueOptions = {}): unknown {
  if (typeof value === 'string') return valueFromText(value, shape, mapping);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Value to text
// ---------------------------------------------------------------------------------------------

/** A list as one cell: items joined with `; `, or as a JSON array when an item could not be told
 *  apart that way (it holds a separator, or starts with `[`). */
export function listText(items: readonly unknown[]): string {
  const strings = items.map(String);
  const plain = strings.every(
    (item) => !LIST_SEPARATORS.test(item) && !item.startsWith('[') && item.trim() === item,
  );
  return plain ? strings.join('; ') : JSON.stringify(items);
}

/** Any attribute value as text, for a CSV cell. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : listText(value);
  return String(value);
}
