import { ApiError, ChangesQuery, ChangesResponse } from '@innograph/model';
import { listChanges } from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';

export function changeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/changes',
      {
        schema: {
          summary: 'The change log, newest first',
          querystring: ChangesQuery,
          response: { 200: ChangesResponse, 400: ApiError },
        },
      },
      async (request) => listChanges(deps.executor, request.query),
    );
  };
}
