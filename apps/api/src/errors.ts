import { type ApiError, ModelValidationError } from '@innograph/model';
import {
  InvalidCursorError,
  ScenarioConflictError,
  StoreAuthError,
  StoreConflictError,
  StoreConstraintError,
  StoreNotFoundError,
  StoreUnavailableError,
  ViewInUseError,
} from '@innograph/store';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

type Issue = { path: string; message: string };

/** An error with an HTTP status and one of the contract's codes (and per-field issues). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiError['error']['code'],
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

function zodIssues(error: FastifyError): Issue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context =
    error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'request');
  return error.validation.map((v) => {
    let path = context;
    for (const part of v.instancePath.split('/').filter((p) => p !== '')) {
      path += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
    }
    return { path, message: v.message ?? 'invalid' };
  });
}

function body(code: ApiError['error']['code'], message: string, issues?: Issue[]): ApiError {
  return { error: { code, message, ...(issues === undefined ? {} : { issues }) } };
}

/** Maps anything a route throws to a status and a contract error body. */
export function toHttpError(error: unknown): { status: number; body: ApiError } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: body(error.code, error.message, error.issues) };
  }
  if (error instanceof ModelValidationError) {
    const issues = error.issues.map((issue) => ({
      path: ['body', issue.field].filter((part) => part !== '').join('.'),
      message: issue.message,
    }));
    return { status: 400, body: body('bad_request', issues[0]?.message ?? error.message, issues) };
  }
  if (error instanceof InvalidCursorError) {
    return {
      status: 400,
      body: body('bad_request', error.message, [{ path: 'query.cursor', message: error.message }]),
    };
  }
  if (error instanceof StoreNotFoundError) return { status: 404, body: body('not_found', error.message) };
  if (error instanceof ScenarioConflictError || error instanceof ViewInUseError) {
    return { status: 409, body: body('conflict', error.message, error.issues) };
  }
  if (error instanceof StoreConflictError || error instanceof StoreConstraintError) {
    return { status: 409, body: body('conflict', error.message) };
  }
  if (error instanceof StoreUnavailableError || error instanceof StoreAuthError) {
    return {
      status: 503,
      body: body('unavailable', 'the graph database is unavailable; try again shortly'),
    };
  }
  if (isFastifyError(error)) {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = zodIssues(error);
      return {
        status: 400,
        body: body('bad_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues),
      };
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return { status: 413, body: body('payload_too_large', error.message) };
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return { status: error.statusCode, body: body('bad_request', error.message) };
    }
  }
  return { status: 500, body: body('internal', 'internal error') };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}
