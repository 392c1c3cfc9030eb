import { mulberry32 } from '@innograph/analytics';
import { describe, expect, it } from 'vitest';
import { topNodes } from './measures.js';

/** The definition: every entry sorted, highest value first, ties by key. */
function sortedTop(values: Record<string, number>, count: number): Array<[string, number]> {
  return Object.entries(values)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count);
}

describe('top nodes of a measure', () => {
  it('picks the highest, ties by key, as sorting everything would', () => {
    expect(topNodes({ b: 2, a: 2, c: 5, d: 1 }, 3)).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ]);
    expect(topNodes({ a: 1 }, 8)).toEqual([['a', 1]]);
    expect(topNodes({ a: 1 }, 0)).toEqual([]);
  });

  it('agrees with a full sort on seeded random measures with many ties', () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const values: Record<string, number> = {};
      for (let i = 0; i < 2_000; i += 1) values[`n${Math.floor(random() * 1e6)}`] = Math.floor(random() * 40);
      for (const count of [1, 8, 50]) expect(topNodes(values, count)).toEqual(sortedTop(values, count));
    }
  });
});
