/**
 * The planner's scenario: stored scenarios to reopen, the proposed changes with their owners
 * and statuses (each can be removed), gap counts and indicator shares before and after
 * (computed by the API in memory, nothing written), and Apply, which writes the scenario in one
 * transaction.
 */

import { GAP_NAMES } from '@innograph/analytics';
import {
  GAP_TYPE_NAMES,
  type Language,
  type ModelResponse,
  RELATION_STATUSES,
  type ScenarioChange,
  SHARE_NAME_LIST,
} from '@innograph/model';
import { useEffect, useState } from 'react';
import { SHARE_LABELS, t } from '../i18n.js';
import type { ScenarioController } from '../planning/useScenario.js';
import { ErrorNote, nameOf, percent, Spinner } from './common.js';

export interface ScenarioPanelProps {
  model: ModelResponse;
  language: Language;
  controller: ScenarioController;
  editing: boolean;
  nameOfEntity(id: string): string;
}

/** A text field saved when it loses focus or on Enter, not on every keystroke. */
function CommitField(props: {
  label: string;
  value: string;
  disabled: boolean;
  testId?: string;
  onCommit(value: string): void;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text !== props.value) props.onCommit(text);
  };
  return (
    <label className="commit-field">
      <span>{props.label}</span>
      <input
        value={text}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

function describeChange(
  change: ScenarioChange,
  model: ModelResponse,
  language: Language,
  name: (id: string) => string,
): string {
  switch (change.op) {
    case 'addRelation':
      return `${name(change.relation.from)} —${nameOf(model, change.relation.type, language)}→ ${name(change.relation.to)}`;
    case 'removeRelation':
      return `${t(language, 'removeRelation')} ${change.id}`;
    case 'setRelationStatus':
      return `${change.id}: ${nameOf(model, change.status, language)}`;
    case 'setOpenness':
      return `${name(change.entity)}: ${nameOf(model, change.openness, language)}`;
  }
}

export function ScenarioPanel(props: ScenarioPanelProps) {
  const { model, language, controller, editing } = props;
  const { scenario, evaluation, stored } = controller;
  const draft = scenario?.status === 'draft' && editing;
  const locked = !draft || controller.busy;
  return (
    <div className="scenario" data-testid="scenario">
      {stored && stored.length > 0 ? (
        <label className="scenario-picker">
          <span>{t(language, 'openScenario')}</span>
          <select
            value={scenario?.id ?? ''}
            disabled={controller.busy}
            onChange={(event) => void controller.open(event.target.value)}
            data-testid="scenario-picker"
          >
            <option value="">—</option>
            {stored.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {s.changes.length} {t(language, 'changes')}
                {s.status === 'applied' ? ` · ${t(language, 'applied')}` : ''}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {editing ? (
        <div className="form-actions">
          <button type="button" onClick={() => void controller.create()} disabled={controller.busy}>
            + {t(language, 'newScenario')}
          </button>
          {scenario ? (
            <button type="button" onClick={controller.close}>
              {t(language, 'closeScenario')}
            </button>
          ) : null}
        </div>
      ) : null}
      {scenario ? (
        <>
          <CommitField
            label={t(language, 'scenarioName')}
            value={scenario.name}
            disabled={locked}
            onCommit={(name) => void controller.patch({ name })}
          />
          <CommitField
            label={t(language, 'owner')}
            value={scenario.owner ?? ''}
            disabled={locked}
            testId="scenario-owner"
            onCommit={(owner) => void controller.patch({ owner })}
          />
          <p className="muted" data-testid="scenario-status">
            {scenario.changes.length} {t(language, 'changes')}
            {scenario.status === 'applied'
              ? ` · ${t(language, 'applied')} ${scenario.appliedAt?.slice(0, 16).replace('T', ' ') ?? ''}`
              : ''}
          </p>
          <ol className="scenario-changes" data-testid="scenario-changes">
            {scenario.changes.map((change, index) => (
              <li key={change.op === 'addRelation' ? change.relation.id : `${change.op}-${index}`}>
                <div className="change-line">
                  <span>{describeChange(change, model, language, props.nameOfEntity)}</span>
                  {draft ? (
                    <button
                      type="button"
                      className="small-button"
                      aria-label={`${t(language, 'removeChange')} ${index + 1}`}
                      disabled={controller.busy}
                      onClick={() => void controller.removeChange(index)}
                      data-testid="remove-change"
                    >
                      ×
                    </button>
                  ) : null}
                </div>
                {change.op === 'addRelation' ? (
                  <div className="change-fields">
                    <label>
                      <span>{t(language, 'status')}</span>
                      <select
                        value={change.relation.status}
                        disabled={locked}
                        onChange={(event) => {
                          const status = RELATION_STATUSES.find((s) => s === event.target.value);
                          if (status) void controller.patchChange(index, { status });
                        }}
                      >
                        {RELATION_STATUSES.map((status) => (
                          <option key={status} value={status}>
                            {nameOf(model, status, language)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <CommitField
                      label={t(language, 'owner')}
                      value={change.owner ?? ''}
                      disabled={locked}
                      testId="change-owner"
                      onCommit={(owner) => void controller.patchChange(index, { owner })}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {controller.error ? <ErrorNote language={language} message={controller.error} /> : null}
      {controller.busy ? <Spinner label={t(language, 'computing')} /> : null}
      {scenario && evaluation ? (
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
                <tr key={name} className={after !== before ? 'moved' : ''} data-testid={`eval-share-${name}`}>
                  <th scope="row">{SHARE_LABELS[name][language]}</th>
                  <td>{percent(before)}</td>
                  <td>{percent(after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {draft ? (
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void controller.apply()}
            disabled={controller.busy || scenario.changes.length === 0}
            data-testid="apply-scenario"
          >
            {t(language, 'applyScenario')}
          </button>
          <button type="button" onClick={() => void controller.remove()} disabled={controller.busy}>
            {t(language, 'deleteScenario')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
