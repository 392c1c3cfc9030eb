import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ApiConfig } from './config.js';
import { HttpError } from './errors.js';

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Writes need the editor token: 401 without a token, 403 with another one. */
export function requireEditor(config: ApiConfig, request: FastifyRequest): void {
  const token = bearer(request);
  if (token === undefined)
    throw new HttpError(401, 'unauthorized', 'this change needs an editor token (Authorization: Bearer …)');
  if (!same(token, config.editorToken))
    throw new HttpError(403, 'forbidden', 'this token may not edit the graph');
}

/** Reads are open unless READ_TOKEN is set; then the read or the editor token is needed. */
export function requireReader(config: ApiConfig, request: FastifyRequest): void {
  if (config.readToken === undefined) return;
  const token = bearer(request);
  if (token === undefined)
    throw new HttpError(401, 'unauthorized', 'reading needs a token (Authorization: Bearer …)');
  if (!same(token, config.readToken) && !same(token, config.editorToken)) {
    throw new HttpError(403, 'forbidden', 'this token may not read the graph');
  }
}

/** Who made a change, for the change log: the `X-Actor` header, else "editor". */
export function actorOf(request: FastifyRequest): string {
  const header = request.headers['x-actor'];
  const value = typeof header === 'string' ? header.trim() : '';
  return /^[\p{L}\p{N} ._@-]{1,80}$/u.test(value) ? value : 'editor';
}
