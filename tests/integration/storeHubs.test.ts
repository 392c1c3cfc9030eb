/**
 * Relations among a set of entities are found by walking the outgoing relationships of each and
 * keeping those whose far end is in the set (`eachEdgeWithin` in packages/store/src/reads.ts).
 * A hand-made graph with hubs on every side (many outgoing, many incoming, and a relation between
 * two hubs) checks that subgraphs and neighbourhoods carry exactly the relations among their
 * entities, once each, and that the subgraph's JSON writer gives the same bytes as the objects.
 */
import type { Entity, Relation } from '@innograph/model';
import { GraphQuery, NeighborhoodQuery, SerializedGraph } from '@innograph/model';
import { loadDataset, type Neo4jExecutor } from '@innograph/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neighborhood, neighborhoodJson, subgraph, subgraphJson } from '../../packages/store/src/reads.js';
import { freshDatabase, testExecutor } from '../support/neo4j.js';

let executor: Neo4jExecutor;
const entities: Entity[] = [];
const relations: Relation[] = [];

const firm = (id: string): Entity => ({
  id,
  kind: 'PrivateFirm',
  name: { zh: id, en: id },
  attributes: {
    ownership: 'private',
    stage: 'growth',
    revenueBand: 'under10m',
    capabilities: [],
    advancedServices: false,
  },
});
const lab = (id: string): Entity => ({
  id,
  kind: 'Lab',
  name: { zh: id, en: id },
  attributes: { ownerType: 'soe', openness: 'open', domains: [] },
});
const opens = (id: string, from: string, to: string): Relation => ({
  id,
  type: 'OPENS_TO',
  from,
  to,
  status: 'active',
  since: '2024-01-01',
  evidence: { source: 'test', confidence: 'assumed' },
  attributes: { accessTypes: [] },
});
const supplies = (id: string, from: string, to: string): Relation => ({
  id,
  type: 'SUPPLIES',
  from,
  to,
  status: 'active',
  since: '2024-01-01',
  evidence: { source: 'test', confidence: 'assumed' },
  attributes: {},
});

beforeAll(async () => {
  executor = testExecutor();
  await freshDatabase(executor);
  // hub-lab opens to 80 firms (a hub by its outgoing relationships); 70 small labs open to
  // firm-000 (a hub by its incoming ones), and so does hub-lab: a relation between two hubs.
  // firm-000 … firm-079 all supply leader, a hub by its incoming relationships.
  entities.push(lab('hub-lab'), {
    id: 'leader',
    kind: 'ChainLeader',
    name: { zh: 'leader', en: 'leader' },
    attributes: { ownership: 'state', capabilitiesNeeded: [] },
  });
  for (let i = 0; i < 80; i += 1) {
    const id = `firm-${String(i).padStart(3, '0')}`;
    entities.push(firm(id));
    relations.push(opens(`o-hub-${i}`, 'hub-lab', id), supplies(`s-${i}`, id, 'leader'));
  }
  for (let i = 0; i < 70; i += 1) {
    const id = `lab-${String(i).padStart(3, '0')}`;
    entities.push(lab(id));
    relations.push(opens(`o-small-${i}`, id, 'firm-000'));
  }
  await loadDataset(executor, {
    format: 'innograph-dataset',
    version: 1,
    meta: { title: 'hubs', description: 'hubs on every side', illustrative: true },
    entities,
    relations,
  });
});

afterAll(async () => {
  await executor?.close();
});

function among(keys: Set<string>): string[] {
  return relations
    .filter((r) => keys.has(r.from) && keys.has(r.to))
    .map((r) => r.id)
    .sort();
}

describe('relations among entities around hubs', () => {
  it('a whole subgraph has every relation, once, in key order', async () => {
    const g = SerializedGraph.parse(await subgraph(executor, GraphQuery.parse({ limit: '1000' })));
    expect(g.nodes).toHaveLength(entities.length);
    const keys = g.edges.map((e) => e.key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(relations.map((r) => r.id).sort());
  });

  it('a capped subgraph has exactly the relations among the entities it kept', async () => {
    const g = SerializedGraph.parse(await subgraph(executor, GraphQuery.parse({ limit: '30' })));
    const kept = new Set(g.nodes.map((n) => n.key));
    expect(kept.has('hub-lab') && kept.has('firm-000') && kept.has('leader')).toBe(true);
    expect(g.edges.map((e) => e.key)).toEqual(among(kept));
  });

  it('a neighbourhood of a hub has exactly the relations among its entities', async () => {
    for (const [id, depth] of [
      ['firm-000', 1],
      ['firm-005', 2],
      ['hub-lab', 1],
    ] as const) {
      const result = await neighborhood(
        executor,
        id,
        NeighborhoodQuery.parse({ depth: String(depth), limit: '120' }),
      );
      const g = SerializedGraph.parse(result);
      const kept = new Set(g.nodes.map((n) => n.key));
      expect(g.edges.map((e) => e.key)).toEqual(among(kept));
    }
  });

  it('the JSON writer gives JSON.stringify of the same subgraph, byte for byte', async () => {
    for (const query of [
      { limit: '1000' },
      { limit: '30' },
      { limit: '30', relations: 'SUPPLIES' },
      { limit: '1000', kinds: 'Lab,PrivateFirm', relations: 'OPENS_TO', status: 'active' },
      { limit: '1000', to: '2023-12-31' },
      { limit: '1' },
    ]) {
      const parsed = GraphQuery.parse(query);
      const bytes = await subgraphJson(executor, parsed);
      const text = bytes.toString('utf8');
      expect(text).toBe(JSON.stringify(await subgraph(executor, parsed)));
      const g = SerializedGraph.parse(JSON.parse(text));
      expect(g.attributes.nodeCount).toBe(g.nodes.length);
      expect(g.attributes.edgeCount).toBe(g.edges.length);
    }
    // A relation filter that keeps nothing, and dates before every relation: nodes, no edges.
    const none = SerializedGraph.parse(
      JSON.parse(
        (await subgraphJson(executor, GraphQuery.parse({ limit: '5', to: '2000-01-01' }))).toString(),
      ),
    );
    expect(none.nodes).toHaveLength(5);
    expect(none.edges).toEqual([]);
  });

  it('the neighbourhood JSON writer gives JSON.stringify of the same neighbourhood, byte for byte', async () => {
    for (const [id, query] of [
      ['hub-lab', { depth: '1' }],
      ['firm-005', { depth: '2', limit: '120' }],
      ['firm-005', { depth: '3', limit: '7' }],
      ['leader', { depth: '2', relations: 'SUPPLIES,OPENS_TO' }],
      ['hub-lab', { depth: '3', relations: 'BELONGS_TO' }],
    ] as const) {
      const parsed = NeighborhoodQuery.parse(query);
      const bytes = await neighborhoodJson(executor, id, parsed);
      const graph = await neighborhood(executor, id, parsed);
      expect(bytes?.toString('utf8')).toBe(JSON.stringify(graph));
      const g = SerializedGraph.parse(JSON.parse(bytes?.toString('utf8') ?? 'null'));
      expect(g.nodes[0]?.key).toBe(id);
      expect(g.attributes).toMatchObject({
        center: id,
        nodeCount: g.nodes.length,
        edgeCount: g.edges.length,
      });
    }
    expect(await neighborhoodJson(executor, 'nobody', NeighborhoodQuery.parse({}))).toBeNull();
  });

  it('refuses a stored relation whose field does not fit the model, naming the field', async () => {
    await executor.executeWrite((tx) => tx.run("MATCH ()-[r {id: 's-3'}]->() SET r.status = 'bogus'"));
    try {
      const query = GraphQuery.parse({ limit: '1000' });
      await expect(subgraphJson(executor, query)).rejects.toThrow(
        /store: a stored relation has an invalid status/,
      );
      await expect(subgraph(executor, query)).rejects.toThrow(/invalid status/);
    } finally {
      await executor.executeWrite((tx) => tx.run("MATCH ()-[r {id: 's-3'}]->() SET r.status = 'active'"));
    }
    expect((await subgraph(executor, GraphQuery.parse({ limit: '1000' }))).edges).toHaveLength(
      relations.length,
    );
  });
});
