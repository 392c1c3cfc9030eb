/**
 * Ranked new relations that would close gaps: `suggestRelations(graph, options)`.
 *
 * - OPENS_TO from a lab or pilot base to a private firm with an access gap (opensTo.ts);
 * - PAIRED_WITH from a service institution to a science park with a pairing gap (pairedWith.ts);
 * - INVESTS_IN from a fund to a growth-stage firm with a capital gap (investsIn.ts).
 *
 * For each gap entity the candidates come from indexes (same chain, same park or district,
 * linked chain leaders), never from all pairs; the best `perGap` candidates of each gap are
 * kept, then every kept suggestion is ranked by score (desc), then type (in SUGGESTION_TYPES
 * order), `from`, `to`, and the first `limit` are returned. Each carries its factors (value,
 * weight and a bilingual note) and the gap type it closes. The same graph gives the same list.
 * Candidates are scored on plain numbers; notes are written only for the suggestions returned.
 * A maker skips the candidates, and whole gaps, whose best possible score is below the
 * `limit`-th score kept so far of its type (`ScoreFloor`): they could not be returned.
 */
import { type EcosystemIndex, useIndex } from '../ecosystem.js';
import { chainFilter } from '../gaps/common.js';
import type { AbstractGraph } from '../graph.js';
import { compareKeys } from '../graph.js';
import { assertGraph, checkInteger, checkOptions, fail } from '../validate.js';
import type { Candidates, Scored } from './common.js';
import { investsInCandidates } from './investsIn.js';
import { opensToCandidates } from './opensTo.js';
import { pairedWithCandidates } from './pairedWith.js';
import type { Suggestion, SuggestionType } from './types.js';
import { SUGGESTION_TYPES } from './types.js';

const MODULE = 'suggestRelations';

export interface SuggestRelationsOptions {
  /** Only suggestions of this relation type. Default: all three. */
  type?: SuggestionType;
  /** Longest list returned. Default 50. */
  limit?: number;
  /** Candidates kept per gap entity (firm or park). Default 3. */
  perGap?: number;
  /** Only gaps whose entity is counted in this IndustryChain. */
  chain?: string;
}

export const SUGGEST_RELATIONS_DEFAULTS = { limit: 50, perGap: 3 } as const;

export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return (
    b.score - a.score ||
    SUGGESTION_TYPES.indexOf(a.type) - SUGGESTION_TYPES.indexOf(b.type) ||
    compareKeys(a.from, b.from) ||
    compareKeys(a.to, b.to)
  );
}

/** Ranked suggestions (see the module comment). */
export function suggestRelations(
  graph: AbstractGraph,
  options?: SuggestRelationsOptions,
  index?: EcosystemIndex,
): Suggestion[] {
  assertGraph(MODULE, graph);
  checkOptions(MODULE, options);
  const { type, limit, perGap, chain } = { ...SUGGEST_RELATIONS_DEFAULTS, ...options };
  if (type !== undefined && !(SUGGESTION_TYPES as readonly string[]).includes(type)) {
    fail(MODULE, `unknown suggestion type '${String(type)}' (known: ${SUGGESTION_TYPES.join(', ')}).`);
  }
  checkInteger(MODULE, 'limit', limit, 0);
  checkInteger(MODULE, 'perGap', perGap, 1);
  const eco = useIndex(MODULE, graph, index);
  const inChain = chainFilter(MODULE, eco, chain);
  const makers: Candidates[] = [];
  if (type === undefined || type === 'OPENS_TO') makers.push(opensToCandidates(eco, inChain, perGap, limit));
  if (type === undefined || type === 'PAIRED_WITH')
    makers.push(pairedWithCandidates(eco, inChain, perGap, limit));
  if (type === undefined || type === 'INVESTS_IN')
    makers.push(investsInCandidates(eco, inChain, perGap, limit));

  // The order of compareSuggestions on the scored candidates (from = candidate, to = gap).
  type Ranked = { maker: Candidates; scored: Scored; type: number };
  const compare = (a: Ranked, b: Ranked) =>
    b.scored.score - a.scored.score ||
    a.type - b.type ||
    compareKeys(a.scored.candidate, b.scored.candidate) ||
    compareKeys(a.scored.gap, b.scored.gap);
  // The first `limit` of each type first (the first `limit` of all are among them), so that only
  // those are wrapped and ranked together: at 100,000 entities the types keep 200,000 candidates.
  const withinType = (a: Scored, b: Scored) =>
    b.score - a.score || compareKeys(a.candidate, b.candidate) || compareKeys(a.gap, b.gap);
  const ranked: Ranked[] = [];
  for (const maker of makers) {
    const rank = SUGGESTION_TYPES.indexOf(maker.type);
    for (const scored of firstOf(maker.kept, limit, withinType)) ranked.push({ maker, scored, type: rank });
  }
  return firstOf(ranked, limit, compare).map(({ maker, scored }) => maker.describe(scored));
}

/** The first `limit` items by `compare`: a sorted selection when few are asked for, else a sort. */
function firstOf<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (limit === 0) return [];
  if (limit * 8 >= items.length) return items.sort(compare).slice(0, limit);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit) {
      if (compare(item, kept[limit - 1] as T) >= 0) continue;
      kept.pop();
    }
    let i = kept.length;
    while (i > 0 && compare(item, kept[i - 1] as T) < 0) i -= 1;
    kept.splice(i, 0, item);
  }
  return kept;
}
