import {
  ApiError,
  EntityParams,
  EntityResponse,
  GraphQuery,
  NeighborhoodQuery,
  PathsQuery,
  PathsResponse,
  SearchQuery,
  SearchResponse,
  SerializedGraph,
} from '@innograph/model';
import { getEntity, neighborhood, searchEntities, shortestPaths, subgraph } from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { HttpError } from '../errors.js';

export function readRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { executor } = deps;
  return async (app) => {
    app.get(
      '/entities',
      {
        schema: {
          summary: 'Full-text search over Chinese and English names, with filters and cursor pagination',
          querystring: SearchQuery,
          response: { 200: SearchResponse, 400: ApiError },
        },
      },
      async (request) => searchEntities(executor, request.query),
    );

    app.get(
      '/entities/:id',
      {
        schema: {
          summary: 'An entity with its relations grouped by kind',
          params: EntityParams,
          response: { 200: EntityResponse, 404: ApiError },
        },
      },
      async (request) => {
        const entity = await getEntity(executor, request.params.id);
        if (entity === null)
          throw new HttpError(404, 'not_found', `no entity with id '${request.params.id}'`);
        return entity;
      },
    );

    app.get(
      '/entities/:id/neighborhood',
      {
        schema: {
          summary: 'The ego network of an entity, up to three relations away',
          params: EntityParams,
          querystring: NeighborhoodQuery,
          response: { 200: SerializedGraph, 404: ApiError },
        },
      },
      async (request) => {
        const graph = await neighborhood(executor, request.params.id, request.query);
        if (graph === null) throw new HttpError(404, 'not_found', `no entity with id '${request.params.id}'`);
        return graph;
      },
    );

    app.get(
      '/graph',
      {
        schema: {
          summary: "A subgraph in graphology's serialised format",
          querystring: GraphQuery,
          response: { 200: SerializedGraph, 400: ApiError },
        },
      },
      async (request) => subgraph(executor, request.query),
    );

    app.get(
      '/paths',
      {
        schema: {
          summary: 'Shortest paths between two entities, several when they tie',
          querystring: PathsQuery,
          response: { 200: PathsResponse, 404: ApiError },
        },
      },
      async (request) => {
        const result = await shortestPaths(executor, request.query);
        if ('missing' in result) {
          throw new HttpError(
            404,
            'not_found',
            `no entity with id ${result.missing.map((id) => `'${id}'`).join(' or ')}`,
          );
        }
        return result;
      },
    );
  };
}
