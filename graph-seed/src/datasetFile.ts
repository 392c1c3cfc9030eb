import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelValidationError, parseJsonText } from '@innograph/model';

/** The seed graph shipped with the project. */
export const SEED_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../data/seed.json');

/** A dataset file could not be read or is not JSON; the message names the file and the place. */
export class DatasetFileError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'DatasetFileError';
    this.file = file;
  }
}

/** Reads a dataset file as strict UTF-8 JSON. The records are validated by the loader. */
export async function readDatasetFile(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    throw new DatasetFileError(file, `cannot read the file: ${reason}`, { cause: error });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DatasetFileError(file, 'the file is not valid UTF-8 text', { cause: error });
  }
  try {
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof ModelValidationError) {
      const issue = error.issues[0];
      throw new DatasetFileError(file, `${issue?.record ?? 'file'}: ${issue?.message ?? error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}
