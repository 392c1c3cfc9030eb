/** Pick two entities, see the shortest paths between them highlighted and listed. */
import type { EntityRecord, Language, ModelResponse, PathsResponse } from '@innograph/model';
import { useState } from 'react';
import type { ApiClient } from '../api.js';
import { t } from '../i18n.js';
import { ErrorNote, nameOf } from './common.js';
import { SearchBox } from './SearchBox.js';

export interface PathFinderProps {
  api: ApiClient;
  model: ModelResponse;
  language: Language;
  from: string | null;
  to: string | null;
  result: PathsResponse | null;
  error: string | null;
  busy: boolean;
  nameOfEntity(id: string): string;
  relationType(id: string): string | null;
  onEnds(from: string | null, to: string | null): void;
  onFind(): void;
  onClear(): void;
  onNavigate(id: string): void;
}

export function PathFinder(props: PathFinderProps) {
  const { api, model, language, result } = props;
  const [pickKey, setPickKey] = useState(0);
  return (
    <div className="path-finder" data-testid="path-finder">
      <div className="path-end">
        <span className="field-label">{t(language, 'pathFrom')}</span>
        <span className="entity-ref" data-testid="path-from">
          {props.from ? props.nameOfEntity(props.from) : '—'}
        </span>
        <SearchBox
          key={`from-${pickKey}`}
          api={api}
          model={model}
          language={language}
          label={t(language, 'pathFrom')}
          testId="path-from-search"
          onPick={(e: EntityRecord) => props.onEnds(e.id, props.to)}
        />
      </div>
      <div className="path-end">
        <span className="field-label">{t(language, 'pathTo')}</span>
        <span className="entity-ref" data-testid="path-to">
          {props.to ? props.nameOfEntity(props.to) : '—'}
        </span>
        <SearchBox
          key={`to-${pickKey}`}
          api={api}
          model={model}
          language={language}
          label={t(language, 'pathTo')}
          testId="path-to-search"
          onPick={(e: EntityRecord) => props.onEnds(props.from, e.id)}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!props.from || !props.to || props.busy}
          onClick={props.onFind}
          data-testid="find-paths"
        >
          {t(language, 'findPaths')}
        </button>
        <button
          type="button"
          onClick={() => {
            setPickKey((k) => k + 1);
            props.onClear();
          }}
        >
          {t(language, 'clearPaths')}
        </button>
      </div>
      {props.error ? <ErrorNote language={language} message={props.error} onRetry={props.onFind} /> : null}
      {result ? (
        result.paths.length === 0 ? (
          <p className="muted" data-testid="path-result">
            {t(language, 'noPath')}
          </p>
        ) : (
          <ol className="path-list" data-testid="path-result">
            {result.paths.map((path) => (
              <li key={path.relations.join('|')}>
                <span className="muted">
                  {result.length} {t(language, 'pathLength')}:{' '}
                </span>
                {path.nodes.map((node, i) => {
                  const relation = path.relations[i];
                  const type = relation ? props.relationType(relation) : null;
                  return (
                    <span key={node}>
                      <button type="button" className="link-button" onClick={() => props.onNavigate(node)}>
                        {props.nameOfEntity(node)}
                      </button>
                      {relation ? (
                        <span className="path-step">
                          {' '}
                          —{type ? nameOf(model, type, language) : relation}→{' '}
                        </span>
                      ) : null}
                    </span>
                  );
                })}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </div>
  );
}
