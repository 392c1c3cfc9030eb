import type { Language, ModelResponse } from '@innograph/model';
import { type ReactNode, useState } from 'react';
import { t } from '../i18n.js';

/** A share as a whole percentage, or a dash when it has no population. */
export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;

/** Display name of a kind, relation kind or enum value from the model, in a language. */
export function nameOf(model: ModelResponse, value: string, language: Language): string {
  const kind = model.entityKinds.find((k) => k.kind === value);
  if (kind) return kind.name[language];
  const relation = model.relationKinds.find((r) => r.type === value);
  if (relation) return relation.name[language];
  const named = model.valueNames[value];
  return named ? named[language] : value;
}

export function Section(props: { title: string; children: ReactNode; open?: boolean; id?: string }) {
  return (
    <details className="section" open={props.open ?? true} id={props.id}>
      <summary>{props.title}</summary>
      <div className="section-body">{props.children}</div>
    </details>
  );
}

export function ErrorNote(props: { language: Language; message: string; onRetry?: () => void }) {
  return (
    <div className="error-note" role="alert">
      <span>{props.message}</span>
      {props.onRetry ? (
        <button type="button" onClick={props.onRetry}>
          {t(props.language, 'retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Spinner(props: { label: string }) {
  return (
    <output className="spinner" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      {props.label}
    </output>
  );
}

/** A section whose content is only built once it is first opened (it may cost a request). */
export function LazySection(props: {
  title: string;
  children: () => ReactNode;
  id?: string;
  testId?: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="section"
      id={props.id}
      data-testid={props.testId}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.title}</summary>
      <div className="section-body">{opened ? props.children() : null}</div>
    </details>
  );
}
