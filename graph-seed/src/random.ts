/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the seed and the synthetic
 * generator need. The same seed always gives the same sequence, on every platform.
 */

/** mulberry32: a 32-bit state, good enough for test data, not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.nextFloat() * items.length)];
    if (item === undefined) throw new Error('random: cannot pick from an empty list');
    return item;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let point = this.nextFloat() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new Error('random: cannot pick from an empty list of choices');
    return last[0];
  }

  /**
   * Up to `count` distinct items, in draw order. Cost grows with `count`, not with the list:
   * draws with rejection while the sample is small against the list, else shuffles a copy.
   */
  sample<T>(items: readonly T[], count: number): T[] {
    const wanted = Math.min(Math.max(0, Math.floor(count)), items.length);
    if (wanted * 3 > items.length) return this.shuffle([...items]).slice(0, wanted);
    const chosen = new Set<number>();
    while (chosen.size < wanted) chosen.add(Math.floor(this.nextFloat() * items.length));
    return [...chosen].map((index) => items[index]).filter((item): item is T => item !== undefined);
  }

  /** Shuffles the list in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1));
      const a = items[i];
      const b = items[j];
      if (a === undefined || b === undefined) continue;
      items[i] = b;
      items[j] = a;
    }
    return items;
  }
}
