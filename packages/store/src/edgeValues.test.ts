import { RELATION_KIND_NAMES, RELATION_KINDS, type RelationKind } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { EDGE_FIELD_COUNT, EdgeReader, graphEdge } from './edgeValues.js';
import { StoreError } from './errors.js';

/** Values of one attribute of a kind to try: unset, and what the kind's schema accepts. */
const ATTRIBUTE_VALUES: Record<string, unknown[]> = {
  focusAreas: [null, ['智能座舱', 'V2X "edge" \\ test'], []],
  accessTypes: [null, ['equipment', 'joint-testing']],
  capability: [null, 'LiDAR', '线控底盘 "quoted"'],
  part: [null, 'battery pack'],
  role: [null, 'core', 'member', 'lead', 'participant'],
  stage: [null, 'seed', 'growth'],
  amountBand: [null, '10m-50m'],
  position: [null, 'upstream', 'midstream'],
};

/** The attribute values lists a kind's schema accepts, one per combination of the values above
 *  (as the ontology's schema parses them, which is what the reader must agree with). */
function attributeCases(type: RelationKind): unknown[][] {
  const names = Object.keys(RELATION_KINDS[type].attributes.shape);
  let cases: unknown[][] = [[]];
  for (const name of names) {
    const values = ATTRIBUTE_VALUES[name];
    if (values === undefined) throw new Error(`no test values for the attribute ${name}`);
    cases = cases.flatMap((head) => values.map((value) => [...head, value]));
  }
  return cases.filter((values) => {
    const set = Object.fromEntries(
      names.flatMap((name, index) => (values[index] === null ? [] : [[name, values[index]]])),
    );
    return RELATION_KINDS[type].attributes.safeParse(set).success;
  });
}

function relationValues(type: RelationKind, id: string, attributes: unknown[], until: string | null = null) {
  return [
    type,
    'syn-a-1',
    `syn-b-${id}`,
    id,
    'active',
    '2021-03-04',
    until,
    ' Interview notes, 2024 ',
    'reported',
    ...attributes,
  ];
}

/** The edge as graph reads built it before: the attributes parsed as one object by the kind's
 *  schema, the evidence source trimmed. */
function expected(values: unknown[]) {
  const type = values[0] as RelationKind;
  const schema = RELATION_KINDS[type].attributes;
  const names = Object.keys(schema.shape);
  const set = Object.fromEntries(
    names.flatMap((name, index) => {
      const value = values[EDGE_FIELD_COUNT + index];
      return value === null || value === undefined ? [] : [[name, value]];
    }),
  );
  return graphEdge({
    type,
    from: values[1] as string,
    to: values[2] as string,
    id: values[3] as string,
    status: 'active',
    since: '2021-03-04',
    until: values[6] as string | null,
    source: 'Interview notes, 2024',
    confidence: 'reported',
    attributes: schema.parse(set),
  });
}

describe('EdgeReader', () => {
  it('reads every relation kind as parsing its attributes with the kind schema would, and writes the same JSON', () => {
    const reader = new EdgeReader();
    let n = 0;
    const tried = new Set<unknown>();
    for (const type of RELATION_KIND_NAMES) {
      const cases = attributeCases(type);
      expect(cases.length).toBeGreaterThan(0);
      for (const attributes of cases) {
        for (const value of attributes) tried.add(value);
        for (const until of [null, '2025-12-31']) {
          n += 1;
          const values = relationValues(type, `rel-${n}`, attributes, until);
          const edge = graphEdge(reader.read(values));
          expect(edge).toEqual(expected(values));
          expect(Object.keys(edge.attributes)).toEqual(Object.keys(expected(values).attributes));
          expect(reader.text()).toBe(JSON.stringify(expected(values)));
        }
      }
    }
    // Every test value was valid for some kind, so each was read, not filtered out.
    for (const values of Object.values(ATTRIBUTE_VALUES))
      for (const value of values) expect(tried).toContain(value);
    expect(n).toBeGreaterThan(40);
  });

  it('gives each edge its own default array, and a changed value its own check', () => {
    const reader = new EdgeReader();
    const first = reader.read(relationValues('PAIRED_WITH', 'p1', [null])).attributes;
    const second = reader.read(relationValues('PAIRED_WITH', 'p2', [null])).attributes;
    expect(first.focusAreas).toEqual([]);
    expect(second.focusAreas).toEqual([]);
    expect(second.focusAreas).not.toBe(first.focusAreas);
    expect(reader.read(relationValues('MEMBER_OF', 'm1', ['core'])).attributes).toEqual({ role: 'core' });
    expect(reader.read(relationValues('MEMBER_OF', 'm2', [null])).attributes).toEqual({ role: 'member' });
    expect(reader.text()).toContain('"attributes":{"role":"member","type":"MEMBER_OF"');
    expect(() => reader.read(relationValues('MEMBER_OF', 'm3', ['boss']))).toThrow(
      /invalid MEMBER_OF attribute role/,
    );
  });

  it('names the field a stored relation got wrong', () => {
    const reader = new EdgeReader();
    const cases: [number, unknown, RegExp][] = [
      [0, 'KNOWS', /invalid type/],
      [2, 'bad id!', /invalid end/],
      [3, '', /id/],
      [4, 'paused', /invalid status/],
      [5, '2021-13-45', /invalid since/],
      [6, 'soon', /invalid until/],
      [7, '   ', /invalid source/],
      [8, 'rumoured', /invalid confidence/],
    ];
    for (const [index, value, message] of cases) {
      const values = relationValues('OPERATES', 'o1', []);
      values[index] = value;
      expect(() => reader.read(values)).toThrow(message);
    }
    expect(() => reader.read('not a list')).toThrow(StoreError);
    // A value once rejected is rejected again, and a good one after it still reads.
    expect(() => reader.read(relationValues('OPERATES', 'o2', []).with(4, 'paused'))).toThrow(/status/);
    expect(reader.read(relationValues('OPERATES', 'o3', [])).status).toBe('active');
  });
});
