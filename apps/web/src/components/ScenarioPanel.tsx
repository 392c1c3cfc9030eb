/**
 * The planner's draft scenario: the relations taken from suggestions, gap counts and indicator
 * shares before and after (computed by the API in memory, nothing written), and Apply, which
 * writes the scenario in one transaction.
 */

import { GAP_NAMES } from '@innograph/analytics';
import {
  GAP_TYPE_NAMES,
  type Language,
  type ModelResponse,
  type Scenario,
  type ScenarioEvaluation,
  SHARE_NAME_LIST,
} from '@innograph/model';
import { t } from '../i18n.js';
import { ErrorNote, nameOf, Spinner } from './common.js';

export interface ScenarioPanelProps {
  model: ModelResponse;
  language: Language;
  scenario: Scenario;
  evaluation: ScenarioEvaluation | null;
  busy: boolean;
  error: string | null;
  editing: boolean;
  nameOfEntity(id: string): string;
  onApply(): void;
  onDiscard(): void;
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;

export function ScenarioPanel(props: ScenarioPanelProps) {
  const { model, language, scenario, evaluation } = props;
  return (
    <div className="scenario" data-testid="scenario">
      <p className="muted">
        {scenario.name} · {scenario.changes.length} {t(language, 'changes')}
        {scenario.status === 'applied' ? ` · ${t(language, 'applied')}` : ''}
      </p>
      <ol className="scenario-changes">
        {scenario.changes.map((change) =>
          change.op === 'addRelation' ? (
            <li key={change.relation.id}>
              {props.nameOfEntity(change.relation.from)} —{nameOf(model, change.relation.type, language)}→{' '}
              {props.nameOfEntity(change.relation.to)}
            </li>
          ) : (
            <li key={`${change.op}-${JSON.stringify(change)}`}>{change.op}</li>
          ),
        )}
      </ol>
      {props.error ? <ErrorNote language={language} message={props.error} /> : null}
      {props.busy ? <Spinner label={t(language, 'computing')} /> : null}
      {evaluation ? (
        <table className="before-after" data-testid="scenario-evaluation">
          <thead>
            <tr>
              <th />
              <th>{t(language, 'before')}</th>
              <th>{t(language, 'after')}</th>
            </tr>
          </thead>
          <tbody>
            {GAP_TYPE_NAMES.map((type) => {
              const before = evaluation.before.gapCounts[type] ?? 0;
              const after = evaluation.after.gapCounts[type] ?? 0;
              return (
                <tr key={type} className={after !== before ? 'moved' : ''} data-testid={`eval-gap-${type}`}>
                  <th scope="row">{GAP_NAMES[type][language]}</th>
                  <td>{before}</td>
                  <td>{after}</td>
                </tr>
              );
            })}
            {SHARE_NAME_LIST.map((name) => {
              const before = evaluation.before.indicators.overall.shares[name]?.value;
              const after = evaluation.after.indicators.overall.shares[name]?.value;
              return (
                <tr key={name} className={after !== before ? 'moved' : ''}>
                  <th scope="row">{name}</th>
                  <td>{percent(before)}</td>
                  <td>{percent(after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {props.editing && scenario.status === 'draft' ? (
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            onClick={props.onApply}
            disabled={props.busy}
            data-testid="apply-scenario"
          >
            {t(language, 'applyScenario')}
          </button>
          <button type="button" onClick={props.onDiscard}>
            {t(language, 'discard')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
