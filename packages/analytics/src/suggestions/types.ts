/**
 * Suggested new relations that would close a gap. Field names are the contract the API will
 * expose (packages/model adds the zod schema): keep them as they are.
 */
import type { Bilingual } from '@innograph/model';
import type { GapType } from '../gaps/types.js';

export const SUGGESTION_TYPES = ['OPENS_TO', 'PAIRED_WITH', 'INVESTS_IN'] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

/** The gap each suggestion type closes. */
export const SUGGESTION_CLOSES: Record<SuggestionType, GapType> = {
  OPENS_TO: 'access',
  PAIRED_WITH: 'pairing',
  INVESTS_IN: 'capital',
};

export interface SuggestionFactor {
  name: string;
  /** 0..1. */
  value: number;
  /** The factor's share of the score; a suggestion's weights sum to 1. */
  weight: number;
  note: Bilingual;
}

export interface Suggestion {
  type: SuggestionType;
  /** The relation's source as the ontology stores it (platform, service institution, fund). */
  from: string;
  /** Its target (firm, science park, firm). */
  to: string;
  /** Σ value × weight over the factors, 0..1. */
  score: number;
  factors: SuggestionFactor[];
  closes: GapType;
}
