/**
 * Saved views and presentations (`@innograph/store` views.ts): what a presenter keeps to show the
 * network again, stored apart from the ecosystem (saving them leaves the graph and its revision
 * as they were). Reads follow the global reader check; writes need the editor token, checked
 * before the body is read (a view's body may be megabytes: `API_LIMITS.viewBodyBytes`).
 *
 * A view that a presentation shows cannot be deleted (409 naming each step); the client removes
 * those steps first. The web app opens a saved view at `/?view=<id>` through `GET /api/views/:id`.
 */
import {
  API_LIMITS,
  ApiError,
  DeletedResponse,
  PresentationCreateBody,
  PresentationSchema,
  PresentationsResponse,
  PresentationUpdateBody,
  SavedViewCreateBody,
  SavedViewSchema,
  SavedViewsResponse,
  SavedViewUpdateBody,
  VersionQuery,
  ViewParams,
} from '@innograph/model';
import {
  createPresentation,
  createSavedView,
  deletePresentation,
  deleteSavedView,
  getPresentation,
  getSavedView,
  listPresentations,
  listSavedViews,
  updatePresentation,
  updateSavedView,
} from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { requireEditor } from '../auth.js';
import { HttpError } from '../errors.js';

const security = [{ bearer: [] }];
const writeErrors = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  413: ApiError,
};

export function viewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { executor, config } = deps;
  return async (app) => {
    app.addHook('onRequest', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') requireEditor(config, request);
    });

    // -------------------------------------------------------------------------------------------
    // Saved views
    // -------------------------------------------------------------------------------------------

    app.get(
      '/views',
      {
        schema: {
          summary: 'Every saved view without its node positions, last updated first',
          response: { 200: SavedViewsResponse },
        },
      },
      async () => listSavedViews(executor),
    );

    app.post(
      '/views',
      {
        bodyLimit: API_LIMITS.viewBodyBytes,
        schema: {
          summary: 'Save a view: filters, camera, layout, theme, highlighted entities and node positions',
          security,
          body: SavedViewCreateBody,
          response: { 201: SavedViewSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createSavedView(executor, request.body)),
    );

    app.get(
      '/views/:id',
      {
        schema: {
          summary: 'A saved view with its node positions (the web app opens it at `/?view=<id>`)',
          params: ViewParams,
          response: { 200: SavedViewSchema, 404: ApiError },
        },
      },
      async (request) => {
        const view = await getSavedView(executor, request.params.id);
        if (view === null)
          throw new HttpError(404, 'not_found', `no saved view with id '${request.params.id}'`);
        return view;
      },
    );

    app.put(
      '/views/:id',
      {
        bodyLimit: API_LIMITS.viewBodyBytes,
        schema: {
          summary: 'Replace a saved view (rename: same body, new name); `version` must be the stored one',
          security,
          params: ViewParams,
          body: SavedViewUpdateBody,
          response: { 200: SavedViewSchema, ...writeErrors },
        },
      },
      async (request) => {
        const { version, ...fields } = request.body;
        return updateSavedView(executor, request.params.id, fields, version);
      },
    );

    app.delete(
      '/views/:id',
      {
        schema: {
          summary: 'Delete a saved view; refused (409) while a presentation shows it',
          security,
          params: ViewParams,
          querystring: VersionQuery,
          response: { 200: DeletedResponse, ...writeErrors },
        },
      },
      async (request) => deleteSavedView(executor, request.params.id, request.query.version),
    );

    // -------------------------------------------------------------------------------------------
    // Presentations
    // -------------------------------------------------------------------------------------------

    app.get(
      '/presentations',
      {
        schema: {
          summary: 'Every presentation, last updated first',
          response: { 200: PresentationsResponse },
        },
      },
      async () => listPresentations(executor),
    );

    app.post(
      '/presentations',
      {
        schema: {
          summary: 'Save a presentation: saved views in order, each with a caption',
          security,
          body: PresentationCreateBody,
          response: { 201: PresentationSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createPresentation(executor, request.body)),
    );

    app.get(
      '/presentations/:id',
      {
        schema: {
          summary: 'A presentation with its steps',
          params: ViewParams,
          response: { 200: PresentationSchema, 404: ApiError },
        },
      },
      async (request) => {
        const presentation = await getPresentation(executor, request.params.id);
        if (presentation === null) {
          throw new HttpError(404, 'not_found', `no presentation with id '${request.params.id}'`);
        }
        return presentation;
      },
    );

    app.put(
      '/presentations/:id',
      {
        schema: {
          summary: 'Replace a presentation; `version` must be the stored one',
          security,
          params: ViewParams,
          body: PresentationUpdateBody,
          response: { 200: PresentationSchema, ...writeErrors },
        },
      },
      async (request) => {
        const { version, ...fields } = request.body;
        return updatePresentation(executor, request.params.id, fields, version);
      },
    );

    app.delete(
      '/presentations/:id',
      {
        schema: {
          summary: 'Delete a presentation (its saved views stay)',
          security,
          params: ViewParams,
          querystring: VersionQuery,
          response: { 200: DeletedResponse, ...writeErrors },
        },
      },
      async (request) => deletePresentation(executor, request.params.id, request.query.version),
    );
  };
}
