import {
  computeIndicators,
  datasetGraph,
  evaluateScenario,
  networkMeasureValues,
} from '@innograph/analytics';
import { generateDataset } from '@innograph/graph-seed';
import { type NetworkMeasureSettings, ScenarioChangeSchema, type TieTopology } from '@innograph/model';
import { afterAll, describe, expect, it } from 'vitest';
import { MeasuresWorker } from './measures/measuresWorker.js';
import { GraphState } from './planningCache.js';

const graph = datasetGraph(generateDataset({ entities: 2500, seed: 7 }));

describe('GraphState network measures', () => {
  const worker = new MeasuresWorker();
  afterAll(() => worker.close());

  it('sends the tie network to the worker once the index exists and uses its values', async () => {
    const sent: number[] = [];
    const warnings: string[] = [];
    const state = new GraphState('r1', graph, {
      runner: {
        compute: (topology: TieTopology, settings: NetworkMeasureSettings) => {
          sent.push(topology.starts.length - 1);
          return worker.compute(topology, settings);
        },
      },
      warn: (message) => warnings.push(message),
    });
    expect(sent).toEqual([]);
    state.gaps(undefined, undefined);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeGreaterThan(2000); // above betweennessExactMax: sampled
    const [overall, chain] = await Promise.all([
      state.indicators({}),
      state.indicators({ chain: 'syn-chain-000002', network: true }),
    ]);
    expect(overall).toEqual(computeIndicators(graph));
    expect(overall.network?.betweennessMode).toBe('sampled');
    expect(chain.chains.map((c) => c.chain)).toEqual(['syn-chain-000002']);
    expect(await state.indicators({})).toBe(overall);
    expect(sent).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('computes the measures itself, with a warning, when the worker fails', async () => {
    const warnings: string[] = [];
    const state = new GraphState('r2', graph, {
      runner: { compute: () => Promise.reject(new Error('the measures worker stopped (exit code 1)')) },
      warn: (message) => warnings.push(message),
    });
    expect(await state.indicators({})).toEqual(computeIndicators(graph));
    expect(warnings).toEqual([
      'network measures (revision r2) computed on the main thread: the measures worker stopped (exit code 1)',
    ]);
  });

  it('hands wrong values on as an error rather than wrong indicators', async () => {
    const state = new GraphState('r3', graph, {
      runner: {
        compute: async (topology, settings) => networkMeasureValues(topology, { ...settings, seed: 9 }),
      },
      warn: () => {},
    });
    await expect(state.indicators({})).rejects.toThrow(/computed with seed 9, these options use 1/);
    // Without the network part the values are not needed.
    expect((await state.indicators({ network: false })).network).toBeNull();
  });

  it('evaluates a scenario with the after graph measured in the worker, as evaluateScenario does', async () => {
    const sent: number[] = [];
    const state = new GraphState('r4', graph, {
      runner: {
        compute: (topology: TieTopology, settings: NetworkMeasureSettings) => {
          sent.push(topology.starts.length - 1);
          return worker.compute(topology, settings);
        },
      },
      warn: () => {},
    });
    const [firm] = graph.filterNodes((_node, attributes) => attributes.kind === 'PrivateFirm');
    const [lab] = graph.filterNodes((_node, attributes) => attributes.kind === 'Lab');
    const changes = [
      ScenarioChangeSchema.parse({
        op: 'addRelation',
        relation: {
          id: 'r-scenario',
          type: 'OPENS_TO',
          from: lab,
          to: firm,
          status: 'planned',
          since: '2026-01-01',
          evidence: { source: 'scenario', confidence: 'assumed' },
        },
      }),
    ];
    const scenario = { id: 'sc-1', version: 1, changes };
    const figures = await state.evaluation(scenario, {});
    expect(figures).toEqual(evaluateScenario(graph, changes));
    expect(figures.changesApplied).toBe(1);
    // This revision's tie network, then the after graph's.
    expect(sent).toHaveLength(2);
    expect(await state.evaluation(scenario, {})).toBe(figures);
  });
});
