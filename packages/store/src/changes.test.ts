import { describe, expect, it } from 'vitest';
import {
  CHANGE_LOG_LABEL,
  CHANGE_SEQUENCE_LABEL,
  decodeChangesCursor,
  encodeChangesCursor,
} from './changes.js';
import { InvalidCursorError } from './reads.js';
import { schemaStatements } from './schema.js';

describe('change-log cursors', () => {
  it('round-trip the position', () => {
    expect(decodeChangesCursor(encodeChangesCursor(42))).toBe(42);
  });

  it('refuse text the change log did not make, including search cursors', () => {
    const search = Buffer.from(JSON.stringify({ by: 'name', name: 'x', id: 'y' })).toString('base64url');
    for (const text of ['', 'not a cursor', 'bm90LWEtY3Vyc29y', search, encodeChangesCursor(0)]) {
      expect(() => decodeChangesCursor(text)).toThrow(InvalidCursorError);
    }
  });
});

describe('change-log schema', () => {
  const statements = schemaStatements();

  it('makes entry ids and the sequence node unique', () => {
    expect(statements).toContain(
      `CREATE CONSTRAINT change_log_entry_id IF NOT EXISTS FOR (e:${CHANGE_LOG_LABEL}) REQUIRE e.id IS UNIQUE`,
    );
    expect(statements).toContain(
      `CREATE CONSTRAINT change_log_sequence_id IF NOT EXISTS FOR (s:${CHANGE_SEQUENCE_LABEL}) REQUIRE s.id IS UNIQUE`,
    );
  });

  it('indexes the order, the time and the target of entries', () => {
    for (const property of ['seq', 'at', 'targetId']) {
      expect(statements.some((s) => s.includes(`(e:${CHANGE_LOG_LABEL}) ON (e.${property})`))).toBe(true);
    }
  });
});
