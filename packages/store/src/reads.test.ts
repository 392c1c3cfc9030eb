import { SerializedGraph } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { graphEdge } from './edgeValues.js';
import {
  decodeCursor,
  encodeCursor,
  escapeLucene,
  fulltextQuery,
  graphNode,
  InvalidCursorError,
  searchTerms,
  serializedGraph,
} from './reads.js';

describe('search terms', () => {
  it('splits Chinese runs from Latin words and lower-cases', () => {
    expect(searchTerms('智能座舱 Cockpit-Tech')).toEqual(['智能座舱', 'cockpit', 'tech']);
    expect(searchTerms('渝芯V2X系统')).toEqual(['渝芯', 'v2x', '系统']);
  });

  it("keeps apostrophes inside words, as the index does (Yun'an), and drops them at the ends", () => {
    expect(searchTerms("Yun'an 'quoted'")).toEqual(["yun'an", 'quoted']);
  });

  it('drops Lucene syntax and punctuation', () => {
    expect(searchTerms('") OR 1=1 //')).toEqual(['or', '1', '1']);
    expect(searchTerms('name:x')).toEqual(['name', 'x']);
    expect(searchTerms('* ~ \\ ( ) [ ] { } ^ " ! + - && ||')).toEqual([]);
  });

  it('keeps at most 16 terms', () => {
    expect(searchTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(16);
  });
});

describe('full-text query', () => {
  it('finds Chinese as a phrase of bigrams and as a prefix', () => {
    expect(fulltextQuery('座舱')).toBe('+("座舱" 座舱*)');
  });

  it('finds a single Chinese character as either half of a bigram', () => {
    expect(fulltextQuery('渝')).toBe('+(渝* *渝)');
  });

  it('finds Latin words by prefix, the whole word scoring higher, every word required', () => {
    expect(fulltextQuery('CoCk Tech')).toBe('+(cock* cock^2) +(tech* tech^2)');
  });

  it('makes stop words optional, since the analyzer does not index them', () => {
    expect(fulltextQuery('Key Lab of Battery')).toBe(
      '+(key* key^2) +(lab* lab^2) (of* of^2) +(battery* battery^2)',
    );
  });

  it('turns operators into plain words', () => {
    expect(fulltextQuery('a OR b AND NOT c')).toBe(
      '(a* a^2) (or* or^2) +(b* b^2) (and* and^2) (not* not^2) +(c* c^2)',
    );
  });

  it('is null when nothing is searchable', () => {
    expect(fulltextQuery('*')).toBeNull();
    expect(fulltextQuery('~ \\ :')).toBeNull();
  });
});

describe('escapeLucene', () => {
  it('escapes every special character of the classic query syntax', () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^"g"~h*i?j:k\\l/m&&n||o')).toBe(
      'a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^\\"g\\"\\~h\\*i\\?j\\:k\\\\l\\/m\\&\\&n\\|\\|o',
    );
  });
});

describe('cursors', () => {
  it('round-trip a score position and a name position', () => {
    const score = { by: 'score', score: 0.1 + 0.2, id: 'pf-1' } as const;
    const name = { by: 'name', name: "Yun'an Cockpit Tech", id: 'pf-2' } as const;
    expect(decodeCursor(encodeCursor(score))).toEqual(score);
    expect(decodeCursor(encodeCursor(name))).toEqual(name);
    expect(encodeCursor(name)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses cursors the store did not make', () => {
    expect(() => decodeCursor('not a cursor')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from('{"by":"rank","id":"x"}').toString('base64url'))).toThrow(
      InvalidCursorError,
    );
  });
});

describe('serialised graphs', () => {
  const lab = graphNode({
    id: 'lab-1',
    kind: 'Lab',
    nameZh: '实验室',
    nameEn: 'Lab One',
    version: 2,
    attributes: { ownerType: 'soe', openness: 'open', domains: ['batteries'] },
  });
  const firm = graphNode({
    id: 'pf-1',
    kind: 'PrivateFirm',
    nameZh: '企业',
    nameEn: 'Firm One',
    version: 1,
    attributes: { stage: 'seed' },
  });
  const opens = graphEdge({
    id: 'r-1',
    type: 'OPENS_TO',
    from: 'lab-1',
    to: 'pf-1',
    status: 'ended',
    since: '2022-01-01',
    until: '2023-01-01',
    source: 'report',
    confidence: 'reported',
    attributes: { accessTypes: ['equipment'] },
  });

  it('labels nodes with the English name and keeps attributes and version', () => {
    expect(lab).toEqual({
      key: 'lab-1',
      attributes: {
        kind: 'Lab',
        nameZh: '实验室',
        nameEn: 'Lab One',
        label: 'Lab One',
        version: 2,
        ownerType: 'soe',
        openness: 'open',
        domains: ['batteries'],
      },
    });
  });

  it('keys edges by relation id and leaves out an open end date', () => {
    expect(opens.attributes).toEqual({
      type: 'OPENS_TO',
      status: 'ended',
      since: '2022-01-01',
      until: '2023-01-01',
      confidence: 'reported',
      source: 'report',
      accessTypes: ['equipment'],
    });
    const open = graphEdge({
      id: 'r-2',
      type: 'LEADS',
      from: 'cl-1',
      to: 'con-1',
      status: 'active',
      since: '2022-01-01',
      until: null,
      source: 'x',
      confidence: 'confirmed',
      attributes: {},
    });
    expect(open.attributes).not.toHaveProperty('until');
  });

  it('builds a directed multigraph, leaving out edges with an end outside the nodes', () => {
    const dangling = { ...opens, key: 'r-3', target: 'pf-404' };
    const graph = serializedGraph([lab, firm], [opens, dangling], { truncated: true, maxNodes: 2 });
    expect(SerializedGraph.parse(graph)).toEqual(graph);
    expect(graph.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: false });
    expect(graph.attributes).toEqual({ truncated: true, maxNodes: 2, nodeCount: 2, edgeCount: 1 });
    expect(graph.edges.map((edge) => edge.key)).toEqual(['r-1']);
  });
});
