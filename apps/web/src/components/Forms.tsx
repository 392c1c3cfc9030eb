/**
 * Entity and relation forms generated from the model: the attribute fields come from the kind's
 * JSON Schema (`GET /api/model`), values are checked with the model's zod schemas as they are
 * typed, and each error shows beside its field; the server's 400 issues land there too.
 */
import {
  type Entity,
  type EntityKind,
  EntityKindSchema,
  EntitySchema,
  type Language,
  type ModelResponse,
  RELATION_STATUSES,
  type Relation,
  type RelationKind,
  RelationKindSchema,
  RelationSchema,
  relationAllowed,
} from '@innograph/model';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { ApiFailure } from '../api.js';
import { attributesFrom, type Field, fieldsOf, fieldText, issuesByField } from '../edit/fields.js';
import { t } from '../i18n.js';
import { nameOf } from './common.js';

type Texts = Record<string, string | string[] | boolean>;

function FieldRow(props: { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <div className={`field${props.error ? ' invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error ? (
        <span className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function AttributeFields(props: {
  fields: Field[];
  texts: Texts;
  errors: Record<string, string>;
  model: ModelResponse;
  language: Language;
  prefix: string;
  onChange(name: string, value: string | string[] | boolean): void;
}) {
  const { fields, texts, errors, model, language, prefix } = props;
  return (
    <>
      {fields.map((field) => {
        const id = `${prefix}-attr-${field.name}`;
        const value = texts[field.name] ?? fieldText(field, undefined);
        const error = errors[`attributes.${field.name}`];
        const label = `${field.name}${field.required ? ' *' : ''}${field.control === 'tags' ? ` (${t(language, 'listHint')})` : ''}`;
        const described = error ? `${id}-error` : undefined;
        switch (field.control) {
          case 'select':
            return (
              <FieldRow key={field.name} id={id} label={label} error={error}>
                <select
                  id={id}
                  value={typeof value === 'string' ? value : ''}
                  aria-invalid={Boolean(error)}
                  aria-describedby={described}
                  onChange={(e) => props.onChange(field.name, e.target.value)}
                >
                  {field.required && value === '' ? <option value="">—</option> : null}
                  {!field.required ? <option value="">—</option> : null}
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {nameOf(model, option, language)}
                    </option>
                  ))}
                </select>
              </FieldRow>
            );
          case 'checkboxes':
            return (
              <fieldset key={field.name} className={`field${error ? ' invalid' : ''}`}>
                <legend>{label}</legend>
                {field.options.map((option) => {
                  const list = Array.isArray(value) ? value : [];
                  return (
                    <label key={option} className="inline">
                      <input
                        type="checkbox"
                        checked={list.includes(option)}
                        onChange={() =>
                          props.onChange(
                            field.name,
                            list.includes(option) ? list.filter((o) => o !== option) : [...list, option],
                          )
                        }
                      />
                      {nameOf(model, option, language)}
                    </label>
                  );
                })}
                {error ? (
                  <span className="field-error" role="alert">
                    {error}
                  </span>
                ) : null}
              </fieldset>
            );
          case 'checkbox':
            return (
              <FieldRow key={field.name} id={id} label={label} error={error}>
                <input
                  id={id}
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => props.onChange(field.name, e.target.checked)}
                />
              </FieldRow>
            );
          default:
            return (
              <FieldRow key={field.name} id={id} label={label} error={error}>
                <input
                  id={id}
                  type={field.control === 'number' ? 'number' : 'text'}
                  value={typeof value === 'string' ? value : ''}
                  aria-invalid={Boolean(error)}
                  aria-describedby={described}
                  onChange={(e) => props.onChange(field.name, e.target.value)}
                />
              </FieldRow>
            );
        }
      })}
    </>
  );
}

function serverErrors(error: unknown): {
  fields: Record<string, string>;
  message: string | null;
  conflict: boolean;
} {
  if (error instanceof ApiFailure) {
    const fields: Record<string, string> = {};
    for (const issue of error.fields) fields[issue.path] ??= issue.message;
    return { fields, message: error.message, conflict: error.conflict };
  }
  return { fields: {}, message: error instanceof Error ? error.message : String(error), conflict: false };
}

function FormShell(props: {
  title: string;
  language: Language;
  submitting: boolean;
  message: string | null;
  conflict: boolean;
  submitLabel: string;
  onReload?: (() => void) | undefined;
  onCancel(): void;
  onSubmit(): void;
  children: ReactNode;
  testId: string;
}) {
  const { language } = props;
  return (
    <form
      className="edit-form"
      aria-label={props.title}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      noValidate
    >
      <h2>{props.title}</h2>
      {props.children}
      {props.conflict ? (
        <div className="error-note" role="alert" data-testid="conflict">
          <span>{t(language, 'conflict')}</span>
          {props.onReload ? (
            <button type="button" onClick={props.onReload}>
              {t(language, 'reload')}
            </button>
          ) : null}
        </div>
      ) : props.message ? (
        <div className="error-note" role="alert">
          {props.message}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.submitting}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t(language, 'cancel')}
        </button>
      </div>
    </form>
  );
}

const NO_SERVER_ERRORS: ReturnType<typeof serverErrors> = { fields: {}, message: null, conflict: false };

/**
 * What both forms share about submitting: errors show once submission was tried (local ones from
 * the model's schema, then the server's), the server's answer is kept, a second click waits.
 */
function useSubmission() {
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState(NO_SERVER_ERRORS);
  const [submitting, setSubmitting] = useState(false);
  return {
    server,
    submitting,
    clearServer: () => setServer(NO_SERVER_ERRORS),
    errors: (local: Record<string, string>) => (tried ? { ...server.fields, ...local } : server.fields),
    /** Marks the form tried and, when it is valid, runs `send`, keeping the server's errors. */
    submit: async (valid: boolean, send: () => Promise<void>) => {
      setTried(true);
      if (!valid) return;
      setSubmitting(true);
      try {
        await send();
      } catch (error) {
        setServer(serverErrors(error));
      } finally {
        setSubmitting(false);
      }
    },
  };
}

/** Form texts for a record's attributes. */
function textsOf(fields: Field[], attributes: Record<string, unknown> | undefined): Texts {
  return Object.fromEntries(fields.map((f) => [f.name, fieldText(f, attributes?.[f.name])]));
}

export interface EntityFormProps {
  model: ModelResponse;
  language: Language;
  /** The entity to edit, with its version; absent to create one. */
  initial?: { entity: Entity; version: number } | undefined;
  onSubmit(entity: Entity, version: number | null): Promise<void>;
  onReload?: (() => Promise<{ entity: Entity; version: number } | null>) | undefined;
  onCancel(): void;
}

export function EntityForm(props: EntityFormProps) {
  const { model, language } = props;
  const prefix = useId();
  const [base, setBase] = useState(props.initial);
  const [kind, setKind] = useState<EntityKind>(base?.entity.kind ?? 'PrivateFirm');
  const fields = useMemo(
    () => fieldsOf(model.entityKinds.find((k) => k.kind === kind)?.attributes),
    [model, kind],
  );
  const [id, setId] = useState(base?.entity.id ?? '');
  const [nameZh, setNameZh] = useState(base?.entity.name.zh ?? '');
  const [nameEn, setNameEn] = useState(base?.entity.name.en ?? '');
  const [description, setDescription] = useState(base?.entity.description ?? '');
  const [texts, setTexts] = useState<Texts>(() =>
    textsOf(fields, base?.entity.attributes as Record<string, unknown> | undefined),
  );
  const { server, submitting, clearServer, errors: errorsWith, submit: run } = useSubmission();

  const candidate = {
    id,
    kind,
    name: { zh: nameZh, en: nameEn },
    ...(description.trim() !== '' ? { description: description.trim() } : {}),
    attributes: attributesFrom(fields, texts),
  };
  const parsed = EntitySchema.safeParse(candidate);
  const local = parsed.success ? {} : issuesByField(parsed.error);
  const errors = errorsWith(local);

  const submit = () =>
    run(parsed.success, async () => {
      if (parsed.success) await props.onSubmit(parsed.data, base?.version ?? null);
    });

  const reload = props.onReload
    ? async () => {
        const fresh = await props.onReload?.();
        if (!fresh) return;
        setBase(fresh);
        setNameZh(fresh.entity.name.zh);
        setNameEn(fresh.entity.name.en);
        setDescription(fresh.entity.description ?? '');
        setTexts(textsOf(fields, fresh.entity.attributes as Record<string, unknown>));
        clearServer();
      }
    : undefined;

  return (
    <FormShell
      title={base ? `${t(language, 'edit')} · ${base.entity.name[language]}` : t(language, 'newEntity')}
      language={language}
      submitting={submitting}
      message={server.message}
      conflict={server.conflict}
      submitLabel={base ? t(language, 'save') : t(language, 'create')}
      onReload={reload}
      onCancel={props.onCancel}
      onSubmit={() => void submit()}
      testId="entity-form"
    >
      {!base ? (
        <FieldRow id={`${prefix}-kind`} label={t(language, 'kind')}>
          <select
            id={`${prefix}-kind`}
            value={kind}
            onChange={(e) => {
              const next = EntityKindSchema.safeParse(e.target.value);
              if (next.success) {
                setKind(next.data);
                setTexts({});
              }
            }}
          >
            {model.entityKinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.name[language]}
              </option>
            ))}
          </select>
        </FieldRow>
      ) : null}
      <FieldRow id={`${prefix}-id`} label={`${t(language, 'id')} *`} error={errors.id}>
        <input
          id={`${prefix}-id`}
          value={id}
          readOnly={Boolean(base)}
          aria-invalid={Boolean(errors.id)}
          onChange={(e) => setId(e.target.value)}
        />
      </FieldRow>
      <FieldRow id={`${prefix}-zh`} label={`${t(language, 'nameZh')} *`} error={errors['name.zh']}>
        <input
          id={`${prefix}-zh`}
          value={nameZh}
          aria-invalid={Boolean(errors['name.zh'])}
          onChange={(e) => setNameZh(e.target.value)}
          data-testid="field-name-zh"
        />
      </FieldRow>
      <FieldRow id={`${prefix}-en`} label={`${t(language, 'nameEn')} *`} error={errors['name.en']}>
        <input
          id={`${prefix}-en`}
          value={nameEn}
          aria-invalid={Boolean(errors['name.en'])}
          onChange={(e) => setNameEn(e.target.value)}
          data-testid="field-name-en"
        />
      </FieldRow>
      <FieldRow id={`${prefix}-desc`} label={t(language, 'description')} error={errors.description}>
        <textarea
          id={`${prefix}-desc`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </FieldRow>
      <AttributeFields
        fields={fields}
        texts={texts}
        errors={errors}
        model={model}
        language={language}
        prefix={prefix}
        onChange={(name, value) => setTexts((current) => ({ ...current, [name]: value }))}
      />
    </FormShell>
  );
}

export interface RelationFormProps {
  model: ModelResponse;
  language: Language;
  /** Kinds of the entities the view knows, to check which relation kinds may connect them. */
  kindOf(id: string): EntityKind | null;
  nameOfEntity(id: string): string;
  initial?: { relation: Relation; version: number } | undefined;
  /** A new relation starts from this entity. */
  from?: string | undefined;
  /** Picks the other end (a search box). */
  renderPicker(onPick: (id: string) => void): ReactNode;
  onSubmit(relation: Relation, version: number | null): Promise<void>;
  onDelete?: (() => Promise<void>) | undefined;
  onCancel(): void;
}

export function RelationForm(props: RelationFormProps) {
  const { model, language, initial } = props;
  const prefix = useId();
  const [type, setType] = useState<RelationKind>(initial?.relation.type ?? 'OPENS_TO');
  const [from, setFrom] = useState(initial?.relation.from ?? props.from ?? '');
  const [to, setTo] = useState(initial?.relation.to ?? '');
  const [id, setId] = useState(initial?.relation.id ?? `r-${Date.now().toString(36)}`);
  const [status, setStatus] = useState<string>(initial?.relation.status ?? 'active');
  const [since, setSince] = useState(initial?.relation.since ?? new Date().toISOString().slice(0, 10));
  const [until, setUntil] = useState(initial?.relation.until ?? '');
  const [source, setSource] = useState(initial?.relation.evidence.source ?? '');
  const [confidence, setConfidence] = useState<string>(initial?.relation.evidence.confidence ?? 'reported');
  const fields = useMemo(
    () => fieldsOf(model.relationKinds.find((r) => r.type === type)?.attributes),
    [model, type],
  );
  const [texts, setTexts] = useState<Texts>(() =>
    textsOf(fields, initial?.relation.attributes as Record<string, unknown> | undefined),
  );
  const { server, submitting, errors: errorsWith, submit: run } = useSubmission();

  const candidate = {
    id,
    type,
    from,
    to,
    status,
    since,
    ...(until !== '' ? { until } : {}),
    evidence: { source, confidence },
    attributes: attributesFrom(fields, texts),
  };
  const parsed = RelationSchema.safeParse(candidate);
  const local: Record<string, string> = parsed.success ? {} : issuesByField(parsed.error);
  if (to === '') local.to = t(language, 'pickOtherEnd');
  const fromKind = props.kindOf(from);
  const toKind = props.kindOf(to);
  if (fromKind && toKind && !relationAllowed(type, fromKind, toKind)) {
    local.type ??= `${nameOf(model, type, language)}: ${nameOf(model, fromKind, language)} → ${nameOf(model, toKind, language)} ✗`;
  }
  const errors = errorsWith(local);
  const allowedTypes = model.relationKinds.filter(
    (r) => !fromKind || r.from.includes(fromKind) || (toKind !== null && r.to.includes(toKind)),
  );

  const submit = () =>
    run(parsed.success && Object.keys(local).length === 0, async () => {
      if (parsed.success) await props.onSubmit(parsed.data, initial?.version ?? null);
    });

  return (
    <FormShell
      title={initial ? `${t(language, 'edit')} · ${initial.relation.id}` : t(language, 'newRelation')}
      language={language}
      submitting={submitting}
      message={server.message}
      conflict={server.conflict}
      submitLabel={initial ? t(language, 'save') : t(language, 'create')}
      onCancel={props.onCancel}
      onSubmit={() => void submit()}
      testId="relation-form"
    >
      <FieldRow id={`${prefix}-type`} label={t(language, 'type')} error={errors.type}>
        <select
          id={`${prefix}-type`}
          value={type}
          disabled={Boolean(initial)}
          onChange={(e) => {
            const next = RelationKindSchema.safeParse(e.target.value);
            if (next.success) {
              setType(next.data);
              setTexts({});
            }
          }}
        >
          {allowedTypes.map((r) => (
            <option key={r.type} value={r.type}>
              {r.name[language]}
            </option>
          ))}
        </select>
      </FieldRow>
      <FieldRow id={`${prefix}-id`} label={`${t(language, 'id')} *`} error={errors.id}>
        <input
          id={`${prefix}-id`}
          value={id}
          readOnly={Boolean(initial)}
          onChange={(e) => setId(e.target.value)}
        />
      </FieldRow>
      <div className="field">
        <span className="field-label">{t(language, 'from')}</span>
        <span className="entity-ref">{from ? props.nameOfEntity(from) : '—'}</span>
        {initial ? null : (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setFrom(to);
              setTo(from);
            }}
          >
            ⇄
          </button>
        )}
      </div>
      <div className={`field${errors.to ? ' invalid' : ''}`}>
        <span className="field-label">{t(language, 'to')} *</span>
        <span className="entity-ref">{to ? props.nameOfEntity(to) : '—'}</span>
        {initial ? null : props.renderPicker((picked) => setTo(picked))}
        {errors.to ? (
          <span className="field-error" role="alert">
            {errors.to}
          </span>
        ) : null}
      </div>
      <FieldRow id={`${prefix}-status`} label={t(language, 'status')} error={errors.status}>
        <select id={`${prefix}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
          {RELATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {nameOf(model, s, language)}
            </option>
          ))}
        </select>
      </FieldRow>
      <FieldRow id={`${prefix}-since`} label={`${t(language, 'since')} *`} error={errors.since}>
        <input id={`${prefix}-since`} type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      </FieldRow>
      <FieldRow id={`${prefix}-until`} label={t(language, 'until')} error={errors.until}>
        <input id={`${prefix}-until`} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      </FieldRow>
      <FieldRow
        id={`${prefix}-source`}
        label={`${t(language, 'source')} *`}
        error={errors['evidence.source']}
      >
        <input id={`${prefix}-source`} value={source} onChange={(e) => setSource(e.target.value)} />
      </FieldRow>
      <FieldRow id={`${prefix}-conf`} label={t(language, 'confidence')} error={errors['evidence.confidence']}>
        <select id={`${prefix}-conf`} value={confidence} onChange={(e) => setConfidence(e.target.value)}>
          {model.confidences.map((c) => (
            <option key={c} value={c}>
              {nameOf(model, c, language)}
            </option>
          ))}
        </select>
      </FieldRow>
      <AttributeFields
        fields={fields}
        texts={texts}
        errors={errors}
        model={model}
        language={language}
        prefix={prefix}
        onChange={(name, value) => setTexts((current) => ({ ...current, [name]: value }))}
      />
      {props.onDelete ? (
        <button type="button" className="danger" onClick={() => void props.onDelete?.()}>
          {t(language, 'delete')}
        </button>
      ) : null}
    </FormShell>
  );
}
