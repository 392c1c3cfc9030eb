/**
 * One pass over the graph that every gap detector, indicator and suggestion reads from: the
 * nodes of each kind, the *active* relations of each type out of and into each node, chain and
 * park memberships, and the ownership group of each organisation.
 *
 * Rules shared by the planner's analytics (gaps, indicators, suggestions):
 * - Only relations whose `status` is `active` (or that carry no status at all) are ties. A
 *   `planned` relation is a proposal and an `ended` one is history: neither closes a gap. They
 *   are kept apart (`proposed`) so that reasons and suggestions can mention them.
 * - Chain membership is an active BELONGS_TO to an IndustryChain; park membership an active
 *   LOCATED_IN to a SciencePark. A science park's chains are its own plus those of the
 *   organisations located in it; a consortium's are its own, else those of its leaders.
 * - Ownership groups (for the SOE–private questions): the `ownership` attribute when set, else
 *   from the kind: ChainLeader state, PrivateFirm private, SciencePark public; labs and pilot
 *   bases by `ownerType` (soe → state, private → private, university, institute, government →
 *   public); funds by `fundType` (government-guided → public, soe-participating → state,
 *   social-capital-led → private). Anything else has no group.
 *
 * Building it is O(n + m) plus sorting each neighbour list, so that every list is in key order
 * and no answer depends on the order the graph was built in.
 */
import type { EntityKind, Ownership, RelationKind } from '@innograph/model';
import { OWNERSHIPS } from '@innograph/model';
import type { AbstractGraph, Attributes } from './graph.js';
import { compareKeys } from './graph.js';

export type OwnershipGroup = Ownership;

/** Relations between organisations (not memberships of chains and parks): the ties that the
 *  brokerage, constraint, betweenness and community measures run on. */
export const TIE_TYPES = [
  'OPENS_TO',
  'SUPPLIES',
  'INVESTS_IN',
  'BACKS',
  'OPERATES',
  'PAIRED_WITH',
  'LEADS',
  'MEMBER_OF',
] as const satisfies readonly RelationKind[];

const TIE_TYPE_SET = new Set<string>(TIE_TYPES);

export const PLATFORM_KINDS = ['Lab', 'PilotBase'] as const satisfies readonly EntityKind[];

type Adjacency = Map<string, Map<string, string[]>>;

export interface Ecosystem {
  graph: AbstractGraph;
  /** Every node key, sorted. */
  nodes: string[];
  /** Node keys of each kind, sorted. */
  byKind: Map<string, string[]>;
  kind: Map<string, string>;
  ownership: Map<string, OwnershipGroup>;
  /** Active relations: type → source → sorted distinct targets. */
  activeOut: Adjacency;
  /** Active relations: type → target → sorted distinct sources. */
  activeIn: Adjacency;
  /** Planned relations, both ways: type → node → sorted distinct other ends. */
  proposed: Adjacency;
  /** Active BELONGS_TO chains of each node (sorted). */
  chainsOfNode: Map<string, string[]>;
  /** Active LOCATED_IN parks of each node (sorted). */
  parksOfNode: Map<string, string[]>;
  /** Edges that are active ties (TIE_TYPES), sorted by key: [edge, source, target, type]. */
  ties: Array<[string, string, string, string]>;
  cache: Map<string, unknown>;
}

const EMPTY: readonly string[] = Object.freeze([]) as readonly string[];

/** Is the relation a tie now (status `active`, or no status at all)? */
export function isActive(attributes: Attributes): boolean {
  return attributes.status === undefined || attributes.status === 'active';
}

/** Edge filter for the tie network: active relations of TIE_TYPES. */
export function isActiveTie(_edge: string, attributes: Attributes): boolean {
  return TIE_TYPE_SET.has(attributes.type) && isActive(attributes);
}

function push(adjacency: Adjacency, type: string, from: string, to: string): void {
  let byNode = adjacency.get(type);
  if (!byNode) {
    byNode = new Map();
    adjacency.set(type, byNode);
  }
  const list = byNode.get(from);
  if (list) list.push(to);
  else byNode.set(from, [to]);
}

/** Sorts a list of keys in place and drops repeats. */
function sortDistinct(list: string[]): void {
  if (list.length < 2) return;
  list.sort(compareKeys);
  let k = 1;
  for (let i = 1; i < list.length; i += 1) if (list[i] !== list[k - 1]) list[k++] = list[i] as string;
  list.length = k;
}

function sortLists(adjacency: Adjacency): void {
  for (const byNode of adjacency.values()) for (const list of byNode.values()) sortDistinct(list);
}

const PLATFORM_OWNERS: Record<string, OwnershipGroup> = {
  soe: 'state',
  private: 'private',
  university: 'public',
  institute: 'public',
  government: 'public',
};
const FUND_OWNERS: Record<string, OwnershipGroup> = {
  'government-guided': 'public',
  'soe-participating': 'state',
  'social-capital-led': 'private',
};

/** The ownership group of a node from its attributes (see the module comment), or null. */
export function ownershipGroupOf(attributes: Attributes): OwnershipGroup | null {
  const { ownership, kind } = attributes;
  if ((OWNERSHIPS as readonly unknown[]).includes(ownership)) return ownership as OwnershipGroup;
  switch (kind) {
    case 'ChainLeader':
      return 'state';
    case 'PrivateFirm':
      return 'private';
    case 'SciencePark':
      return 'public';
    case 'Lab':
    case 'PilotBase':
      return PLATFORM_OWNERS[String(attributes.ownerType)] ?? null;
    case 'Fund':
      return FUND_OWNERS[String(attributes.fundType)] ?? null;
    default:
      return null;
  }
}

/** Builds the index in one pass over nodes and one over edges. */
export function buildEcosystem(graph: AbstractGraph): Ecosystem {
  const nodes = graph.nodes().sort(compareKeys);
  const byKind = new Map<string, string[]>();
  const kind = new Map<string, string>();
  const ownership = new Map<string, OwnershipGroup>();
  for (const node of nodes) {
    const attributes = graph.getNodeAttributes(node);
    const k = typeof attributes.kind === 'string' ? attributes.kind : '';
    kind.set(node, k);
    const list = byKind.get(k);
    if (list) list.push(node);
    else byKind.set(k, [node]);
    const group = ownershipGroupOf(attributes);
    if (group) ownership.set(node, group);
  }

  const activeOut: Adjacency = new Map();
  const activeIn: Adjacency = new Map();
  const proposed: Adjacency = new Map();
  const chainsOfNode = new Map<string, string[]>();
  const parksOfNode = new Map<string, string[]>();
  const ties: Array<[string, string, string, string]> = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    const type = attributes.type;
    if (typeof type !== 'string' || source === target) return;
    if (!isActive(attributes)) {
      if (attributes.status === 'planned') {
        push(proposed, type, source, target);
        push(proposed, type, target, source);
      }
      return;
    }
    push(activeOut, type, source, target);
    push(activeIn, type, target, source);
    if (type === 'BELONGS_TO' && kind.get(target) === 'IndustryChain') {
      const list = chainsOfNode.get(source);
      if (list) list.push(target);
      else chainsOfNode.set(source, [target]);
    } else if (type === 'LOCATED_IN' && kind.get(target) === 'SciencePark') {
      const list = parksOfNode.get(source);
      if (list) list.push(target);
      else parksOfNode.set(source, [target]);
    }
    if (TIE_TYPE_SET.has(type)) ties.push([edge, source, target, type]);
  });
  sortLists(activeOut);
  sortLists(activeIn);
  sortLists(proposed);
  for (const map of [chainsOfNode, parksOfNode]) for (const list of map.values()) sortDistinct(list);
  ties.sort((a, b) => compareKeys(a[0], b[0]));
  return {
    graph,
    nodes,
    byKind,
    kind,
    ownership,
    activeOut,
    activeIn,
    proposed,
    chainsOfNode,
    parksOfNode,
    ties,
    cache: new Map(),
  };
}

/** Sorted targets of the node's active relations of `type`. */
export function outOf(eco: Ecosystem, type: RelationKind, node: string): readonly string[] {
  return eco.activeOut.get(type)?.get(node) ?? EMPTY;
}

/** Sorted sources of active relations of `type` into the node. */
export function inOf(eco: Ecosystem, type: RelationKind, node: string): readonly string[] {
  return eco.activeIn.get(type)?.get(node) ?? EMPTY;
}

/** Both ends: for symmetric relations such as PAIRED_WITH, stored either way. */
export function bothOf(eco: Ecosystem, type: RelationKind, node: string): readonly string[] {
  const out = outOf(eco, type, node);
  const into = inOf(eco, type, node);
  if (into.length === 0) return out;
  if (out.length === 0) return into;
  return [...new Set([...out, ...into])].sort(compareKeys);
}

/** Other ends of planned relations of `type` (either direction). */
export function proposedOf(eco: Ecosystem, type: RelationKind, node: string): readonly string[] {
  return eco.proposed.get(type)?.get(node) ?? EMPTY;
}

export function ofKind(eco: Ecosystem, kind: EntityKind): readonly string[] {
  return eco.byKind.get(kind) ?? EMPTY;
}

export function isKind(eco: Ecosystem, node: string, kinds: readonly string[]): boolean {
  return kinds.includes(eco.kind.get(node) ?? '');
}

/** Active BELONGS_TO chains of the node (a chain is its own). */
export function chainsOfEntity(eco: Ecosystem, node: string): readonly string[] {
  if (eco.kind.get(node) === 'IndustryChain') return [node];
  return eco.chainsOfNode.get(node) ?? EMPTY;
}

export function parksOfEntity(eco: Ecosystem, node: string): readonly string[] {
  return eco.parksOfNode.get(node) ?? EMPTY;
}

function cached<T>(eco: Ecosystem, key: string, compute: () => T): T {
  if (eco.cache.has(key)) return eco.cache.get(key) as T;
  const value = compute();
  eco.cache.set(key, value);
  return value;
}

/**
 * The chains a node is counted in: its own active BELONGS_TO chains; for a science park also
 * the chains of the organisations actively located in it; for a consortium with none of its
 * own, the chains of its active leaders.
 */
export function chainScope(eco: Ecosystem, node: string): readonly string[] {
  const own = chainsOfEntity(eco, node);
  const kind = eco.kind.get(node);
  if (kind !== 'SciencePark' && kind !== 'Consortium') return own;
  const scopes = cached(eco, 'chainScope', () => new Map<string, readonly string[]>());
  const known = scopes.get(node);
  if (known) return known;
  let result = own;
  if (kind === 'SciencePark') {
    const all = new Set(own);
    for (const member of inOf(eco, 'LOCATED_IN', node))
      for (const c of chainsOfEntity(eco, member)) all.add(c);
    result = [...all].sort(compareKeys);
  } else if (own.length === 0) {
    const all = new Set<string>();
    for (const leader of inOf(eco, 'LEADS', node)) for (const c of chainsOfEntity(eco, leader)) all.add(c);
    result = [...all].sort(compareKeys);
  }
  scopes.set(node, result);
  return result;
}

/** Members of each chain (active BELONGS_TO sources), sorted, by chain. */
export function chainMembers(eco: Ecosystem): Map<string, readonly string[]> {
  return cached(eco, 'chainMembers', () => {
    const members = new Map<string, readonly string[]>();
    for (const chain of ofKind(eco, 'IndustryChain')) members.set(chain, inOf(eco, 'BELONGS_TO', chain));
    return members;
  });
}

/** Consortia counted in each chain (through `chainScope`), sorted, by chain. */
export function consortiaByChain(eco: Ecosystem): Map<string, string[]> {
  return cached(eco, 'consortiaByChain', () => {
    const byChain = new Map<string, string[]>();
    for (const consortium of ofKind(eco, 'Consortium')) {
      for (const chain of chainScope(eco, consortium)) {
        const list = byChain.get(chain);
        if (list) list.push(consortium);
        else byChain.set(chain, [consortium]);
      }
    }
    return byChain;
  });
}

/** Is the node a lab or pilot base with at least one active OPENS_TO? */
export function servesAnyFirm(eco: Ecosystem, platform: string): boolean {
  return outOf(eco, 'OPENS_TO', platform).some((firm) => eco.kind.get(firm) === 'PrivateFirm');
}

/** Does the firm reach at least one lab or pilot base through an active OPENS_TO? */
export function hasPlatformAccess(eco: Ecosystem, firm: string): boolean {
  return inOf(eco, 'OPENS_TO', firm).some((p) => isKind(eco, p, PLATFORM_KINDS));
}

/** Is the park actively paired with at least one service institution (either direction)? */
export function isPaired(eco: Ecosystem, park: string): boolean {
  return bothOf(eco, 'PAIRED_WITH', park).some((s) => eco.kind.get(s) === 'ServiceInstitution');
}

/** Is the firm backed by at least one fund through an active INVESTS_IN? */
export function isFunded(eco: Ecosystem, firm: string): boolean {
  return inOf(eco, 'INVESTS_IN', firm).some((f) => eco.kind.get(f) === 'Fund');
}

/** Chain leaders the firm actively supplies. */
export function leadersSupplied(eco: Ecosystem, firm: string): string[] {
  return outOf(eco, 'SUPPLIES', firm).filter((l) => eco.kind.get(l) === 'ChainLeader');
}

export function stringAttribute(eco: Ecosystem, node: string, name: string): string | undefined {
  const value: unknown = eco.graph.getNodeAttribute(node, name);
  return typeof value === 'string' ? value : undefined;
}

export function numberAttribute(eco: Ecosystem, node: string, name: string): number | undefined {
  const value: unknown = eco.graph.getNodeAttribute(node, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A string-list attribute (capabilities, domains, focus...), non-strings dropped. */
export function tagsAttribute(eco: Ecosystem, node: string, name: string): string[] {
  const value: unknown = eco.graph.getNodeAttribute(node, name);
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}

export function isStateOwned(eco: Ecosystem, node: string): boolean {
  return eco.ownership.get(node) === 'state';
}
