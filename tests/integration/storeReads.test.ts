/**
 * The store's reads on a real Neo4j, checked against facts computed here, independently, from
 * the dataset that was loaded: search (Chinese, English, prefixes, filters, pages, hostile input),
 * an entity with its relations, subgraphs, neighbourhoods and shortest paths; then caps and
 * truncation on a generated graph.
 */
import { generateDataset, readDatasetFile, SEED_FILE } from '@innograph/graph-seed';
import {
  type Dataset,
  type Entity,
  EntityResponse,
  GraphQuery,
  NeighborhoodQuery,
  PathsQuery,
  PathsResponse,
  RELATION_KIND_NAMES,
  type Relation,
  type RelationKind,
  SearchQuery,
  SearchResponse,
  SerializedGraph,
} from '@innograph/model';
import { loadDataset, type Neo4jExecutor } from '@innograph/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getEntity,
  InvalidCursorError,
  neighborhood,
  searchEntities,
  shortestPaths,
  subgraph,
} from '../../packages/store/src/reads.js';
import { freshDatabase, testExecutor } from '../support/neo4j.js';

let executor: Neo4jExecutor;
let facts: Facts;

// ---------------------------------------------------------------------------------------------
// Facts about a dataset, computed in memory without the store
// ---------------------------------------------------------------------------------------------

class Facts {
  readonly entities: Map<string, Entity>;
  readonly relations: Map<string, Relation>;
  private readonly degrees = new Map<string, number>();

  constructor(readonly dataset: Dataset) {
    this.entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
    this.relations = new Map(dataset.relations.map((relation) => [relation.id, relation]));
    for (const { from, to } of dataset.relations) {
      for (const end of [from, to]) this.degrees.set(end, (this.degrees.get(end) ?? 0) + 1);
    }
  }

  entity(id: string): Entity {
    const entity = this.entities.get(id);
    if (entity === undefined) throw new Error(`test: no entity ${id}`);
    return entity;
  }

  relationsOf(id: string, kinds?: readonly RelationKind[]): Relation[] {
    return this.dataset.relations.filter(
      (r) => (r.from === id || r.to === id) && (kinds === undefined || kinds.includes(r.type)),
    );
  }

  /** Number of relations of any kind at either end. */
  degree(id: string): number {
    return this.degrees.get(id) ?? 0;
  }

  /** Distance of every entity within `depth` relations of `id`, ignoring direction. */
  distances(id: string, depth: number, kinds?: readonly RelationKind[]): Map<string, number> {
    const adjacency = this.adjacency(kinds);
    const distance = new Map([[id, 0]]);
    let frontier = [id];
    for (let level = 1; level <= depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const { other } of adjacency.get(node) ?? []) {
          if (!distance.has(other)) {
            distance.set(other, level);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    return distance;
  }

  /** Every shortest path from `from` to `to` as relation-id sequences (parallel relations make
   *  distinct paths), ignoring direction. */
  shortestPaths(from: string, to: string, kinds?: readonly RelationKind[]): string[][] {
    const adjacency = this.adjacency(kinds);
    const distance = this.distances(from, Number.POSITIVE_INFINITY, kinds);
    const target = distance.get(to);
    if (target === undefined) return [];
    const walk = (node: string, left: number): string[][] => {
      if (left === 0) return node === from ? [[]] : [];
      return (adjacency.get(node) ?? [])
        .filter(({ other }) => distance.get(other) === left - 1)
        .flatMap(({ other, relation }) => walk(other, left - 1).map((path) => [...path, relation]));
    };
    return walk(to, target);
  }

  /** Among the given nodes: the relations (optionally filtered) with both ends there. */
  relationsAmong(ids: ReadonlySet<string>, keep: (r: Relation) => boolean = () => true): Set<string> {
    return new Set(
      this.dataset.relations.filter((r) => ids.has(r.from) && ids.has(r.to) && keep(r)).map((r) => r.id),
    );
  }

  private adjacency(kinds?: readonly RelationKind[]) {
    const adjacency = new Map<string, { other: string; relation: string }[]>();
    const add = (node: string, other: string, relation: string) => {
      const list = adjacency.get(node) ?? [];
      list.push({ other, relation });
      adjacency.set(node, list);
    };
    for (const r of this.dataset.relations) {
      if (kinds !== undefined && !kinds.includes(r.type)) continue;
      add(r.from, r.to, r.id);
      add(r.to, r.from, r.id);
    }
    return adjacency;
  }
}

function attribute(entity: Entity, key: string): unknown {
  const attributes: Record<string, unknown> = entity.attributes;
  return attributes[key];
}

/** Lower-case Latin words of a name, split the way the index's tokenizer splits them. */
function latinWords(name: string): string[] {
  return name.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

function hasWordStarting(entity: Entity, prefix: string): boolean {
  return [...latinWords(entity.name.en), ...latinWords(entity.name.zh)].some((word) =>
    word.startsWith(prefix),
  );
}

// ---------------------------------------------------------------------------------------------
// Calls through the HTTP contract's query schemas, as the API makes them
// ---------------------------------------------------------------------------------------------

async function search(input: Record<string, string>): Promise<SearchResponse> {
  return SearchResponse.parse(await searchEntities(executor, SearchQuery.parse(input)));
}

/** Every page of a search, in order. */
async function allPages(input: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await search(cursor === undefined ? input : { ...input, cursor });
    ids.push(...page.items.map((item) => item.id));
    if (page.nextCursor === null) return ids;
    expect(page.items).toHaveLength(page.limit);
    cursor = page.nextCursor;
  }
  throw new Error('test: more than 200 pages');
}

async function graph(input: Record<string, string>): Promise<SerializedGraph> {
  return checkedGraph(await subgraph(executor, GraphQuery.parse(input)));
}

async function ego(id: string, input: Record<string, string>): Promise<SerializedGraph | null> {
  const result = await neighborhood(executor, id, NeighborhoodQuery.parse(input));
  return result === null ? null : checkedGraph(result);
}

async function paths(input: Record<string, string>) {
  const result = await shortestPaths(executor, PathsQuery.parse(input));
  return 'missing' in result ? result : PathsResponse.parse(result);
}

/** Parses a graph with the contract and checks that graphology could import it. */
function checkedGraph(result: SerializedGraph): SerializedGraph {
  const parsed = SerializedGraph.parse(result);
  const keys = new Set(parsed.nodes.map((node) => node.key));
  expect(keys.size).toBe(parsed.nodes.length);
  expect(new Set(parsed.edges.map((edge) => edge.key)).size).toBe(parsed.edges.length);
  for (const edge of parsed.edges) {
    expect(keys.has(edge.source) && keys.has(edge.target)).toBe(true);
  }
  expect(parsed.attributes.nodeCount).toBe(parsed.nodes.length);
  expect(parsed.attributes.edgeCount).toBe(parsed.edges.length);
  return parsed;
}

const nodeKeys = (g: SerializedGraph) => new Set(g.nodes.map((node) => node.key));
const edgeKeys = (g: SerializedGraph) => new Set(g.edges.map((edge) => edge.key));
const idsWhere = (keep: (entity: Entity) => boolean) =>
  facts.dataset.entities.filter(keep).map((entity) => entity.id);
const sorted = (ids: Iterable<string>) => [...ids].sort();

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  const { dataset } = await loadDataset(executor, await readDatasetFile(SEED_FILE));
  facts = new Facts(dataset);
});

afterAll(async () => {
  await executor.close();
});

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

describe('searchEntities', () => {
  it('finds every name containing a Chinese word, and only those', async () => {
    const expected = idsWhere((e) => e.name.zh.includes('座舱'));
    expect(expected.length).toBeGreaterThan(5);
    expect(sorted(await allPages({ q: '座舱', limit: '100' }))).toEqual(sorted(expected));
  });

  it('finds names containing a single Chinese character anywhere', async () => {
    const expected = idsWhere((e) => e.name.zh.includes('渝'));
    expect(expected.some((id) => !facts.entity(id).name.zh.startsWith('渝'))).toBe(true);
    expect(sorted(await allPages({ q: '渝', limit: '100' }))).toEqual(sorted(expected));
  });

  it('finds English words by prefix, whatever the case', async () => {
    const expected = idsWhere((e) => hasWordStarting(e, 'cock'));
    expect(expected.length).toBeGreaterThan(5);
    expect(sorted(await allPages({ q: 'cock', limit: '100' }))).toEqual(sorted(expected));
    expect(sorted(await allPages({ q: 'CoCkPiT', limit: '100' }))).toEqual(sorted(expected));
  });

  it('requires every word, Chinese and English, and ignores stop words', async () => {
    const expected = idsWhere((e) => hasWordStarting(e, 'cockpit') && hasWordStarting(e, 'tech'));
    expect(sorted(await allPages({ q: 'cockpit tech', limit: '100' }))).toEqual(sorted(expected));
    const mixed = idsWhere((e) => e.name.zh.includes('座舱') && hasWordStarting(e, 'inform'));
    expect(mixed.length).toBeGreaterThan(0);
    expect(sorted(await allPages({ q: '座舱 Inform', limit: '100' }))).toEqual(sorted(mixed));
    const labs = idsWhere((e) => hasWordStarting(e, 'key') && hasWordStarting(e, 'lab'));
    expect(sorted(await allPages({ q: 'key lab of', limit: '100' }))).toEqual(sorted(labs));
  });

  it('ranks a whole-word match above prefix-only matches', async () => {
    const { items } = await search({ q: 'lab' });
    const first = items[0];
    expect(first === undefined ? [] : latinWords(first.name.en)).toContain('lab');
  });

  it('pages through full-text results without repeating or skipping any', async () => {
    const expected = idsWhere((e) => e.name.zh.includes('科技'));
    expect(expected.length).toBeGreaterThan(100);
    const ids = await allPages({ q: '科技', limit: '7' });
    expect(new Set(ids).size).toBe(ids.length);
    expect(sorted(ids)).toEqual(sorted(expected));
  });

  it('lists by English name, then id, without q, page after page', async () => {
    const firms = facts.dataset.entities
      .filter((e) => e.kind === 'PrivateFirm')
      .sort((a, b) => (a.name.en < b.name.en ? -1 : a.name.en > b.name.en ? 1 : a.id < b.id ? -1 : 1))
      .map((e) => e.id);
    expect(await allPages({ kind: 'PrivateFirm', limit: '50' })).toEqual(firms);
    const everything = await allPages({ limit: '100' });
    expect(everything).toHaveLength(facts.dataset.entities.length);
  });

  it('returns whole records with the version and timestamps', async () => {
    const { items } = await search({ q: '座舱', limit: '1' });
    const item = items[0];
    if (item === undefined) throw new Error('test: no result');
    const { version, createdAt, updatedAt, ...entity } = item;
    expect(entity).toEqual(facts.entity(item.id));
    expect(version).toBe(1);
    expect(new Date(createdAt).toISOString()).toBe(createdAt);
    expect(new Date(updatedAt).toISOString()).toBe(updatedAt);
  });

  it('filters by kind, chain, park, ownership and stage', async () => {
    const inChain = new Set(
      facts.dataset.relations
        .filter((r) => r.type === 'BELONGS_TO' && r.to === 'chain-nev')
        .map((r) => r.from),
    );
    expect(sorted(await allPages({ chain: 'chain-nev', kind: 'PrivateFirm,Lab', limit: '100' }))).toEqual(
      sorted(idsWhere((e) => inChain.has(e.id) && (e.kind === 'PrivateFirm' || e.kind === 'Lab'))),
    );

    const parkCounts = new Map<string, number>();
    for (const r of facts.dataset.relations) {
      if (r.type === 'LOCATED_IN') parkCounts.set(r.to, (parkCounts.get(r.to) ?? 0) + 1);
    }
    const [park] = [...parkCounts].sort((a, b) => b[1] - a[1])[0] ?? [''];
    const inPark = new Set(
      facts.dataset.relations.filter((r) => r.type === 'LOCATED_IN' && r.to === park).map((r) => r.from),
    );
    expect(sorted(await allPages({ park, limit: '100' }))).toEqual(sorted(inPark));

    expect(sorted(await allPages({ ownership: 'state', limit: '100' }))).toEqual(
      sorted(idsWhere((e) => attribute(e, 'ownership') === 'state')),
    );
    const growth = idsWhere((e) => attribute(e, 'stage') === 'growth' && e.name.zh.includes('科技'));
    expect(growth.length).toBeGreaterThan(0);
    expect(sorted(await allPages({ q: '科技', stage: 'growth', limit: '100' }))).toEqual(sorted(growth));
  });

  it('finds nothing for a chain or park that does not exist', async () => {
    expect((await search({ chain: 'chain-none' })).items).toEqual([]);
    // The contract refuses such ids; the store, called directly, simply finds nothing.
    const direct = await searchEntities(executor, { park: "x' OR 1=1", chain: '") OR 1=1 //', limit: 20 });
    expect(direct.items).toEqual([]);
  });

  it('treats Lucene syntax in q as text: no error, no match-all', async () => {
    const hostile = [
      '") OR 1=1 //',
      '*',
      '~',
      'name:x',
      '\\',
      '"unbalanced',
      '(',
      '[a TO z]',
      'AND',
      'x OR *:*',
      '座舱" OR "*',
      "x' OR 1=1",
    ];
    for (const q of hostile) {
      const page = await search({ q, limit: '100' });
      expect(page.items.length, q).toBeLessThan(100);
    }
    for (const q of ['*', '~', '\\', '(', '"']) expect((await search({ q })).items, q).toEqual([]);
    const quoted = await allPages({ q: '座舱" OR "*', limit: '100' });
    const cockpits = new Set(idsWhere((e) => e.name.zh.includes('座舱')));
    expect(quoted.every((id) => cockpits.has(id))).toBe(true);
  });

  it('refuses a cursor it did not make, or one from another kind of search', async () => {
    await expect(search({ q: '科技', cursor: 'bm9wZQ' })).rejects.toThrow(InvalidCursorError);
    const listing = await search({ limit: '2' });
    await expect(search({ q: '科技', cursor: listing.nextCursor ?? '' })).rejects.toThrow(InvalidCursorError);
  });
});

// ---------------------------------------------------------------------------------------------
// One entity
// ---------------------------------------------------------------------------------------------

describe('getEntity', () => {
  const busiestFirm = () =>
    facts.dataset.entities
      .filter((e) => e.kind === 'PrivateFirm')
      .sort((a, b) => facts.degree(b.id) - facts.degree(a.id) || (a.id < b.id ? -1 : 1))[0]?.id ?? '';

  it('returns the record and every relation, grouped by kind, from both ends', async () => {
    const id = busiestFirm();
    const result = await getEntity(executor, id);
    if (result === null) throw new Error('test: not found');
    const response = EntityResponse.parse(result);
    const { version, createdAt, updatedAt, ...entity } = response.entity;
    expect(entity).toEqual(facts.entity(id));
    expect({ version, createdAt: typeof createdAt, updatedAt: typeof updatedAt }).toEqual({
      version: 1,
      createdAt: 'string',
      updatedAt: 'string',
    });
    expect(response.truncated).toBe(false);
    for (const kind of RELATION_KIND_NAMES) {
      const expected = facts.relationsOf(id, [kind]);
      expect(response.relationCounts[kind], kind).toBe(expected.length);
      expect(response.relations[kind].map((view) => view.relation.id).sort(), kind).toEqual(
        sorted(expected.map((r) => r.id)),
      );
    }
    for (const view of Object.values(response.relations).flat()) {
      const { version: v, createdAt: c, updatedAt: u, ...relation } = view.relation;
      expect(relation).toEqual(facts.relations.get(relation.id));
      expect(v).toBe(1);
      expect(view.direction).toBe(relation.from === id ? 'outgoing' : 'incoming');
      const otherId = relation.from === id ? relation.to : relation.from;
      const other = facts.entity(otherId);
      expect(view.other).toEqual({ id: otherId, kind: other.kind, name: other.name });
      expect(c <= u).toBe(true);
    }
  });

  it('caps a long list, newest first, and still counts every relation', async () => {
    const members = facts.relationsOf('chain-nev', ['BELONGS_TO']);
    expect(members.length).toBeGreaterThan(200);
    const response = await getEntity(executor, 'chain-nev');
    expect(response?.truncated).toBe(true);
    expect(response?.relationCounts.BELONGS_TO).toBe(members.length);
    const shown = response?.relations.BELONGS_TO ?? [];
    expect(shown).toHaveLength(200);
    expect(shown.every((view) => view.direction === 'incoming')).toBe(true);
    const since = shown.map((view) => view.relation.since);
    expect(since).toEqual([...since].sort().reverse());
    expect(response?.relationCounts.SUPPLIES).toBe(0);
    expect(response?.relations.SUPPLIES).toEqual([]);
  });

  it('is null for an id that does not exist, injection attempts included', async () => {
    expect(await getEntity(executor, 'pf-does-not-exist')).toBeNull();
    expect(await getEntity(executor, "x' OR 1=1")).toBeNull();
    expect(await getEntity(executor, '") OR true RETURN n //')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Subgraph
// ---------------------------------------------------------------------------------------------

describe('subgraph', () => {
  it('returns the whole seed graph with the attributes graphology needs', async () => {
    const g = await graph({});
    expect(g.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: false });
    expect(g.attributes).toMatchObject({ truncated: false, maxNodes: 5000 });
    expect(nodeKeys(g)).toEqual(new Set(facts.entities.keys()));
    expect(edgeKeys(g)).toEqual(new Set(facts.relations.keys()));

    const lab = facts.dataset.entities.find((e) => e.kind === 'Lab');
    if (lab === undefined) throw new Error('test: no lab');
    expect(g.nodes.find((node) => node.key === lab.id)?.attributes).toEqual({
      ...lab.attributes,
      kind: 'Lab',
      nameZh: lab.name.zh,
      nameEn: lab.name.en,
      label: lab.name.en,
      version: 1,
    });
    const ended = facts.dataset.relations.find((r) => r.until !== undefined && r.type === 'OPENS_TO');
    if (ended === undefined) throw new Error('test: no ended OPENS_TO');
    expect(g.edges.find((edge) => edge.key === ended.id)).toEqual({
      key: ended.id,
      source: ended.from,
      target: ended.to,
      attributes: {
        ...ended.attributes,
        type: ended.type,
        status: ended.status,
        since: ended.since,
        until: ended.until,
        confidence: ended.evidence.confidence,
        source: ended.evidence.source,
      },
    });
  });

  it('restricts to a chain: its members, the chain itself, and the relations among them', async () => {
    const members = new Set([
      'chain-equipment',
      ...facts.relationsOf('chain-equipment', ['BELONGS_TO']).map((r) => r.from),
    ]);
    const g = await graph({ chain: 'chain-equipment' });
    expect(nodeKeys(g)).toEqual(members);
    expect(edgeKeys(g)).toEqual(facts.relationsAmong(members));
  });

  it('filters nodes by kind and relations by kind, status and dates', async () => {
    const g = await graph({ kinds: 'ChainLeader,Lab,PilotBase', relations: 'OPERATES' });
    expect(nodeKeys(g)).toEqual(
      new Set(idsWhere((e) => ['ChainLeader', 'Lab', 'PilotBase'].includes(e.kind))),
    );
    expect(edgeKeys(g)).toEqual(
      new Set(facts.dataset.relations.filter((r) => r.type === 'OPERATES').map((r) => r.id)),
    );

    const statuses = await graph({ status: 'ended,planned' });
    expect(edgeKeys(statuses)).toEqual(
      new Set(facts.dataset.relations.filter((r) => r.status !== 'active').map((r) => r.id)),
    );

    const from = '2022-01-01';
    const to = '2023-06-30';
    const dated = await graph({ from, to, chain: 'chain-nev' });
    const members = nodeKeys(dated);
    expect(edgeKeys(dated)).toEqual(
      facts.relationsAmong(members, (r) => r.since <= to && (r.until === undefined || r.until >= from)),
    );
  });

  it("filters nodes by park, ownership and stage as the explorer's filters do", async () => {
    const parks = idsWhere((e) => e.kind === 'SciencePark');
    const located = (park: string) =>
      facts.dataset.relations.filter((r) => r.type === 'LOCATED_IN' && r.to === park).map((r) => r.from);
    const park = [...parks].sort((a, b) => located(b).length - located(a).length)[0] as string;
    expect(located(park).length).toBeGreaterThan(2);
    const inPark = await graph({ park });
    expect(nodeKeys(inPark)).toEqual(new Set([park, ...located(park)]));
    expect(edgeKeys(inPark)).toEqual(facts.relationsAmong(nodeKeys(inPark)));

    const has = (e: Entity, name: string, value: string) =>
      Object.entries(e.attributes).some(([key, v]) => key === name && v === value);
    const privateGrowth = await graph({ ownership: 'private', stage: 'growth' });
    const expected = idsWhere((e) => has(e, 'ownership', 'private') && has(e, 'stage', 'growth'));
    expect(expected.length).toBeGreaterThan(0);
    expect(nodeKeys(privateGrowth)).toEqual(new Set(expected));

    // Together with the chain filter: both apply.
    const both = await graph({ chain: 'chain-nev', park });
    for (const key of nodeKeys(both)) {
      expect(key === park || located(park).includes(key)).toBe(true);
    }
    // A park id that is not a park, and text that is not an id, select nothing.
    expect((await graph({ park: 'chain-nev' })).nodes).toEqual([]);
    await expect(graph({ ownership: "private' OR 1=1" })).rejects.toThrow();
  });

  it('keeps the most connected nodes when capped, and says so', async () => {
    const top = [...facts.entities.keys()]
      .sort((a, b) => facts.degree(b) - facts.degree(a) || (a < b ? -1 : 1))
      .slice(0, 40);
    const g = await graph({ limit: '40' });
    expect(g.attributes).toMatchObject({ truncated: true, maxNodes: 40, nodeCount: 40 });
    expect(g.nodes.map((node) => node.key)).toEqual(top);
    expect(edgeKeys(g)).toEqual(facts.relationsAmong(new Set(top)));
  });

  it('keeps the most connected of the filtered entities, counting only the chosen relation kinds', async () => {
    const kinds = ['PrivateFirm', 'ChainLeader'];
    const relations: RelationKind[] = ['SUPPLIES', 'BELONGS_TO'];
    const degree = (id: string) => facts.relationsOf(id, relations).length;
    const ranked = [...facts.entities.values()]
      .filter((entity) => kinds.includes(entity.kind))
      .map((entity) => entity.id)
      .sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1));
    // The cut falls inside a group of equal degree, so the ids decide who is in.
    expect(degree(ranked[24] ?? '')).toBe(degree(ranked[25] ?? ''));
    const g = await graph({ kinds: kinds.join(','), relations: relations.join(','), limit: '25' });
    expect(g.attributes).toMatchObject({ truncated: true, maxNodes: 25, nodeCount: 25 });
    expect(g.nodes.map((node) => node.key)).toEqual(ranked.slice(0, 25));
  });

  it('is empty for a chain that does not exist', async () => {
    expect((await graph({ chain: 'chain-none' })).nodes).toEqual([]);
    const g = checkedGraph(await subgraph(executor, { chain: "chain-x' OR 1=1", limit: 100 }));
    expect(g.nodes).toEqual([]);
    expect(g.edges).toEqual([]);
    expect(g.attributes.truncated).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Neighbourhood
// ---------------------------------------------------------------------------------------------

describe('neighborhood', () => {
  const firm = () => facts.dataset.relations.find((r) => r.type === 'SUPPLIES')?.from ?? '';

  it('returns the centre, its neighbours and the relations among them', async () => {
    const id = firm();
    const expected = new Set(facts.distances(id, 1).keys());
    const g = await ego(id, { depth: '1' });
    expect(g?.nodes[0]?.key).toBe(id);
    expect(g === null ? null : nodeKeys(g)).toEqual(expected);
    expect(g === null ? null : edgeKeys(g)).toEqual(facts.relationsAmong(expected));
    expect(g?.attributes).toMatchObject({ truncated: false, center: id, depth: 1, maxNodes: 500 });
  });

  it('goes two and three relations out, nearest first, over the given kinds only', async () => {
    const id = firm();
    for (const depth of [2, 3]) {
      const distances = facts.distances(id, depth);
      const g = await ego(id, { depth: String(depth), limit: '5000' });
      if (g === null) throw new Error('test: not found');
      expect(nodeKeys(g)).toEqual(new Set(distances.keys()));
      const order = g.nodes.map((node) => distances.get(node.key) ?? -1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(edgeKeys(g)).toEqual(facts.relationsAmong(nodeKeys(g)));
    }
    const kinds: RelationKind[] = ['SUPPLIES', 'OPERATES'];
    const supplies = facts.distances(id, 3, kinds);
    const g = await ego(id, { depth: '3', relations: kinds.join(',') });
    expect(g === null ? null : nodeKeys(g)).toEqual(new Set(supplies.keys()));
    expect(g === null ? null : edgeKeys(g)).toEqual(
      facts.relationsAmong(new Set(supplies.keys()), (r) => kinds.includes(r.type)),
    );
  });

  it('cuts at the limit, keeping the centre and the nearest', async () => {
    const g = await ego('chain-nev', { depth: '2', limit: '10' });
    expect(g?.attributes).toMatchObject({ truncated: true, maxNodes: 10, nodeCount: 10 });
    const distances = facts.distances('chain-nev', 1);
    expect(g?.nodes[0]?.key).toBe('chain-nev');
    expect(g?.nodes.slice(1).every((node) => distances.get(node.key) === 1)).toBe(true);
  });

  it('is null for an entity that does not exist', async () => {
    expect(await ego('nobody', {})).toBeNull();
    expect(await ego("x' OR 1=1", { depth: '2' })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Shortest paths
// ---------------------------------------------------------------------------------------------

describe('shortestPaths', () => {
  /** A pair of private firms at distance `length` whose shortest paths number `ties` or more. */
  function pairAt(length: number, ties: number, kinds?: readonly RelationKind[]) {
    const firms = idsWhere((e) => e.kind === 'PrivateFirm').slice(0, 40);
    for (const from of firms) {
      const distances = facts.distances(from, length, kinds);
      for (const to of firms) {
        if (distances.get(to) !== length) continue;
        const all = facts.shortestPaths(from, to, kinds);
        if (all.length >= ties) return { from, to, all };
      }
    }
    throw new Error(`test: no pair at distance ${length} with ${ties} ties`);
  }

  it('returns every tie between two entities, with the graph they span', async () => {
    const { from, to, all } = pairAt(2, 2, ['SUPPLIES']);
    expect(all.length).toBeLessThanOrEqual(25);
    const result = await paths({ from, to, relations: 'SUPPLIES', limit: '25' });
    if ('missing' in result) throw new Error('test: missing');
    expect(result.length).toBe(2);
    expect(result.truncated).toBe(false);
    expect(result.paths.map((p) => p.relations.join(' ')).sort()).toEqual(all.map((p) => p.join(' ')).sort());
    for (const path of result.paths) {
      expect(path.nodes[0]).toBe(from);
      expect(path.nodes.at(-1)).toBe(to);
      path.relations.forEach((relationId, i) => {
        const relation = facts.relations.get(relationId);
        const ends = [path.nodes[i], path.nodes[i + 1]].sort();
        expect([relation?.from, relation?.to].sort()).toEqual(ends);
      });
    }
    const g = checkedGraph(result.graph);
    expect(nodeKeys(g)).toEqual(new Set(result.paths.flatMap((p) => p.nodes)));
    expect(edgeKeys(g)).toEqual(new Set(all.flat()));
  });

  it('finds longer paths, ignoring direction, and caps the ties at the limit', async () => {
    const kinds: RelationKind[] = ['SUPPLIES', 'OPERATES', 'OPENS_TO'];
    const { from, to, all } = pairAt(4, 3, kinds);
    const result = await paths({ from, to, relations: kinds.join(','), limit: '2' });
    if ('missing' in result) throw new Error('test: missing');
    expect(result.length).toBe(4);
    expect(result.paths).toHaveLength(2);
    expect(result.truncated).toBe(true);
    const known = new Set(all.map((p) => p.join(' ')));
    expect(result.paths.every((p) => known.has(p.relations.join(' ')))).toBe(true);
    expect(new Set(result.paths.map((p) => p.relations.join(' '))).size).toBe(2);

    const anyKind = await paths({ from, to });
    if ('missing' in anyKind) throw new Error('test: missing');
    expect(anyKind.length).toBe(facts.distances(from, 8).get(to));
  });

  it('returns no path, length null, when the kinds do not connect the two', async () => {
    const firm = idsWhere((e) => e.kind === 'PrivateFirm')[0] ?? '';
    const result = await paths({ from: firm, to: 'chain-equipment', relations: 'OPENS_TO' });
    expect(result).toMatchObject({ paths: [], length: null, truncated: false });
    if ('missing' in result) throw new Error('test: missing');
    expect(result.graph.nodes).toEqual([]);
  });

  it('returns the path of length 0 from an entity to itself', async () => {
    const result = await paths({ from: 'chain-nev', to: 'chain-nev' });
    expect(result).toMatchObject({ paths: [{ nodes: ['chain-nev'], relations: [] }], length: 0 });
  });

  it('names the ids that do not exist', async () => {
    expect(await paths({ from: 'chain-nev', to: 'nobody' })).toEqual({ missing: ['nobody'] });
    expect(await shortestPaths(executor, { from: "x' OR 1=1", to: 'nobody', limit: 5 })).toEqual({
      missing: ["x' OR 1=1", 'nobody'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A generated graph: caps and truncation at scale
// ---------------------------------------------------------------------------------------------

describe('on a generated graph of 5,000 entities', () => {
  let generated: Facts;

  beforeAll(async () => {
    const dataset = generateDataset({ entities: 5000, seed: 1 });
    const { dataset: loaded } = await loadDataset(executor, dataset, { reset: true });
    generated = new Facts(loaded);
  });

  async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    console.info(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
    return result;
  }

  it('caps a subgraph at the most connected nodes and keeps only the relations among them', async () => {
    const ids = [...generated.entities.keys()];
    expect(ids.every((id) => id.startsWith('syn-'))).toBe(true);
    const top = ids
      .sort((a, b) => generated.degree(b) - generated.degree(a) || (a < b ? -1 : 1))
      .slice(0, 1000);
    const g = checkedGraph(
      await timed('subgraph 1,000 of 5,000', () => subgraph(executor, GraphQuery.parse({ limit: '1000' }))),
    );
    expect(g.attributes).toMatchObject({ truncated: true, maxNodes: 1000, nodeCount: 1000 });
    expect(g.nodes.map((node) => node.key)).toEqual(top);
    expect(edgeKeys(g)).toEqual(generated.relationsAmong(new Set(top)));

    const whole = checkedGraph(
      await timed('subgraph of all 5,000', () => subgraph(executor, GraphQuery.parse({ limit: '50000' }))),
    );
    expect(whole.attributes).toMatchObject({ truncated: false, nodeCount: 5000 });
    expect(whole.attributes.edgeCount).toBe(generated.dataset.relations.length);
  });

  it('caps a neighbourhood, nearest first', async () => {
    const hub =
      [...generated.entities.keys()].sort((a, b) => generated.degree(b) - generated.degree(a))[0] ?? '';
    const distances = generated.distances(hub, 2);
    expect(distances.size).toBeGreaterThan(100);
    const g = await timed('neighbourhood depth 2 of the biggest hub, 100 nodes', () =>
      ego(hub, { depth: '2', limit: '100' }),
    );
    expect(g?.attributes).toMatchObject({ truncated: true, nodeCount: 100, center: hub, depth: 2 });
    const order = (g?.nodes ?? []).map((node) => distances.get(node.key) ?? -1);
    expect(order[0]).toBe(0);
    expect(order.every((d) => d >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(g === null ? null : edgeKeys(g)).toEqual(
      generated.relationsAmong(g === null ? new Set() : nodeKeys(g)),
    );

    const firm = generated.dataset.relations.find((r) => r.type === 'SUPPLIES')?.from ?? '';
    const near = generated.distances(firm, 2);
    const full = await timed('neighbourhood depth 2 of a firm', () =>
      ego(firm, { depth: '2', limit: '5000' }),
    );
    expect(full === null ? null : nodeKeys(full)).toEqual(new Set(near.keys()));
  });

  it('finds shortest paths of the right length', async () => {
    const firms = generated.dataset.entities.filter((e) => e.kind === 'PrivateFirm').map((e) => e.id);
    const from = firms[0] ?? '';
    const to = firms.at(-1) ?? '';
    const expected = generated.distances(from, 8).get(to) ?? null;
    const result = await timed('shortest paths between two firms', () => paths({ from, to }));
    expect(result).toMatchObject({ length: expected });
  });
});
