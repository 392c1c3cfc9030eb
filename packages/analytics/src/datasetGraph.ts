/**
 * A parsed dataset (`parseDataset`, or `generateDataset` in graph-seed) as the graph the planner's
 * analytics run on, without a database: the same shape as the store's `ecosystemGraph`.
 *
 * - Node key = entity id; attributes = the entity's attributes (those set; the model's defaults
 *   are already applied by parsing) plus `kind`, `nameZh`, `nameEn`. No `id`, no `description`.
 * - Edge key = relation id, directed `from` → `to`; attributes = the relation's attributes plus
 *   `type`, `status`, `since` and `until` when set. No evidence.
 *
 * Undefined and null values are left out, as Neo4j stores no property for them.
 */
import type { Dataset } from '@innograph/model';
import { MultiDirectedGraph } from 'graphology';

function definedAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/** The dataset's entities and relations in one MultiDirectedGraph (see the module comment). */
export function datasetGraph(dataset: Pick<Dataset, 'entities' | 'relations'>): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const entity of dataset.entities) {
    const attributes = definedAttributes(entity.attributes);
    attributes.kind = entity.kind;
    attributes.nameZh = entity.name.zh;
    attributes.nameEn = entity.name.en;
    graph.addNode(entity.id, attributes);
  }
  for (const relation of dataset.relations) {
    const attributes = definedAttributes(relation.attributes);
    attributes.type = relation.type;
    attributes.status = relation.status;
    attributes.since = relation.since;
    if (relation.until !== undefined) attributes.until = relation.until;
    graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, attributes);
  }
  return graph;
}
