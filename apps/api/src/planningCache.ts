/**
 * The planner's analytics on the server, computed once per graph state.
 *
 * Gaps, indicators, suggestions and scenario figures all run on the whole ecosystem
 * (`ecosystemGraph`), which takes seconds to read and compute at 100k entities. They are kept for
 * the current graph revision (`graphRevision`: the change-log number, the count of dataset loads
 * and resets, and the entity and relationship counts) and computed again only after it moves on.
 * Each request costs one small revision query; requests arriving while the graph loads share the
 * load. The analytics index of the graph (`ecosystemIndex`) is built once per revision and shared
 * by gaps, indicators and suggestions. Only the latest revision is kept, with at most `MEMO_LIMIT`
 * results per kind (by their options), so memory stays at one graph, its index and a few results.
 *
 * The indicators' network measures (betweenness, communities, constraint: about a quarter of the
 * work at 100,000 entities) run in a worker thread (`MeasuresWorker`): they are sent there as soon
 * as a revision's index is built, so the main thread answers the gaps and suggestions meanwhile
 * and the indicators wait only for what is left. Should the worker fail, the indicators compute
 * the measures on this thread instead (and the failure is logged). A scenario evaluation sends
 * its "after" graph's tie network there too, and counts that graph's gaps meanwhile.
 */
import {
  computeIndicators,
  type EcosystemIndex,
  ecosystemIndex,
  evaluateScenarioAsync,
  type GapList,
  type GraphFigures,
  type Indicators,
  type IndicatorsOptions,
  listGaps,
  type MeasureNetwork,
  networkMeasureSettings,
  type ScenarioFigures,
  type Suggestion,
  type SuggestRelationsOptions,
  suggestRelations,
  tieNetwork,
} from '@innograph/analytics';
import type { GapTypeName, NetworkMeasureValues, ScenarioChange } from '@innograph/model';
import { type EcosystemGraph, ecosystemGraph, graphRevision, type Neo4jExecutor } from '@innograph/store';
import type { MeasuresRunner } from './measures/measuresWorker.js';

export type PlanningGraph = EcosystemGraph['graph'];

/** Where the network measures run, and where a failure of that is reported. */
export interface MeasuresSetup {
  runner: MeasuresRunner;
  warn: (message: string) => void;
}

const MEMO_LIMIT = 64;

class Memo<T> {
  private readonly values = new Map<string, T>();

  get(key: string, compute: () => T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.values.size >= MEMO_LIMIT) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  forget(key: string, value: T): void {
    if (this.values.get(key) === value) this.values.delete(key);
  }
}

/** Results of one graph revision. */
export class GraphState {
  readonly gapsMemo = new Memo<GapList>();
  readonly indicatorsMemo = new Memo<Promise<Indicators>>();
  readonly suggestionsMemo = new Memo<Suggestion[]>();
  readonly evaluationsMemo = new Memo<Promise<ScenarioFigures>>();

  private sharedIndex: EcosystemIndex | null = null;
  private measures: Promise<NetworkMeasureValues | undefined> | null = null;

  constructor(
    readonly revision: string,
    readonly graph: PlanningGraph,
    private readonly measuresSetup?: MeasuresSetup,
  ) {}

  /** The analytics index of this graph, built on first use and shared by every analysis of the
   *  revision (the graph of a state is never changed: scenarios are evaluated on copies). Once
   *  built, the network measures start in the worker. */
  get index(): EcosystemIndex {
    if (this.sharedIndex === null) {
      this.sharedIndex = ecosystemIndex(this.graph);
      this.startMeasures(this.sharedIndex);
    }
    return this.sharedIndex;
  }

  /** Sends the tie network to the worker; resolves undefined (logged) if the worker fails. */
  private startMeasures(index: EcosystemIndex): void {
    if (this.measuresSetup === undefined) return;
    this.measures = this.measureNetwork(tieNetwork(this.graph, index), networkMeasureSettings());
  }

  /** Network measures in the worker, or undefined (the failure logged) to compute them here. */
  readonly measureNetwork: MeasureNetwork = (topology, settings) => {
    const setup = this.measuresSetup;
    if (setup === undefined) return Promise.resolve(undefined);
    return setup.runner.compute(topology, settings).catch((error: unknown) => {
      setup.warn(
        `network measures (revision ${this.revision}) computed on the main thread: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
      return undefined;
    });
  };

  /** Every gap of these types (all when unset) in the chain (all when unset), most severe first,
   *  counted; reasons are written for the entries a request returns (`describe`). */
  gaps(types: readonly GapTypeName[] | undefined, chain: string | undefined): GapList {
    const key = JSON.stringify([types === undefined ? null : [...types].sort(), chain ?? null]);
    return this.gapsMemo.get(key, () =>
      listGaps(
        this.graph,
        {
          ...(types === undefined ? {} : { types }),
          ...(chain === undefined ? {} : { chain }),
        },
        this.index,
      ),
    );
  }

  /** The indicators; with the network part, once the worker's measures are in. Only the chain
   *  and network options are taken: the measures are computed with the default settings. */
  indicators(options: Pick<IndicatorsOptions, 'chain' | 'network'>): Promise<Indicators> {
    const key = JSON.stringify([options.chain ?? null, options.network ?? true]);
    const result = this.indicatorsMemo.get(key, async () => {
      const { index } = this;
      const measures = options.network === false ? undefined : ((await this.measures) ?? undefined);
      return computeIndicators(this.graph, options, index, measures);
    });
    result.catch(() => this.indicatorsMemo.forget(key, result));
    return result;
  }

  /** Indicators and gap counts, as scenario evaluations compare them. */
  async figures(options: Pick<IndicatorsOptions, 'chain' | 'network'>): Promise<GraphFigures> {
    return {
      indicators: await this.indicators(options),
      gapCounts: this.gaps(undefined, options.chain).counts,
    };
  }

  suggestions(options: SuggestRelationsOptions): Suggestion[] {
    const key = JSON.stringify([options.type ?? null, options.chain ?? null, options.limit ?? null]);
    return this.suggestionsMemo.get(key, () => suggestRelations(this.graph, options, this.index));
  }

  /** A scenario's figures, by its id and version (a saved scenario does not change): "before"
   *  from this revision's figures, "after" with its network measures in the worker. */
  evaluation(
    scenario: { id: string; version: number; changes: readonly ScenarioChange[] },
    options: Pick<IndicatorsOptions, 'chain' | 'network'>,
  ): Promise<ScenarioFigures> {
    const key = JSON.stringify([
      scenario.id,
      scenario.version,
      options.chain ?? null,
      options.network ?? true,
    ]);
    const result = this.evaluationsMemo.get(key, async () => {
      const before = await this.figures(options);
      return evaluateScenarioAsync(this.graph, scenario.changes, { ...options, before }, this.measureNetwork);
    });
    result.catch(() => this.evaluationsMemo.forget(key, result));
    return result;
  }

  /** Is `id` an IndustryChain of this graph? */
  hasChain(id: string): boolean {
    return this.graph.hasNode(id) && this.graph.getNodeAttribute(id, 'kind') === 'IndustryChain';
  }
}

/** The graph state of the latest revision (see the module comment). */
export class PlanningCache {
  private state: GraphState | null = null;
  private loading: Promise<GraphState> | null = null;

  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly measuresSetup?: MeasuresSetup,
  ) {}

  async current(): Promise<GraphState> {
    const revision = await graphRevision(this.executor);
    if (this.state?.revision === revision) return this.state;
    if (this.loading === null) {
      this.loading = ecosystemGraph(this.executor)
        .then(({ graph, revision: loaded }) => {
          this.state = new GraphState(loaded, graph, this.measuresSetup);
          return this.state;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }
}
