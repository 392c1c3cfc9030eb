/** The side panel of the selected entity: attributes and relations grouped by kind, each a link. */
import {
  type EntityResponse,
  type Language,
  type ModelResponse,
  RELATION_KIND_NAMES,
  type RelationView,
} from '@innograph/model';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api.js';
import { KIND_COLORS, RELATION_STYLES } from '../graph/style.js';
import { t } from '../i18n.js';
import { ErrorNote, nameOf, Spinner } from './common.js';
import { LineSwatch } from './FiltersPanel.js';

export interface EntityPanelProps {
  api: ApiClient;
  model: ModelResponse;
  language: Language;
  id: string;
  /** Bumped after an edit so the panel reloads. */
  revision: number;
  editing: boolean;
  onNavigate(id: string): void;
  onExpand(id: string): void;
  /** Whether the entity is picked out for the audience. */
  highlighted: boolean;
  onToggleHighlight(id: string): void;
  onClose(): void;
  onEdit(entity: EntityResponse): void;
  onDelete(entity: EntityResponse): void;
  onNewRelation(entity: EntityResponse): void;
  onEditRelation(view: RelationView, entity: EntityResponse): void;
}

function display(value: unknown, model: ModelResponse, language: Language): string {
  if (Array.isArray(value)) return value.map((v) => display(v, model, language)).join('、');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string') return nameOf(model, value, language);
  return String(value);
}

export function EntityPanel(props: EntityPanelProps) {
  const { api, model, language, id } = props;
  const [data, setData] = useState<EntityResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` and `attempt` are reload triggers.
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api
      .entity(id, controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setData(null);
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [api, id, props.revision, attempt]);

  const entity = data?.entity.id === id ? data : null;
  return (
    <aside
      className="entity-panel"
      aria-label={entity ? entity.entity.name[language] : id}
      data-testid="entity-panel"
    >
      <div className="panel-head">
        {entity ? (
          <span className="kind-badge" style={{ background: KIND_COLORS[entity.entity.kind] }}>
            {nameOf(model, entity.entity.kind, language)}
          </span>
        ) : null}
        <button
          type="button"
          className="icon-button"
          onClick={props.onClose}
          aria-label={t(language, 'close')}
        >
          ×
        </button>
      </div>
      {error ? (
        <ErrorNote language={language} message={error} onRetry={() => setAttempt((a) => a + 1)} />
      ) : null}
      {!entity && !error ? <Spinner label={t(language, 'loading')} /> : null}
      {entity ? (
        <>
          <h2 data-testid="entity-name">{entity.entity.name[language]}</h2>
          <p className="other-name">{entity.entity.name[language === 'zh' ? 'en' : 'zh']}</p>
          {entity.entity.description ? <p className="description">{entity.entity.description}</p> : null}
          <div className="panel-actions">
            <button type="button" onClick={() => props.onExpand(id)}>
              {t(language, 'expand')}
            </button>
            <button
              type="button"
              aria-pressed={props.highlighted}
              onClick={() => props.onToggleHighlight(id)}
              data-testid="toggle-highlight"
            >
              {props.highlighted ? t(language, 'unhighlight') : `★ ${t(language, 'highlight')}`}
            </button>
            {props.editing ? (
              <>
                <button type="button" onClick={() => props.onEdit(entity)} data-testid="edit-entity">
                  {t(language, 'edit')}
                </button>
                <button type="button" onClick={() => props.onNewRelation(entity)}>
                  {t(language, 'newRelation')}
                </button>
                <button type="button" className="danger" onClick={() => props.onDelete(entity)}>
                  {t(language, 'delete')}
                </button>
              </>
            ) : null}
          </div>
          <h3>{t(language, 'attributes')}</h3>
          <dl className="attributes">
            <dt>{t(language, 'id')}</dt>
            <dd>{entity.entity.id}</dd>
            {Object.entries(entity.entity.attributes).map(([name, value]) =>
              (Array.isArray(value) && value.length === 0) || value === undefined ? null : (
                <div key={name} className="attribute">
                  <dt>{name}</dt>
                  <dd>{display(value, model, language)}</dd>
                </div>
              ),
            )}
            <dt>version</dt>
            <dd>{entity.entity.version}</dd>
          </dl>
          <h3>{t(language, 'relations')}</h3>
          {RELATION_KIND_NAMES.map((type) => {
            const views = entity.relations[type] ?? [];
            if (views.length === 0) return null;
            const total = entity.relationCounts[type] ?? views.length;
            return (
              <section key={type} className="relation-group">
                <h4>
                  <LineSwatch color={RELATION_STYLES[type].color} arrow={RELATION_STYLES[type].arrow} />
                  {nameOf(model, type, language)} <span className="count">{total}</span>
                  {total > views.length ? <span className="muted"> {t(language, 'truncated')}</span> : null}
                </h4>
                <ul>
                  {views.map((view) => (
                    <li key={view.relation.id} className={`relation status-${view.relation.status}`}>
                      <span className="direction" aria-hidden="true">
                        {view.direction === 'outgoing' ? '→' : '←'}
                      </span>
                      <span className="relation-main">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => props.onNavigate(view.other.id)}
                        >
                          {view.other.name[language]}
                        </button>
                        <span className="muted">
                          {' '}
                          {view.relation.since}
                          {view.relation.until ? ` – ${view.relation.until}` : ''}
                          {view.relation.status !== 'active'
                            ? ` · ${nameOf(model, view.relation.status, language)}`
                            : ''}
                        </span>
                      </span>
                      {props.editing ? (
                        <button
                          type="button"
                          className="icon-button small"
                          aria-label={`${t(language, 'edit')} ${view.relation.id}`}
                          onClick={() => props.onEditRelation(view, entity)}
                        >
                          ✎
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      ) : null}
    </aside>
  );
}
