import {
  API_LIMITS,
  CONFIDENCES,
  ENTITY_KIND_NAMES,
  ENTITY_KINDS,
  type EntityKindDef,
  HealthResponse,
  ModelResponse,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  RELATION_STATUSES,
  type RelationKindDef,
  StatsResponse,
  VALUE_NAMES,
} from '@innograph/model';
import { graphCounts } from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';

const HEALTH_TIMEOUT_MS = 2_000;

function attributesSchema(schema: z.ZodObject): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** The ontology as clients need it, built once: it is data and does not change at run time. */
export function modelResponse(): ModelResponse {
  return {
    entityKinds: ENTITY_KIND_NAMES.map((kind) => {
      const def: EntityKindDef = ENTITY_KINDS[kind];
      return {
        kind,
        name: def.name,
        description: def.description,
        attributes: attributesSchema(def.attributes),
      };
    }),
    relationKinds: RELATION_KIND_NAMES.map((type) => {
      const def: RelationKindDef = RELATION_KINDS[type];
      return {
        type,
        name: def.name,
        description: def.description,
        from: [...def.from],
        to: [...def.to],
        symmetric: def.symmetric,
        attributes: attributesSchema(def.attributes),
      };
    }),
    statuses: [...RELATION_STATUSES],
    confidences: [...CONFIDENCES],
    valueNames: VALUE_NAMES,
    limits: API_LIMITS,
  };
}

async function neo4jUp(deps: AppDeps): Promise<{ up: boolean; message?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([deps.executor.verifyConnectivity(), timeout]);
    return { up: true };
  } catch (error) {
    return { up: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function metaRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const model = modelResponse();
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          summary: 'Server and Neo4j status',
          response: { 200: HealthResponse, 503: HealthResponse },
        },
      },
      async (_request, reply) => {
        const neo4j = await neo4jUp(deps);
        const uri = deps.executor.uri;
        if (neo4j.up) return { status: 'up' as const, neo4j: 'up' as const, uri };
        return reply.status(503).send({
          status: 'degraded' as const,
          neo4j: 'down' as const,
          uri,
          ...(neo4j.message === undefined ? {} : { message: neo4j.message }),
        });
      },
    );

    app.get(
      '/model',
      {
        schema: {
          summary: 'Kinds, relation kinds, their rules and display names',
          response: { 200: ModelResponse },
        },
      },
      async () => model,
    );

    app.get(
      '/stats',
      { schema: { summary: 'Counts by kind, relation kind and status', response: { 200: StatsResponse } } },
      async () => graphCounts(deps.executor),
    );
  };
}
