/** The top bar: search, layouts, camera, labels, theme, image export, language and edit mode. */
import {
  type EntityRecord,
  type Language,
  type LayoutName,
  type ModelResponse,
  THEMES,
  type Theme,
} from '@innograph/model';
import { useId, useRef, useState } from 'react';
import type { ApiClient } from '../api.js';
import { t } from '../i18n.js';
import { SearchBox } from './SearchBox.js';

export interface ToolbarProps {
  api: ApiClient;
  model: ModelResponse;
  language: Language;
  layout: LayoutName;
  forceRunning: boolean;
  labelDensity: number;
  token: string | null;
  canUndo: boolean;
  canRedo: boolean;
  onLanguage(): void;
  onPick(entity: EntityRecord): void;
  onLayout(layout: LayoutName): void;
  onToggleForce(): void;
  onZoom(factor: number): void;
  onFit(): void;
  onReset(): void;
  onLabelDensity(density: number): void;
  onToken(token: string | null): void;
  onNewEntity(): void;
  onUndo(): void;
  onRedo(): void;
  theme: Theme;
  onTheme(theme: Theme): void;
  onExportPng(scale: number): void;
  onExportSvg(): void;
  onData(): void;
}

export function Toolbar(props: ToolbarProps) {
  const { language } = props;
  const [askToken, setAskToken] = useState(false);
  const [scale, setScale] = useState(2);
  const menuRef = useRef<HTMLDetailsElement | null>(null);
  /** Runs a menu item and folds the menu away. */
  const closeMenu = (action: () => void) => {
    if (menuRef.current) menuRef.current.open = false;
    action();
  };
  const [tokenText, setTokenText] = useState('');
  const densityId = useId();
  const tokenId = useId();
  const layouts: Array<[LayoutName, 'layoutChain' | 'layoutPark' | 'layoutForce']> = [
    ['chain', 'layoutChain'],
    ['park', 'layoutPark'],
    ['force', 'layoutForce'],
  ];
  return (
    <header className="toolbar">
      <h1 className="brand">
        Innograph <span>{t(language, 'appTitle')}</span>
      </h1>
      <SearchBox
        api={props.api}
        model={props.model}
        language={language}
        label={t(language, 'search')}
        onPick={props.onPick}
        testId="search"
      />
      <fieldset className="button-group" aria-label={t(language, 'layout')}>
        {layouts.map(([layout, key]) => (
          <button
            key={layout}
            type="button"
            aria-pressed={props.layout === layout}
            onClick={() => props.onLayout(layout)}
            data-testid={`layout-${layout}`}
          >
            {t(language, key)}
          </button>
        ))}
        <button
          type="button"
          onClick={props.onToggleForce}
          aria-pressed={props.forceRunning}
          data-testid="force-toggle"
          className="force-toggle"
        >
          {/* Both labels take the space, one shown: the bar does not reflow when it toggles. */}
          <span data-shown={props.forceRunning}>■ {t(language, 'stopForce')}</span>
          <span data-shown={!props.forceRunning}>▶ {t(language, 'startForce')}</span>
        </button>
      </fieldset>
      <fieldset className="button-group" aria-label={t(language, 'fit')}>
        <button
          type="button"
          onClick={() => props.onZoom(1.5)}
          aria-label={t(language, 'zoomIn')}
          title={t(language, 'zoomIn')}
        >
          +
        </button>
        <button
          type="button"
          onClick={() => props.onZoom(1 / 1.5)}
          aria-label={t(language, 'zoomOut')}
          title={t(language, 'zoomOut')}
        >
          −
        </button>
        <button type="button" onClick={props.onFit}>
          {t(language, 'fit')}
        </button>
        <button type="button" onClick={props.onReset}>
          {t(language, 'resetView')}
        </button>
      </fieldset>
      <label className="density" htmlFor={densityId}>
        {t(language, 'labels')}
        <input
          id={densityId}
          type="range"
          min={0}
          max={1}
          step={0.1}
          value={props.labelDensity}
          onChange={(e) => props.onLabelDensity(Number(e.target.value))}
        />
      </label>
      <label className="theme-picker">
        {t(language, 'theme')}
        <select
          value={props.theme}
          onChange={(e) => {
            const theme = THEMES.find((name) => name === e.target.value);
            if (theme) props.onTheme(theme);
          }}
          data-testid="theme"
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(language, `theme_${theme}`)}
            </option>
          ))}
        </select>
      </label>
      <details className="menu" data-testid="export-menu" ref={menuRef}>
        <summary>{t(language, 'exportMenu')}</summary>
        <div className="menu-body">
          <label>
            {t(language, 'resolution')}
            <select
              value={scale}
              onChange={(e) => setScale(Number(e.target.value))}
              data-testid="export-scale"
            >
              {[1, 2, 3, 4].map((value) => (
                <option key={value} value={value}>
                  {value}×
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => closeMenu(() => props.onExportPng(scale))}
            data-testid="export-png"
          >
            {t(language, 'exportPng')}
          </button>
          <button type="button" onClick={() => closeMenu(props.onExportSvg)} data-testid="export-svg">
            {t(language, 'exportSvg')}
          </button>
          <hr />
          <button type="button" onClick={() => closeMenu(props.onData)} data-testid="open-data">
            {t(language, 'dataMenu')}…
          </button>
        </div>
      </details>
      <div className="toolbar-end">
        {props.token ? (
          <>
            <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">
              ↶ {t(language, 'undo')}
            </button>
            <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl+Shift+Z">
              ↷ {t(language, 'redo')}
            </button>
            <button type="button" onClick={props.onNewEntity} data-testid="new-entity">
              + {t(language, 'newEntity')}
            </button>
            <button type="button" onClick={() => props.onToken(null)}>
              {t(language, 'signOut')}
            </button>
          </>
        ) : askToken ? (
          <form
            className="token-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (tokenText.trim() !== '') props.onToken(tokenText.trim());
              setAskToken(false);
              setTokenText('');
            }}
          >
            <label htmlFor={tokenId} className="visually-hidden">
              {t(language, 'editorToken')}
            </label>
            <input
              id={tokenId}
              type="password"
              placeholder={t(language, 'editorToken')}
              title={t(language, 'tokenHelp')}
              value={tokenText}
              onChange={(e) => setTokenText(e.target.value)}
              data-testid="token-input"
            />
            <button type="submit">OK</button>
          </form>
        ) : (
          <button type="button" onClick={() => setAskToken(true)} data-testid="edit-mode">
            ✎ {t(language, 'signIn')}
          </button>
        )}
        <button
          type="button"
          onClick={props.onLanguage}
          aria-label={t(language, 'languageLabel')}
          data-testid="language"
        >
          {t(language, 'language')}
        </button>
      </div>
    </header>
  );
}
