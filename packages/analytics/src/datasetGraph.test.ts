import { ENTITY_KINDS, parseDataset, RELATION_KINDS } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { datasetGraph } from './datasetGraph.js';

const evidence = { source: 'test', confidence: 'confirmed' };

const dataset = parseDataset({
  format: 'innograph-dataset',
  version: 1,
  meta: { title: 'datasetGraph test' },
  entities: [
    { id: 'ic-1', kind: 'IndustryChain', name: { zh: '链', en: 'Chain' } },
    {
      id: 'cl-1',
      kind: 'ChainLeader',
      name: { zh: '链主', en: 'Leader' },
      description: 'not carried into the graph',
      attributes: { capabilitiesNeeded: ['lidar'] },
    },
    {
      id: 'pf-1',
      kind: 'PrivateFirm',
      name: { zh: '企业', en: 'Firm' },
      attributes: { stage: 'growth', revenueBand: 'under10m' },
    },
  ],
  relations: [
    { id: 'r-1', type: 'BELONGS_TO', from: 'pf-1', to: 'ic-1', since: '2024-01-01', evidence },
    {
      id: 'r-2',
      type: 'SUPPLIES',
      from: 'pf-1',
      to: 'cl-1',
      status: 'ended',
      since: '2023-01-01',
      until: '2024-06-30',
      evidence,
      attributes: { capability: 'lidar' },
    },
  ],
});

describe('datasetGraph', () => {
  const graph = datasetGraph(dataset);

  it("gives nodes and edges the store's ecosystemGraph attributes, defaults included", () => {
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.getNodeAttributes('cl-1')).toEqual({
      ownership: 'state',
      capabilitiesNeeded: ['lidar'],
      kind: 'ChainLeader',
      nameZh: '链主',
      nameEn: 'Leader',
    });
    expect(graph.getNodeAttributes('pf-1')).toEqual({
      ownership: 'private',
      stage: 'growth',
      revenueBand: 'under10m',
      capabilities: [],
      advancedServices: false,
      kind: 'PrivateFirm',
      nameZh: '企业',
      nameEn: 'Firm',
    });
    expect(graph.getEdgeAttributes('r-1')).toEqual({
      type: 'BELONGS_TO',
      status: 'active',
      since: '2024-01-01',
    });
    expect('position' in graph.getEdgeAttributes('r-1')).toBe(false);
    expect(graph.getEdgeAttributes('r-2')).toEqual({
      capability: 'lidar',
      type: 'SUPPLIES',
      status: 'ended',
      since: '2023-01-01',
      until: '2024-06-30',
    });
    expect(graph.extremities('r-2')).toEqual(['pf-1', 'cl-1']);
  });

  it('carries only what the store reads back: ontology attributes and the fixed fields', () => {
    // The store reads each kind's attribute names from the ontology and parses the values set
    // with the kind's schema; the same parse of the graph's attributes must change nothing.
    graph.forEachNode((_node, attributes) => {
      const { kind, nameZh, nameEn, ...rest } = attributes;
      const schema = ENTITY_KINDS[kind as keyof typeof ENTITY_KINDS].attributes;
      expect(schema.parse(rest)).toEqual(rest);
      expect(typeof nameZh === 'string' && typeof nameEn === 'string').toBe(true);
    });
    graph.forEachEdge((_edge, attributes) => {
      const { type, status, since, until, ...rest } = attributes;
      const schema = RELATION_KINDS[type as keyof typeof RELATION_KINDS].attributes;
      expect(schema.parse(rest)).toEqual(rest);
    });
  });
});
