/**
 * Which entities and relations a view shows, and the counts beside each filter choice. Pure
 * functions of the graph and the view's filters, so that they are tested without a browser.
 *
 * - An entity shows when its kind is not hidden and it matches chain, park, ownership and stage
 *   (an entity without the attribute does not match a set ownership or stage filter). With a date,
 *   it shows once its first relation has started: the network grows as the time slider moves.
 * - A relation shows when both ends show, its kind and status are not hidden, and with a date,
 *   since ≤ date ≤ until.
 * - The count beside a choice is what would show with that choice taken and every other filter
 *   kept (the usual faceted count), so the numbers answer "what do I get if I click this".
 */
import type { EntityKind, RelationKind, RelationStatus, ViewFilters } from '@innograph/model';
import type { EcoGraph } from './graph.js';

export interface Memberships {
  /** Chains an entity belongs to (BELONGS_TO targets), by entity. */
  chains: ReadonlyMap<string, readonly string[]>;
  /** Parks an entity sits in (LOCATED_IN targets), by entity. */
  parks: ReadonlyMap<string, readonly string[]>;
  /** The earliest `since` of an entity's relations. */
  firstSince: ReadonlyMap<string, string>;
}

export function memberships(graph: EcoGraph): Memberships {
  const chains = new Map<string, string[]>();
  const parks = new Map<string, string[]>();
  const firstSince = new Map<string, string>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else map.set(key, [value]);
  };
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.type === 'BELONGS_TO') add(chains, source, target);
    if (attributes.type === 'LOCATED_IN') add(parks, source, target);
    for (const end of [source, target]) {
      const known = firstSince.get(end);
      if (known === undefined || attributes.since < known) firstSince.set(end, attributes.since);
    }
  });
  return { chains, parks, firstSince };
}

type NodeFacet = 'kind' | 'chain' | 'park' | 'ownership' | 'stage';
type EdgeFacet = 'relation' | 'status';

function nodePasses(
  graph: EcoGraph,
  node: string,
  filters: ViewFilters,
  index: Memberships,
  except?: NodeFacet,
): boolean {
  const attributes = graph.getNodeAttributes(node);
  if (except !== 'kind' && filters.hiddenKinds.includes(attributes.kind)) return false;
  if (except !== 'chain' && filters.chain !== null && node !== filters.chain) {
    if (!index.chains.get(node)?.includes(filters.chain)) return false;
  }
  if (except !== 'park' && filters.park !== null && node !== filters.park) {
    if (!index.parks.get(node)?.includes(filters.park)) return false;
  }
  if (except !== 'ownership' && filters.ownership !== null && attributes.ownership !== filters.ownership)
    return false;
  if (except !== 'stage' && filters.stage !== null && attributes.stage !== filters.stage) return false;
  if (filters.date !== null) {
    const first = index.firstSince.get(node);
    if (first !== undefined && first > filters.date) return false;
  }
  return true;
}

function edgePassesOwn(graph: EcoGraph, edge: string, filters: ViewFilters, except?: EdgeFacet): boolean {
  const attributes = graph.getEdgeAttributes(edge);
  if (except !== 'relation' && filters.hiddenRelations.includes(attributes.type)) return false;
  if (except !== 'status' && filters.hiddenStatuses.includes(attributes.status)) return false;
  if (filters.date !== null) {
    if (attributes.since > filters.date) return false;
    if (attributes.until !== undefined && attributes.until < filters.date) return false;
  }
  return true;
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

export function visibility(graph: EcoGraph, filters: ViewFilters, index: Memberships): Visibility {
  const nodes = new Set<string>();
  graph.forEachNode((node) => {
    if (nodePasses(graph, node, filters, index)) nodes.add(node);
  });
  const edges = new Set<string>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (nodes.has(source) && nodes.has(target) && edgePassesOwn(graph, edge, filters)) edges.add(edge);
  });
  return { nodes, edges };
}

export interface FacetCounts {
  kinds: Partial<Record<EntityKind, number>>;
  relations: Partial<Record<RelationKind, number>>;
  statuses: Partial<Record<RelationStatus, number>>;
  chains: Record<string, number>;
  parks: Record<string, number>;
  ownership: Record<string, number>;
  stage: Record<string, number>;
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function facetCounts(graph: EcoGraph, filters: ViewFilters, index: Memberships): FacetCounts {
  const counts: FacetCounts = {
    kinds: {},
    relations: {},
    statuses: {},
    chains: {},
    parks: {},
    ownership: {},
    stage: {},
  };
  graph.forEachNode((node, attributes) => {
    if (nodePasses(graph, node, filters, index, 'kind')) bump(counts.kinds, attributes.kind);
    if (nodePasses(graph, node, filters, index, 'chain')) {
      for (const chain of index.chains.get(node) ?? []) bump(counts.chains, chain);
    }
    if (nodePasses(graph, node, filters, index, 'park')) {
      for (const park of index.parks.get(node) ?? []) bump(counts.parks, park);
    }
    if (typeof attributes.ownership === 'string' && nodePasses(graph, node, filters, index, 'ownership'))
      bump(counts.ownership, attributes.ownership);
    if (typeof attributes.stage === 'string' && nodePasses(graph, node, filters, index, 'stage'))
      bump(counts.stage, attributes.stage);
  });
  const shown = new Set<string>();
  graph.forEachNode((node) => {
    if (nodePasses(graph, node, filters, index)) shown.add(node);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!shown.has(source) || !shown.has(target)) return;
    if (edgePassesOwn(graph, edge, filters, 'relation')) bump(counts.relations, attributes.type);
    if (edgePassesOwn(graph, edge, filters, 'status')) bump(counts.statuses, attributes.status);
  });
  return counts;
}

/** The dates at which the network changed (relation starts and ends), sorted, for the slider. */
export function timelineDates(graph: EcoGraph): string[] {
  const dates = new Set<string>();
  graph.forEachEdge((_edge, attributes) => {
    dates.add(attributes.since);
    if (attributes.until !== undefined) dates.add(attributes.until);
  });
  return [...dates].sort();
}
