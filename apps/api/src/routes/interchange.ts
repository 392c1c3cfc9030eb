/**
 * Data interchange over HTTP (`@innograph/interchange` formats, `@innograph/store` importer and
 * exporter).
 *
 * - `GET /api/export?format=json|gexf|graphml|csv[&part=entities|relations][&<filters of /api/graph>]`
 *   answers the file as a download (streamed). Without filters it is the whole graph; with any of
 *   `kinds relations chain status from to limit` it is the subgraph `/api/graph` gives for them.
 *   CSV is two files: `part` picks one (required for csv).
 * - `POST /api/import?dryRun=true|false&format=&encoding=utf-8|gb18030` (editor token) takes
 *   `multipart/form-data`: an optional text field `mapping` (a `CsvMapping` as JSON) first, then
 *   the file part `file` (json, gexf, graphml) or the parts `entities` and `relations`, in that
 *   order (csv). CSV parts are imported as they arrive; the other formats are read whole. Each file
 *   may have up to `INTERCHANGE_LIMITS.uploadBytes`. A dry run is the default. The answer is an
 *   `ImportReport`: 200 for a dry run or a committed import, 400 when a commit was refused because
 *   of issues (nothing written). A request without a file is a 400 `ApiError`; a file over the
 *   limit, or an import larger than Neo4j can hold in one transaction, a 413.
 */
import { Readable } from 'node:stream';
import multipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import {
  csvFileItems,
  documentItems,
  exportChunks,
  formatOfFile,
  MEDIA_TYPES,
  readText,
  TextDecodingError,
} from '@innograph/interchange';
import {
  API_LIMITS,
  ApiError,
  CsvMapping,
  EXPORT_FILTERS,
  ExportQuery,
  type GraphQuery,
  type ImportItem,
  ImportQuery,
  ImportReport,
  INTERCHANGE_LIMITS,
  type InterchangeFormat,
  parseJsonText,
  type TextEncoding,
} from '@innograph/model';
import { exportEcosystem, exportSubgraph, ImportTooLargeError, importRecords } from '@innograph/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { actorOf, requireEditor } from '../auth.js';
import { HttpError } from '../errors.js';

/** Reads what is left of a file part, so that the request can finish. */
async function drain(file: Readable | undefined): Promise<void> {
  if (file === undefined || file.readableEnded || file.destroyed) return;
  file.resume();
  await new Promise<void>((resolve) => {
    file.once('end', resolve);
    file.once('error', () => resolve());
    file.once('close', resolve);
  });
}

/** A JSON, GEXF or GraphML upload as import items; text that is not in the encoding is an issue. */
async function documentOf(
  format: Exclude<InterchangeFormat, 'csv'>,
  part: MultipartFile,
  encoding: TextEncoding,
): Promise<ImportItem[]> {
  try {
    return documentItems(format, await readText(part.file, encoding), part.filename);
  } catch (error) {
    if (!(error instanceof TextDecodingError)) throw error;
    const issue = {
      file: part.filename,
      line: error.line,
      record: `line ${error.line}`,
      field: '',
      message: error.message,
    };
    return [{ type: 'issue', issue }];
  }
}

function tooLarge(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}

export function interchangeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { executor, config } = deps;
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: INTERCHANGE_LIMITS.uploadBytes, files: 2, fields: 1, parts: 3 },
    });

    app.get(
      '/export',
      {
        schema: {
          summary:
            'The whole graph, or the subgraph of /api/graph for the same filters, as JSON, GEXF, GraphML or CSV (one file per request: part=entities|relations)',
          querystring: ExportQuery,
          produces: Object.values(MEDIA_TYPES),
          // No response schema: the answer is a file, streamed as it is written (400 is an ApiError).
        },
      },
      async (request, reply) => {
        const { format, part, limit, ...filters } = request.query;
        if (format === 'csv' && part === undefined) {
          throw new HttpError(
            400,
            'bad_request',
            'the CSV export is two files: ask for part=entities or part=relations',
            [{ path: 'query.part', message: 'required for format=csv: entities or relations' }],
          );
        }
        const filtered = EXPORT_FILTERS.some((name) => request.query[name] !== undefined);
        const graphQuery: GraphQuery = { ...filters, limit: limit ?? API_LIMITS.graphNodes.default };
        const dataset = filtered
          ? await exportSubgraph(executor, graphQuery)
          : await exportEcosystem(executor);
        const name = format === 'csv' ? `innograph-${part}.csv` : `innograph.${format}`;
        return reply
          .header('content-type', MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('x-innograph-truncated', String(dataset.truncated))
          .send(Readable.from(exportChunks(format, dataset, part)));
      },
    );

    app.post(
      '/import',
      {
        schema: {
          summary:
            'Import a file (multipart: mapping?, then file, or entities and relations for CSV); a dry run unless dryRun=false',
          security: [{ bearer: [] }],
          consumes: ['multipart/form-data'],
          querystring: ImportQuery,
          response: {
            200: ImportReport,
            400: z.union([ImportReport, ApiError]),
            401: ApiError,
            403: ApiError,
            413: ApiError,
          },
        },
        preValidation: async (request) => requireEditor(config, request),
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new HttpError(
            400,
            'bad_request',
            'send the file as multipart/form-data (part "file", or "entities" and "relations")',
          );
        }
        const { dryRun, encoding } = request.query;
        const parts = request.parts()[Symbol.asyncIterator]();
        const open: Readable[] = [];
        let mapping: CsvMapping | undefined;
        let next = await parts.next();
        while (!next.done && next.value.type === 'field') {
          const field = next.value;
          if (field.fieldname !== 'mapping' || typeof field.value !== 'string') {
            throw new HttpError(
              400,
              'bad_request',
              `unexpected field '${field.fieldname}'; only 'mapping' (JSON text)`,
            );
          }
          const parsed = CsvMapping.safeParse(parseJsonText(field.value));
          if (!parsed.success) {
            throw new HttpError(
              400,
              'bad_request',
              'the mapping is not a CSV mapping',
              parsed.error.issues.map((issue) => ({
                path: ['body', 'mapping', ...issue.path.map(String)].join('.'),
                message: issue.message,
              })),
            );
          }
          mapping = parsed.data;
          next = await parts.next();
        }
        if (next.done || next.value.type !== 'file') {
          throw new HttpError(
            400,
            'bad_request',
            'no file: send the part "file", or "entities" then "relations" for CSV',
          );
        }
        const first: MultipartFile = next.value;
        open.push(first.file);
        const format: InterchangeFormat | undefined = request.query.format ?? formatOfFile(first.filename);
        if (format === undefined) {
          throw new HttpError(
            400,
            'bad_request',
            `cannot tell the format of '${first.filename}'; pass format=json|gexf|graphml|csv`,
            [{ path: 'query.format', message: 'required when the file name does not say it' }],
          );
        }
        const files = [first.filename];
        let items: AsyncIterable<ImportItem> | Iterable<ImportItem>;
        try {
          if (format === 'csv') {
            if (first.fieldname !== 'entities') {
              throw new HttpError(
                400,
                'bad_request',
                `the CSV import takes the part "entities" first, then "relations" (got "${first.fieldname}")`,
              );
            }
            items = (async function* () {
              yield* csvFileItems(
                'entities',
                { file: first.filename, chunks: first.file },
                { encoding, ...(mapping ? { mapping } : {}) },
              );
              await drain(first.file);
              const second = await parts.next();
              const part: Multipart | undefined = second.done ? undefined : second.value;
              if (part === undefined || part.type !== 'file' || part.fieldname !== 'relations') {
                yield {
                  type: 'issue',
                  issue: {
                    file: 'relations.csv',
                    line: null,
                    record: 'file',
                    field: '',
                    message: 'no relations file: send the part "relations" after "entities"',
                  },
                };
                return;
              }
              open.push(part.file);
              files.push(part.filename);
              yield* csvFileItems(
                'relations',
                { file: part.filename, chunks: part.file },
                { encoding, ...(mapping ? { mapping } : {}) },
              );
            })();
          } else {
            items = await documentOf(format, first, encoding);
          }
          const report = await importRecords(executor, items, {
            dryRun,
            actor: actorOf(request),
            format,
            files,
          });
          for (const file of open) await drain(file);
          for await (const rest of { [Symbol.asyncIterator]: () => parts }) {
            if (rest.type === 'file') await drain(rest.file);
          }
          return reply.status(report.committed || dryRun ? 200 : 400).send({ ...report, files });
        } catch (error) {
          if (tooLarge(error)) {
            throw new HttpError(
              413,
              'payload_too_large',
              `a file is larger than ${INTERCHANGE_LIMITS.uploadBytes} bytes`,
            );
          }
          if (error instanceof ImportTooLargeError)
            throw new HttpError(413, 'payload_too_large', error.message);
          throw error;
        }
      },
    );
  };
}
