import { describe, expect, it } from 'vitest';
import { ModelValidationError } from './issues.js';
import { jsonErrorOffset, lineAndColumn, parseJsonText } from './json.js';

describe('parseJsonText', () => {
  it('parses JSON, skipping a byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a": 1}')).toEqual({ a: 1 });
  });

  it('names the line and column of malformed JSON', () => {
    try {
      parseJsonText('{\n  "a": 1,\n  "b": oops\n}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelValidationError);
      if (!(error instanceof ModelValidationError)) return;
      expect(error.issues[0]?.record).toBe('line 3, column 8');
      expect(error.issues[0]?.message).toMatch(/^malformed JSON/);
    }
  });

  it('says an empty file is empty', () => {
    expect(() => parseJsonText('  \n')).toThrow(ModelValidationError);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    ['[1, 2, ]', 7],
    ['{"a" 1}', 5],
    ['{"a": tru}', 6],
    ['{"a": "x\\q"}', 9],
    ['[1] 2', 4],
    ['{"a": [1, 2', 11],
    ['-', 0],
  ])('%s fails at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
