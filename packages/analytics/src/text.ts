/**
 * Small helpers for the bilingual sentences that gap reasons and suggestion notes are made of:
 * a planner reads them aloud, so they name entities and count things in words of both languages.
 */
import type { Bilingual } from '@innograph/model';
import type { Ecosystem } from './ecosystem.js';
import { namesIn } from './ecosystem.js';

/** Names of up to `max` nodes, then "and N more" / "等N个". */
export function nameList(eco: Ecosystem, nodes: readonly string[], max = 2): Bilingual {
  let zh = '';
  let en = '';
  const shown = Math.min(max, nodes.length);
  for (let i = 0; i < shown; i += 1) {
    const name = namesIn(eco, nodes[i] as string);
    zh = i === 0 ? name.zh : `${zh}、${name.zh}`;
    en = i === 0 ? name.en : `${en}, ${name.en}`;
  }
  const rest = nodes.length - shown;
  return rest > 0 ? { zh: `${zh}等${nodes.length}个`, en: `${en} and ${rest} more` } : { zh, en };
}

/** Quoted tags, up to `max`, then "and N more". */
export function tagList(tags: readonly string[], max = 3): Bilingual {
  const shown = tags.slice(0, max);
  const rest = tags.length - shown.length;
  return {
    zh: shown.map((t) => `“${t}”`).join('、') + (rest > 0 ? `等${tags.length}项` : ''),
    en: shown.map((t) => `'${t}'`).join(', ') + (rest > 0 ? ` and ${rest} more` : ''),
  };
}

/** "1 chain leader" / "2 chain leaders". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Joins clauses into one sentence per language: "；" in Chinese, "; " in English. */
export function sentence(clauses: readonly Bilingual[]): Bilingual {
  // join() gives flat strings: the pieces the clauses were built from die young, and only the
  // two flat sentences live on in the item (concatenated strings would keep every piece).
  const zh: string[] = [];
  const en: string[] = [];
  for (const clause of clauses) {
    zh.push(clause.zh);
    en.push(clause.en);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** Rounds to 4 decimals so that scores and severities print and compare cleanly. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A percentage for a sentence: 0.256 → "26%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** "national science park" → "National science park". */
export function capitalise(text: string): string {
  return text.length === 0 ? text : `${text[0]?.toUpperCase()}${text.slice(1)}`;
}
