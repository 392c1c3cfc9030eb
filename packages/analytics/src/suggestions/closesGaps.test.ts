/**
 * Property: adding the top suggestions of a type as active relations never increases the count
 * of the gap that type closes; it closes exactly one gap per distinct gap entity suggested for.
 */
import { describe, expect, it } from 'vitest';
import { randomEcosystem } from '../fixtures/ecosystem.js';
import { gapCounts } from '../gaps/detectGaps.js';
import { suggestRelations } from './suggestRelations.js';
import { SUGGESTION_CLOSES, SUGGESTION_TYPES } from './types.js';

describe('suggestions close the gaps they are for', () => {
  for (const type of SUGGESTION_TYPES) {
    it(`adding the top ${type} suggestions never increases the ${SUGGESTION_CLOSES[type]} gap count`, () => {
      const gap = SUGGESTION_CLOSES[type];
      let closedSomething = false;
      for (let seed = 1; seed <= 30; seed += 1) {
        const graph = randomEcosystem({ seed, firms: 20 + (seed % 4) * 10 });
        const before = gapCounts(graph);
        const top = suggestRelations(graph, { type, limit: 5 });
        top.forEach((s, i) => {
          graph.addEdgeWithKey(`suggested-${i}`, s.from, s.to, { type: s.type, status: 'active' });
        });
        const after = gapCounts(graph);
        expect(after[gap]).toBeLessThanOrEqual(before[gap]);
        // Each suggestion's gap entity (the firm or park) stops being a gap.
        expect(before[gap] - after[gap]).toBe(new Set(top.map((s) => s.to)).size);
        if (top.length > 0) closedSomething = true;
        // Adding a tie closes gaps but opens none of any other type.
        for (const other of Object.keys(before) as (keyof typeof before)[]) {
          if (other !== 'bridging') expect(after[other]).toBeLessThanOrEqual(before[other]);
        }
      }
      expect(closedSomething).toBe(true);
    });
  }
});
