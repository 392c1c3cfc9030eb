/**
 * The gap report a planner hands on: the network as drawn, the indicator shares overall and per
 * chain, the gap counts with the most severe cases and their reasons, the top suggested
 * relations and the SOE–private brokers. It covers the page; the print stylesheet prints only
 * it, and CSV downloads carry every gap, suggestion and share.
 */

import { GAP_NAMES } from '@innograph/analytics';
import {
  API_LIMITS,
  GAP_TYPE_NAMES,
  type GapItemRecord,
  type GapsResponse,
  type IndicatorsRecord,
  type Language,
  type ModelResponse,
  SHARE_NAME_LIST,
  type SuggestionRecord,
} from '@innograph/model';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api.js';
import { downloadText } from '../export/csv.js';
import { SHARE_LABELS, t } from '../i18n.js';
import { gapsCsv, indicatorsCsv, type Names, suggestionsCsv } from '../planning/reportCsv.js';
import { ErrorNote, nameOf, percent, Spinner } from './common.js';

/** Most severe gaps shown per type. */
const TOP_GAPS = 5;
const TOP_SUGGESTIONS = 15;
const TOP_BROKERS = 10;

export interface GapReportProps {
  api: ApiClient;
  model: ModelResponse;
  language: Language;
  /** The chain the filters show, or null for the whole ecosystem. */
  chain: string | null;
  names: Names;
  /** A PNG data URL of the network as drawn, or null when it cannot be drawn. */
  picture(): Promise<string | null>;
  onClose(): void;
}

interface ReportData {
  indicators: IndicatorsRecord;
  gaps: GapsResponse;
  top: Record<string, GapItemRecord[]>;
  suggestions: SuggestionRecord[];
  picture: string | null;
}

export function GapReport(props: GapReportProps) {
  const { api, model, language, chain, names } = props;
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const pictureRef = useRef(props.picture);
  const closeRef = useRef<HTMLButtonElement | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` retries.
  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setData(null);
    setError(null);
    const scope = chain === null ? {} : { chain };
    (async () => {
      const [indicators, gaps, suggestions, picture, ...tops] = await Promise.all([
        api.indicators(scope, signal),
        api.gaps({ ...scope, limit: 1 }, signal),
        api.suggestions({ ...scope, limit: TOP_SUGGESTIONS }, signal),
        pictureRef.current().catch(() => null),
        ...GAP_TYPE_NAMES.map((type) => api.gaps({ ...scope, type: [type], limit: TOP_GAPS }, signal)),
      ]);
      const top: Record<string, GapItemRecord[]> = {};
      GAP_TYPE_NAMES.forEach((type, i) => {
        top[type] = tops[i]?.items ?? [];
      });
      setData({ indicators, gaps, top, suggestions: suggestions.items, picture });
    })().catch((e: unknown) => {
      if (!signal.aborted) setError(e instanceof Error ? e.message : String(e));
    });
    return () => controller.abort();
  }, [api, chain, attempt]);

  useEffect(() => closeRef.current?.focus(), []);

  const download = async (what: 'gaps' | 'suggestions' | 'indicators') => {
    setDownloading(true);
    setError(null);
    try {
      const scope = chain === null ? {} : { chain };
      const suffix = chain === null ? '' : `-${chain}`;
      if (what === 'gaps') {
        const all = await api.gaps({ ...scope, limit: API_LIMITS.gaps.max });
        downloadText(`gaps${suffix}.csv`, gapsCsv(all.items, names));
      } else if (what === 'suggestions') {
        const all = await api.suggestions({ ...scope, limit: API_LIMITS.suggestions.max });
        downloadText(`suggestions${suffix}.csv`, suggestionsCsv(all.items, names));
      } else if (data) {
        downloadText(`indicators${suffix}.csv`, indicatorsCsv(data.indicators));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setDownloading(false);
    }
  };

  const name = (id: string) => names[language](id);
  const scopeName =
    chain === null
      ? t(language, 'wholeEcosystem')
      : (data?.indicators.chains.find((c) => c.chain === chain)?.name[language] ?? name(chain));

  return (
    <div
      className="report"
      role="dialog"
      aria-modal="true"
      aria-labelledby="report-title"
      data-testid="report"
    >
      <div className="report-actions no-print">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!data}>
          {t(language, 'print')}
        </button>
        <button
          type="button"
          onClick={() => void download('gaps')}
          disabled={downloading}
          data-testid="csv-gaps"
        >
          {t(language, 'downloadCsv')}: {t(language, 'gaps')}
        </button>
        <button
          type="button"
          onClick={() => void download('suggestions')}
          disabled={downloading}
          data-testid="csv-suggestions"
        >
          {t(language, 'downloadCsv')}: {t(language, 'suggestions')}
        </button>
        <button
          type="button"
          onClick={() => void download('indicators')}
          disabled={downloading || !data}
          data-testid="csv-indicators"
        >
          {t(language, 'downloadCsv')}: {t(language, 'indicators')}
        </button>
        <button type="button" ref={closeRef} onClick={props.onClose}>
          {t(language, 'close')}
        </button>
      </div>
      <article className="report-page">
        <header>
          <h1 id="report-title">{t(language, 'gapReport')}</h1>
          <p className="muted">
            {scopeName} · {new Date().toISOString().slice(0, 10)}
          </p>
        </header>
        {error ? (
          <ErrorNote language={language} message={error} onRetry={() => setAttempt((a) => a + 1)} />
        ) : null}
        {!data && !error ? <Spinner label={t(language, 'loading')} /> : null}
        {data ? (
          <>
            {data.picture ? (
              <figure className="report-picture">
                <img src={data.picture} alt={t(language, 'networkPicture')} data-testid="report-picture" />
                <figcaption className="muted">{t(language, 'networkPicture')}</figcaption>
              </figure>
            ) : null}
            <section>
              <h2>{t(language, 'indicators')}</h2>
              <table className="report-table" data-testid="report-indicators">
                <thead>
                  <tr>
                    <th />
                    <th>{t(language, 'wholeEcosystem')}</th>
                    {data.indicators.chains.map((c) => (
                      <th key={c.chain}>{c.name[language]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {SHARE_NAME_LIST.map((share) => {
                    const overall = data.indicators.overall.shares[share];
                    return (
                      <tr key={share}>
                        <th scope="row">{SHARE_LABELS[share][language]}</th>
                        <td>
                          {percent(overall?.value)}{' '}
                          <span className="muted">
                            ({overall?.numerator ?? 0}/{overall?.denominator ?? 0})
                          </span>
                        </td>
                        {data.indicators.chains.map((c) => (
                          <td key={c.chain}>{percent(c.shares[share]?.value)}</td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            <section>
              <h2>{t(language, 'gaps')}</h2>
              <table className="report-table" data-testid="report-gap-counts">
                <tbody>
                  {GAP_TYPE_NAMES.map((type) => (
                    <tr key={type}>
                      <th scope="row">{GAP_NAMES[type][language]}</th>
                      <td>{data.gaps.counts[type] ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {GAP_TYPE_NAMES.filter((type) => (data.top[type] ?? []).length > 0).map((type) => (
                <div key={type} className="report-gap-type">
                  <h3>
                    {GAP_NAMES[type][language]} · {data.gaps.counts[type] ?? 0}
                  </h3>
                  <ol>
                    {(data.top[type] ?? []).map((item) => (
                      <li key={item.entity}>
                        <strong>{name(item.entity)}</strong>{' '}
                        <span className="muted">
                          {t(language, 'severity')} {item.severity.toFixed(2)}
                        </span>
                        <br />
                        {item.reasons[language]}
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
            </section>
            <section>
              <h2>{t(language, 'suggestions')}</h2>
              <ol data-testid="report-suggestions">
                {data.suggestions.map((s) => (
                  <li key={`${s.type}-${s.from}-${s.to}`}>
                    {name(s.from)} —{nameOf(model, s.type, language)}→ {name(s.to)}{' '}
                    <span className="muted">
                      {s.score.toFixed(2)} · {GAP_NAMES[s.closes][language]}
                    </span>
                    <br />
                    <span className="muted">{s.factors.map((f) => f.note[language]).join('; ')}</span>
                  </li>
                ))}
              </ol>
            </section>
            {data.indicators.network ? (
              <section>
                <h2>{t(language, 'brokers')}</h2>
                <table className="report-table">
                  <thead>
                    <tr>
                      <th />
                      <th>{t(language, 'soePrivateBrokerage')}</th>
                      <th>{t(language, 'betweenness')}</th>
                      <th>{t(language, 'constraint')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.indicators.network.brokers.slice(0, TOP_BROKERS).map((b) => (
                      <tr key={b.node}>
                        <th scope="row">{b.name[language]}</th>
                        <td>{b.roles.soePrivate}</td>
                        <td>{b.betweenness.toFixed(3)}</td>
                        <td>{b.constraint === null ? '—' : b.constraint.toFixed(2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
          </>
        ) : null}
      </article>
    </div>
  );
}
