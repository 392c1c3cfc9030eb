import { describe, expect, it } from 'vitest';
import { runSlice } from './forceLayout.js';

/** A clock that moves on by `msPerNode` for each node a step moves. */
function fakeClock(msPerNode: number) {
  let time = 0;
  const steps: Array<[number, number]> = [];
  return {
    now: () => time,
    step: (start: number, end: number) => {
      steps.push([start, end]);
      time += (end - start) * msPerNode;
    },
    steps,
  };
}

describe('force layout slices', () => {
  it('moves whole chunks until the budget has passed, then says where to go on', () => {
    const clock = fakeClock(0.01); // 100 nodes a millisecond
    const next = runSlice(10_000, 0, 8, 256, clock.step, clock.now);
    // 3 chunks (768 nodes, 7.68 ms) are under 8 ms; the fourth passes it and ends the slice.
    expect(clock.steps).toEqual([
      [0, 256],
      [256, 512],
      [512, 768],
      [768, 1024],
    ]);
    expect(next).toBe(1024);
  });

  it('ends early when one chunk takes longer than the whole budget (a collection in it)', () => {
    let time = 0;
    const steps: number[] = [];
    const next = runSlice(
      10_000,
      2_000,
      8,
      256,
      (start) => {
        steps.push(start);
        time += 30;
      },
      () => time,
    );
    expect(steps).toEqual([2_000]);
    expect(next).toBe(2_256);
  });

  it('stops at the end of the nodes and starts the next round from 0', () => {
    const clock = fakeClock(0.001);
    expect(runSlice(600, 500, 8, 256, clock.step, clock.now)).toBe(0);
    expect(clock.steps).toEqual([[500, 600]]);
    expect(runSlice(0, 0, 8, 256, clock.step, clock.now)).toBe(0);
  });
});
