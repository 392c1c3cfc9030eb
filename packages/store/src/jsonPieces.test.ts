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

  it('gives its chunks to the next pieces once released, leaving answers already written as they were', () => {
    const first = new JsonPieces();
    for (let i = 0; i < 3000; i += 1)
      first.add(`k${i}`, JSON.stringify({ first: i, text: '甲'.repeat(200) }));
    const firstAnswer = jsonObject([['items', { pieces: first, sorted: false }]]);
    const firstText = firstAnswer.toString('utf8');
    first.release();
    expect(first.count).toBe(0);
    const second = new JsonPieces();
    for (let i = 0; i < 3000; i += 1)
      second.add(`k${i}`, JSON.stringify({ second: i, text: 'b'.repeat(300) }));
    const secondAnswer = jsonObject([['items', { pieces: second, sorted: true }]]);
    // The second pieces filled the first's chunks; the first answer is a copy and did not change.
    expect(firstAnswer.toString('utf8')).toBe(firstText);
    expect(JSON.parse(firstText).items[2999]).toEqual({ first: 2999, text: '甲'.repeat(200) });
    const items = JSON.parse(secondAnswer.toString('utf8')).items;
    expect(items).toHaveLength(3000);
    expect(items[0]).toEqual({ second: 0, text: 'b'.repeat(300) });
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
