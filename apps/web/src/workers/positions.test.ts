import { describe, expect, it } from 'vitest';
import { copyPositions, FA2_NODE_STRIDE, PositionBuffers } from './positions.js';

describe('position buffers', () => {
  it('gives back a returned buffer instead of making a new one', () => {
    const pool = new PositionBuffers();
    const first = pool.take(3);
    expect(first).toHaveLength(6);
    pool.give(first, 3);
    expect(pool.take(3)).toBe(first);
    expect(pool.created).toBe(1);
  });

  it('drops buffers of another graph size and keeps at most a few', () => {
    const pool = new PositionBuffers();
    pool.give(new Float32Array(4), 3);
    expect(pool.size).toBe(0);
    for (let i = 0; i < 10; i += 1) pool.give(new Float32Array(6), 3);
    expect(pool.size).toBe(4);
    // A stale buffer left in the pool is skipped when the size changed.
    expect(pool.take(5)).toHaveLength(10);
    expect(pool.size).toBe(0);
  });

  it('copies x and y of each node out of the FA2 matrix', () => {
    const matrix = new Float32Array(2 * FA2_NODE_STRIDE);
    matrix.set([1.5, -2], 0);
    matrix.set([3, 4.25], FA2_NODE_STRIDE);
    matrix[2] = 99; // dx: not a position
    expect([...copyPositions(matrix, new Float32Array(4))]).toEqual([1.5, -2, 3, 4.25]);
  });
});
