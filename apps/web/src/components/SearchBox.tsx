/**
 * Search with suggestions over Chinese and English names (the API's full-text index), as an
 * ARIA combobox: arrows move, Enter picks, Escape closes.
 */
import type { EntityRecord, Language, ModelResponse } from '@innograph/model';
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api.js';
import { KIND_COLORS } from '../graph/style.js';
import { t } from '../i18n.js';
import { nameOf } from './common.js';

export interface SearchBoxProps {
  api: ApiClient;
  model: ModelResponse;
  language: Language;
  label: string;
  placeholder?: string;
  onPick(entity: EntityRecord): void;
  /** Shown in the box after picking (path finder ends); cleared otherwise. */
  keepPicked?: boolean;
  testId?: string;
}

export function SearchBox(props: SearchBoxProps) {
  const { api, model, language } = props;
  const [text, setText] = useState('');
  const [items, setItems] = useState<EntityRecord[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const inputId = useId();
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    window.clearTimeout(timer.current);
    const q = text.trim();
    if (q === '') {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    timer.current = window.setTimeout(() => {
      api
        .search({ q, limit: 8 }, controller.signal)
        .then((page) => {
          setItems(page.items);
          setError(null);
          setActive(page.items.length > 0 ? 0 : -1);
        })
        .catch((e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setError(e instanceof Error ? e.message : String(e));
        });
    }, 180);
    return () => {
      controller.abort();
      window.clearTimeout(timer.current);
    };
  }, [api, text]);

  const pick = (entity: EntityRecord) => {
    props.onPick(entity);
    setText(props.keepPicked ? entity.name[language] : '');
    setOpen(false);
    setItems([]);
  };

  return (
    <div className="search">
      <label htmlFor={inputId} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={props.placeholder ?? t(language, 'searchPlaceholder')}
        value={text}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(items.length - 1, i + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter') {
            const item = items[active];
            if (item) {
              e.preventDefault();
              pick(item);
            }
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && text.trim() !== '' ? (
        <div className="suggestions" id={listId} role="listbox" aria-label={props.label}>
          {error ? <div className="suggestion-error">{error}</div> : null}
          {!error && items.length === 0 ? (
            <div className="suggestion-empty">{t(language, 'noMatches')}</div>
          ) : null}
          {items.map((item, i) => (
            <div
              key={item.id}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="swatch" style={{ background: KIND_COLORS[item.kind] }} aria-hidden="true" />
              <span className="suggestion-name">{item.name[language]}</span>
              <span className="suggestion-other">{item.name[language === 'zh' ? 'en' : 'zh']}</span>
              <span className="suggestion-kind">{nameOf(model, item.kind, language)}</span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
