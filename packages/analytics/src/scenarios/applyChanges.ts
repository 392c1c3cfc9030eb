/**
 * What-if scenarios in memory: `applyScenarioChanges(graph, changes)` makes the changes of a
 * scenario (`ScenarioChange` in the model) on a copy of the graph and leaves the graph as it is;
 * `evaluateScenario(graph, changes, options)` gives the indicators and gap counts before and
 * after, side by side (`evaluateScenarioAsync`: the same, with the "after" network measures
 * computed elsewhere meanwhile); "after" is the scenario carried out, so relations it adds as planned count
 * there as active ties.
 *
 * Changes are made in order, so a later change may name a relation an earlier one added. A
 * change that cannot be made (a relation id already taken or unknown, a missing end, kinds the
 * ontology does not allow, openness on something other than a lab or pilot base) is left out and
 * reported as a problem with its field path (`changes[2].relation.to`); the others still apply.
 * Added relations get the attributes the store's graphs carry (`type`, `status`, `since`,
 * `until`, `source`, `confidence` and the relation's own attributes).
 */
import {
  type EntityKind,
  EntityKindSchema,
  type NetworkMeasureSettings,
  type NetworkMeasureValues,
  type Relation,
  relationAllowed,
  type ScenarioChange,
  type ScenarioProblem,
  type TieTopology,
} from '@innograph/model';
import { MultiDirectedGraph } from 'graphology';
import { type EcosystemIndex, ecosystemIndex } from '../ecosystem.js';
import { gapCounts } from '../gaps/detectGaps.js';
import type { GapCounts } from '../gaps/types.js';
import type { AbstractGraph } from '../graph.js';
import type { Indicators, IndicatorsOptions } from '../indicators/computeIndicators.js';
import { computeIndicators, networkMeasureSettings, tieNetwork } from '../indicators/computeIndicators.js';
import { assertGraph } from '../validate.js';

const MODULE = 'applyScenarioChanges';

export interface AppliedScenario {
  /** A new graph with the changes made. */
  graph: MultiDirectedGraph;
  /** Number of changes made. */
  applied: number;
  /** The changes left out, in order. */
  problems: ScenarioProblem[];
}

const PLATFORM_KINDS: ReadonlySet<string> = new Set<EntityKind>(['Lab', 'PilotBase']);

type Problem = Omit<ScenarioProblem, 'change'>;

function entityKind(graph: AbstractGraph, node: string): EntityKind | undefined {
  if (!graph.hasNode(node)) return undefined;
  const kind = EntityKindSchema.safeParse(graph.getNodeAttribute(node, 'kind'));
  return kind.success ? kind.data : undefined;
}

/** The edge attributes of a relation, as the store's graphs give them. */
export function relationEdgeAttributes(relation: Relation): Record<string, unknown> {
  const attributes: Record<string, unknown> = Object.assign({}, relation.attributes);
  attributes.type = relation.type;
  attributes.status = relation.status;
  attributes.since = relation.since;
  if (relation.until !== undefined) attributes.until = relation.until;
  attributes.source = relation.evidence.source;
  attributes.confidence = relation.evidence.confidence;
  return attributes;
}

/** Why an added relation cannot be made on this graph, or null. */
function addProblem(graph: AbstractGraph, relation: Relation, at: string): Problem | null {
  const problem = (field: string, message: string) => ({ path: `${at}.relation.${field}`, message });
  if (graph.hasEdge(relation.id)) return problem('id', `relation '${relation.id}' already exists`);
  const fromKind = entityKind(graph, relation.from);
  if (fromKind === undefined) return problem('from', `no entity with id '${relation.from}'`);
  const toKind = entityKind(graph, relation.to);
  if (toKind === undefined) return problem('to', `no entity with id '${relation.to}'`);
  if (!relationAllowed(relation.type, fromKind, toKind)) {
    return problem(
      'type',
      `${relation.type} cannot connect ${fromKind} '${relation.from}' to ${toKind} '${relation.to}'`,
    );
  }
  return null;
}

/** Makes one change on `graph` (mutating it), or says why it cannot. */
function applyChange(graph: MultiDirectedGraph, change: ScenarioChange, at: string): Problem | null {
  switch (change.op) {
    case 'addRelation': {
      const problem = addProblem(graph, change.relation, at);
      if (problem !== null) return problem;
      const { relation } = change;
      graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, relationEdgeAttributes(relation));
      return null;
    }
    case 'removeRelation':
      if (!graph.hasEdge(change.id))
        return { path: `${at}.id`, message: `no relation with id '${change.id}'` };
      graph.dropEdge(change.id);
      return null;
    case 'setRelationStatus':
      if (!graph.hasEdge(change.id))
        return { path: `${at}.id`, message: `no relation with id '${change.id}'` };
      graph.setEdgeAttribute(change.id, 'status', change.status);
      return null;
    case 'setOpenness': {
      const kind = entityKind(graph, change.entity);
      if (kind === undefined)
        return { path: `${at}.entity`, message: `no entity with id '${change.entity}'` };
      if (!PLATFORM_KINDS.has(kind)) {
        return { path: `${at}.entity`, message: `'${change.entity}' is a ${kind}, not a Lab or PilotBase` };
      }
      graph.setNodeAttribute(change.entity, 'openness', change.openness);
      return null;
    }
  }
}

/** The graph with the scenario's changes made (see the module comment); `graph` is not touched. */
export function applyScenarioChanges(
  graph: AbstractGraph,
  changes: readonly ScenarioChange[],
): AppliedScenario {
  assertGraph(MODULE, graph);
  const copy = new MultiDirectedGraph();
  copy.import(graph.export());
  let applied = 0;
  const problems: ScenarioProblem[] = [];
  changes.forEach((change, index) => {
    const problem = applyChange(copy, change, `changes[${index}]`);
    if (problem === null) applied += 1;
    else problems.push({ change: index, path: problem.path, message: problem.message });
  });
  return { graph: copy, applied, problems };
}

export interface GraphFigures {
  indicators: Indicators;
  gapCounts: GapCounts;
}

export interface ScenarioFigures {
  before: GraphFigures;
  after: GraphFigures;
  changesApplied: number;
  problems: ScenarioProblem[];
}

export interface EvaluateScenarioOptions extends IndicatorsOptions {
  /** Figures of `graph` already computed with the same options (e.g. cached), to skip them. */
  before?: GraphFigures;
}

/** The figures of a graph: indicators (with the options) and gap counts (same chain), on one
 *  index of the graph (`index` when given). */
export function graphFigures(
  graph: AbstractGraph,
  options?: IndicatorsOptions,
  index?: EcosystemIndex,
): GraphFigures {
  const chain = options?.chain;
  const shared = index ?? ecosystemIndex(graph);
  return {
    indicators: computeIndicators(graph, options, shared),
    gapCounts: gapCounts(graph, chain === undefined ? undefined : { chain }, shared),
  };
}

/** The scenario carried out: a relation it adds as planned counts as the active tie it
 *  proposes (stored, it stays planned until someone makes it happen). */
function carriedOut(graph: AbstractGraph, changes: readonly ScenarioChange[]): AppliedScenario {
  const realised = changes.map((change) =>
    change.op === 'addRelation' && change.relation.status === 'planned'
      ? { ...change, relation: { ...change.relation, status: 'active' as const } }
      : change,
  );
  return applyScenarioChanges(graph, realised);
}

/** Indicators and gap counts before and after the changes; `graph` is not touched. */
export function evaluateScenario(
  graph: AbstractGraph,
  changes: readonly ScenarioChange[],
  options?: EvaluateScenarioOptions,
): ScenarioFigures {
  const { before, ...indicatorOptions } = options ?? {};
  const result = carriedOut(graph, changes);
  return {
    before: before ?? graphFigures(graph, indicatorOptions),
    after: graphFigures(result.graph, indicatorOptions),
    changesApplied: result.applied,
    problems: result.problems,
  };
}

/** Computes a tie network's measures elsewhere (e.g. a worker thread); undefined: compute here. */
export type MeasureNetwork = (
  topology: TieTopology,
  settings: NetworkMeasureSettings,
) => Promise<NetworkMeasureValues | undefined>;

/**
 * `evaluateScenario` with the "after" graph's network measures (betweenness, communities,
 * constraint) handed to `measure` as soon as that graph is indexed, while this thread works out
 * the "before" figures (unless given) and the "after" gap counts; the same figures.
 */
export async function evaluateScenarioAsync(
  graph: AbstractGraph,
  changes: readonly ScenarioChange[],
  options: EvaluateScenarioOptions | undefined,
  measure: MeasureNetwork,
): Promise<ScenarioFigures> {
  const { before, ...indicatorOptions } = options ?? {};
  const result = carriedOut(graph, changes);
  const index = ecosystemIndex(result.graph);
  const pending =
    indicatorOptions.network === false
      ? undefined
      : measure(tieNetwork(result.graph, index), networkMeasureSettings(indicatorOptions));
  const beforeFigures = before ?? graphFigures(graph, indicatorOptions);
  const chain = indicatorOptions.chain;
  const counts = gapCounts(result.graph, chain === undefined ? undefined : { chain }, index);
  const measures = pending === undefined ? undefined : await pending;
  return {
    before: beforeFigures,
    after: {
      indicators: computeIndicators(result.graph, indicatorOptions, index, measures),
      gapCounts: counts,
    },
    changesApplied: result.applied,
    problems: result.problems,
  };
}
