/**
 * The browser's only way to the graph: typed calls to `apps/api`, every response parsed with the
 * contract's zod schemas from `@innograph/model`, every failure turned into an `ApiFailure` that
 * says what went wrong in words a person can act on.
 */
import {
  ApiError,
  DeletedResponse,
  DeleteResponse,
  type Entity,
  EntityRecord,
  EntityResponse,
  GapsResponse,
  HealthResponse,
  ImportReport,
  IndicatorsResponse,
  ModelResponse,
  PathsResponse,
  type PresentationCreateBody,
  PresentationSchema,
  PresentationsResponse,
  type PresentationUpdateBody,
  type Relation,
  RelationRecord,
  type SavedViewCreateBody,
  SavedViewSchema,
  SavedViewsResponse,
  type SavedViewUpdateBody,
  ScenarioApplyResponse,
  type ScenarioChangeInput,
  ScenarioDeleteResponse,
  ScenarioEvaluation,
  ScenarioSchema,
  ScenariosResponse,
  SearchResponse,
  SerializedGraph,
  SuggestionsResponse,
} from '@innograph/model';
import type { z } from 'zod';
import { type PackedGraph, type ReceivedGraph, unpackGraph } from './graph/packed.js';

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** One entry per invalid field, path without the `body.`/`query.` prefix. */
    readonly fields: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
  get conflict(): boolean {
    return this.status === 409;
  }
}

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function failure(response: Response): Promise<ApiFailure> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy or a crashed server; the status line must do.
  }
  const parsed = ApiError.safeParse(body);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    const fields = (issues ?? []).map((issue) => ({
      path: issue.path.replace(/^(body|query|params)\.?/, ''),
      message: issue.message,
    }));
    return new ApiFailure(message, response.status, code, fields);
  }
  return new ApiFailure(
    `the server answered ${response.status} ${response.statusText}`.trim(),
    response.status,
    'internal',
  );
}

export interface ApiClientOptions {
  /** Base URL; the app is served by the API, so the default is the same origin. */
  base?: string;
  /** Editor (or read) token sent as a bearer token. */
  token?: () => string | null;
  /** Whether `graph` fetches and checks the graph in a worker (`graphOffThread`); by default
   *  when the page can start workers. */
  graphWorker?: boolean;
}

/** What the page asks the graph worker (`workers/graph.worker.ts`) for: one `GET /api/graph`. */
export interface GraphFetchRequest {
  base: string;
  token: string | null;
  query: Query;
}

/** When the graph worker's request ran, in ms on the worker's clock (`timeOrigin` + ms). */
export interface GraphFetchTiming {
  timeOrigin: number;
  /** The request's Resource Timing, when the worker's timeline has it. */
  request: {
    startTime: number;
    requestStart: number;
    responseStart: number;
    responseEnd: number;
    encodedBodySize: number;
  } | null;
  /** When the body was parsed and checked. */
  checkedAt: number;
}

/** The graph worker's answer: the checked graph, or the failure as `ApiFailure`'s fields. */
export type GraphFetchResponse =
  | { ok: true; graph: PackedGraph; timing: GraphFetchTiming }
  | {
      ok: false;
      message: string;
      status: number;
      code: string;
      fields: ReadonlyArray<{ path: string; message: string }>;
    };

/** The worker's answer for an error thrown while fetching (an `ApiFailure` keeps its fields). */
export function graphFetchFailure(error: unknown): GraphFetchResponse {
  if (error instanceof ApiFailure) {
    return {
      ok: false,
      message: error.message,
      status: error.status,
      code: error.code,
      fields: error.fields,
    };
  }
  return {
    ok: false,
    message: `the graph could not be read: ${error instanceof Error ? error.message : String(error)}`,
    status: 0,
    code: 'internal',
    fields: [],
  };
}

function abortError(): DOMException {
  return new DOMException('The graph request was aborted.', 'AbortError');
}

/**
 * The graph worker's timing on the page's clock, as the mark `innograph:graph-fetched` at the
 * moment the body was checked, its `detail` the request's Resource Timing (the page's own timeline
 * has no entry for a worker's request).
 */
function markGraphFetch(timing: GraphFetchTiming): void {
  const shift = timing.timeOrigin - performance.timeOrigin;
  const request = timing.request;
  performance.mark('innograph:graph-fetched', {
    startTime: timing.checkedAt + shift,
    detail: request && {
      startTime: request.startTime + shift,
      requestStart: request.requestStart + shift,
      responseStart: request.responseStart + shift,
      responseEnd: request.responseEnd + shift,
      encodedBodySize: request.encodedBodySize,
    },
  });
}

/**
 * `GET /api/graph` fetched, parsed and checked against `SerializedGraph` in a worker of its own,
 * which hands the page the checked graph. The big graphs the explorer opens with (20,000 entities
 * make 36 MB of JSON) then leave none of their text, parsed JSON or zod's checked copy in the
 * page's heap, and the parse and the check run off the main thread. That garbage filled the
 * page's old generation, and the major collection it set off landed in whatever task came next,
 * such as a pan during a layout. The worker posts the graph packed (`packGraph`: each distinct
 * string once, records as columns) and the page builds the attribute objects as it adds them to
 * the graph (`unpackGraph`, `mergeSerialized`). Aborting `signal` ends the worker; a worker that
 * cannot start hands the request back to the page (`onThread`).
 */
function graphOffThread(
  request: GraphFetchRequest,
  signal: AbortSignal | undefined,
  onThread: () => Promise<SerializedGraph>,
): Promise<ReceivedGraph> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const worker = new Worker(new URL('./workers/graph.worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      end();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<GraphFetchResponse>) => {
      end();
      const answer = event.data;
      if (answer.ok) {
        markGraphFetch(answer.timing);
        resolve(unpackGraph(answer.graph));
      } else reject(new ApiFailure(answer.message, answer.status, answer.code, answer.fields));
    };
    // A worker that cannot start or fails (its script not served, workers not allowed): the
    // page fetches the graph itself, as it did before there was a worker.
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      end();
      onThread().then(resolve, reject);
    };
    worker.postMessage(request);
  });
}

export class ApiClient {
  private readonly base: string;
  private readonly token: () => string | null;
  private readonly graphWorker: boolean;

  constructor(options: ApiClientOptions = {}) {
    this.base = options.base ?? '';
    this.token = options.token ?? (() => null);
    this.graphWorker =
      options.graphWorker ?? (typeof Worker !== 'undefined' && typeof window !== 'undefined');
  }

  private async request<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; signal?: AbortSignal | undefined } = {},
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.base}/api${path}${queryString(options.query)}`, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiFailure('the API cannot be reached: is `npm start` running?', 0, 'unavailable');
    }
    if (!response.ok) throw await failure(response);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ApiFailure(
        `the API answered ${method} ${path} with an unexpected body (${first?.path.join('.') ?? ''}: ${first?.message ?? ''})`,
        response.status,
        'internal',
      );
    }
    return parsed.data;
  }

  health(signal?: AbortSignal) {
    return this.request(HealthResponse, 'GET', '/health', { signal });
  }
  model(signal?: AbortSignal) {
    return this.request(ModelResponse, 'GET', '/model', { signal });
  }
  /** `GET /api/graph`, in a worker when the client may start one (`graphOffThread`). */
  graph(query: Query = {}, signal?: AbortSignal): Promise<ReceivedGraph> {
    const onThread = () => this.graphOnThread(query, signal);
    if (this.graphWorker)
      return graphOffThread({ base: this.base, token: this.token(), query }, signal, onThread);
    return onThread();
  }
  /** `GET /api/graph` fetched, parsed and checked on this thread. */
  graphOnThread(query: Query = {}, signal?: AbortSignal): Promise<SerializedGraph> {
    return this.request(SerializedGraph, 'GET', '/graph', { query, signal });
  }
  search(query: Query, signal?: AbortSignal) {
    return this.request(SearchResponse, 'GET', '/entities', { query, signal });
  }
  entity(id: string, signal?: AbortSignal) {
    return this.request(EntityResponse, 'GET', `/entities/${encodeURIComponent(id)}`, { signal });
  }
  neighborhood(id: string, query: Query = {}, signal?: AbortSignal) {
    return this.request(SerializedGraph, 'GET', `/entities/${encodeURIComponent(id)}/neighborhood`, {
      query,
      signal,
    });
  }
  paths(query: Query, signal?: AbortSignal) {
    return this.request(PathsResponse, 'GET', '/paths', { query, signal });
  }

  gaps(query: Query = {}, signal?: AbortSignal) {
    return this.request(GapsResponse, 'GET', '/gaps', { query, signal });
  }
  indicators(query: Query = {}, signal?: AbortSignal) {
    return this.request(IndicatorsResponse, 'GET', '/indicators', { query, signal });
  }
  suggestions(query: Query = {}, signal?: AbortSignal) {
    return this.request(SuggestionsResponse, 'GET', '/suggestions', { query, signal });
  }

  scenarios(signal?: AbortSignal) {
    return this.request(ScenariosResponse, 'GET', '/scenarios', { signal });
  }
  scenario(id: string, signal?: AbortSignal) {
    return this.request(ScenarioSchema, 'GET', `/scenarios/${encodeURIComponent(id)}`, { signal });
  }
  deleteScenario(id: string, version: number) {
    return this.request(ScenarioDeleteResponse, 'DELETE', `/scenarios/${encodeURIComponent(id)}`, {
      query: { version },
    });
  }
  createScenario(body: {
    name: string;
    description?: string;
    owner?: string;
    changes: ScenarioChangeInput[];
  }) {
    return this.request(ScenarioSchema, 'POST', '/scenarios', { body });
  }
  updateScenario(
    id: string,
    body: {
      name: string;
      description: string;
      owner?: string | undefined;
      changes: ScenarioChangeInput[];
      version: number;
    },
  ) {
    return this.request(ScenarioSchema, 'PUT', `/scenarios/${encodeURIComponent(id)}`, { body });
  }
  evaluateScenario(id: string, signal?: AbortSignal) {
    return this.request(ScenarioEvaluation, 'GET', `/scenarios/${encodeURIComponent(id)}/evaluation`, {
      signal,
    });
  }
  applyScenario(id: string, version: number) {
    return this.request(ScenarioApplyResponse, 'POST', `/scenarios/${encodeURIComponent(id)}/apply`, {
      body: { version },
    });
  }

  views(signal?: AbortSignal) {
    return this.request(SavedViewsResponse, 'GET', '/views', { signal });
  }
  view(id: string, signal?: AbortSignal) {
    return this.request(SavedViewSchema, 'GET', `/views/${encodeURIComponent(id)}`, { signal });
  }
  createView(body: SavedViewCreateBody) {
    return this.request(SavedViewSchema, 'POST', '/views', { body });
  }
  updateView(id: string, body: SavedViewUpdateBody) {
    return this.request(SavedViewSchema, 'PUT', `/views/${encodeURIComponent(id)}`, { body });
  }
  deleteView(id: string, version: number) {
    return this.request(DeletedResponse, 'DELETE', `/views/${encodeURIComponent(id)}`, {
      query: { version },
    });
  }
  presentations(signal?: AbortSignal) {
    return this.request(PresentationsResponse, 'GET', '/presentations', { signal });
  }
  presentation(id: string, signal?: AbortSignal) {
    return this.request(PresentationSchema, 'GET', `/presentations/${encodeURIComponent(id)}`, { signal });
  }
  createPresentation(body: PresentationCreateBody) {
    return this.request(PresentationSchema, 'POST', '/presentations', { body });
  }
  updatePresentation(id: string, body: PresentationUpdateBody) {
    return this.request(PresentationSchema, 'PUT', `/presentations/${encodeURIComponent(id)}`, { body });
  }
  deletePresentation(id: string, version: number) {
    return this.request(DeletedResponse, 'DELETE', `/presentations/${encodeURIComponent(id)}`, {
      query: { version },
    });
  }

  /** A file of `GET /api/export`, with its name from the server's Content-Disposition. */
  async exportFile(query: Query): Promise<{ name: string; blob: Blob }> {
    const response = await this.raw('GET', `/export${queryString(query)}`, null);
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return {
      name: name ? decodeURIComponent(name) : `innograph.${String(query.format)}`,
      blob: await response.blob(),
    };
  }

  /**
   * `POST /api/import`: one file (json, gexf, graphml) or entities and relations (csv), with an
   * optional column mapping. The report comes back for a dry run, a commit, and a commit refused
   * because of issues (400 with a report).
   */
  async importFiles(
    query: { dryRun: boolean; format?: string | undefined; encoding: string },
    files: { file?: File; entities?: File; relations?: File },
    mapping: string | null,
  ): Promise<ImportReport> {
    const form = new FormData();
    if (mapping !== null && mapping.trim() !== '') form.append('mapping', mapping);
    if (files.file) form.append('file', files.file, files.file.name);
    if (files.entities) form.append('entities', files.entities, files.entities.name);
    if (files.relations) form.append('relations', files.relations, files.relations.name);
    const response = await this.raw('POST', `/import${queryString(query)}`, form, [400]);
    const body: unknown = await response.json();
    const report = ImportReport.safeParse(body);
    if (report.success) return report.data;
    throw await failure(new Response(JSON.stringify(body), { status: response.status }));
  }

  /** A request whose answer is not one JSON schema; statuses in `accept` are not failures. */
  private async raw(method: string, path: string, body: BodyInit | null, accept: number[] = []) {
    const headers: Record<string, string> = {};
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${this.base}/api${path}`, { method, headers, body });
    } catch {
      throw new ApiFailure('the API cannot be reached: is `npm start` running?', 0, 'unavailable');
    }
    if (!response.ok && !accept.includes(response.status)) throw await failure(response);
    return response;
  }

  createEntity(entity: Entity) {
    return this.request(EntityRecord, 'POST', '/entities', { body: entity });
  }
  updateEntity(entity: Entity, version: number) {
    return this.request(EntityRecord, 'PUT', `/entities/${encodeURIComponent(entity.id)}`, {
      body: { ...entity, version },
    });
  }
  deleteEntity(id: string, version: number, cascade: boolean) {
    return this.request(DeleteResponse, 'DELETE', `/entities/${encodeURIComponent(id)}`, {
      query: { version, cascade },
    });
  }
  createRelation(relation: Relation) {
    return this.request(RelationRecord, 'POST', '/relations', { body: relation });
  }
  updateRelation(relation: Relation, version: number) {
    return this.request(RelationRecord, 'PUT', `/relations/${encodeURIComponent(relation.id)}`, {
      body: { ...relation, version },
    });
  }
  deleteRelation(id: string, version: number) {
    return this.request(DeleteResponse, 'DELETE', `/relations/${encodeURIComponent(id)}`, {
      query: { version },
    });
  }
}
