import { describe, expect, it } from 'vitest';
import { nextSliceSize } from './forceLayout.js';

describe('force layout slices', () => {
  it('scales the slice towards the budget from what the last one took', () => {
    expect(nextSliceSize(1000, 24, 12, 100, 10_000)).toBe(500);
    expect(nextSliceSize(1000, 10, 12, 100, 10_000)).toBe(1200);
    expect(nextSliceSize(1000, 12, 12, 100, 10_000)).toBe(1000);
  });

  it('grows by at most half and halves at most at once, so one odd frame does not swing it', () => {
    expect(nextSliceSize(1000, 240, 12, 100, 10_000)).toBe(500);
    expect(nextSliceSize(1000, 1, 12, 100, 10_000)).toBe(1500);
    expect(nextSliceSize(1000, 0, 12, 100, 10_000)).toBe(1500);
  });

  it('stays between the smallest slice and the whole graph', () => {
    expect(nextSliceSize(150, 100, 12, 100, 10_000)).toBe(100);
    expect(nextSliceSize(8000, 1, 12, 100, 10_000)).toBe(10_000);
  });
});
