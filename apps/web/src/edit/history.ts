/**
 * The session's edits as a list of changes that can be undone and redone. A change is a record
 * before and after (null when it did not exist); undoing a change performs its inverse through
 * the API, with the version the change produced, so an entity someone else changed meanwhile
 * gets a 409 instead of being overwritten. Redo is the inverse of the undo.
 */
import {
  type Entity,
  type EntityRecord,
  EntitySchema,
  type Relation,
  type RelationRecord,
  RelationSchema,
} from '@innograph/model';

export type Change =
  | {
      target: 'entity';
      before: EntityRecord | null;
      after: EntityRecord | null;
      /** Relations deleted with the entity (cascade), or created again with it. */
      relations: RelationRecord[];
    }
  | { target: 'relation'; before: RelationRecord | null; after: RelationRecord | null };

/** The write calls a change needs; `ApiClient` has them. */
export interface Writer {
  createEntity(entity: Entity): Promise<EntityRecord>;
  updateEntity(entity: Entity, version: number): Promise<EntityRecord>;
  deleteEntity(id: string, version: number, cascade: boolean): Promise<unknown>;
  createRelation(relation: Relation): Promise<RelationRecord>;
  updateRelation(relation: Relation, version: number): Promise<RelationRecord>;
  deleteRelation(id: string, version: number): Promise<unknown>;
}

export function entityOf(record: EntityRecord): Entity {
  const { version: _v, createdAt: _c, updatedAt: _u, ...entity } = record;
  return EntitySchema.parse(entity);
}

export function relationOf(record: RelationRecord): Relation {
  const { version: _v, createdAt: _c, updatedAt: _u, ...relation } = record;
  return RelationSchema.parse(relation);
}

/** Performs the inverse of a change and returns the change that made. */
export async function invert(writer: Writer, change: Change): Promise<Change> {
  if (change.target === 'entity') {
    const { before, after, relations } = change;
    if (before === null && after !== null) {
      await writer.deleteEntity(after.id, after.version, relations.length > 0);
      return { target: 'entity', before: after, after: null, relations };
    }
    if (before !== null && after === null) {
      const created = await writer.createEntity(entityOf(before));
      const restored: RelationRecord[] = [];
      for (const relation of relations) restored.push(await writer.createRelation(relationOf(relation)));
      return { target: 'entity', before: null, after: created, relations: restored };
    }
    if (before !== null && after !== null) {
      const updated = await writer.updateEntity(entityOf(before), after.version);
      return { target: 'entity', before: after, after: updated, relations: [] };
    }
    return change;
  }
  const { before, after } = change;
  if (before === null && after !== null) {
    await writer.deleteRelation(after.id, after.version);
    return { target: 'relation', before: after, after: null };
  }
  if (before !== null && after === null) {
    return { target: 'relation', before: null, after: await writer.createRelation(relationOf(before)) };
  }
  if (before !== null && after !== null) {
    return {
      target: 'relation',
      before: after,
      after: await writer.updateRelation(relationOf(before), after.version),
    };
  }
  return change;
}

export class EditHistory {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];

  constructor(private readonly limit = 100) {}

  /** Records a change the person just made; it clears what could be redone. */
  record(change: Change): void {
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undoes the last change; on failure (409, 404…) the history is left as it was. */
  async undo(writer: Writer): Promise<Change | null> {
    const change = this.done.at(-1);
    if (!change) return null;
    const inverse = await invert(writer, change);
    this.done.pop();
    this.undone.push(inverse);
    return inverse;
  }

  async redo(writer: Writer): Promise<Change | null> {
    const change = this.undone.at(-1);
    if (!change) return null;
    const inverse = await invert(writer, change);
    this.undone.pop();
    this.done.push(inverse);
    return inverse;
  }
}
