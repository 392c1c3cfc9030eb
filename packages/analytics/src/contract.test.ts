/**
 * The model's planning schemas (packages/model/src/planning.ts) mirror this package's result
 * types: every output on the fixtures must parse, and the enum lists must be the same.
 */
import {
  BROKERAGE_ROLE_NAMES,
  GAP_TYPE_NAMES,
  GapCountsSchema,
  GapItemSchema,
  IndicatorsSchema,
  SHARE_NAME_LIST,
  SUGGESTION_TYPE_NAMES,
  SuggestionSchema,
} from '@innograph/model';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { randomEcosystem, smallEcosystem } from './fixtures/ecosystem.js';
import { detectGaps, gapCounts } from './gaps/detectGaps.js';
import { GAP_TYPES } from './gaps/types.js';
import { BROKERAGE_ROLES } from './indicators/brokerage.js';
import { computeIndicators, SHARE_NAMES } from './indicators/computeIndicators.js';
import { suggestRelations } from './suggestions/suggestRelations.js';
import { SUGGESTION_TYPES } from './suggestions/types.js';

describe('the model mirrors the analytics types', () => {
  it('has the same enum lists', () => {
    expect([...GAP_TYPE_NAMES]).toEqual([...GAP_TYPES]);
    expect([...SHARE_NAME_LIST]).toEqual([...SHARE_NAMES]);
    expect([...SUGGESTION_TYPE_NAMES]).toEqual([...SUGGESTION_TYPES]);
    expect([...BROKERAGE_ROLE_NAMES]).toEqual([...BROKERAGE_ROLES]);
  });

  const graphs = {
    small: smallEcosystem(),
    random: randomEcosystem({ seed: 7, firms: 60 }),
    empty: new MultiDirectedGraph(),
  };

  for (const [name, graph] of Object.entries(graphs)) {
    it(`parses every output on the ${name} graph, field for field`, () => {
      const items = detectGaps(graph);
      // Parsing must keep every field (no field of the analytics output unknown to the model).
      expect(items.map((item) => GapItemSchema.parse(item))).toEqual(items);
      const counts = gapCounts(graph);
      expect(GapCountsSchema.parse(counts)).toEqual(counts);
      const indicators = computeIndicators(graph);
      expect(IndicatorsSchema.parse(indicators)).toEqual(indicators);
      const suggestions = suggestRelations(graph);
      expect(suggestions.map((s) => SuggestionSchema.parse(s))).toEqual(suggestions);
    });
  }

  it('the fixtures exercise the network part', () => {
    const indicators = computeIndicators(graphs.random);
    expect(indicators.network?.brokers.length).toBeGreaterThan(0);
    expect(indicators.network?.bridges.length).toBeGreaterThan(0);
    expect(detectGaps(graphs.random).length).toBeGreaterThan(0);
    expect(suggestRelations(graphs.random).length).toBeGreaterThan(0);
  });
});
