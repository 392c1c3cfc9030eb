import type { Worker } from 'node:worker_threads';
import {
  datasetGraph,
  ecosystemIndex,
  INDICATORS_DEFAULTS,
  networkMeasureValues,
  tieNetwork,
} from '@innograph/analytics';
import { generateDataset } from '@innograph/graph-seed';
import { afterAll, describe, expect, it } from 'vitest';
import { MeasuresWorker } from './measuresWorker.js';

const generated = (seed: number, entities: number) => datasetGraph(generateDataset({ entities, seed }));

const settings = {
  betweennessExactMax: 30,
  betweennessSamples: 12,
  betweennessSampledMax: INDICATORS_DEFAULTS.betweennessSampledMax,
  seed: 4,
  louvainResolution: 1,
};

describe('MeasuresWorker', () => {
  const worker = new MeasuresWorker();
  afterAll(() => worker.close());

  it('computes in its thread what networkMeasureValues computes here', async () => {
    const graph = generated(11, 400);
    const topology = tieNetwork(graph, ecosystemIndex(graph));
    const [first, second] = await Promise.all([
      worker.compute(topology, settings),
      worker.compute(topology, { ...settings, seed: 5 }),
    ]);
    expect(first).toEqual(networkMeasureValues(topology, settings));
    expect(first.betweennessMode).toBe('sampled');
    expect(second.settings.seed).toBe(5);
    expect(second.betweenness).not.toEqual(first.betweenness);
    // The caller's arrays were copied, not moved.
    expect(topology.neighbours.length).toBeGreaterThan(0);
    expect(worker.busy).toBe(0);
  });

  it('answers a bad request with its reason and goes on working', async () => {
    const bad = { starts: Int32Array.of(0, 5), neighbours: new Int32Array(2), size: 1 };
    await expect(worker.compute(bad, settings)).rejects.toThrow(
      /^network measures failed: bad measures request: .*must start at 0 and end at the neighbour count 2/s,
    );
    const graph = generated(2, 200);
    const topology = tieNetwork(graph);
    expect(await worker.compute(topology, settings)).toEqual(networkMeasureValues(topology, settings));
  });

  it('rejects what is pending when its thread dies, and starts a new one for the next request', async () => {
    const graph = generated(5, 2000);
    const topology = tieNetwork(graph);
    const pending = worker.compute(topology, settings);
    const rejected = expect(pending).rejects.toThrow(/^the measures worker stopped \(exit code \d+\)$/);
    // The thread is private: reach it as a crash would.
    const thread = (worker as unknown as { worker: Worker | null }).worker;
    expect(thread).not.toBeNull();
    await thread?.terminate();
    await rejected;
    expect(await worker.compute(topology, settings)).toEqual(networkMeasureValues(topology, settings));
  });

  it('rejects what is pending when closed, and refuses afterwards', async () => {
    const other = new MeasuresWorker();
    const graph = generated(3, 2000);
    const pending = other.compute(tieNetwork(graph), settings);
    const rejected = expect(pending).rejects.toThrow('the measures worker was closed');
    await other.close();
    await rejected;
    await expect(other.compute(tieNetwork(graph), settings)).rejects.toThrow(
      'the measures worker was closed',
    );
  });
});
