import { ViewState } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { readView, writeView } from './url.js';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const state = ViewState.parse({
      language: 'en',
      filters: {
        hiddenKinds: ['Fund', 'Lab'],
        hiddenRelations: ['BELONGS_TO'],
        hiddenStatuses: ['ended'],
        chain: 'ch-nev',
        park: 'pk-1',
        ownership: 'private',
        stage: 'growth',
        date: '2022-06-30',
      },
      theme: 'projector',
      selected: 'cl-01',
      highlighted: ['pf-003', 'cl-01'],
      expanded: ['pf-001', 'pf-002'],
      path: { from: 'pf-001', to: 'lab-02' },
      camera: { x: 0.5, y: 0.25, ratio: 0.75, angle: 0 },
      layout: 'park',
      size: 'pagerank',
      color: 'community',
      labelDensity: 0.8,
    });
    const search = writeView(state);
    expect(search).toContain('hk=Fund,Lab');
    expect(search).toContain('theme=projector');
    expect(search).toContain('hl=pf-003,cl-01');
    expect(readView(search)).toEqual({ state, problems: [] });
  });

  it('writes nothing for the default view', () => {
    expect(writeView(ViewState.parse({ language: 'zh' }))).toBe('?lang=zh');
  });

  it('drops a broken parameter, names it, and keeps the rest', () => {
    const { state, problems } = readView('?lang=en&hk=Fund,Nonsense&sel=cl-01&cam=1,2,-3&layout=spiral');
    expect(state.language).toBe('en');
    expect(state.selected).toBe('cl-01');
    expect(state.filters.hiddenKinds).toEqual([]);
    expect(state.camera).toBeNull();
    expect(state.layout).toBe('chain');
    expect(problems.some((p) => p.startsWith('filters.hiddenKinds'))).toBe(true);
    expect(problems.some((p) => p.startsWith('camera'))).toBe(true);
    expect(problems.some((p) => p.startsWith('layout'))).toBe(true);
  });

  it('takes the remembered language when the URL has none', () => {
    expect(readView('', { language: 'en' }).state.language).toBe('en');
  });
});
