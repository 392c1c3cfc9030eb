import { describe, expect, it } from 'vitest';
import { TRICKY } from './fixtures/dataset.js';
import { graphItems, unbalancedTag, writeGexf, writeGraphml } from './graphFormats.js';

function issues(items: ReturnType<typeof graphItems>) {
  return items.flatMap((item) => (item.type === 'issue' ? [item.issue] : []));
}

describe('reading GEXF and GraphML', () => {
  it('reports repeated ids and edges without ends with their lines, and keeps the rest', () => {
    const gexf = writeGexf(TRICKY)
      .replace('<node id="pb-1"', '<node id="pf-1"')
      .replace('source="fund-1" ', '');
    const items = graphItems('gexf', gexf, 'g.gexf');
    expect(issues(items).map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'id', message: "duplicate entity id 'pf-1'" },
      { field: 'from', message: 'an edge without a source or target' },
    ]);
    expect(issues(items).every((issue) => issue.line !== null && issue.line > 1)).toBe(true);
    expect(items.filter((item) => item.type === 'entity')).toHaveLength(TRICKY.entities.length - 1);
  });

  it('lets edges point at entities that are not in the file', () => {
    const graphml = writeGraphml({
      ...TRICKY,
      entities: TRICKY.entities.filter((entity) => entity.id !== 'cl-1'),
    });
    const items = graphItems('graphml', graphml, 'g.graphml');
    expect(issues(items)).toEqual([]);
    expect(items.filter((item) => item.type === 'relation')).toHaveLength(TRICKY.relations.length);
  });

  it('reports malformed XML and documents of another kind', () => {
    expect(issues(graphItems('gexf', '<gexf><graph><nodes>', 'g.gexf'))[0]?.message).toMatch(
      /^malformed XML: <nodes> is never closed/,
    );
    expect(issues(graphItems('graphml', writeGexf(TRICKY), 'g.graphml'))[0]?.message).toBe(
      'not a GRAPHML document: no <graphml> with a <graph>',
    );
    expect(unbalancedTag('<a x="1>2"><b/></a>')).toBeUndefined();
    expect(unbalancedTag('<a>\n<b></c></a>')).toEqual({
      line: 2,
      message: '</c> does not close <b> (opened at line 2)',
    });
  });
});
