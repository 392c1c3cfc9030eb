import type { ScenarioChangeInput } from '@innograph/model';
import { ScenarioChangeSchema } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { randomEcosystem, smallEcosystem } from '../fixtures/ecosystem.js';
import { gapCounts } from '../gaps/detectGaps.js';
import { networkMeasureValues, tieNetwork } from '../indicators/computeIndicators.js';
import { applyScenarioChanges, evaluateScenario, evaluateScenarioAsync } from './applyChanges.js';

const changes = (list: ScenarioChangeInput[]) => list.map((change) => ScenarioChangeSchema.parse(change));

const opening = (id: string, from: string, to: string, status: 'planned' | 'active') => ({
  op: 'addRelation' as const,
  relation: {
    id,
    type: 'OPENS_TO' as const,
    from,
    to,
    status,
    since: '2026-01-01',
    evidence: { source: 'scenario', confidence: 'assumed' as const },
  },
});

describe('applyScenarioChanges', () => {
  it('changes a copy and leaves the graph as it was', () => {
    const graph = smallEcosystem();
    const before = JSON.stringify(graph.export());
    const result = applyScenarioChanges(
      graph,
      changes([
        opening('r-new', 'lab-2', 'pf-1', 'active'),
        { op: 'setRelationStatus', id: 'e21', status: 'active' },
        { op: 'removeRelation', id: 'e20' },
        { op: 'setOpenness', entity: 'pb-1', openness: 'open' },
      ]),
    );
    expect(JSON.stringify(graph.export())).toBe(before);
    expect(result.applied).toBe(4);
    expect(result.problems).toEqual([]);
    expect(result.graph.getEdgeAttributes('r-new')).toMatchObject({ type: 'OPENS_TO', status: 'active' });
    expect(result.graph.getEdgeAttribute('e21', 'status')).toBe('active');
    expect(result.graph.hasEdge('e20')).toBe(false);
    expect(result.graph.getNodeAttribute('pb-1', 'openness')).toBe('open');
  });

  it('leaves out changes that cannot be made, with their field paths, and makes the rest', () => {
    const result = applyScenarioChanges(
      smallEcosystem(),
      changes([
        opening('e0', 'lab-2', 'pf-1', 'planned'),
        opening('r-2', 'lab-2', 'pf-99', 'planned'),
        opening('r-3', 'fund-1', 'pf-1', 'planned'),
        { op: 'removeRelation', id: 'nope' },
        { op: 'setOpenness', entity: 'pf-1', openness: 'open' },
        opening('r-ok', 'lab-2', 'pf-1', 'planned'),
        { op: 'setRelationStatus', id: 'r-ok', status: 'active' },
      ]),
    );
    expect(result.applied).toBe(2);
    expect(result.problems.map((p) => [p.change, p.path])).toEqual([
      [0, 'changes[0].relation.id'],
      [1, 'changes[1].relation.to'],
      [2, 'changes[2].relation.type'],
      [3, 'changes[3].id'],
      [4, 'changes[4].entity'],
    ]);
    expect(result.graph.getEdgeAttribute('r-ok', 'status')).toBe('active');
  });
});

describe('evaluateScenario', () => {
  it('an opening closes an access gap, also one the scenario adds as planned (after = carried out)', () => {
    const graph = smallEcosystem();
    const base = gapCounts(graph);
    const active = evaluateScenario(graph, changes([opening('r-1', 'lab-2', 'pf-1', 'active')]), {
      network: false,
    });
    expect(active.before.gapCounts).toEqual(base);
    expect(active.after.gapCounts.access).toBe(base.access - 1);
    expect(active.after.gapCounts.closedPlatform).toBe(base.closedPlatform - 1);
    expect(active.after.indicators.overall.shares.privateFirmsWithAccess.numerator).toBe(
      active.before.indicators.overall.shares.privateFirmsWithAccess.numerator + 1,
    );
    const planned = evaluateScenario(graph, changes([opening('r-1', 'lab-2', 'pf-1', 'planned')]), {
      network: false,
    });
    expect(planned.after.gapCounts).toEqual(active.after.gapCounts);
    expect(planned.changesApplied).toBe(1);
    // Outside a scenario, a planned relation in the graph is still only a proposal.
    const stored = applyScenarioChanges(graph, changes([opening('r-1', 'lab-2', 'pf-1', 'planned')])).graph;
    expect(gapCounts(stored)).toEqual(base);
  });

  it('evaluateScenarioAsync gives the same figures with the after measures computed elsewhere', async () => {
    const graph = randomEcosystem({ seed: 6, firms: 60 });
    const [firm] = graph.filterNodes((_node, attributes) => attributes.kind === 'PrivateFirm');
    const [lab] = graph.filterNodes((_node, attributes) => attributes.kind === 'Lab');
    const scenario = changes([opening('r-new', lab ?? '', firm ?? '', 'planned')]);
    const expected = evaluateScenario(graph, scenario);
    expect(expected.changesApplied).toBe(1);
    const asked: number[] = [];
    const elsewhere = await evaluateScenarioAsync(graph, scenario, undefined, async (topology, settings) => {
      asked.push(topology.starts.length - 1);
      return networkMeasureValues(topology, settings);
    });
    expect(elsewhere).toEqual(expected);
    expect(asked).toEqual([tieNetwork(applyScenarioChanges(graph, scenario).graph).starts.length - 1]);
    // Nothing back from elsewhere: computed here, the same.
    expect(await evaluateScenarioAsync(graph, scenario, undefined, async () => undefined)).toEqual(expected);
    // Without the network part nothing is asked.
    const none = await evaluateScenarioAsync(graph, scenario, { network: false }, async () => {
      throw new Error('not asked');
    });
    expect(none).toEqual(evaluateScenario(graph, scenario, { network: false }));
  });
});
