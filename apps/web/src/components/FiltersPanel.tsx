/**
 * Filters with counts, which double as the legend: every kind with its colour, every relation
 * kind with its line, every status with its pattern; chain, park, ownership and stage choices;
 * and a time slider that replays how the network grew.
 */
import {
  ENTITY_KIND_NAMES,
  FIRM_STAGES,
  type Language,
  type ModelResponse,
  OWNERSHIPS,
  RELATION_KIND_NAMES,
  RELATION_STATUSES,
  type ViewFilters,
} from '@innograph/model';
import { useEffect, useState } from 'react';
import type { FacetCounts } from '../graph/filters.js';
import { ENDED_EDGE, KIND_COLORS, RELATION_STYLES } from '../graph/style.js';
import { t } from '../i18n.js';
import { nameOf, Section } from './common.js';

export interface FiltersPanelProps {
  model: ModelResponse;
  language: Language;
  filters: ViewFilters;
  counts: FacetCounts;
  /** Chains and parks in the graph: id → display names. */
  chains: Array<{ id: string; name: string }>;
  parks: Array<{ id: string; name: string }>;
  dates: string[];
  onChange(filters: ViewFilters): void;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function LineSwatch(props: { color: string; dashed?: boolean; width?: number; arrow?: boolean }) {
  return (
    <svg className="line-swatch" width="28" height="10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2={props.arrow ? 21 : 27}
        y2="5"
        stroke={props.color}
        strokeWidth={Math.max(1.2, props.width ?? 2)}
        strokeDasharray={props.dashed ? '4 3' : undefined}
      />
      {props.arrow ? <polygon points="20,1 27,5 20,9" fill={props.color} /> : null}
    </svg>
  );
}

export function FiltersPanel(props: FiltersPanelProps) {
  const { model, language, filters, counts, onChange } = props;
  const set = (patch: Partial<ViewFilters>) => onChange({ ...filters, ...patch });
  const [playing, setPlaying] = useState(false);
  const dateIndex =
    filters.date === null ? props.dates.length : Math.max(0, props.dates.indexOf(filters.date));

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const next = filters.date === null ? 0 : props.dates.indexOf(filters.date) + 1;
      if (next >= props.dates.length) {
        setPlaying(false);
        onChange({ ...filters, date: null });
      } else onChange({ ...filters, date: props.dates[next] ?? null });
    }, 120);
    return () => window.clearInterval(timer);
  }, [playing, filters, props.dates, onChange]);

  const count = (n: number | undefined) => <span className="count">{n ?? 0}</span>;

  return (
    <div className="filters" data-testid="filters">
      <Section title={t(language, 'entityKinds')}>
        <ul className="checklist">
          {ENTITY_KIND_NAMES.map((kind) => (
            <li key={kind}>
              <label>
                <input
                  type="checkbox"
                  checked={!filters.hiddenKinds.includes(kind)}
                  onChange={() => set({ hiddenKinds: toggle(filters.hiddenKinds, kind) })}
                  data-testid={`kind-${kind}`}
                />
                <span className="swatch" style={{ background: KIND_COLORS[kind] }} aria-hidden="true" />
                <span className="item-name">{nameOf(model, kind, language)}</span>
                {count(counts.kinds[kind])}
              </label>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t(language, 'relationKinds')}>
        <ul className="checklist">
          {RELATION_KIND_NAMES.map((type) => (
            <li key={type}>
              <label>
                <input
                  type="checkbox"
                  checked={!filters.hiddenRelations.includes(type)}
                  onChange={() => set({ hiddenRelations: toggle(filters.hiddenRelations, type) })}
                  data-testid={`relation-${type}`}
                />
                <LineSwatch
                  color={RELATION_STYLES[type].color}
                  width={RELATION_STYLES[type].size}
                  arrow={RELATION_STYLES[type].arrow}
                />
                <span className="item-name">{nameOf(model, type, language)}</span>
                {count(counts.relations[type])}
              </label>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t(language, 'statuses')}>
        <ul className="checklist">
          {RELATION_STATUSES.map((status) => (
            <li key={status}>
              <label>
                <input
                  type="checkbox"
                  checked={!filters.hiddenStatuses.includes(status)}
                  onChange={() => set({ hiddenStatuses: toggle(filters.hiddenStatuses, status) })}
                  data-testid={`status-${status}`}
                />
                <LineSwatch
                  color={status === 'ended' ? ENDED_EDGE : '#555'}
                  dashed={status === 'planned'}
                  width={1.6}
                />
                <span className="item-name">{nameOf(model, status, language)}</span>
                {count(counts.statuses[status])}
              </label>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={`${t(language, 'chain')} · ${t(language, 'park')} · ${t(language, 'ownership')}`}>
        <div className="selects">
          <label>
            {t(language, 'chain')}
            <select
              value={filters.chain ?? ''}
              onChange={(e) => set({ chain: e.target.value === '' ? null : e.target.value })}
              data-testid="filter-chain"
            >
              <option value="">{t(language, 'all')}</option>
              {props.chains.map((chain) => (
                <option key={chain.id} value={chain.id}>
                  {chain.name} ({counts.chains[chain.id] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(language, 'park')}
            <select
              value={filters.park ?? ''}
              onChange={(e) => set({ park: e.target.value === '' ? null : e.target.value })}
              data-testid="filter-park"
            >
              <option value="">{t(language, 'all')}</option>
              {props.parks.map((park) => (
                <option key={park.id} value={park.id}>
                  {park.name} ({counts.parks[park.id] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(language, 'ownership')}
            <select
              value={filters.ownership ?? ''}
              onChange={(e) => {
                const value = OWNERSHIPS.find((o) => o === e.target.value);
                set({ ownership: value ?? null });
              }}
              data-testid="filter-ownership"
            >
              <option value="">{t(language, 'all')}</option>
              {OWNERSHIPS.map((o) => (
                <option key={o} value={o}>
                  {nameOf(model, o, language)} ({counts.ownership[o] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(language, 'stage')}
            <select
              value={filters.stage ?? ''}
              onChange={(e) => {
                const value = FIRM_STAGES.find((s) => s === e.target.value);
                set({ stage: value ?? null });
              }}
              data-testid="filter-stage"
            >
              <option value="">{t(language, 'all')}</option>
              {FIRM_STAGES.map((s) => (
                <option key={s} value={s}>
                  {nameOf(model, s, language)} ({counts.stage[s] ?? 0})
                </option>
              ))}
            </select>
          </label>
        </div>
      </Section>
      <Section title={t(language, 'timeline')}>
        <div className="timeline">
          <input
            type="range"
            min={0}
            max={props.dates.length}
            value={dateIndex}
            aria-label={t(language, 'timeline')}
            aria-valuetext={filters.date ?? t(language, 'timelineAll')}
            onChange={(e) => {
              const index = Number(e.target.value);
              set({ date: index >= props.dates.length ? null : (props.dates[index] ?? null) });
            }}
            data-testid="timeline"
          />
          <div className="timeline-row">
            <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
              {playing ? t(language, 'pause') : t(language, 'play')}
            </button>
            <span className="timeline-date">{filters.date ?? t(language, 'timelineAll')}</span>
          </div>
        </div>
      </Section>
      <button
        type="button"
        className="link-button"
        onClick={() =>
          onChange({
            hiddenKinds: [],
            hiddenRelations: [],
            hiddenStatuses: [],
            chain: null,
            park: null,
            ownership: null,
            stage: null,
            date: null,
          })
        }
      >
        {t(language, 'clearFilters')}
      </button>
    </div>
  );
}
