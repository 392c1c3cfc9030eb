import { describe, expect, it } from 'vitest';
import { mulberry32, Random } from './random.js';

describe('Random', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) expect(value >= 0 && value < 1).toBe(true);
  });

  it('draws integers inside both bounds', () => {
    const random = new Random(9);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 4)));
    expect(seen).toEqual(new Set([2, 3, 4]));
  });

  it('samples distinct items, never more than the list holds', () => {
    const random = new Random(4);
    const items = Array.from({ length: 100 }, (_, i) => i);
    for (const count of [0, 3, 40, 100, 150]) {
      const sample = random.sample(items, count);
      expect(sample).toHaveLength(Math.min(count, items.length));
      expect(new Set(sample).size).toBe(sample.length);
    }
  });

  it('picks by weight and never a zero weight', () => {
    const random = new Random(5);
    const picks = Array.from({ length: 1000 }, () =>
      random.weighted([
        ['often', 9],
        ['rarely', 1],
        ['never', 0],
      ] as const),
    );
    const often = picks.filter((pick) => pick === 'often').length;
    expect(often).toBeGreaterThan(800);
    expect(picks).not.toContain('never');
  });

  it('refuses to pick from nothing', () => {
    expect(() => new Random(1).pick([])).toThrow(/empty/);
  });
});
