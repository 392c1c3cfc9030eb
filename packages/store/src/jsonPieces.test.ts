import { describe, expect, it } from 'vitest';
import { JsonPieces, jsonObject } from './jsonPieces.js';

/** The pieces' JSON array as text, written the way answers write it (`jsonObject`). */
function arrayText(pieces: JsonPieces, sorted: boolean): string {
  const text = jsonObject([['a', { pieces, sorted }]]).toString('utf8');
  return text.slice('{"a":'.length, -1);
}

describe('JsonPieces', () => {
  it('joins the pieces into a JSON array, in the order added or by key', () => {
    const pieces = new JsonPieces();
    const items = [
      { key: 'r-10', value: { name: '中文名称', n: 1 } },
      { key: 'r-02', value: { name: 'plain "quoted" \\ text', n: 2 } },
      { key: 'r-1', value: { name: 'emoji 🚀 and é', n: 3 } },
      { key: 'R-9', value: { list: [1, 2, 3] } },
    ];
    for (const { key, value } of items) pieces.add(key, JSON.stringify(value));
    expect(pieces.count).toBe(4);
    expect(arrayText(pieces, false)).toBe(JSON.stringify(items.map((item) => item.value)));
    const byKey = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(arrayText(pieces, true)).toBe(JSON.stringify(byKey.map((item) => item.value)));
  });

  it('grows past its first chunk of bytes and its first arrays of offsets', () => {
    // About 3 MB: several 1 MiB chunks, and more than 1,024 pieces.
    const values = Array.from({ length: 5000 }, (_, i) => ({ i, text: `第${i}项 `.repeat((i % 7) * 20) }));
    const pieces = new JsonPieces();
    values.forEach((value, i) => {
      pieces.add(String(5000 - i).padStart(5, '0'), JSON.stringify(value));
    });
    expect(JSON.parse(arrayText(pieces, false))).toEqual(values);
    expect(JSON.parse(arrayText(pieces, true))).toEqual([...values].reverse());
  });

  it('writes an empty array when nothing was added', () => {
    expect(arrayText(new JsonPieces(), true)).toBe('[]');
  });
});

describe('jsonObject', () => {
  it('builds an object from JSON texts and arrays of pieces', () => {
    const pieces = new JsonPieces();
    pieces.add('b', '2');
    pieces.add('a', '1');
    const bytes = jsonObject([
      ['options', JSON.stringify({ type: 'directed' })],
      ['名', '"值"'],
      ['list', { pieces, sorted: true }],
      ['added', { pieces, sorted: false }],
    ]);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({
      options: { type: 'directed' },
      名: '值',
      list: [1, 2],
      added: [2, 1],
    });
    expect(jsonObject([]).toString('utf8')).toBe('{}');
  });
});
