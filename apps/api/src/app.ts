import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { API_LIMITS, ApiError } from '@innograph/model';
import type { Neo4jExecutor } from '@innograph/store';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { requireReader } from './auth.js';
import type { ApiConfig } from './config.js';
import { toHttpError } from './errors.js';
import { changeRoutes } from './routes/changes.js';
import { editRoutes } from './routes/edits.js';
import { interchangeRoutes } from './routes/interchange.js';
import { metaRoutes } from './routes/meta.js';
import { planningRoutes } from './routes/planning.js';
import { readRoutes } from './routes/reads.js';
import { viewRoutes } from './routes/views.js';

export interface AppDeps {
  executor: Neo4jExecutor;
  config: ApiConfig;
  /** Fastify's logger; off in tests. */
  logger?: boolean;
  /** Folder of the built web app (`apps/web/dist`), served on the same origin as the API. */
  webRoot?: string;
}

/** Builds the HTTP API on an executor; `listen` is the caller's. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: API_LIMITS.bodyBytes,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Innograph API',
        description: 'Search, traverse, analyse and edit an innovation-ecosystem graph stored in Neo4j.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(error);
    if (status >= 500 && status !== 503) request.log.error(error);
    return reply.status(status).send(ApiError.parse(body));
  });
  if (deps.webRoot) {
    await app.register(fastifyStatic, { root: deps.webRoot, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app's own paths (anything outside /api) get its page; the app reads the URL.
    if (deps.webRoot && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(
      ApiError.parse({
        error: { code: 'not_found', message: `no route ${request.method} ${request.url}` },
      }),
    );
  });

  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' && request.url.startsWith('/api/') && request.url !== '/api/health') {
      requireReader(deps.config, request);
    }
  });

  await app.register(metaRoutes(deps), { prefix: '/api' });
  await app.register(readRoutes(deps), { prefix: '/api' });
  await app.register(editRoutes(deps), { prefix: '/api' });
  await app.register(changeRoutes(deps), { prefix: '/api' });
  await app.register(planningRoutes(deps), { prefix: '/api' });
  await app.register(viewRoutes(deps), { prefix: '/api' });
  await app.register(interchangeRoutes(deps), { prefix: '/api' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
