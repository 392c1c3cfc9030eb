import { ENTITY_KIND_NAMES, type EntityKind, RELATION_KIND_NAMES, type RelationKind } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { chunks, kindLabel, relationType } from './cypher.js';
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
    for (const statement of statements) expect(statement).toContain('IF NOT EXISTS');
  });

  it('indexes both names for full-text search', () => {
    expect(statements.some((s) => s.includes('FULLTEXT INDEX') && s.includes('[n.nameZh, n.nameEn]'))).toBe(
      true,
    );
  });
});
