/** Requests to the API through Fastify's `inject` (the whole server minus the socket). */
import { ApiError } from '@innograph/model';
import type { FastifyInstance } from 'fastify';

/** The editor token the suites build their apps with, and its header. */
export const EDITOR = 'test-editor-token';
export const editor = { authorization: `Bearer ${EDITOR}` };

export interface Reply {
  status: number;
  /** The parsed JSON body, to be parsed again with a contract schema. */
  body: unknown;
}

/** `get` and `send` on the app that `app()` returns when called (suites build it in `beforeAll`);
 *  `send` carries the editor token unless given other headers. */
export function httpClient(app: () => FastifyInstance) {
  async function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await app().inject({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() as unknown };
  }

  async function send(
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = editor,
  ): Promise<Reply> {
    const response = await app().inject({
      method,
      url,
      headers,
      ...(payload === undefined
        ? {}
        : { payload: JSON.stringify(payload), headers: { ...headers, 'content-type': 'application/json' } }),
    });
    return { status: response.statusCode, body: response.json() as unknown };
  }

  return { get, send };
}

/** The field paths of an error body's issues. */
export function issuePaths(body: unknown): string[] {
  return (ApiError.parse(body).error.issues ?? []).map((issue) => issue.path);
}
