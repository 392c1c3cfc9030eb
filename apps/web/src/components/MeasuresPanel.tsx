/** Node size by a measure, colour by kind or Louvain community, and the top entities. */
import { type ColorMode, type Language, SIZE_MEASURES, type SizeMeasure } from '@innograph/model';
import { useMemo } from 'react';
import type { Measures } from '../graph/measures.js';
import { topNodes } from '../graph/measures.js';
import { t } from '../i18n.js';
import { ErrorNote, Spinner } from './common.js';

export interface MeasuresPanelProps {
  language: Language;
  size: SizeMeasure;
  color: ColorMode;
  measures: Measures | null;
  busy: boolean;
  error: string | null;
  nameOfEntity(id: string): string;
  onSize(size: SizeMeasure): void;
  onColor(color: ColorMode): void;
  onNavigate(id: string): void;
  onRetry(): void;
}

export function MeasuresPanel(props: MeasuresPanelProps) {
  const { language, measures } = props;
  const shown: SizeMeasure = props.size === 'uniform' ? 'degree' : props.size;
  const top = useMemo(() => (measures ? topNodes(measures[shown], 8) : []), [measures, shown]);
  return (
    <div className="measures" data-testid="measures">
      <label>
        {t(language, 'sizeBy')}
        <select
          value={props.size}
          onChange={(e) => {
            const value = SIZE_MEASURES.find((m) => m === e.target.value);
            if (value) props.onSize(value);
          }}
          data-testid="size-by"
        >
          {SIZE_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(language, m)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="radio-row">
        <legend>{t(language, 'colorBy')}</legend>
        <label className="inline">
          <input type="radio" checked={props.color === 'kind'} onChange={() => props.onColor('kind')} />
          {t(language, 'byKind')}
        </label>
        <label className="inline">
          <input
            type="radio"
            checked={props.color === 'community'}
            onChange={() => props.onColor('community')}
            data-testid="color-community"
          />
          {t(language, 'byCommunity')}
        </label>
      </fieldset>
      {props.busy ? <Spinner label={t(language, 'computing')} /> : null}
      {props.error ? <ErrorNote language={language} message={props.error} onRetry={props.onRetry} /> : null}
      {measures ? (
        <>
          <p className="muted" data-testid="community-summary">
            {measures.communityCount} {t(language, 'communities')} · {t(language, 'modularity')}{' '}
            {measures.modularity.toFixed(3)}
            {measures.betweennessMode === 'sampled'
              ? ` · ${t(language, 'betweenness')} ${t(language, 'sampled')}`
              : ''}
          </p>
          <h4>
            {t(language, 'top')} · {t(language, shown)}
          </h4>
          <ol className="top-list">
            {top.map(([node, value]) => (
              <li key={node}>
                <button type="button" className="link-button" onClick={() => props.onNavigate(node)}>
                  {props.nameOfEntity(node)}
                </button>
                <span className="count">{shown === 'degree' ? value : value.toFixed(4)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
