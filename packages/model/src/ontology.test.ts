import { describe, expect, it } from 'vitest';
import {
  ENTITY_KIND_NAMES,
  ENTITY_KINDS,
  type EntityKindDef,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  RESERVED_PROPERTIES,
  type RelationKindDef,
  relationAllowed,
} from './ontology.js';

const reserved: ReadonlySet<string> = new Set(RESERVED_PROPERTIES);

describe('ontology table', () => {
  it('has the nine kinds and ten relation kinds of the domain', () => {
    expect(ENTITY_KIND_NAMES).toHaveLength(9);
    expect(RELATION_KIND_NAMES).toHaveLength(10);
  });

  it.each(ENTITY_KIND_NAMES)('%s has both names and no reserved attribute names', (kind) => {
    const def: EntityKindDef = ENTITY_KINDS[kind];
    expect(def.name.zh.length).toBeGreaterThan(0);
    expect(def.name.en.length).toBeGreaterThan(0);
    for (const key of Object.keys(def.attributes.shape)) expect(reserved.has(key), key).toBe(false);
  });

  it.each(RELATION_KIND_NAMES)('%s connects kinds that exist and has no reserved attribute names', (type) => {
    const def: RelationKindDef = RELATION_KINDS[type];
    expect(def.from.length).toBeGreaterThan(0);
    expect(def.to.length).toBeGreaterThan(0);
    for (const kind of [...def.from, ...def.to]) expect(ENTITY_KIND_NAMES).toContain(kind);
    for (const key of Object.keys(def.attributes.shape)) expect(reserved.has(key), key).toBe(false);
  });

  it('reads the rules of the domain', () => {
    expect(relationAllowed('OPENS_TO', 'Lab', 'PrivateFirm')).toBe(true);
    expect(relationAllowed('OPENS_TO', 'PilotBase', 'PrivateFirm')).toBe(true);
    expect(relationAllowed('OPENS_TO', 'PrivateFirm', 'Lab')).toBe(false);
    expect(relationAllowed('SUPPLIES', 'PrivateFirm', 'ChainLeader')).toBe(true);
    expect(relationAllowed('SUPPLIES', 'ChainLeader', 'PrivateFirm')).toBe(false);
    expect(relationAllowed('PAIRED_WITH', 'ServiceInstitution', 'SciencePark')).toBe(true);
    expect(relationAllowed('INVESTS_IN', 'Fund', 'PrivateFirm')).toBe(true);
    expect(relationAllowed('BACKS', 'ChainLeader', 'Fund')).toBe(true);
    expect(relationAllowed('BELONGS_TO', 'IndustryChain', 'IndustryChain')).toBe(false);
  });
});
