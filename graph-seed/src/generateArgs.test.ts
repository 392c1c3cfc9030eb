import { describe, expect, it } from 'vitest';
import { GenerateArgsError, parseGenerateArgs } from './generateArgs.js';

function errorOf(argv: string[]): string {
  try {
    parseGenerateArgs(argv);
  } catch (error) {
    if (error instanceof GenerateArgsError) return error.message;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseGenerateArgs', () => {
  it('reads the three flags', () => {
    expect(parseGenerateArgs(['--entities', '5000', '--seed', '3', '--out', 'big.json'])).toEqual({
      entities: 5000,
      seed: 3,
      out: 'big.json',
    });
    expect(parseGenerateArgs(['--entities=10', '--out=x.json'])).toEqual({
      entities: 10,
      seed: 1,
      out: 'x.json',
    });
    expect(parseGenerateArgs(['--entities', '200000', '--out', 'x.json']).entities).toBe(200_000);
  });

  it.each([
    [['--out', 'x.json'], '--entities is required'],
    [['--entities', '100'], '--out is required'],
    [['--entities', 'abc', '--out', 'x.json'], "--entities must be an integer from 10 to 200000, got 'abc'"],
    [['--entities', '1.5', '--out', 'x.json'], '--entities must be an integer'],
    [['--entities', '9', '--out', 'x.json'], '--entities must be an integer from 10 to 200000'],
    [['--entities', '200001', '--out', 'x.json'], '--entities must be an integer from 10 to 200000'],
    [['--entities', '100', '--seed', 'x', '--out', 'x.json'], '--seed must be an integer'],
    [['--entities', '100', '--seed=-1', '--out', 'x.json'], '--seed must be an integer'],
    [['--entities', '100', '--out', 'x.json', '--size', '3'], "'--size'"],
    [['--entities', '100', '--out', 'x.json', 'extra'], "'extra'"],
  ])('refuses %j with one line naming the flag', (argv, message) => {
    const error = errorOf(argv);
    expect(error).toContain(message);
    expect(error).not.toContain('\n');
  });
});
