import { type Dataset, ENTITY_KIND_NAMES, parseDataset, RELATION_KIND_NAMES } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate.js';

function kindsOf(dataset: Dataset) {
  return {
    entities: new Set(dataset.entities.map((entity) => entity.kind)),
    relations: new Set(dataset.relations.map((relation) => relation.type)),
  };
}

describe.each([1_000, 20_000])('generateDataset with %i entities', (entities) => {
  const dataset = generateDataset({ entities, seed: 42 });

  it('is a valid dataset that holds exactly what was generated', { timeout: 60_000 }, () => {
    expect(parseDataset(JSON.parse(JSON.stringify(dataset)))).toEqual(dataset);
  });

  it('has the asked number of entities, every kind, and about five relations per entity', () => {
    expect(dataset.entities.length).toBe(entities);
    const kinds = kindsOf(dataset);
    expect(kinds.entities).toEqual(new Set(ENTITY_KIND_NAMES));
    expect(kinds.relations).toEqual(new Set(RELATION_KIND_NAMES));
    const ratio = dataset.relations.length / dataset.entities.length;
    expect(ratio).toBeGreaterThanOrEqual(4);
    expect(ratio).toBeLessThanOrEqual(6);
  });

  it('has one chain per ~2,000 entities, at least two', () => {
    const chains = dataset.entities.filter((entity) => entity.kind === 'IndustryChain');
    expect(chains.length).toBe(Math.max(2, Math.round(entities / 2_000)));
  });

  it('gives private firms names of their own', () => {
    const names = new Set(dataset.entities.map((entity) => entity.name.zh));
    expect(names.size).toBe(entities);
  });
});

describe('generateDataset', () => {
  it('gives the same dataset for the same seed and another for another seed', () => {
    const first = generateDataset({ entities: 1_000, seed: 7 });
    expect(generateDataset({ entities: 1_000, seed: 7 })).toEqual(first);
    expect(generateDataset({ entities: 1_000, seed: 8 })).not.toEqual(first);
  });

  it('takes a number of chains', () => {
    const dataset = generateDataset({ entities: 1_000, seed: 1, chains: 5 });
    expect(dataset.entities.filter((entity) => entity.kind === 'IndustryChain')).toHaveLength(5);
    expect(() => parseDataset(dataset)).not.toThrow();
  });

  it('makes a valid dataset of the smallest size, with every entity kind', () => {
    const dataset = generateDataset({ entities: 10, seed: 1 });
    expect(dataset.entities).toHaveLength(10);
    expect(kindsOf(dataset).entities).toEqual(new Set(ENTITY_KIND_NAMES));
    expect(() => parseDataset(dataset)).not.toThrow();
  });

  it('refuses sizes and seeds it cannot honour', () => {
    expect(() => generateDataset({ entities: 9, seed: 1 })).toThrow(/entities/);
    expect(() => generateDataset({ entities: 100.5, seed: 1 })).toThrow(/entities/);
    expect(() => generateDataset({ entities: 100, seed: 0.5 })).toThrow(/seed/);
    expect(() => generateDataset({ entities: 100, seed: 1, chains: 0 })).toThrow(/chains/);
    expect(() => generateDataset({ entities: 20, seed: 1, chains: 15 })).toThrow(/no room/);
  });
});
