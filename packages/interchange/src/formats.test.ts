import { checkEntity, checkRelation, type Entity, type ImportItem, type Relation } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { csvItems } from './csvItems.js';
import { TRICKY } from './fixtures/dataset.js';
import { documentItems, exportChunks, formatOfFile } from './formats.js';

async function records(items: AsyncIterable<ImportItem> | Iterable<ImportItem>) {
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const problems: unknown[] = [];
  for await (const item of items) {
    if (item.type === 'issue') problems.push(item.issue);
    else if (item.type === 'entity') {
      const checked = checkEntity(item.raw, item.place.record);
      if (checked.ok) entities.push(checked.value);
      else problems.push(...checked.issues);
    } else {
      const checked = checkRelation(item.raw, item.place.record);
      if (checked.ok) relations.push(checked.value);
      else problems.push(...checked.issues);
    }
  }
  return { entities, relations, problems };
}

/** Bytes in pieces of 7, so that characters and lines are split across chunks. */
function* pieces(text: string): Generator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
}

describe('every format gives back the records it was given', () => {
  for (const format of ['json', 'gexf', 'graphml'] as const) {
    it(format, async () => {
      const text = [...exportChunks(format, TRICKY)].join('');
      const back = await records(documentItems(format, text, `test.${format}`));
      expect(back.problems).toEqual([]);
      expect(back.entities).toEqual(
        TRICKY.entities.map((entity) => ({ ...entity, name: { ...entity.name, en: entity.name.en.trim() } })),
      );
      expect(back.relations).toEqual(TRICKY.relations);
    });
  }

  it('csv, read in small pieces', async () => {
    const entities = [...exportChunks('csv', TRICKY, 'entities')].join('');
    const relations = [...exportChunks('csv', TRICKY, 'relations')].join('');
    const back = await records(
      csvItems(
        { file: 'entities.csv', chunks: pieces(entities) },
        { file: 'relations.csv', chunks: pieces(relations) },
      ),
    );
    expect(back.problems).toEqual([]);
    expect(back.entities).toEqual(
      TRICKY.entities.map((entity) => ({ ...entity, name: { ...entity.name, en: entity.name.en.trim() } })),
    );
    expect(back.relations).toEqual(TRICKY.relations);
  });
});

describe('formatOfFile', () => {
  it('reads the ending', () => {
    expect(formatOfFile('a.GEXF')).toBe('gexf');
    expect(formatOfFile('a.graphml')).toBe('graphml');
    expect(formatOfFile('entities.csv')).toBe('csv');
    expect(formatOfFile('seed.json')).toBe('json');
    expect(formatOfFile('a.xlsx')).toBeUndefined();
  });
});
