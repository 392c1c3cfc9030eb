/**
 * The planner's panel: every gap type with its count and how severe its worst cases are;
 * choosing a type lights up its entities on the graph and lists them with reasons to read
 * aloud; the suggestions that would close it follow, with their scores and factors.
 */

import { GAP_NAMES } from '@innograph/analytics';
import {
  GAP_TYPE_NAMES,
  type GapItemRecord,
  type GapsResponse,
  type GapTypeName,
  type Language,
  type ModelResponse,
  type SuggestionRecord,
} from '@innograph/model';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api.js';
import { t } from '../i18n.js';
import { ErrorNote, nameOf, Spinner } from './common.js';

/** Which suggestions close which gap. */
const SUGGESTION_FOR: Partial<Record<GapTypeName, 'OPENS_TO' | 'PAIRED_WITH' | 'INVESTS_IN'>> = {
  access: 'OPENS_TO',
  closedPlatform: 'OPENS_TO',
  pairing: 'PAIRED_WITH',
  capital: 'INVESTS_IN',
};

/** Entities of a gap type lit up on the graph at most. */
const HIGHLIGHT_MAX = 2_000;

export interface GapsPanelProps {
  api: ApiClient;
  model: ModelResponse;
  language: Language;
  chain: string | null;
  nameOfEntity(id: string): string;
  onHighlight(ids: readonly string[] | null): void;
  onNavigate(id: string): void;
  /** Set in edit mode: takes a suggestion into the draft scenario as a planned relation. */
  onAddToScenario?: ((suggestion: SuggestionRecord) => void) | undefined;
  /** Opens the printable gap report. */
  onReport(): void;
}

function severityClass(severity: number): string {
  return severity >= 0.75 ? 'high' : severity >= 0.5 ? 'medium' : 'low';
}

export function GapsPanel(props: GapsPanelProps) {
  const { api, model, language, chain, onHighlight } = props;
  const [overview, setOverview] = useState<GapsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState<GapTypeName | null>(null);
  const [items, setItems] = useState<GapItemRecord[] | null>(null);
  const [suggestions, setSuggestions] = useState<SuggestionRecord[] | null>(null);
  const [shown, setShown] = useState(15);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` retries.
  useEffect(() => {
    const controller = new AbortController();
    setOverview(null);
    setError(null);
    api
      .gaps({ chain, limit: 200 }, controller.signal)
      .then(setOverview)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [api, chain, attempt]);

  useEffect(() => {
    if (chosen === null) {
      setItems(null);
      setSuggestions(null);
      onHighlight(null);
      return;
    }
    const controller = new AbortController();
    setItems(null);
    setSuggestions(null);
    setShown(15);
    api
      .gaps({ type: [chosen], chain, limit: HIGHLIGHT_MAX }, controller.signal)
      .then((response) => {
        setItems(response.items);
        onHighlight(response.items.map((item) => item.entity));
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    const type = SUGGESTION_FOR[chosen];
    if (type) {
      api
        .suggestions({ type, chain, limit: 10 }, controller.signal)
        .then((response) => setSuggestions(response.items.filter((s) => s.closes === chosen)))
        .catch(() => setSuggestions([]));
    }
    return () => controller.abort();
  }, [api, chain, chosen, onHighlight]);

  if (error)
    return <ErrorNote language={language} message={error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (!overview) return <Spinner label={t(language, 'loading')} />;

  const worst = (type: GapTypeName) =>
    overview.items
      .filter((item) => item.type === type)
      .reduce((max, item) => Math.max(max, item.severity), 0);

  return (
    <div className="gaps" data-testid="gaps">
      <button type="button" className="report-button" onClick={props.onReport} data-testid="open-report">
        {t(language, 'openReport')}
      </button>
      <ul className="gap-types">
        {GAP_TYPE_NAMES.map((type) => {
          const count = overview.counts[type] ?? 0;
          const severity = worst(type);
          return (
            <li key={type}>
              <button
                type="button"
                className={`gap-type${chosen === type ? ' chosen' : ''}`}
                aria-pressed={chosen === type}
                disabled={count === 0}
                onClick={() => setChosen(chosen === type ? null : type)}
                data-testid={`gap-${type}`}
              >
                <span className="gap-name">{GAP_NAMES[type][language]}</span>
                <span className="count">{count}</span>
                <span
                  className={`severity ${severityClass(severity)}`}
                  role="img"
                  aria-label={`${t(language, 'severity')} ${severity.toFixed(2)}`}
                  style={{ width: `${Math.round(severity * 48)}px` }}
                />
              </button>
            </li>
          );
        })}
      </ul>
      {chosen && !items ? <Spinner label={t(language, 'loading')} /> : null}
      {chosen && items ? (
        <>
          <h4>
            {GAP_NAMES[chosen][language]} · {overview.counts[chosen] ?? items.length}
          </h4>
          <ol className="gap-items" data-testid="gap-items">
            {items.slice(0, shown).map((item) => (
              <li key={`${item.type}-${item.entity}`}>
                <button type="button" className="link-button" onClick={() => props.onNavigate(item.entity)}>
                  {props.nameOfEntity(item.entity)}
                </button>
                <span className={`severity-badge ${severityClass(item.severity)}`}>
                  {item.severity.toFixed(2)}
                </span>
                <p className="reason">{item.reasons[language]}</p>
              </li>
            ))}
          </ol>
          {items.length > shown ? (
            <button type="button" className="link-button" onClick={() => setShown((n) => n + 30)}>
              {t(language, 'showMore')} ({items.length - shown})
            </button>
          ) : null}
          {suggestions && suggestions.length > 0 ? (
            <>
              <h4>{t(language, 'suggestions')}</h4>
              <ol className="suggestion-items" data-testid="suggestion-items">
                {suggestions.map((s) => (
                  <li key={`${s.type}-${s.from}-${s.to}`}>
                    <span>
                      <button type="button" className="link-button" onClick={() => props.onNavigate(s.from)}>
                        {props.nameOfEntity(s.from)}
                      </button>{' '}
                      —{nameOf(model, s.type, language)}→{' '}
                      <button type="button" className="link-button" onClick={() => props.onNavigate(s.to)}>
                        {props.nameOfEntity(s.to)}
                      </button>
                    </span>
                    <span className="severity-badge">{s.score.toFixed(2)}</span>
                    {props.onAddToScenario ? (
                      <button
                        type="button"
                        className="small-button"
                        onClick={() => props.onAddToScenario?.(s)}
                        data-testid="add-to-scenario"
                      >
                        + {t(language, 'addToScenario')}
                      </button>
                    ) : null}
                    <ul className="factors">
                      {s.factors.map((f) => (
                        <li key={f.name}>
                          {f.note[language]}{' '}
                          <span className="muted">({(f.value * f.weight).toFixed(2)})</span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
