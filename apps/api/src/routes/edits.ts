import {
  ApiError,
  DeleteQuery,
  DeleteResponse,
  EntityParams,
  EntityRecord,
  EntitySchema,
  EntityUpdateBody,
  RelationRecord,
  RelationSchema,
  RelationUpdateBody,
} from '@innograph/model';
import {
  createEntity,
  createRelation,
  deleteEntity,
  deleteRelation,
  updateEntity,
  updateRelation,
} from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { actorOf, requireEditor } from '../auth.js';

const security = [{ bearer: [] }];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 413: ApiError };

export function editRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { executor, config } = deps;
  return async (app) => {
    app.addHook('preHandler', async (request) => requireEditor(config, request));

    app.post(
      '/entities',
      {
        schema: {
          summary: 'Create an entity',
          security,
          body: EntitySchema,
          response: { 201: EntityRecord, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEntity(executor, request.body, actorOf(request))),
    );

    app.put(
      '/entities/:id',
      {
        schema: {
          summary: 'Replace an entity; `version` must be the stored one',
          security,
          params: EntityParams,
          body: EntityUpdateBody,
          response: { 200: EntityRecord, ...errors },
        },
      },
      async (request) => {
        const { version, ...fields } = request.body;
        return updateEntity(
          executor,
          request.params.id,
          EntitySchema.parse(fields),
          version,
          actorOf(request),
        );
      },
    );

    app.delete(
      '/entities/:id',
      {
        schema: {
          summary: 'Delete an entity; with relations only when `cascade=true`',
          security,
          params: EntityParams,
          querystring: DeleteQuery,
          response: { 200: DeleteResponse, ...errors },
        },
      },
      async (request) =>
        deleteEntity(
          executor,
          request.params.id,
          request.query.version,
          { cascade: request.query.cascade },
          actorOf(request),
        ),
    );

    app.post(
      '/relations',
      {
        schema: {
          summary: 'Create a relation',
          security,
          body: RelationSchema,
          response: { 201: RelationRecord, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRelation(executor, request.body, actorOf(request))),
    );

    app.put(
      '/relations/:id',
      {
        schema: {
          summary: 'Replace a relation; its kind and ends cannot change',
          security,
          params: EntityParams,
          body: RelationUpdateBody,
          response: { 200: RelationRecord, ...errors },
        },
      },
      async (request) => {
        const { version, ...fields } = request.body;
        return updateRelation(
          executor,
          request.params.id,
          RelationSchema.parse(fields),
          version,
          actorOf(request),
        );
      },
    );

    app.delete(
      '/relations/:id',
      {
        schema: {
          summary: 'Delete a relation',
          security,
          params: EntityParams,
          querystring: DeleteQuery.pick({ version: true }),
          response: { 200: DeleteResponse, ...errors },
        },
      },
      async (request) => deleteRelation(executor, request.params.id, request.query.version, actorOf(request)),
    );
  };
}
