/**
 * What the suggestion makers share: word matching between tags, location closeness, the
 * per-gap top-k and the score.
 */
import type { Bilingual } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import { parksOfEntity, stringAttribute } from '../ecosystem.js';
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

/** Districts of the parks a node is actively located in (a park's own district for a park). */
export function districtsOf(eco: Ecosystem, node: string): string[] {
  const parks = eco.kind.get(node) === 'SciencePark' ? [node] : parksOfEntity(eco, node);
  const districts = new Set<string>();
  for (const park of parks) {
    const district = stringAttribute(eco, park, 'district');
    if (district) districts.add(district);
  }
  return [...districts].sort(compareKeys);
}

export function shares(a: readonly string[], b: readonly string[]): string | null {
  if (a.length === 0 || b.length === 0) return null;
  const set = new Set(b);
  return a.find((x) => set.has(x)) ?? null;
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
  values.forEach((value, i) => {
    score += value * (weights[i] ?? 0);
  });
  return round4(score);
}

/** Keeps the k best candidates (score desc, then candidate key) in a small sorted array. */
export function keepTop(kept: Scored[], next: Scored, k: number): void {
  const better = (a: Scored, b: Scored) =>
    a.score > b.score || (a.score === b.score && a.candidate < b.candidate);
  if (kept.length === k) {
    const last = kept[k - 1];
    if (!last || !better(next, last)) return;
    kept.pop();
  }
  let i = kept.length;
  while (i > 0 && better(next, kept[i - 1] as Scored)) i -= 1;
  kept.splice(i, 0, next);
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
