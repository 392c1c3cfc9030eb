import { ENTITY_KIND_NAMES, type EntityKind, RELATION_KIND_NAMES, type RelationKind } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import {
  chunks,
  entityPropertyKeys,
  kindLabel,
  propertyKey,
  relationPropertyKeys,
  relationType,
} from './cypher.js';
import {
  createEntitiesQuery,
  createRelationsQuery,
  entityCreateRow,
  relationCreateRow,
} from './datasetLoader.js';
import { schemaStatements } from './schema.js';

describe('Cypher names', () => {
  it('quotes the model kinds and refuses anything else', () => {
    expect(kindLabel('PrivateFirm')).toBe('`PrivateFirm`');
    expect(relationType('OPENS_TO')).toBe('`OPENS_TO`');
    // Text from outside that reached here by mistake must never become part of a query.
    const injected = 'Lab`) DETACH DELETE n //';
    expect(() => kindLabel(injected as EntityKind)).toThrow(/not an entity kind/);
    expect(() => relationType(injected as RelationKind)).toThrow(/not a relation kind/);
  });

  it('splits lists into batches', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
  });
});

describe('schemaStatements', () => {
  const statements = schemaStatements();

  it('makes ids unique for every kind and relation kind, idempotently', () => {
    for (const kind of ENTITY_KIND_NAMES) {
      expect(statements.some((s) => s.includes(`(n:\`${kind}\`) REQUIRE n.id IS UNIQUE`))).toBe(true);
    }
    for (const type of RELATION_KIND_NAMES) {
      expect(statements.some((s) => s.includes(`[r:\`${type}\`]-() REQUIRE r.id IS UNIQUE`))).toBe(true);
    }
    for (const statement of statements)
      expect(statement).toMatch(/^(CREATE .* IF NOT EXISTS .*|DROP INDEX \w+ IF EXISTS)$/s);
  });

  it('keeps no relationship index that no query uses', () => {
    for (const type of RELATION_KIND_NAMES) {
      const name = type.toLowerCase();
      expect(statements).toContain(`DROP INDEX rel_${name}_since IF EXISTS`);
      expect(statements).toContain(`DROP INDEX rel_${name}_status IF EXISTS`);
      expect(statements.filter((s) => s.startsWith('CREATE INDEX') && s.includes(`[r:\`${type}\`]`))).toEqual(
        [],
      );
    }
  });

  it('indexes both names for full-text search', () => {
    expect(statements.some((s) => s.includes('FULLTEXT INDEX') && s.includes('[n.nameZh, n.nameEn]'))).toBe(
      true,
    );
  });
});

describe('property keys of the create statements', () => {
  it('name every attribute of the kind and the common fields', () => {
    expect(entityPropertyKeys('PrivateFirm')).toEqual(
      expect.arrayContaining([
        'ownership',
        'stage',
        'capabilities',
        'id',
        'kind',
        'nameZh',
        'nameEn',
        'description',
      ]),
    );
    expect(relationPropertyKeys('OPENS_TO')).toEqual(
      expect.arrayContaining(['accessTypes', 'id', 'status', 'since', 'until', 'source', 'confidence']),
    );
    /** Each property the query writes, with the row column it reads. */
    const written = (query: string) =>
      [...query.matchAll(/`(\w+)`: (?:date\()?row\[(\d+)\]/g)].map(([, key, column]) => [
        key,
        Number(column),
      ]);
    for (const kind of ENTITY_KIND_NAMES) {
      const keys = entityPropertyKeys(kind);
      const props = Object.fromEntries(keys.map((key) => [key, `value of ${key}`]));
      const row = entityCreateRow(kind, props, 'the hash');
      const columns = written(createEntitiesQuery(kind));
      expect(columns.map(([key]) => key)).toEqual(keys);
      for (const [key, column] of columns) expect(row[Number(column)]).toBe(`value of ${key}`);
      expect(createEntitiesQuery(kind)).toContain('hash: row[0]');
      expect(row[0]).toBe('the hash');
      // A property the entity lacks is a null column: CREATE writes no property for it.
      expect(entityCreateRow(kind, {}, 'h').slice(1)).toEqual(keys.map(() => null));
    }
    for (const type of RELATION_KIND_NAMES) {
      const keys = relationPropertyKeys(type);
      const props = Object.fromEntries(keys.map((key) => [key, `value of ${key}`]));
      const row = relationCreateRow({ type, from: 'the start', to: 'the end' }, props, 'the hash');
      const query = createRelationsQuery(type);
      const columns = written(query);
      expect(columns.map(([key]) => key)).toEqual(keys);
      for (const [key, column] of columns) expect(row[Number(column)]).toBe(`value of ${key}`);
      expect(query).toContain('a.id = row[0]');
      expect(query).toContain('b.id = row[1]');
      expect(query).toContain('hash: row[2]');
      expect(row.slice(0, 3)).toEqual(['the start', 'the end', 'the hash']);
      expect(query).toMatch(/`since`: date\(row\[\d+\]\)/);
      expect(query).toMatch(/`until`: date\(row\[\d+\]\)/);
    }
  });

  it('refuse a key that is not an identifier', () => {
    expect(() => propertyKey('a` }) DETACH DELETE n //')).toThrow(/not a property name/);
  });
});
