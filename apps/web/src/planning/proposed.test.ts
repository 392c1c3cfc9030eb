import type { Scenario } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { emptyGraph } from '../graph/graph.js';
import { settleProposed, syncProposed } from './proposed.js';

function graph() {
  const g = emptyGraph();
  for (const key of ['lab', 'firm', 'park']) {
    g.addNode(key, {
      kind: 'Lab',
      nameZh: key,
      nameEn: key,
      label: key,
      version: 1,
      x: 0,
      y: 0,
      size: 1,
      color: '#000',
    });
  }
  return g;
}

function scenario(status: 'draft' | 'applied', targets: string[]): Scenario {
  return {
    id: 's1',
    name: 'S',
    description: '',
    status,
    changes: targets.map((to, i) => ({
      op: 'addRelation' as const,
      relation: {
        id: `r${i}`,
        type: 'OPENS_TO' as const,
        from: 'lab',
        to,
        status: 'planned' as const,
        since: '2026-01-01',
        attributes: { accessTypes: ['equipment' as const] },
        evidence: { source: 'test', confidence: 'assumed' as const },
      },
      owner: 'Li',
    })),
    baseVersions: { entities: {}, relations: {} },
    appliedAt: null,
    appliedBy: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
  };
}

describe('syncProposed', () => {
  it('draws a draft scenario’s added relations as proposed, with their owner', () => {
    const g = graph();
    syncProposed(g, scenario('draft', ['firm', 'park']));
    expect(g.edges().sort()).toEqual(['r0', 'r1']);
    expect(g.getEdgeAttribute('r0', 'proposed')).toBe(true);
    expect(g.getEdgeAttribute('r0', 'owner')).toBe('Li');
  });

  it('redraws from the scenario: a removed change disappears, nothing else is touched', () => {
    const g = graph();
    g.addEdgeWithKey('stored', 'lab', 'firm', {
      type: 'SUPPLIES',
      status: 'active',
      since: '2020-01-01',
      size: 1,
      color: '#ccc',
    });
    syncProposed(g, scenario('draft', ['firm', 'park']));
    syncProposed(g, scenario('draft', ['park']));
    expect(g.edges().sort()).toEqual(['r0', 'stored']);
    expect(g.getEdgeAttribute('r0', 'target')).toBeUndefined();
    expect(g.target('r0')).toBe('park');
  });

  it('draws nothing for an applied scenario or none, and skips relations with missing ends', () => {
    const g = graph();
    syncProposed(g, scenario('draft', ['firm', 'elsewhere']));
    expect(g.edges()).toEqual(['r0']);
    syncProposed(g, scenario('applied', ['firm']));
    expect(g.size).toBe(0);
    syncProposed(g, scenario('draft', ['firm']));
    syncProposed(g, null);
    expect(g.size).toBe(0);
  });

  it('settles proposed edges into stored ones after Apply', () => {
    const g = graph();
    syncProposed(g, scenario('draft', ['firm']));
    settleProposed(g);
    expect(g.getEdgeAttribute('r0', 'proposed')).toBe(false);
    syncProposed(g, null);
    expect(g.edges()).toEqual(['r0']);
  });
});
