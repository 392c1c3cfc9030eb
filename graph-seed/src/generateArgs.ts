/** The arguments of `generateCli.ts`, checked apart from the process so that tests can call it. */
import { parseArgs } from 'node:util';
import { MIN_ENTITIES } from './generate.js';

/** The largest dataset the command line makes; `generateDataset` itself has no ceiling. */
export const CLI_MAX_ENTITIES = 200_000;
const USAGE = 'usage: --entities N --out FILE [--seed S]';

export interface GenerateArgs {
  entities: number;
  seed: number;
  out: string;
}

/** Bad arguments; the message is one line and names the flag. */
export class GenerateArgsError extends Error {
  override readonly name = 'GenerateArgsError';
}

function integerFlag(flag: string, value: string, min: number, max: number): number {
  const number = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new GenerateArgsError(`--${flag} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return number;
}

export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  let values: { entities?: string | undefined; seed?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { entities: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GenerateArgsError(message.split('\n')[0] ?? message);
  }
  if (values.entities === undefined) throw new GenerateArgsError(`--entities is required (${USAGE})`);
  if (values.out === undefined || values.out.trim() === '') {
    throw new GenerateArgsError(`--out is required: the file to write (${USAGE})`);
  }
  return {
    entities: integerFlag('entities', values.entities, MIN_ENTITIES, CLI_MAX_ENTITIES),
    seed: values.seed === undefined ? 1 : integerFlag('seed', values.seed, 0, 2 ** 32 - 1),
    out: values.out,
  };
}
