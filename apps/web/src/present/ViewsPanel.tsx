/**
 * Saved views and presentations. Anyone can open a view, copy its link or start a
 * presentation; with the editor token views are saved from the screen, overwritten, renamed and
 * deleted, and presentations are built from views with captions.
 */
import type { Language, Presentation, PresentationStep, SavedViewSummary } from '@innograph/model';
import { useEffect, useId, useState } from 'react';
import { ErrorNote } from '../components/common.js';
import { t } from '../i18n.js';
import type { PresentationsController } from './usePresentations.js';
import type { SavedViewsController } from './useSavedViews.js';

export interface ViewsPanelProps {
  language: Language;
  editing: boolean;
  views: SavedViewsController;
  presentations: PresentationsController;
}

export function viewLink(id: string): string {
  return `${window.location.origin}${window.location.pathname}?view=${encodeURIComponent(id)}`;
}

function ViewItem(props: {
  language: Language;
  editing: boolean;
  item: SavedViewSummary;
  views: SavedViewsController;
}) {
  const { language, item, views } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(item.name);
  const [copied, setCopied] = useState(false);
  return (
    <li data-testid="saved-view">
      {renaming ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            setRenaming(false);
            if (name.trim() !== '' && name !== item.name) void views.rename(item, name.trim());
          }}
        >
          <input
            value={name}
            aria-label={t(language, 'viewName')}
            onChange={(event) => setName(event.target.value)}
            data-testid="rename-input"
          />
          <button type="submit">OK</button>
        </form>
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => void views.open(item.id)}
          disabled={views.busy}
          data-testid="open-view"
        >
          {item.name}
        </button>
      )}
      {item.description ? <p className="muted">{item.description}</p> : null}
      <div className="item-actions">
        <button
          type="button"
          className="small-button"
          onClick={() => {
            const link = viewLink(item.id);
            void navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
            window.setTimeout(() => setCopied(false), 2_000);
          }}
          title={viewLink(item.id)}
          data-testid="copy-link"
        >
          {copied ? t(language, 'copied') : t(language, 'copyLink')}
        </button>
        {props.editing ? (
          <>
            <button
              type="button"
              className="small-button"
              onClick={() => void views.overwrite(item)}
              disabled={views.busy}
              title={t(language, 'overwriteHelp')}
            >
              {t(language, 'overwrite')}
            </button>
            <button
              type="button"
              className="small-button"
              onClick={() => {
                setName(item.name);
                setRenaming(true);
              }}
              data-testid="rename-view"
            >
              {t(language, 'rename')}
            </button>
            <button
              type="button"
              className="small-button danger"
              onClick={() => void views.remove(item)}
              disabled={views.busy}
              data-testid="delete-view"
            >
              {t(language, 'delete')}
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}

function StepEditor(props: {
  language: Language;
  presentation: Presentation;
  views: readonly SavedViewSummary[];
  controller: PresentationsController;
}) {
  const { language, presentation, views, controller } = props;
  const [captions, setCaptions] = useState(presentation.steps.map((s) => s.caption));
  useEffect(() => setCaptions(presentation.steps.map((s) => s.caption)), [presentation]);
  const [adding, setAdding] = useState('');
  const save = (steps: PresentationStep[]) => void controller.save(presentation, { steps });
  const move = (from: number, to: number) => {
    const steps = [...presentation.steps];
    const [step] = steps.splice(from, 1);
    if (step) steps.splice(to, 0, step);
    save(steps);
  };
  const nameOf = (id: string) => views.find((v) => v.id === id)?.name ?? id;
  return (
    <div className="step-editor">
      <ol className="steps" data-testid="presentation-steps">
        {presentation.steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a view may appear at several steps.
          <li key={`${step.view}-${index}`}>
            <div className="change-line">
              <span>{nameOf(step.view)}</span>
              <span>
                <button
                  type="button"
                  className="small-button"
                  aria-label={`${t(language, 'moveUp')} ${index + 1}`}
                  disabled={index === 0 || controller.busy}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="small-button"
                  aria-label={`${t(language, 'moveDown')} ${index + 1}`}
                  disabled={index === presentation.steps.length - 1 || controller.busy}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="small-button"
                  aria-label={`${t(language, 'removeStep')} ${index + 1}`}
                  disabled={controller.busy}
                  onClick={() => save(presentation.steps.filter((_s, i) => i !== index))}
                >
                  ×
                </button>
              </span>
            </div>
            <textarea
              rows={2}
              value={captions[index] ?? ''}
              aria-label={`${t(language, 'caption')} ${index + 1}`}
              placeholder={t(language, 'caption')}
              onChange={(event) =>
                setCaptions((list) => list.map((c, i) => (i === index ? event.target.value : c)))
              }
              onBlur={() => {
                if ((captions[index] ?? '') !== step.caption)
                  save(
                    presentation.steps.map((s, i) =>
                      i === index ? { ...s, caption: captions[index] ?? '' } : s,
                    ),
                  );
              }}
              data-testid="step-caption"
            />
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <select
          value={adding}
          aria-label={t(language, 'addStep')}
          onChange={(event) => setAdding(event.target.value)}
          data-testid="step-view"
        >
          <option value="">{t(language, 'pickView')}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={adding === '' || controller.busy}
          onClick={() => {
            save([...presentation.steps, { view: adding, caption: '' }]);
            setAdding('');
          }}
          data-testid="add-step"
        >
          + {t(language, 'addStep')}
        </button>
      </div>
    </div>
  );
}

export function ViewsPanel(props: ViewsPanelProps) {
  const { language, editing, views, presentations } = props;
  const nameId = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState('');
  const [newName, setNewName] = useState('');
  const presentation = presentations.items?.find((p) => p.id === chosen) ?? null;
  return (
    <div className="views-panel" data-testid="views-panel">
      {editing ? (
        <form
          className="save-view"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() === '') return;
            void views.save(name.trim(), description).then((saved) => {
              if (saved) {
                setName('');
                setDescription('');
              }
            });
          }}
        >
          <label htmlFor={nameId}>{t(language, 'viewName')}</label>
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} data-testid="view-name" />
          <textarea
            rows={2}
            value={description}
            aria-label={t(language, 'description')}
            placeholder={t(language, 'description')}
            onChange={(e) => setDescription(e.target.value)}
          />
          <button
            type="submit"
            className="primary"
            disabled={views.busy || name.trim() === ''}
            data-testid="save-view"
          >
            {t(language, 'saveView')}
          </button>
        </form>
      ) : null}
      {views.error ? <ErrorNote language={language} message={views.error} /> : null}
      {views.items && views.items.length === 0 ? <p className="muted">{t(language, 'noViews')}</p> : null}
      <ul className="saved-views">
        {(views.items ?? []).map((item) => (
          <ViewItem
            key={`${item.id}-${item.version}`}
            language={language}
            editing={editing}
            item={item}
            views={views}
          />
        ))}
      </ul>
      <h4>{t(language, 'presentations')}</h4>
      {presentations.error ? <ErrorNote language={language} message={presentations.error} /> : null}
      <div className="inline-form">
        <select
          value={chosen}
          aria-label={t(language, 'presentations')}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="presentation-picker"
        >
          <option value="">—</option>
          {(presentations.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.steps.length}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={!presentation || presentation.steps.length === 0 || presentations.busy}
          onClick={() => presentation && presentations.start(presentation.id)}
          data-testid="present"
        >
          ▶ {t(language, 'present')}
        </button>
      </div>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (newName.trim() === '') return;
            void presentations.create(newName.trim()).then((created) => {
              if (created) {
                setChosen(created.id);
                setNewName('');
              }
            });
          }}
        >
          <input
            value={newName}
            aria-label={t(language, 'newPresentation')}
            placeholder={t(language, 'newPresentation')}
            onChange={(e) => setNewName(e.target.value)}
            data-testid="presentation-name"
          />
          <button type="submit" disabled={newName.trim() === ''} data-testid="create-presentation">
            +
          </button>
        </form>
      ) : null}
      {editing && presentation ? (
        <>
          <StepEditor
            language={language}
            presentation={presentation}
            views={views.items ?? []}
            controller={presentations}
          />
          <button
            type="button"
            className="small-button danger"
            onClick={() => {
              void presentations.remove(presentation);
              setChosen('');
            }}
          >
            {t(language, 'deletePresentation')}
          </button>
        </>
      ) : null}
    </div>
  );
}
