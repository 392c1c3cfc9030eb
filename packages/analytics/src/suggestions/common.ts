/**
 * What the suggestion makers share: word matching between tags, location closeness, the
 * per-gap top-k and the score.
 */
import type { Bilingual } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import { kindIn, parksOfEntity, stringAttribute } from '../ecosystem.js';
import { compareKeys } from '../graph.js';
import { round4 } from '../text.js';
import type { Suggestion, SuggestionFactor, SuggestionType } from './types.js';
import { SUGGESTION_CLOSES } from './types.js';

const STOPWORDS = new Set(['and', 'of', 'the', 'for', 'with', 'in', 'on', 'to', 'a']);

/** Words of a tag: lower case, split on anything but letters and digits, stopwords dropped,
 *  plurals folded ("batteries" → "battery", "systems" → "system", not "autonomous"). */
export function words(tag: string): string[] {
  const result: string[] = [];
  for (const raw of tag.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw === '' || STOPWORDS.has(raw)) continue;
    let word = raw;
    if (word.length > 4 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
    else if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    result.push(word);
  }
  return result;
}

export function wordSet(tags: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const tag of tags) for (const word of words(tag)) set.add(word);
  return set;
}

/**
 * How well `offered` words cover the best of the `wanted` tags: max over tags of the share of
 * the tag's words found. Returns the value and the best tag (first in order on ties).
 */
export function bestCoverage(
  wanted: readonly { tag: string; words: string[] }[],
  offered: Set<string>,
): { value: number; tag: string | null } {
  let best = 0;
  let bestTag: string | null = null;
  for (const { tag, words: ws } of wanted) {
    if (ws.length === 0) continue;
    let found = 0;
    for (const w of ws) if (offered.has(w)) found += 1;
    const value = found / ws.length;
    if (value > best) {
      best = value;
      bestTag = tag;
    }
  }
  return { value: best, tag: bestTag };
}

export function tagWords(tags: readonly string[]): { tag: string; words: string[] }[] {
  return tags.map((tag) => ({ tag, words: [...new Set(words(tag))] }));
}

/**
 * Numbers for names (chains, parks, districts, words) and one current set of them, marked by a
 * stamp: `mark(names)` starts a new set in O(names), `hasAny(ids)` tests in O(ids). The scoring
 * loops use it to compare a gap entity with thousands of candidates without building sets.
 */
export class Marks {
  private readonly numbers = new Map<string, number>();
  private stamps = new Int32Array(64);
  private stamp = 0;

  /** The number of a name, given when first asked. */
  idOf(name: string): number {
    let id = this.numbers.get(name);
    if (id === undefined) {
      id = this.numbers.size;
      this.numbers.set(name, id);
      if (id >= this.stamps.length) {
        const grown = new Int32Array(this.stamps.length * 2);
        grown.set(this.stamps);
        this.stamps = grown;
      }
    }
    return id;
  }

  idsOf(names: Iterable<string>): number[] {
    return Array.from(names, (name) => this.idOf(name));
  }

  /** Makes `names` the current set (names never numbered cannot be tested, so are skipped). */
  mark(names: Iterable<string>): void {
    this.stamp += 1;
    for (const name of names) {
      const id = this.numbers.get(name);
      if (id !== undefined) this.stamps[id] = this.stamp;
    }
  }

  has(id: number): boolean {
    return this.stamps[id] === this.stamp;
  }

  hasAny(ids: readonly number[]): boolean {
    for (const id of ids) if (this.stamps[id] === this.stamp) return true;
    return false;
  }
}

/** `bestCoverage(...).value` on numbered words, the current set of `marks` being the offer. */
export function coverageValue(wanted: readonly (readonly number[])[], marks: Marks): number {
  let best = 0;
  for (const ws of wanted) {
    if (ws.length === 0) continue;
    let found = 0;
    for (const w of ws) if (marks.has(w)) found += 1;
    const value = found / ws.length;
    if (value > best) best = value;
  }
  return best;
}

/** `wordSet` with the words of each tag remembered in `cache` (firms share their tags). */
export function cachedWordSet(tags: readonly string[], cache: Map<string, string[]>): Set<string> {
  const set = new Set<string>();
  for (const tag of tags) {
    let list = cache.get(tag);
    if (!list) {
      list = words(tag);
      cache.set(tag, list);
    }
    for (const word of list) set.add(word);
  }
  return set;
}

/** Districts of the parks a node is actively located in (a park's own district for a park). */
export function districtsOf(eco: Ecosystem, node: string): string[] {
  return districtsOfParks(eco, kindIn(eco, node) === 'SciencePark' ? [node] : parksOfEntity(eco, node));
}

/** Districts of these parks, sorted. */
export function districtsOfParks(eco: Ecosystem, parks: readonly string[]): string[] {
  const districts = new Set<string>();
  for (const park of parks) {
    const district = stringAttribute(eco, park, 'district');
    if (district) districts.add(district);
  }
  return [...districts].sort(compareKeys);
}

/** The first of `a` that is also in `b`, or null (both lists are short: a chain or park or two). */
export function shares(a: readonly string[], b: readonly string[]): string | null {
  for (const x of a) if (b.includes(x)) return x;
  return null;
}

/** A candidate scored on plain numbers; notes are written only for those kept. */
export interface Scored {
  gap: string;
  candidate: string;
  values: number[];
  score: number;
}

export function scoreOf(values: readonly number[], weights: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < values.length; i += 1) score += (values[i] ?? 0) * (weights[i] ?? 0);
  return round4(score);
}

/**
 * Keeps the k best candidates of one gap (score desc, then candidate key) in a small sorted
 * array. `values` may be a scratch array: it is copied only when the candidate is kept.
 */
export function keepTop(
  kept: Scored[],
  gap: string,
  candidate: string,
  values: readonly number[],
  score: number,
  k: number,
): void {
  if (kept.length === k) {
    const last = kept[k - 1];
    if (!last || !(score > last.score || (score === last.score && candidate < last.candidate))) return;
    kept.pop();
  }
  let i = kept.length;
  while (i > 0) {
    const before = kept[i - 1] as Scored;
    if (!(score > before.score || (score === before.score && candidate < before.candidate))) break;
    i -= 1;
  }
  kept.splice(i, 0, { gap, candidate, values: [...values], score });
}

/**
 * `keepTop` for the hot loops: the k best candidates of one gap (score desc, then candidate key)
 * in preallocated arrays, values copied into place; `drain` then gives them as Scored.
 */
export class TopCandidates {
  private readonly scores: Float64Array;
  private readonly keys: string[];
  private readonly values: Float64Array;
  private size = 0;

  constructor(
    private readonly k: number,
    private readonly width: number,
  ) {
    this.scores = new Float64Array(k);
    this.keys = new Array<string>(k).fill('');
    this.values = new Float64Array(k * width);
  }

  private beats(score: number, candidate: string, slot: number): boolean {
    const other = this.scores[slot] ?? 0;
    return score > other || (score === other && candidate < (this.keys[slot] as string));
  }

  offer(candidate: string, values: readonly number[], score: number): void {
    const { k, width } = this;
    if (this.size === k && !this.beats(score, candidate, k - 1)) return;
    if (this.size < k) this.size += 1;
    // Shift worse ones down one slot (the last one drops out when full).
    let i = this.size - 1;
    while (i > 0 && this.beats(score, candidate, i - 1)) {
      this.scores[i] = this.scores[i - 1] ?? 0;
      this.keys[i] = this.keys[i - 1] as string;
      this.values.copyWithin(i * width, (i - 1) * width, i * width);
      i -= 1;
    }
    this.scores[i] = score;
    this.keys[i] = candidate;
    for (let v = 0; v < width; v += 1) this.values[i * width + v] = values[v] ?? 0;
  }

  /** Appends the kept candidates of `gap`, best first, to `out` (and their scores to `floor`),
   *  and empties the list. */
  drain(gap: string, out: Scored[], floor?: ScoreFloor): void {
    const { width } = this;
    for (let i = 0; i < this.size; i += 1) {
      floor?.add(this.scores[i] ?? 0);
      // A plain loop: Array.from over a typed-array view took a third of a second for the
      // 200,000 candidates kept at 100,000 entities.
      const values: number[] = [];
      for (let v = i * width, end = (i + 1) * width; v < end; v += 1) values.push(this.values[v] ?? 0);
      out.push({ gap, candidate: this.keys[i] as string, values, score: this.scores[i] ?? 0 });
    }
    this.size = 0;
  }
}

/** How far a rounded score (`round4`) can lie above the bound it was estimated by. */
const ROUNDING_MARGIN = 1e-4;

/**
 * The `limit`-th best score among the candidates kept so far for one suggestion type, so that the
 * makers can skip what cannot be returned. Only the first `limit` of a type can be among the first
 * `limit` of all types, and the kept candidates of the gaps already done stay kept, so the floor
 * only rises towards the final `limit`-th score: a candidate (or a whole gap) whose best possible
 * score is below it is never among the suggestions returned and need not be scored. A gap whose
 * weaker candidates were skipped may keep fewer than `perGap`, or keep weaker ones than it would
 * have, but all of those score below the floor, so the returned list is the same as without it
 * (tested against an unbounded `limit`).
 */
export class ScoreFloor {
  /** A min-heap of the best `limit` scores added (grown as scores come: `limit` may be huge). */
  private readonly heap: number[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  add(score: number): void {
    const { heap, limit } = this;
    if (limit === 0) return;
    if (this.size < limit) {
      let i = this.size;
      this.size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heap[parent] ?? 0) <= score) break;
        heap[i] = heap[parent] ?? 0;
        i = parent;
      }
      heap[i] = score;
      return;
    }
    if (score <= (heap[0] ?? 0)) return;
    // Replace the smallest and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= limit) break;
      const right = left + 1;
      const child = right < limit && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
      if ((heap[child] ?? 0) >= score) break;
      heap[i] = heap[child] ?? 0;
      i = child;
    }
    heap[i] = score;
  }

  /** The `limit`-th best score so far: -Infinity until `limit` are kept, Infinity for limit 0. */
  get value(): number {
    if (this.limit === 0) return Number.POSITIVE_INFINITY;
    return this.size < this.limit ? Number.NEGATIVE_INFINITY : (this.heap[0] ?? 0);
  }

  /** Can a candidate whose unrounded score is at most `bound` still be returned? */
  reaches(bound: number): boolean {
    return bound + ROUNDING_MARGIN >= this.value;
  }
}

/**
 * What a suggestion maker gives: the candidates kept for every gap (`perGap` each), scored on
 * plain numbers, and how to write one of them out as a Suggestion with its notes. Notes cost
 * more than scoring, so they are written only for the suggestions returned.
 */
export interface Candidates {
  type: SuggestionType;
  kept: Scored[];
  describe(scored: Scored): Suggestion;
}

export function suggestion(
  type: SuggestionType,
  from: string,
  to: string,
  scored: Scored,
  names: readonly string[],
  weights: readonly number[],
  notes: readonly Bilingual[],
): Suggestion {
  const factors: SuggestionFactor[] = names.map((name, i) => ({
    name,
    value: round4(scored.values[i] ?? 0),
    weight: weights[i] ?? 0,
    note: notes[i] ?? { zh: '', en: '' },
  }));
  return { type, from, to, score: scored.score, factors, closes: SUGGESTION_CLOSES[type] };
}
