import type { Entity, EntityRecord, Relation, RelationRecord } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { EditHistory, type Writer } from './history.js';

/** An in-memory writer with the API's version rules, to check the history's bookkeeping. */
class MemoryWriter implements Writer {
  entities = new Map<string, EntityRecord>();
  relations = new Map<string, RelationRecord>();
  private stamp = 0;
  private meta(version: number) {
    this.stamp += 1;
    const at = `2026-01-01T00:00:${String(this.stamp).padStart(2, '0')}Z`;
    return { version, createdAt: at, updatedAt: at };
  }
  private check(record: { version: number } | undefined, version: number) {
    if (!record) throw new Error('404');
    if (record.version !== version) throw new Error('409');
  }
  async createEntity(entity: Entity) {
    if (this.entities.has(entity.id)) throw new Error('409');
    const record = { ...entity, ...this.meta(1) } as EntityRecord;
    this.entities.set(entity.id, record);
    return record;
  }
  async updateEntity(entity: Entity, version: number) {
    this.check(this.entities.get(entity.id), version);
    const record = { ...entity, ...this.meta(version + 1) } as EntityRecord;
    this.entities.set(entity.id, record);
    return record;
  }
  async deleteEntity(id: string, version: number, cascade: boolean) {
    this.check(this.entities.get(id), version);
    const attached = [...this.relations.values()].filter((r) => r.from === id || r.to === id);
    if (attached.length > 0 && !cascade) throw new Error('409 has relations');
    for (const r of attached) this.relations.delete(r.id);
    this.entities.delete(id);
  }
  async createRelation(relation: Relation) {
    const record = { ...relation, ...this.meta(1) } as RelationRecord;
    this.relations.set(relation.id, record);
    return record;
  }
  async updateRelation(relation: Relation, version: number) {
    this.check(this.relations.get(relation.id), version);
    const record = { ...relation, ...this.meta(version + 1) } as RelationRecord;
    this.relations.set(relation.id, record);
    return record;
  }
  async deleteRelation(id: string, version: number) {
    this.check(this.relations.get(id), version);
    this.relations.delete(id);
  }
}

const firm = (nameEn: string): Entity => ({
  id: 'pf-1',
  kind: 'PrivateFirm',
  name: { zh: '企业', en: nameEn },
  attributes: {
    ownership: 'private',
    stage: 'growth',
    revenueBand: 'under10m',
    capabilities: [],
    advancedServices: false,
  },
});
const lab: Entity = {
  id: 'lab-1',
  kind: 'Lab',
  name: { zh: '实验室', en: 'Lab' },
  attributes: { ownerType: 'soe', openness: 'open', domains: [] },
};
const opens: Relation = {
  id: 'r-1',
  type: 'OPENS_TO',
  from: 'lab-1',
  to: 'pf-1',
  status: 'active',
  since: '2024-01-01',
  evidence: { source: 'note', confidence: 'assumed' },
  attributes: { accessTypes: [] },
};

describe('edit history', () => {
  it('undoes and redoes an update, carrying versions forward', async () => {
    const writer = new MemoryWriter();
    const history = new EditHistory();
    const created = await writer.createEntity(firm('Before'));
    const updated = await writer.updateEntity(firm('After'), created.version);
    history.record({ target: 'entity', before: created, after: updated, relations: [] });

    await history.undo(writer);
    expect(writer.entities.get('pf-1')?.name.en).toBe('Before');
    expect(writer.entities.get('pf-1')?.version).toBe(3);
    expect(history.canRedo).toBe(true);

    await history.redo(writer);
    expect(writer.entities.get('pf-1')?.name.en).toBe('After');
    expect(writer.entities.get('pf-1')?.version).toBe(4);
    expect(history.canRedo).toBe(false);
    expect(history.canUndo).toBe(true);
  });

  it('undoes a cascade delete by creating the entity and its relations again', async () => {
    const writer = new MemoryWriter();
    const history = new EditHistory();
    const f = await writer.createEntity(firm('Firm'));
    await writer.createEntity(lab);
    const r = await writer.createRelation(opens);
    await writer.deleteEntity('pf-1', f.version, true);
    history.record({ target: 'entity', before: f, after: null, relations: [r] });

    await history.undo(writer);
    expect(writer.entities.has('pf-1')).toBe(true);
    expect(writer.relations.has('r-1')).toBe(true);
    await history.redo(writer);
    expect(writer.entities.has('pf-1')).toBe(false);
    expect(writer.relations.has('r-1')).toBe(false);
  });

  it('keeps the change when its inverse is refused (someone else changed the record)', async () => {
    const writer = new MemoryWriter();
    const history = new EditHistory();
    const created = await writer.createEntity(firm('Mine'));
    history.record({ target: 'entity', before: null, after: created, relations: [] });
    await writer.updateEntity(firm('Theirs'), created.version);

    await expect(history.undo(writer)).rejects.toThrow('409');
    expect(history.canUndo).toBe(true);
    expect(writer.entities.get('pf-1')?.name.en).toBe('Theirs');
  });

  it('undoes a relation create and a new edit clears redo', async () => {
    const writer = new MemoryWriter();
    const history = new EditHistory();
    await writer.createEntity(firm('Firm'));
    await writer.createEntity(lab);
    const r = await writer.createRelation(opens);
    history.record({ target: 'relation', before: null, after: r });
    await history.undo(writer);
    expect(writer.relations.size).toBe(0);
    history.record({ target: 'relation', before: null, after: await writer.createRelation(opens) });
    expect(history.canRedo).toBe(false);
  });
});
