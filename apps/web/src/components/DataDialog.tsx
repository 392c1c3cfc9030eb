/**
 * Data in and out. Export: the whole graph or what the view's filters select, as GEXF (Gephi),
 * GraphML, the seed's JSON or two CSV files. Import (edit mode): a file of the same formats, or a
 * spreadsheet saved as entities.csv and relations.csv (Chinese or English headers, UTF-8 or
 * GB18030, an optional column mapping); a dry run first shows what would be created, updated and
 * left unchanged and every issue with its file and line, then Import commits it all or nothing.
 */
import {
  type ImportReport,
  INTERCHANGE_FORMATS,
  type InterchangeFormat,
  type Language,
  TEXT_ENCODINGS,
  type ViewFilters,
} from '@innograph/model';
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api.js';
import { downloadBlob } from '../export/csv.js';
import { t } from '../i18n.js';
import { ErrorNote, Spinner } from './common.js';

export interface DataDialogProps {
  api: ApiClient;
  language: Language;
  editing: boolean;
  filters: ViewFilters;
  /** Every entity kind, relation kind and status, to turn the view's hidden lists into the
   *  export's kept lists. */
  kinds: readonly string[];
  relations: readonly string[];
  statuses: readonly string[];
  /** The last import's report: kept by the app, since a committed import reloads the graph. */
  report: ImportReport | null;
  onReport(report: ImportReport | null): void;
  onImported(report: ImportReport): void;
  onClose(): void;
}

const FORMAT_NAMES: Record<InterchangeFormat, string> = {
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
  json: 'JSON',
  csv: 'CSV (entities.csv + relations.csv)',
};

/** The export's query for the view's filters: every filter of the explorer has its `/api/graph`
 *  parameter. */
export function viewExportQuery(
  filters: ViewFilters,
  all: { kinds: readonly string[]; relations: readonly string[]; statuses: readonly string[] },
): Record<string, string | number | readonly string[]> {
  const keep = (every: readonly string[], hidden: readonly string[]) =>
    hidden.length === 0 ? undefined : every.filter((value) => !hidden.includes(value));
  const query: Record<string, string | number | readonly string[] | undefined> = {
    kinds: keep(all.kinds, filters.hiddenKinds),
    relations: keep(all.relations, filters.hiddenRelations),
    status: keep(all.statuses, filters.hiddenStatuses),
    chain: filters.chain ?? undefined,
    park: filters.park ?? undefined,
    ownership: filters.ownership ?? undefined,
    stage: filters.stage ?? undefined,
    from: filters.date ?? undefined,
    to: filters.date ?? undefined,
    limit: 50_000,
  };
  const kept: Record<string, string | number | readonly string[]> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) kept[key] = value;
  return kept;
}

function Counts(props: { language: Language; label: string; counts: ImportReport['entities'] }) {
  const { counts } = props;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{counts.created}</td>
      <td>{counts.updated}</td>
      <td>{counts.unchanged}</td>
    </tr>
  );
}

export function DataDialog(props: DataDialogProps) {
  const { api, language, editing } = props;
  const [format, setFormat] = useState<InterchangeFormat>('gexf');
  const [scope, setScope] = useState<'all' | 'view'>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importFormat, setImportFormat] = useState<'file' | 'csv'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [entities, setEntities] = useState<File | null>(null);
  const [relations, setRelations] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string>('utf-8');
  const [mapping, setMapping] = useState('');
  const { report, onReport: setReport } = props;
  const closeRef = useRef<HTMLButtonElement | null>(null);
  const ids = {
    format: useId(),
    file: useId(),
    entities: useId(),
    relations: useId(),
    encoding: useId(),
    mapping: useId(),
  };

  useEffect(() => closeRef.current?.focus(), []);
  /** A new choice of files or options needs a new dry run before anything can be committed. */
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setReport(null);
    };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const exportData = () =>
    run(async () => {
      const filters = scope === 'view' ? viewExportQuery(props.filters, props) : {};
      const parts = format === 'csv' ? (['entities', 'relations'] as const) : [undefined];
      for (const part of parts) {
        const { name, blob } = await api.exportFile({ format, ...filters, ...(part ? { part } : {}) });
        downloadBlob(name, blob);
      }
    });

  const ready = importFormat === 'file' ? file !== null : entities !== null && relations !== null;
  const importData = (dryRun: boolean) =>
    run(async () => {
      const files =
        importFormat === 'file'
          ? { file: file ?? undefined }
          : { entities: entities ?? undefined, relations: relations ?? undefined };
      const result = await api.importFiles(
        { dryRun, encoding, format: importFormat === 'csv' ? 'csv' : undefined },
        files,
        importFormat === 'csv' ? mapping : null,
      );
      setReport(result);
      if (result.committed) props.onImported(result);
    });

  const pick = (set: (file: File | null) => void) => (event: React.ChangeEvent<HTMLInputElement>) =>
    changed(set)(event.target.files?.[0] ?? null);

  return (
    <div
      className="report data-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="data-title"
      data-testid="data-dialog"
    >
      <article className="report-page">
        <header className="dialog-head">
          <h1 id="data-title">{t(language, 'dataTitle')}</h1>
          <button type="button" ref={closeRef} onClick={props.onClose} data-testid="close-data">
            {t(language, 'close')}
          </button>
        </header>
        <section>
          <h2>{t(language, 'exportData')}</h2>
          <div className="form-grid">
            <label htmlFor={ids.format}>{t(language, 'format')}</label>
            <select
              id={ids.format}
              value={format}
              onChange={(e) => setFormat(INTERCHANGE_FORMATS.find((f) => f === e.target.value) ?? 'gexf')}
              data-testid="export-format"
            >
              {INTERCHANGE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_NAMES[f]}
                </option>
              ))}
            </select>
            <span>{t(language, 'scope')}</span>
            <div>
              <label className="choice">
                <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
                {t(language, 'wholeGraph')}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="scope"
                  checked={scope === 'view'}
                  onChange={() => setScope('view')}
                  data-testid="export-scope-view"
                />
                {t(language, 'filteredGraph')}
              </label>
            </div>
          </div>
          <p className="muted">{t(language, 'exportScopeHelp')}</p>
          <button
            type="button"
            className="primary"
            onClick={() => void exportData()}
            disabled={busy}
            data-testid="export-data"
          >
            {t(language, 'download')}
          </button>
        </section>
        {editing ? (
          <section>
            <h2>{t(language, 'importData')}</h2>
            <div className="form-grid">
              <span>{t(language, 'format')}</span>
              <div>
                <label className="choice">
                  <input
                    type="radio"
                    name="import"
                    checked={importFormat === 'file'}
                    onChange={() => changed(setImportFormat)('file')}
                  />
                  GEXF / GraphML / JSON
                </label>
                <label className="choice">
                  <input
                    type="radio"
                    name="import"
                    checked={importFormat === 'csv'}
                    onChange={() => changed(setImportFormat)('csv')}
                    data-testid="import-csv"
                  />
                  CSV
                </label>
              </div>
              {importFormat === 'file' ? (
                <>
                  <label htmlFor={ids.file}>{t(language, 'file')}</label>
                  <input
                    id={ids.file}
                    type="file"
                    accept=".gexf,.graphml,.json,.xml"
                    onChange={pick(setFile)}
                    data-testid="import-file"
                  />
                </>
              ) : (
                <>
                  <label htmlFor={ids.entities}>entities.csv</label>
                  <input
                    id={ids.entities}
                    type="file"
                    accept=".csv,text/csv"
                    onChange={pick(setEntities)}
                    data-testid="import-entities"
                  />
                  <label htmlFor={ids.relations}>relations.csv</label>
                  <input
                    id={ids.relations}
                    type="file"
                    accept=".csv,text/csv"
                    onChange={pick(setRelations)}
                    data-testid="import-relations"
                  />
                  <label htmlFor={ids.encoding}>{t(language, 'encoding')}</label>
                  <select
                    id={ids.encoding}
                    value={encoding}
                    onChange={(e) => changed(setEncoding)(e.target.value)}
                    data-testid="import-encoding"
                  >
                    {TEXT_ENCODINGS.map((value) => (
                      <option key={value} value={value}>
                        {value === 'gb18030' ? 'GB18030 / GBK (Excel 中文)' : 'UTF-8'}
                      </option>
                    ))}
                  </select>
                  <label htmlFor={ids.mapping}>{t(language, 'mapping')}</label>
                  <textarea
                    id={ids.mapping}
                    rows={4}
                    value={mapping}
                    placeholder={
                      '{ "entities": { "columns": { "企业全称": "nameZh" }, "kinds": { "民企": "PrivateFirm" } } }'
                    }
                    onChange={(e) => changed(setMapping)(e.target.value)}
                  />
                </>
              )}
            </div>
            <p className="muted">{t(language, 'importHelp')}</p>
            <div className="form-actions">
              <button
                type="button"
                onClick={() => void importData(true)}
                disabled={busy || !ready}
                data-testid="dry-run"
              >
                {t(language, 'dryRun')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void importData(false)}
                disabled={busy || !report || !report.dryRun || report.issueCount > 0}
                data-testid="commit-import"
              >
                {t(language, 'commitImport')}
              </button>
            </div>
          </section>
        ) : null}
        {busy ? <Spinner label={t(language, 'working')} /> : null}
        {error ? <ErrorNote language={language} message={error} /> : null}
        {report ? (
          <section data-testid="import-report">
            <h2>
              {report.committed
                ? t(language, 'imported')
                : report.dryRun
                  ? t(language, 'dryRunResult')
                  : t(language, 'importRefused')}
            </h2>
            <table className="report-table">
              <thead>
                <tr>
                  <th />
                  <th>{t(language, 'created')}</th>
                  <th>{t(language, 'updated')}</th>
                  <th>{t(language, 'unchanged')}</th>
                </tr>
              </thead>
              <tbody>
                <Counts language={language} label={t(language, 'entities')} counts={report.entities} />
                <Counts language={language} label={t(language, 'edges')} counts={report.relations} />
              </tbody>
            </table>
            {report.issueCount > 0 ? (
              <>
                <h3 data-testid="import-issue-count">
                  {t(language, 'issues')}: {report.issueCount}
                </h3>
                <table className="report-table" data-testid="import-issues">
                  <thead>
                    <tr>
                      <th>{t(language, 'file')}</th>
                      <th>{t(language, 'line')}</th>
                      <th>{t(language, 'field')}</th>
                      <th>{t(language, 'problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.issues.map((issue, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; the order is the file's.
                      <tr key={index}>
                        <td>{issue.file}</td>
                        <td>{issue.line ?? '—'}</td>
                        <td>{issue.field || issue.record}</td>
                        <td>{issue.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </section>
        ) : null}
      </article>
    </div>
  );
}
