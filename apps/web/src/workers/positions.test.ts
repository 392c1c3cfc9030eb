import { describe, expect, it } from 'vitest';
import { copyPositions, FA2_NODE_STRIDE, PositionBuffers } from './positions.js';

describe('position buffers', () => {
  it('gives back a returned buffer instead of making a new one', () => {
    const pool = new PositionBuffers(3);
    const first = pool.take();
    expect(first).toHaveLength(6);
    if (first === null) throw new Error('no buffer');
    expect(pool.give(first)).toBe(true);
    expect(pool.take()).toBe(first);
    expect(pool.created).toBe(1);
  });

  it('has at most the limit out, then none until one comes back', () => {
    const pool = new PositionBuffers(3, 2);
    const a = pool.take();
    expect(pool.take()).not.toBeNull();
    expect(pool.take()).toBeNull();
    if (a === null) throw new Error('no buffer');
    pool.give(a);
    expect(pool.take()).toBe(a);
    expect(pool.take()).toBeNull();
    expect(pool.created).toBe(2);
  });

  it('still gives a buffer for the last positions when all are out', () => {
    const pool = new PositionBuffers(3, 1);
    pool.take();
    expect(pool.take()).toBeNull();
    expect(pool.takeAnyway()).toHaveLength(6);
    expect(pool.created).toBe(2);
  });

  it("drops a buffer of another node count (an earlier run's)", () => {
    const pool = new PositionBuffers(3, 1);
    pool.take();
    expect(pool.give(new Float32Array(4))).toBe(false);
    expect(pool.take()).toBeNull();
  });

  it('copies x and y of each node out of the FA2 matrix', () => {
    const matrix = new Float32Array(2 * FA2_NODE_STRIDE);
    matrix.set([1.5, -2], 0);
    matrix.set([3, 4.25], FA2_NODE_STRIDE);
    matrix[2] = 99; // dx: not a position
    expect([...copyPositions(matrix, new Float32Array(4))]).toEqual([1.5, -2, 3, 4.25]);
  });
});
