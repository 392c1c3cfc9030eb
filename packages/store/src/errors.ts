import { Neo4jError } from 'neo4j-driver';

/** Base of the typed errors the store throws; callers match on class, never on message text. */
export class StoreError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Neo4j cannot be reached (down, restarting, wrong address). Worth retrying later. */
export class StoreUnavailableError extends StoreError {}
/** The credentials were refused. */
export class StoreAuthError extends StoreError {}
/** A uniqueness or other constraint refused the write. */
export class StoreConstraintError extends StoreError {}
/** A write was refused because what it meant to change no longer matches (stale version). */
export class StoreConflictError extends StoreError {}
/** What the caller asked for does not exist. */
export class StoreNotFoundError extends StoreError {}
/** Anything else Neo4j refused: a bad query or a server-side failure. */
export class StoreQueryError extends StoreError {}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps a driver error to a typed store error by its Neo4j status code. */
export function mapNeo4jError(error: unknown): unknown {
  if (error instanceof StoreError || !(error instanceof Neo4jError)) return error;
  const code = error.code;
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new StoreUnavailableError(`Neo4j is unavailable: ${error.message}`, code, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new StoreAuthError(`Neo4j refused the credentials: ${error.message}`, code, { cause: error });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new StoreConstraintError(error.message, code, { cause: error });
  }
  return new StoreQueryError(error.message, code, { cause: error });
}
