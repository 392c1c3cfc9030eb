/**
 * The planner's endpoints: gap reports, indicators and suggested relations computed on the whole
 * ecosystem (cached per graph revision, see planningCache.ts), and what-if scenarios stored apart
 * from the ecosystem (`@innograph/store` scenarios.ts), evaluated in memory and applied in one
 * transaction. Reads follow the global reader check; writes need the editor token.
 */
import {
  ApiError,
  EvaluationQuery,
  GapsQuery,
  GapsResponse,
  IndicatorsQuery,
  IndicatorsResponse,
  ScenarioApplyBody,
  ScenarioApplyResponse,
  ScenarioCreateBody,
  ScenarioDeleteQuery,
  ScenarioDeleteResponse,
  ScenarioEvaluation,
  ScenarioParams,
  ScenarioSchema,
  ScenariosResponse,
  ScenarioUpdateBody,
  SuggestionsQuery,
  SuggestionsResponse,
} from '@innograph/model';
import {
  applyScenario,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  updateScenario,
} from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { actorOf, requireEditor } from '../auth.js';
import { HttpError } from '../errors.js';
import { MeasuresWorker } from '../measures/measuresWorker.js';
import { type GraphState, PlanningCache } from '../planningCache.js';

const security = [{ bearer: [] }];
const writeErrors = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  413: ApiError,
};

/** A `chain` parameter must name an IndustryChain of the graph. */
function requireChain(state: GraphState, chain: string | undefined, path = 'query.chain'): void {
  if (chain !== undefined && !state.hasChain(chain)) {
    const message = `no industry chain with id '${chain}'`;
    throw new HttpError(400, 'bad_request', message, [{ path, message }]);
  }
}

export function planningRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { executor, config } = deps;
  const measures = new MeasuresWorker();
  return async (app) => {
    const cache = new PlanningCache(executor, {
      runner: measures,
      warn: (message) => app.log.warn(message),
    });
    measures.start();
    app.addHook('onClose', () => measures.close());
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') requireEditor(config, request);
    });

    app.get(
      '/gaps',
      {
        schema: {
          summary: 'Gap report: every gap of the given types (all by default), most severe first',
          querystring: GapsQuery,
          response: { 200: GapsResponse, 400: ApiError },
        },
      },
      async (request) => {
        const { type, chain, limit } = request.query;
        const state = await cache.current();
        requireChain(state, chain);
        const types = type === undefined || type.length === 0 ? undefined : type;
        const { entries, counts, describe } = state.gaps(types, chain);
        return {
          items: entries.slice(0, limit).map(describe),
          counts,
          total: entries.length,
          truncated: entries.length > limit,
          limit,
        };
      },
    );

    app.get(
      '/indicators',
      {
        schema: {
          summary: 'Ecosystem indicators overall and per chain, with network measures',
          querystring: IndicatorsQuery,
          response: { 200: IndicatorsResponse, 400: ApiError },
        },
      },
      async (request) => {
        const { chain, network } = request.query;
        const state = await cache.current();
        requireChain(state, chain);
        return state.indicators({ ...(chain === undefined ? {} : { chain }), network });
      },
    );

    app.get(
      '/suggestions',
      {
        schema: {
          summary: 'Ranked new relations that would close gaps (OPENS_TO, PAIRED_WITH, INVESTS_IN)',
          querystring: SuggestionsQuery,
          response: { 200: SuggestionsResponse, 400: ApiError },
        },
      },
      async (request) => {
        const { type, chain, limit } = request.query;
        const state = await cache.current();
        requireChain(state, chain);
        const items = state.suggestions({
          ...(type === undefined ? {} : { type }),
          ...(chain === undefined ? {} : { chain }),
          limit: limit + 1,
        });
        return { items: items.slice(0, limit), truncated: items.length > limit, limit };
      },
    );

    app.get(
      '/scenarios',
      {
        schema: {
          summary: 'Every scenario, last updated first',
          response: { 200: ScenariosResponse },
        },
      },
      async () => listScenarios(executor),
    );

    app.post(
      '/scenarios',
      {
        schema: {
          summary: 'Create a scenario: a named list of proposed changes, kept apart from the graph',
          security,
          body: ScenarioCreateBody,
          response: { 201: ScenarioSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createScenario(executor, request.body)),
    );

    app.get(
      '/scenarios/:id',
      {
        schema: {
          summary: 'A scenario with its changes and base versions',
          params: ScenarioParams,
          response: { 200: ScenarioSchema, 404: ApiError },
        },
      },
      async (request) => {
        const scenario = await getScenario(executor, request.params.id);
        if (scenario === null)
          throw new HttpError(404, 'not_found', `no scenario with id '${request.params.id}'`);
        return scenario;
      },
    );

    app.put(
      '/scenarios/:id',
      {
        schema: {
          summary: 'Replace a draft scenario; `version` must be the stored one',
          security,
          params: ScenarioParams,
          body: ScenarioUpdateBody,
          response: { 200: ScenarioSchema, ...writeErrors },
        },
      },
      async (request) => updateScenario(executor, request.params.id, request.body),
    );

    app.delete(
      '/scenarios/:id',
      {
        schema: {
          summary: 'Delete a scenario (the graph is not touched)',
          security,
          params: ScenarioParams,
          querystring: ScenarioDeleteQuery,
          response: { 200: ScenarioDeleteResponse, ...writeErrors },
        },
      },
      async (request) => deleteScenario(executor, request.params.id, request.query.version),
    );

    app.get(
      '/scenarios/:id/evaluation',
      {
        schema: {
          summary: 'Indicators and gap counts before and after the scenario, computed in memory',
          params: ScenarioParams,
          querystring: EvaluationQuery,
          response: { 200: ScenarioEvaluation, 400: ApiError, 404: ApiError },
        },
      },
      async (request) => {
        const { chain, network } = request.query;
        const scenario = await getScenario(executor, request.params.id);
        if (scenario === null)
          throw new HttpError(404, 'not_found', `no scenario with id '${request.params.id}'`);
        const state = await cache.current();
        requireChain(state, chain);
        const options = { ...(chain === undefined ? {} : { chain }), network };
        const figures = await state.evaluation(scenario, options);
        return { scenario: { id: scenario.id, version: scenario.version }, ...figures };
      },
    );

    app.post(
      '/scenarios/:id/apply',
      {
        schema: {
          summary:
            'Write the scenario to the graph in one transaction (refused with 409 if its base changed)',
          security,
          params: ScenarioParams,
          body: ScenarioApplyBody,
          response: { 200: ScenarioApplyResponse, ...writeErrors },
        },
      },
      async (request) => applyScenario(executor, request.params.id, request.body.version, actorOf(request)),
    );
  };
}
