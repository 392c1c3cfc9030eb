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
 * Building it is O(n + m): nodes are numbered in key order and the relations of each type are
 * kept as compressed adjacency (per node a range of one Int32Array, filled by two counting sorts),
 * so every neighbour list comes out in key order without repeats and no answer depends on the
 * order the graph was built in. At 100,000 entities and 500,000 relations that is one pass over
 * graphology's edges and a few typed arrays, instead of a map and an array per node and type.
 */
import type { Bilingual, EntityKind, Ownership, RelationKind } from '@innograph/model';
import { OWNERSHIPS } from '@innograph/model';
import type { AbstractGraph, Attributes } from './graph.js';
import { compareKeys, namesOf } from './graph.js';
import { assertGraph, fail } from './validate.js';

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
const TIE_INDEX = new Map<string, number>(TIE_TYPES.map((type, i) => [type, i]));

export const PLATFORM_KINDS = ['Lab', 'PilotBase'] as const satisfies readonly EntityKind[];

/**
 * Relations by type and node, compressed: the other ends of the relations of the type with code
 * `t` at node `i` are `list[starts[t × n + i] .. starts[t × n + i + 1])`, node numbers in
 * increasing order (= key order), without repeats.
 */
export interface Adjacency {
  starts: Int32Array;
  list: Int32Array;
}

/** Active ties (TIE_TYPES), one entry per relation, in no particular order. */
export interface Ties {
  count: number;
  /** Relation (edge) keys. */
  edge: string[];
  /** Node numbers of the stored source and target. */
  source: Int32Array;
  target: Int32Array;
  /** Index of the relation type in TIE_TYPES. */
  type: Uint8Array;
}

export interface Ecosystem {
  graph: AbstractGraph;
  /** Every node key, sorted; a node's number is its position here. */
  nodes: string[];
  /** Node key → number. */
  index: Map<string, number>;
  /** Node keys of each kind, sorted. */
  byKind: Map<string, string[]>;
  /** Kind by node number ('' when the node has none). */
  kindOf: string[];
  /** The graph's attribute object of each node, by number (read, never written). */
  attributesOf: Attributes[];
  /** Ownership group by node number, as its index in OWNERSHIPS (-1 for none). */
  groupOf: Int8Array;
  /** Relation type → code (the `t` of `Adjacency`). */
  typeCode: Map<string, number>;
  /** Active relations, by source: the targets. */
  activeOut: Adjacency;
  /** Active relations, by target: the sources. */
  activeIn: Adjacency;
  /** Planned relations, both ways: the other ends. */
  proposed: Adjacency;
  ties: Ties;
  /** Active SUPPLIES relations: supplier and customer numbers, and the relation's `capability`
   *  ('' when it names none), for the capability gap. */
  supplies: { source: number[]; target: number[]; capability: string[] };
  /** Active BELONGS_TO chains per node number, filled when first asked. */
  chainLists: Array<readonly string[] | null>;
  cache: Map<string, unknown>;
  /** `graph.order` and `graph.size` when the index was built (see `useIndex`). */
  order: number;
  size: number;
}

/**
 * The index of a graph as callers outside this package see it: built by `ecosystemIndex` and
 * handed to `detectGaps`, `gapCounts`, `suggestRelations` and `computeIndicators` so that the
 * analyses of one graph state build it once. Opaque: only this package reads it.
 */
export interface EcosystemIndex {
  readonly graph: AbstractGraph;
}

/** Builds the index of a graph to share between analyses of the same, unchanged graph. */
export function ecosystemIndex(graph: AbstractGraph): EcosystemIndex {
  assertGraph('ecosystemIndex', graph);
  return buildEcosystem(graph);
}

/**
 * The index to use for `graph`: the one given (checked to be of this graph and, as far as the
 * node and edge counts tell, of its current state), else a new one. The index is a snapshot:
 * after the graph changes, build a new one.
 */
export function useIndex(module: string, graph: AbstractGraph, given: EcosystemIndex | undefined): Ecosystem {
  if (given === undefined) return buildEcosystem(graph);
  if (!isEcosystem(given) || given.graph !== graph) {
    fail(module, 'the given index was not built from this graph (use ecosystemIndex(graph)).');
  }
  if (given.order !== graph.order || given.size !== graph.size) {
    fail(
      module,
      `the graph changed since its index was built (${given.order} nodes and ${given.size} edges then, ${graph.order} and ${graph.size} now); build a new one.`,
    );
  }
  return given;
}

function isEcosystem(value: EcosystemIndex): value is Ecosystem {
  return 'activeOut' in value && 'cache' in value;
}

const EMPTY: readonly string[] = Object.freeze([]) as readonly string[];
const EMPTY_ATTRIBUTES: Attributes = Object.freeze({});
// Attribute names read with keyed loads (`attributes[TYPE]`) in the passes over every node and
// edge: attribute objects come in many shapes (one per kind and set of attributes), where V8's
// megamorphic keyed load measured two to three times faster than a named one (`attributes.type`).
const TYPE = 'type';
const STATUS = 'status';
const KIND = 'kind';
const OWNERSHIP = 'ownership';
const OWNER_TYPE = 'ownerType';
const FUND_TYPE = 'fundType';
const CAPABILITY = 'capability';

/** Is the relation a tie now (status `active`, or no status at all)? */
export function isActive(attributes: Attributes): boolean {
  return attributes.status === undefined || attributes.status === 'active';
}

/** Edge filter for the tie network: active relations of TIE_TYPES. */
export function isActiveTie(_edge: string, attributes: Attributes): boolean {
  return TIE_TYPE_SET.has(attributes.type) && isActive(attributes);
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
  const ownership: unknown = attributes[OWNERSHIP];
  if ((OWNERSHIPS as readonly unknown[]).includes(ownership)) return ownership as OwnershipGroup;
  switch (attributes[KIND]) {
    case 'ChainLeader':
      return 'state';
    case 'PrivateFirm':
      return 'private';
    case 'SciencePark':
      return 'public';
    case 'Lab':
    case 'PilotBase':
      return PLATFORM_OWNERS[String(attributes[OWNER_TYPE])] ?? null;
    case 'Fund':
      return FUND_OWNERS[String(attributes[FUND_TYPE])] ?? null;
    default:
      return null;
  }
}

/**
 * Groups `count` entries (bucket, value) into an Adjacency of `buckets` buckets: values in
 * increasing order within each bucket, repeats dropped. Two counting sorts, by value then
 * (stably) by bucket, so O(count + buckets + values).
 */
function adjacencyOf(
  buckets: number,
  values: number,
  count: number,
  entryBucket: Int32Array,
  entryValue: Int32Array,
): Adjacency {
  // By value.
  const byValue = new Int32Array(values + 1);
  for (let e = 0; e < count; e += 1) {
    const slot = (entryValue[e] ?? 0) + 1;
    byValue[slot] = (byValue[slot] ?? 0) + 1;
  }
  for (let v = 0; v < values; v += 1) byValue[v + 1] = (byValue[v + 1] ?? 0) + (byValue[v] ?? 0);
  const order = new Int32Array(count);
  for (let e = 0; e < count; e += 1) {
    const v = entryValue[e] ?? 0;
    order[byValue[v] ?? 0] = e;
    byValue[v] = (byValue[v] ?? 0) + 1;
  }
  // Then by bucket, keeping the value order.
  const starts = new Int32Array(buckets + 1);
  for (let e = 0; e < count; e += 1) {
    const slot = (entryBucket[e] ?? 0) + 1;
    starts[slot] = (starts[slot] ?? 0) + 1;
  }
  for (let b = 0; b < buckets; b += 1) starts[b + 1] = (starts[b + 1] ?? 0) + (starts[b] ?? 0);
  const fill = starts.slice(0, buckets);
  const list = new Int32Array(count);
  for (let k = 0; k < count; k += 1) {
    const e = order[k] ?? 0;
    const b = entryBucket[e] ?? 0;
    list[fill[b] ?? 0] = entryValue[e] ?? 0;
    fill[b] = (fill[b] ?? 0) + 1;
  }
  // Drop repeats (parallel relations) in place.
  let write = 0;
  let from = 0;
  for (let b = 0; b < buckets; b += 1) {
    const to = starts[b + 1] ?? 0;
    starts[b] = write;
    for (let k = from; k < to; k += 1) {
      const v = list[k] ?? 0;
      if (k === from || v !== list[k - 1]) list[write++] = v;
    }
    from = to;
  }
  starts[buckets] = write;
  return { starts, list: list.subarray(0, write) };
}

/** An array of n copies of `value`, built by pushing so that its elements stay fast. */
function filled<T>(n: number, value: T): T[] {
  const array: T[] = [];
  for (let i = 0; i < n; i += 1) array.push(value);
  return array;
}

/** Builds the index in one pass over nodes and one over edges. */
export function buildEcosystem(graph: AbstractGraph): Ecosystem {
  const nodes = graph.nodes().sort(compareKeys);
  const n = nodes.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i += 1) index.set(nodes[i] as string, i);
  // Filled arrays, not `new Array(n)`: V8 gives large preallocated arrays slow dictionary elements.
  const kinds = filled<string>(n, '');
  const groups = filled<OwnershipGroup | null>(n, null);
  const attributesOf = filled<Attributes>(n, EMPTY_ATTRIBUTES);
  // Node number by the node's attribute object: the edge pass gets each end's attribute object
  // too, and a map keyed by object identity answers several times faster than one keyed by the
  // node's string (measured 16 ms against 120 ms over 514k edges). Only when every node has an
  // object of its own (graphology keeps the object it was given, so two nodes could share one).
  const byAttributes = new Map<Attributes, number>();
  let sharedAttributes = false;
  graph.forEachNode((node, attributes) => {
    const i = index.get(node) ?? 0;
    attributesOf[i] = attributes;
    if (byAttributes.has(attributes)) sharedAttributes = true;
    else byAttributes.set(attributes, i);
    const k: unknown = attributes[KIND];
    kinds[i] = typeof k === 'string' ? k : '';
    groups[i] = ownershipGroupOf(attributes);
  });
  const byKind = new Map<string, string[]>();
  const groupOf = new Int8Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) {
    const node = nodes[i] as string;
    const k = kinds[i] as string;
    const list = byKind.get(k);
    if (list) list.push(node);
    else byKind.set(k, [node]);
    const group = groups[i];
    if (group) groupOf[i] = OWNERSHIPS.indexOf(group);
  }

  // One pass over the edges into flat arrays: type code, source and target of the active and
  // the planned relations, and the active ties apart.
  const m = graph.size;
  const typeCode = new Map<string, number>();
  const activeType = new Int32Array(m);
  const activeSource = new Int32Array(m);
  const activeTarget = new Int32Array(m);
  let active = 0;
  const plannedType: number[] = [];
  const plannedSource: number[] = [];
  const plannedTarget: number[] = [];
  const tieEdge: string[] = [];
  const tieSource = new Int32Array(m);
  const tieTarget = new Int32Array(m);
  const tieType = new Uint8Array(m);
  const supplies = { source: [] as number[], target: [] as number[], capability: [] as string[] };
  let lastSource = '';
  let lastIndex = 0;
  const numberOf = sharedAttributes
    ? (key: string, _attributes: Attributes) => index.get(key) ?? 0
    : (_key: string, attributes: Attributes) => byAttributes.get(attributes) ?? 0;
  graph.forEachEdge((edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const type: unknown = attributes[TYPE];
    if (typeof type !== 'string' || source === target) return;
    const status: unknown = attributes[STATUS];
    const isTie = status === undefined || status === 'active';
    if (!isTie && status !== 'planned') return;
    let code = typeCode.get(type);
    if (code === undefined) {
      code = typeCode.size;
      typeCode.set(type, code);
    }
    // Relations often come grouped by source (the store reads them node by node).
    if (source !== lastSource) {
      lastSource = source;
      lastIndex = numberOf(source, sourceAttributes);
    }
    const s = lastIndex;
    const t = numberOf(target, targetAttributes);
    if (!isTie) {
      plannedType.push(code);
      plannedSource.push(s);
      plannedTarget.push(t);
      return;
    }
    activeType[active] = code;
    activeSource[active] = s;
    activeTarget[active] = t;
    active += 1;
    if (type === 'SUPPLIES') {
      const capability: unknown = attributes[CAPABILITY];
      supplies.source.push(s);
      supplies.target.push(t);
      supplies.capability.push(typeof capability === 'string' ? capability : '');
    }
    const tie = TIE_INDEX.get(type);
    if (tie !== undefined) {
      tieSource[tieEdge.length] = s;
      tieTarget[tieEdge.length] = t;
      tieType[tieEdge.length] = tie;
      tieEdge.push(edge);
    }
  });

  const buckets = Math.max(1, typeCode.size) * n;
  const outBucket = new Int32Array(active);
  const inBucket = new Int32Array(active);
  for (let e = 0; e < active; e += 1) {
    const offset = (activeType[e] ?? 0) * n;
    outBucket[e] = offset + (activeSource[e] ?? 0);
    inBucket[e] = offset + (activeTarget[e] ?? 0);
  }
  const planned = plannedType.length;
  const proposedBucket = new Int32Array(2 * planned);
  const proposedOther = new Int32Array(2 * planned);
  for (let e = 0; e < planned; e += 1) {
    const offset = (plannedType[e] ?? 0) * n;
    const s = plannedSource[e] ?? 0;
    const t = plannedTarget[e] ?? 0;
    proposedBucket[2 * e] = offset + s;
    proposedOther[2 * e] = t;
    proposedBucket[2 * e + 1] = offset + t;
    proposedOther[2 * e + 1] = s;
  }
  const ties = tieEdge.length;
  return {
    graph,
    nodes,
    index,
    byKind,
    kindOf: kinds,
    attributesOf,
    groupOf,
    typeCode,
    activeOut: adjacencyOf(buckets, n, active, outBucket, activeTarget.subarray(0, active)),
    activeIn: adjacencyOf(buckets, n, active, inBucket, activeSource.subarray(0, active)),
    proposed: adjacencyOf(buckets, n, 2 * planned, proposedBucket, proposedOther),
    ties: {
      count: ties,
      edge: tieEdge,
      source: tieSource.subarray(0, ties),
      target: tieTarget.subarray(0, ties),
      type: tieType.subarray(0, ties),
    },
    supplies,
    chainLists: filled<readonly string[] | null>(n, null),
    cache: new Map(),
    order: graph.order,
    size: graph.size,
  };
}

/** The bucket of (type, node) in the ecosystem's adjacencies, or -1 when there is none. */
export function bucketOf(eco: Ecosystem, type: string, node: string): number {
  const i = eco.index.get(node);
  return i === undefined ? -1 : bucketAt(eco, type, i);
}

/** The bucket of (type, node number), or -1 when no relation has the type. */
export function bucketAt(eco: Ecosystem, type: string, i: number): number {
  const code = eco.typeCode.get(type);
  return code === undefined ? -1 : code * eco.nodes.length + i;
}

/** Numbers of the nodes of a kind, in key order (computed once per index). */
export function numbersOfKind(eco: Ecosystem, kind: EntityKind): Int32Array {
  return cached(eco, `numbers:${kind}`, () => {
    const numbers: number[] = [];
    for (let i = 0; i < eco.kindOf.length; i += 1) if (eco.kindOf[i] === kind) numbers.push(i);
    return Int32Array.from(numbers);
  });
}

function isOneOf(kind: string, kinds: string | readonly string[]): boolean {
  return typeof kinds === 'string' ? kind === kinds : kinds.includes(kind);
}

/** Node keys of one bucket (sorted), of the given kinds when asked, or the shared empty list. */
function keysOf(
  eco: Ecosystem,
  adjacency: Adjacency,
  bucket: number,
  kinds?: string | readonly string[],
): readonly string[] {
  if (bucket < 0) return EMPTY;
  let keys: string[] | null = null;
  for (let k = adjacency.starts[bucket] ?? 0, to = adjacency.starts[bucket + 1] ?? 0; k < to; k += 1) {
    const j = adjacency.list[k] ?? 0;
    if (kinds !== undefined && !isOneOf(eco.kindOf[j] as string, kinds)) continue;
    keys ??= [];
    keys.push(eco.nodes[j] as string);
  }
  return keys ?? EMPTY;
}

/** Does a node of the bucket have the kind (or one of the kinds)? */
function anyOfKind(
  eco: Ecosystem,
  adjacency: Adjacency,
  bucket: number,
  kinds: string | readonly string[],
): boolean {
  if (bucket < 0) return false;
  for (let k = adjacency.starts[bucket] ?? 0, to = adjacency.starts[bucket + 1] ?? 0; k < to; k += 1) {
    if (isOneOf(eco.kindOf[adjacency.list[k] ?? 0] as string, kinds)) return true;
  }
  return false;
}

/** Sorted targets of the node's active relations of `type` (of the given kinds when asked). */
export function outOf(
  eco: Ecosystem,
  type: RelationKind,
  node: string,
  kinds?: EntityKind | readonly EntityKind[],
): readonly string[] {
  return keysOf(eco, eco.activeOut, bucketOf(eco, type, node), kinds);
}

/** Sorted sources of active relations of `type` into the node (of the given kinds when asked). */
export function inOf(
  eco: Ecosystem,
  type: RelationKind,
  node: string,
  kinds?: EntityKind | readonly EntityKind[],
): readonly string[] {
  return keysOf(eco, eco.activeIn, bucketOf(eco, type, node), kinds);
}

/** Both ends: for symmetric relations such as PAIRED_WITH, stored either way. */
export function bothOf(eco: Ecosystem, type: RelationKind, node: string): readonly string[] {
  const out = outOf(eco, type, node);
  const into = inOf(eco, type, node);
  if (into.length === 0) return out;
  if (out.length === 0) return into;
  return [...new Set([...out, ...into])].sort(compareKeys);
}

/** Other ends of planned relations of `type` (either direction), of the given kinds when asked. */
export function proposedOf(
  eco: Ecosystem,
  type: RelationKind,
  node: string,
  kinds?: EntityKind | readonly EntityKind[],
): readonly string[] {
  return keysOf(eco, eco.proposed, bucketOf(eco, type, node), kinds);
}

export function ofKind(eco: Ecosystem, kind: EntityKind): readonly string[] {
  return eco.byKind.get(kind) ?? EMPTY;
}

export function isKind(eco: Ecosystem, node: string, kinds: readonly string[]): boolean {
  return kinds.includes(kindIn(eco, node));
}

/** The node's kind ('' when it has none or is not in the graph). */
export function kindIn(eco: Ecosystem, node: string): string {
  const i = eco.index.get(node);
  return i === undefined ? '' : (eco.kindOf[i] as string);
}

/** The node's ownership group, or undefined. */
export function ownershipIn(eco: Ecosystem, node: string): OwnershipGroup | undefined {
  const i = eco.index.get(node);
  return i === undefined ? undefined : OWNERSHIPS[eco.groupOf[i] ?? -1];
}

/** Active BELONGS_TO chains of the node (a chain is its own). */
export function chainsOfEntity(eco: Ecosystem, node: string): readonly string[] {
  const i = eco.index.get(node);
  return i === undefined ? EMPTY : chainsAt(eco, i);
}

/** `chainsOfEntity` by node number (kept once computed). */
export function chainsAt(eco: Ecosystem, i: number): readonly string[] {
  const known = eco.chainLists[i];
  if (known) return known;
  const chains =
    eco.kindOf[i] === 'IndustryChain'
      ? [eco.nodes[i] as string]
      : keysOf(eco, eco.activeOut, bucketAt(eco, 'BELONGS_TO', i), 'IndustryChain');
  eco.chainLists[i] = chains;
  return chains;
}

/**
 * Entities grouped by their first chain (chains in key order, entities in key order within a
 * chain, those in no chain last). For loops whose result does not depend on the order (items
 * sorted afterwards, a top list per entity): a chain's entities one after another touch the
 * same chain-level data (the chain's platforms, funds, leaders, consortia), which then stays in
 * cache. At 100,000 entities that made the OPENS_TO scoring five times faster.
 */
export function byFirstChain(eco: Ecosystem, entities: Iterable<string>): string[] {
  const groups = new Map<string, string[]>();
  const none: string[] = [];
  for (const entity of entities) {
    const chain = chainsOfEntity(eco, entity)[0];
    if (chain === undefined) {
      none.push(entity);
      continue;
    }
    const group = groups.get(chain);
    if (group) group.push(entity);
    else groups.set(chain, [entity]);
  }
  const ordered: string[] = [];
  for (const chain of [...groups.keys()].sort(compareKeys)) {
    for (const entity of (groups.get(chain) as string[]).sort(compareKeys)) ordered.push(entity);
  }
  for (const entity of none.sort(compareKeys)) ordered.push(entity);
  return ordered;
}

/** Active LOCATED_IN parks of the node. */
export function parksOfEntity(eco: Ecosystem, node: string): readonly string[] {
  return outOf(eco, 'LOCATED_IN', node, 'SciencePark');
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
  const kind = kindIn(eco, node);
  if (kind !== 'SciencePark' && kind !== 'Consortium') return own;
  const scopes = cached(eco, 'chainScope', () => new Map<string, readonly string[]>());
  const known = scopes.get(node);
  if (known) return known;
  let result = own;
  if (kind === 'SciencePark') {
    const all = new Set(own);
    const { starts, list } = eco.activeIn;
    const bucket = bucketOf(eco, 'LOCATED_IN', node);
    if (bucket >= 0) {
      for (let k = starts[bucket] ?? 0, end = starts[bucket + 1] ?? 0; k < end; k += 1) {
        for (const c of chainsAt(eco, list[k] ?? 0)) all.add(c);
      }
    }
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
  return anyOfKind(eco, eco.activeOut, bucketOf(eco, 'OPENS_TO', platform), 'PrivateFirm');
}

/** Does the firm reach at least one lab or pilot base through an active OPENS_TO? */
export function hasPlatformAccess(eco: Ecosystem, firm: string): boolean {
  return anyOfKind(eco, eco.activeIn, bucketOf(eco, 'OPENS_TO', firm), PLATFORM_KINDS);
}

/** `hasPlatformAccess` by node number. */
export function hasPlatformAccessAt(eco: Ecosystem, i: number): boolean {
  return anyOfKind(eco, eco.activeIn, bucketAt(eco, 'OPENS_TO', i), PLATFORM_KINDS);
}

/** Is the park actively paired with at least one service institution (either direction)? */
export function isPaired(eco: Ecosystem, park: string): boolean {
  const bucket = bucketOf(eco, 'PAIRED_WITH', park);
  return (
    anyOfKind(eco, eco.activeOut, bucket, 'ServiceInstitution') ||
    anyOfKind(eco, eco.activeIn, bucket, 'ServiceInstitution')
  );
}

/** Is the firm backed by at least one fund through an active INVESTS_IN? */
export function isFunded(eco: Ecosystem, firm: string): boolean {
  return anyOfKind(eco, eco.activeIn, bucketOf(eco, 'INVESTS_IN', firm), 'Fund');
}

/** `isFunded` by node number. */
export function isFundedAt(eco: Ecosystem, i: number): boolean {
  return anyOfKind(eco, eco.activeIn, bucketAt(eco, 'INVESTS_IN', i), 'Fund');
}

/** Chain leaders the firm with number i actively supplies. */
export function leadersSuppliedAt(eco: Ecosystem, i: number): readonly string[] {
  return keysOf(eco, eco.activeOut, bucketAt(eco, 'SUPPLIES', i), 'ChainLeader');
}

/** `outOf` by node number. */
export function outAt(
  eco: Ecosystem,
  type: RelationKind,
  i: number,
  kinds?: EntityKind | readonly EntityKind[],
): readonly string[] {
  return keysOf(eco, eco.activeOut, bucketAt(eco, type, i), kinds);
}

/** `proposedOf` by node number. */
export function proposedAt(
  eco: Ecosystem,
  type: RelationKind,
  i: number,
  kinds?: EntityKind | readonly EntityKind[],
): readonly string[] {
  return keysOf(eco, eco.proposed, bucketAt(eco, type, i), kinds);
}

/** Chain leaders the firm actively supplies. */
export function leadersSupplied(eco: Ecosystem, firm: string): readonly string[] {
  return outOf(eco, 'SUPPLIES', firm, 'ChainLeader');
}

/** The node's names in both languages (`namesOf`), remembered per index: reasons name the same
 *  chains and leaders thousands of times. */
export function namesIn(eco: Ecosystem, node: string): Bilingual {
  const names = cached(eco, 'names', () => new Map<string, Bilingual>());
  let known = names.get(node);
  if (!known) {
    known = namesOf(eco.graph, node);
    names.set(node, known);
  }
  return known;
}

/** A node attribute, through the index's attribute objects (a node not in the graph has none). */
function attribute(eco: Ecosystem, node: string, name: string): unknown {
  const i = eco.index.get(node);
  return i === undefined ? undefined : eco.attributesOf[i]?.[name];
}

export function stringAttribute(eco: Ecosystem, node: string, name: string): string | undefined {
  const value = attribute(eco, node, name);
  return typeof value === 'string' ? value : undefined;
}

/** A node attribute by node number. */
export function attributeAt(eco: Ecosystem, i: number, name: string): unknown {
  return eco.attributesOf[i]?.[name];
}

/** `stringAttribute` by node number. */
export function stringAttributeAt(eco: Ecosystem, i: number, name: string): string | undefined {
  const value: unknown = eco.attributesOf[i]?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberAttribute(eco: Ecosystem, node: string, name: string): number | undefined {
  const value = attribute(eco, node, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A string-list attribute (capabilities, domains, focus...), non-strings dropped. */
export function tagsAttribute(eco: Ecosystem, node: string, name: string): string[] {
  return tagsOf(attribute(eco, node, name));
}

/** `tagsAttribute` by node number. */
export function tagsAt(eco: Ecosystem, i: number, name: string): string[] {
  return tagsOf(attributeAt(eco, i, name));
}

function tagsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}

export function isStateOwned(eco: Ecosystem, node: string): boolean {
  return ownershipIn(eco, node) === 'state';
}
