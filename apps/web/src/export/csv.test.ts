import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves Chinese text alone', () => {
    expect(toCsv(['名称'], [['重庆, "两江"'], ['line\nbreak'], ['长安汽车']])).toBe(
      '\uFEFF名称\r\n"重庆, ""两江"""\r\n"line\nbreak"\r\n长安汽车\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['x'], [['=HYPERLINK("evil")'], [-0.5], ['-1']])).toBe(
      '\uFEFFx\r\n"\'=HYPERLINK(""evil"")"\r\n-0.5\r\n"\'-1"\r\n',
    );
  });

  it('leaves empty cells for null, undefined and non-finite numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, Number.NaN]])).toBe('\uFEFFa,b,c\r\n,,\r\n');
  });
});
