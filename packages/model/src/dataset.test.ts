import { describe, expect, it } from 'vitest';
import { countDataset, type DatasetParseStep, parseDataset, parseDatasetSteps } from './dataset.js';
import { ModelValidationError, type ValidationIssue } from './issues.js';

const evidence = { source: 'test note', confidence: 'assumed' };

function dataset(entities: unknown[], relations: unknown[] = []) {
  return { format: 'innograph-dataset', version: 1, meta: { title: 'test' }, entities, relations };
}

const firm = {
  id: 'pf-1',
  kind: 'PrivateFirm',
  name: { zh: '甲科技', en: 'Jia Tech' },
  attributes: { stage: 'growth', revenueBand: 'under10m' },
};
const leader = { id: 'cl-1', kind: 'ChainLeader', name: { zh: '乙集团', en: 'Yi Group' } };
const supplies = { id: 'r-1', type: 'SUPPLIES', from: 'pf-1', to: 'cl-1', since: '2021-03-01', evidence };

function issuesOf(input: unknown, options = {}): ValidationIssue[] {
  try {
    parseDataset(input, options);
  } catch (error) {
    if (error instanceof ModelValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the dataset to be refused');
}

describe('parseDataset', () => {
  it('accepts a valid dataset and fills defaults', () => {
    const parsed = parseDataset(dataset([firm, leader], [supplies]));
    expect(parsed.relations[0]?.status).toBe('active');
    expect(countDataset(parsed)).toEqual({
      entities: { PrivateFirm: 1, ChainLeader: 1 },
      relations: { SUPPLIES: 1 },
    });
  });

  it('names an unknown kind with the kinds it expected', () => {
    const [issue] = issuesOf(dataset([{ ...leader, kind: 'University' }]));
    expect(issue).toMatchObject({ record: 'entities[0] (id cl-1)', field: 'kind' });
    expect(issue?.message).toContain('unknown entity kind "University"');
    expect(issue?.message).toContain('ChainLeader');
  });

  it('names a missing name field', () => {
    const [issue] = issuesOf(dataset([{ ...leader, name: { zh: '乙' } }]));
    expect(issue).toMatchObject({
      record: 'entities[0] (id cl-1)',
      field: 'name.en',
      message: 'missing; expected string',
    });
  });

  it('names a relation to a missing id', () => {
    const issues = issuesOf(dataset([firm], [supplies]));
    expect(issues).toEqual([
      { record: 'relations[0] (id r-1)', field: 'to', message: "no entity with id 'cl-1'" },
    ]);
  });

  it('accepts a relation to an entity known elsewhere', () => {
    const parsed = parseDataset(dataset([firm], [supplies]), {
      knownEntities: new Map([['cl-1', 'ChainLeader']]),
    });
    expect(parsed.relations).toHaveLength(1);
  });

  it('refuses a relation between kinds the model forbids, quoting the rule', () => {
    const [issue] = issuesOf(dataset([firm, leader], [{ ...supplies, from: 'cl-1', to: 'pf-1' }]));
    expect(issue?.field).toBe('type');
    expect(issue?.message).toBe(
      "SUPPLIES cannot connect ChainLeader 'cl-1' to PrivateFirm 'pf-1' (SUPPLIES runs from PrivateFirm to ChainLeader)",
    );
  });

  it('refuses duplicate ids, bad dates and an until before since', () => {
    const issues = issuesOf(
      dataset(
        [firm, { ...firm }, leader],
        [
          { ...supplies, since: '2021-02-30' },
          { ...supplies, id: 'r-2', since: '2022-01-01', until: '2021-01-01' },
          { ...supplies, id: 'r-2' },
        ],
      ),
    );
    expect(issues).toEqual([
      { record: 'entities[1] (id pf-1)', field: 'id', message: "duplicate entity id 'pf-1'" },
      { record: 'relations[0] (id r-1)', field: 'since', message: 'expected a date as YYYY-MM-DD' },
      {
        record: 'relations[1] (id r-2)',
        field: 'until',
        message: 'until (2021-01-01) is before since (2022-01-01)',
      },
      { record: 'relations[2] (id r-2)', field: 'id', message: "duplicate relation id 'r-2'" },
    ]);
  });

  it('requires evidence on every relation', () => {
    const { evidence: _evidence, ...bare } = supplies;
    const [issue] = issuesOf(dataset([firm, leader], [bare]));
    expect(issue).toMatchObject({ record: 'relations[0] (id r-1)', field: 'evidence' });
  });

  it('refuses a wrong envelope', () => {
    const [issue] = issuesOf({ format: 'other', entities: [] });
    expect(issue?.record).toBe('dataset');
  });

  it('collects every issue, not just the first', () => {
    const issues = issuesOf(
      dataset([{ id: 'a' }, { id: 'b', kind: 'Lab' }, { id: 'c', kind: 'Fund', name: 1 }]),
    );
    expect(issues.map((issue) => issue.record)).toEqual([
      'entities[0] (id a)',
      'entities[1] (id b)',
      'entities[1] (id b)',
      'entities[1] (id b)',
      'entities[2] (id c)',
      'entities[2] (id c)',
      'entities[2] (id c)',
    ]);
  });
});

describe('relations to invalid entities', () => {
  it('say that the entity has errors rather than that it is missing', () => {
    const issues = issuesOf(dataset([{ ...firm, attributes: { stage: 'teen' } }, leader], [supplies]));
    expect(issues.at(-1)).toEqual({
      record: 'relations[0] (id r-1)',
      field: 'from',
      message: "entity 'pf-1' has errors (see above)",
    });
  });
});

describe('parseDatasetSteps', () => {
  const relations = Array.from({ length: 7 }, (_, i) => ({ ...supplies, id: `r-${i}` }));

  /** Every pause, then the result or the error. */
  function run(input: unknown, relationsPerStep?: number) {
    const steps = parseDatasetSteps(input, relationsPerStep === undefined ? {} : { relationsPerStep });
    const pauses: DatasetParseStep[] = [];
    try {
      for (;;) {
        const step = steps.next();
        if (step.done === true) return { pauses, result: step.value };
        pauses.push(step.value);
      }
    } catch (error) {
      return { pauses, error };
    }
  }

  it('pauses after the entities, then after every few relations, and returns what parseDataset returns', () => {
    const input = dataset([firm, leader], relations);
    const { pauses, result } = run(input, 3);
    expect(pauses.map((pause) => pause.step)).toEqual(['entities', 'relations', 'relations']);
    expect(pauses[0]).toMatchObject({ clean: true });
    expect(pauses[0]?.step === 'entities' && pauses[0].entities.map((e) => e.id)).toEqual(['pf-1', 'cl-1']);
    expect(pauses.slice(1)).toEqual([
      { step: 'relations', checked: 3, total: 7 },
      { step: 'relations', checked: 6, total: 7 },
    ]);
    expect(result).toEqual(parseDataset(input));
  });

  it('pauses only once by default', () => {
    expect(run(dataset([firm, leader], relations)).pauses.map((pause) => pause.step)).toEqual(['entities']);
  });

  it('says at the pause that an entity had issues, and throws every issue at the end', () => {
    const input = dataset([{ ...firm, id: 'cl-1' }, leader], [{ ...supplies, to: 'nobody' }]);
    const { pauses, error } = run(input, 1);
    expect(pauses[0]).toMatchObject({ step: 'entities', clean: false });
    expect(error).toBeInstanceOf(ModelValidationError);
    expect(error instanceof ModelValidationError && error.issues).toEqual(issuesOf(input));
    expect(issuesOf(input).map((issue) => issue.field)).toEqual(['id', 'from', 'to']);
  });

  it('finds a bad relation after the entities were reported clean', () => {
    const input = dataset([firm, leader], [...relations, { ...supplies, id: 'r-last', since: '2024-02-30' }]);
    const { pauses, error } = run(input, 2);
    expect(pauses[0]).toMatchObject({ step: 'entities', clean: true });
    expect(error instanceof ModelValidationError && error.issues).toEqual([
      expect.objectContaining({ record: 'relations[7] (id r-last)', field: 'since' }),
    ]);
  });

  it('refuses a step size that is not positive', () => {
    expect(run(dataset([firm]), 0).error).toBeInstanceOf(RangeError);
  });
});
