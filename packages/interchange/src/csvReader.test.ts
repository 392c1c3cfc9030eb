import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRows, detectSeparator } from './csvReader.js';

async function rows(...chunks: string[]) {
  const out: { line: number; fields: string[] }[] = [];
  for await (const row of csvRows(chunks)) out.push(row);
  return out;
}

describe('csvRows', () => {
  it('reads quoted fields with separators, quotes and line breaks, and gives each row its first line', async () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n\r\nlast,row';
    expect(await rows(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'z'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('gives the same rows whatever the chunks', async () => {
    const text = 'id,name\n1,"a\nb"\r\n2,c\n';
    const whole = await rows(text);
    expect(await rows(...text.split(''))).toEqual(whole);
    expect(await rows(text.slice(0, 9), text.slice(9))).toEqual(whole);
  });

  it('keeps empty fields and reads tab- and semicolon-separated files', async () => {
    expect(await rows('a,,c\n,,\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', '', ''] },
    ]);
    expect(await rows('a\tb\n1\t2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(detectSeparator('id;name;"a,b"')).toBe(';');
  });

  it('names the line of a quote never closed or text after a closing quote', async () => {
    await expect(rows('a,b\n1,"open\n2,3\n')).rejects.toEqual(
      new CsvSyntaxError(2, 'a quoted field is never closed (a missing `"`)'),
    );
    await expect(rows('a,b\n1,"x"y\n')).rejects.toMatchObject({ line: 2 });
    await expect(rows('a,b\n1,x"y\n')).rejects.toMatchObject({ line: 2 });
  });
});
