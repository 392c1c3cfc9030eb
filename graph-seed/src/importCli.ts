/**
 * `npm run import -- FILE [FILE2] [--dry-run] [--format F] [--encoding utf-8|gb18030]
 * [--mapping MAPPING.json] [--actor NAME]`: checks a file against the model and the database and,
 * unless `--dry-run`, writes it in one transaction (all or nothing). CSV is two files: a folder
 * holding `entities.csv` and `relations.csv`, or the two files in that order. CSV is streamed.
 * Prints what was (or would be) created, updated and left unchanged, and every issue with its
 * file and line; exits 1 when there is any.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvItems, documentItems, formatOfFile, readText } from '@innograph/interchange';
import {
  CsvMapping,
  type ImportItem,
  type ImportReport,
  InterchangeFormat,
  parseJsonText,
  TextEncoding,
} from '@innograph/model';
import { neo4jConfig } from '@innograph/neo4j-local';
import {
  ensureSchema,
  ImportTooLargeError,
  importRecords,
  Neo4jExecutor,
  StoreAuthError,
  StoreUnavailableError,
} from '@innograph/store';

const USAGE =
  'usage: npm run import -- FILE|FOLDER [RELATIONS.csv] [--dry-run] [--format json|gexf|graphml|csv] [--encoding utf-8|gb18030] [--mapping MAPPING.json] [--actor NAME]';
const MAX_SHOWN = 50;

function fail(message: string, code = 1): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(code);
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    fail(`${path}: no such file or folder`);
  }
}

async function mappingFrom(path: string | undefined): Promise<CsvMapping | undefined> {
  if (path === undefined) return undefined;
  try {
    return CsvMapping.parse(parseJsonText(await readFile(path, 'utf8')));
  } catch (error) {
    fail(`${path}: not a column mapping: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function counts(label: string, c: ImportReport['entities']): string {
  return `  ${label.padEnd(10)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
}

function issueLine(issue: ImportReport['issues'][number]): string {
  const place = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return `  ${[place, issue.record, issue.field].filter((part) => part !== '').join(': ')}: ${issue.message}`;
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      options: {
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        encoding: { type: 'string' },
        mapping: { type: 'string' },
        actor: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  const [first, second, ...rest] = positionals;
  if (first === undefined || rest.length > 0) fail(USAGE, 2);
  const folder = await isFolder(first);
  const formatText = values.format ?? (folder ? 'csv' : formatOfFile(first));
  const format = InterchangeFormat.safeParse(formatText);
  if (!format.success) fail(`cannot tell the format of ${first}; pass --format json|gexf|graphml|csv`, 2);
  const encoding = TextEncoding.safeParse(values.encoding ?? 'utf-8');
  if (!encoding.success) fail(`--encoding must be utf-8 or gb18030\n${USAGE}`, 2);
  const mapping = await mappingFrom(values.mapping);

  let files: string[];
  let items: AsyncIterable<ImportItem> | Iterable<ImportItem>;
  if (format.data === 'csv') {
    const [entitiesFile, relationsFile] = folder
      ? [join(first, 'entities.csv'), join(first, 'relations.csv')]
      : [
          first,
          second ??
            fail(
              `CSV needs entities.csv and relations.csv: give a folder holding both, or both files\n${USAGE}`,
              2,
            ),
        ];
    for (const file of [entitiesFile, relationsFile]) if (await isFolder(file)) fail(`${file} is a folder`);
    files = [entitiesFile, relationsFile];
    items = csvItems(
      { file: basename(entitiesFile), chunks: createReadStream(entitiesFile) },
      { file: basename(relationsFile), chunks: createReadStream(relationsFile) },
      { encoding: encoding.data, ...(mapping === undefined ? {} : { mapping }) },
    );
  } else {
    if (second !== undefined) fail(`one ${format.data} file at a time\n${USAGE}`, 2);
    files = [first];
    let text: string;
    try {
      text = await readText(createReadStream(first), encoding.data);
    } catch (error) {
      fail(`${first}: ${error instanceof Error ? error.message : String(error)}`);
    }
    items = documentItems(format.data, text, basename(first));
  }

  const config = neo4jConfig();
  const executor = new Neo4jExecutor(config);
  try {
    await executor.verifyConnectivity();
    await ensureSchema(executor);
    const dryRun = values['dry-run'] ?? false;
    const report = await importRecords(executor, items, {
      dryRun,
      actor: values.actor ?? process.env.USER ?? 'import',
      format: format.data,
      files: files.map((file) => basename(file)),
    });
    const head = report.committed
      ? `Imported ${files.join(' + ')} into ${config.uri} in ${report.seconds} s (one transaction${report.changeId === null ? ', nothing changed' : `, change ${report.changeId}`}):`
      : dryRun && report.issueCount === 0
        ? `Dry run of ${files.join(' + ')} against ${config.uri} (${report.seconds} s); nothing was written. It would give:`
        : `${files.join(' + ')}: ${report.issueCount} issue(s); nothing was written. The records without issues would give:`;
    const lines = [head, counts('entities', report.entities), counts('relations', report.relations)];
    if (report.issueCount > 0) {
      lines.push(...report.issues.slice(0, MAX_SHOWN).map(issueLine));
      if (report.issueCount > MAX_SHOWN) lines.push(`  … and ${report.issueCount - MAX_SHOWN} more`);
    }
    (report.issueCount > 0 ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
    if (report.issueCount > 0) process.exitCode = 1;
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      fail(
        `cannot reach Neo4j at ${config.uri}: ${config.local ? 'run `npm run db:start` first, or set NEO4J_URI' : 'check NEO4J_URI and that the server is up'}`,
      );
    }
    if (error instanceof ImportTooLargeError) fail(error.message);
    if (error instanceof StoreAuthError)
      fail(`Neo4j at ${config.uri} refused user '${config.user}': check NEO4J_USER / NEO4J_PASSWORD`);
    throw error;
  } finally {
    await executor.close();
  }
}

await main();
