/**
 * A draft scenario's proposed relations on the explorer's graph: drawn in their own style
 * (`proposed: true`) until the scenario is applied, and redrawn from the scenario after every
 * change to it, so the picture never drifts from what is stored.
 */
import type { Scenario } from '@innograph/model';
import { type EcoGraph, mergeSerialized } from '../graph/graph.js';
import { graphOf } from '../graph/records.js';

/** Drops every proposed edge, then draws the draft scenario's added relations (none for an
 *  applied scenario or none at all). Relations whose ends are not on the graph are left out. */
export function syncProposed(graph: EcoGraph, scenario: Scenario | null): void {
  graph
    .filterEdges((_edge, attributes) => attributes.proposed === true)
    .forEach((edge) => {
      graph.dropEdge(edge);
    });
  if (scenario === null || scenario.status !== 'draft') return;
  const edges = scenario.changes.flatMap((change) =>
    change.op === 'addRelation' && !graph.hasEdge(change.relation.id)
      ? [
          {
            key: change.relation.id,
            source: change.relation.from,
            target: change.relation.to,
            attributes: { ...change.relation, proposed: true, owner: change.owner },
          },
        ]
      : [],
  );
  mergeSerialized(graph, graphOf([], edges));
}

/** After Apply: the proposed edges are now stored relations. */
export function settleProposed(graph: EcoGraph): void {
  graph.forEachEdge((edge, attributes) => {
    if (attributes.proposed === true) graph.setEdgeAttribute(edge, 'proposed', false);
  });
}
