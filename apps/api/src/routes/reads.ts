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
import { getEntity, neighborhoodJson, searchEntities, shortestPaths, subgraphJson } from '@innograph/store';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { HttpError } from '../errors.js';

/** Sends JSON text (or its UTF-8 bytes) as the response body, as it is. */
function sendJson(reply: FastifyReply, json: Buffer | string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

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
      async (request, reply) => {
        const json = await neighborhoodJson(executor, request.params.id, request.query);
        if (json === null) throw new HttpError(404, 'not_found', `no entity with id '${request.params.id}'`);
        // Written by the store from values it parsed with the model's schemas (as `/graph`):
        // sent as it is, without the serializer parsing the whole graph a second time.
        return sendJson(reply, json);
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
      // The store writes the graph's JSON itself, node by node and edge by edge as they arrive
      // from Neo4j, each built from values it parsed with the model's schemas (`subgraphJson`);
      // the bytes are sent as they are, without the serializer's second parse of the whole graph
      // (at 20,000 nodes and 125,000 relations that parse alone took a third of a second).
      async (request, reply) => sendJson(reply, await subgraphJson(executor, request.query)),
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
