/**
 * Presentations: ordered saved views with captions. Editing keeps each presentation's version;
 * presenting fetches its views once, goes full screen (when the browser allows it) and steps
 * with the arrow keys, PageUp/PageDown (what presentation clickers send), space, Home/End, or
 * the on-screen buttons; Escape or leaving full screen ends it.
 */
import type { Presentation, PresentationStep, SavedView } from '@innograph/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api.js';
import { useStoredList } from './useStoredList.js';

export interface Presenting {
  presentation: Presentation;
  views: Readonly<Record<string, SavedView>>;
  step: number;
}

export interface PresentationsOptions {
  api: ApiClient;
  /** Puts a step's view on screen, the camera flying there. */
  show(view: SavedView): Promise<void>;
}

export interface PresentationsController {
  items: Presentation[] | null;
  busy: boolean;
  error: string | null;
  presenting: Presenting | null;
  refresh(): Promise<void>;
  create(name: string): Promise<Presentation | null>;
  save(presentation: Presentation, fields: { name?: string; steps?: PresentationStep[] }): Promise<void>;
  remove(presentation: Presentation): Promise<void>;
  start(id: string): void;
  go(step: number): void;
  stop(): void;
}

/** Which way a key moves a presentation, or null for keys it ignores. */
export function stepKey(key: string): 'next' | 'previous' | 'first' | 'last' | 'stop' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'stop';
    default:
      return null;
  }
}

export function usePresentations(options: PresentationsOptions): PresentationsController {
  const { api } = options;
  const { items, busy, error, refresh, run } = useStoredList(useCallback(() => api.presentations(), [api]));
  const [presenting, setPresenting] = useState<Presenting | null>(null);
  const showRef = useRef(options.show);
  showRef.current = options.show;
  const presentingRef = useRef(presenting);
  presentingRef.current = presenting;

  const create = useCallback(
    (name: string) => run(() => api.createPresentation({ name, steps: [] })),
    [api, run],
  );

  const save = useCallback(
    (presentation: Presentation, fields: { name?: string; steps?: PresentationStep[] }) =>
      run(() =>
        api.updatePresentation(presentation.id, {
          name: fields.name ?? presentation.name,
          description: presentation.description,
          steps: fields.steps ?? presentation.steps,
          version: presentation.version,
        }),
      ).then(() => undefined),
    [api, run],
  );

  const remove = useCallback(
    (presentation: Presentation) =>
      run(() => api.deletePresentation(presentation.id, presentation.version)).then(() => undefined),
    [api, run],
  );

  const go = useCallback((step: number) => {
    const current = presentingRef.current;
    if (!current) return;
    const last = current.presentation.steps.length - 1;
    const next = Math.min(last, Math.max(0, step));
    const view = current.views[current.presentation.steps[next]?.view ?? ''];
    setPresenting({ ...current, step: next });
    if (view) void showRef.current(view);
  }, []);

  const stop = useCallback(() => {
    setPresenting(null);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  const start = useCallback(
    (id: string) => {
      // Full screen must be asked for inside the click; headless browsers refuse, which is fine.
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
      void run(async () => {
        const presentation = await api.presentation(id);
        if (presentation.steps.length === 0) throw new Error(`“${presentation.name}” has no steps yet`);
        const ids = [...new Set(presentation.steps.map((s) => s.view))];
        const views = Object.fromEntries(
          (await Promise.all(ids.map((view) => api.view(view)))).map((view) => [view.id, view]),
        );
        const first = views[presentation.steps[0]?.view ?? ''];
        setPresenting({ presentation, views, step: 0 });
        if (first) await showRef.current(first);
      }).then((started) => {
        if (started === null && document.fullscreenElement) void document.exitFullscreen();
      });
    },
    [api, run],
  );

  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => {
      const move = stepKey(event.key);
      if (move === null || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const { step, presentation } = presenting;
      if (move === 'next') go(step + 1);
      else if (move === 'previous') go(step - 1);
      else if (move === 'first') go(0);
      else if (move === 'last') go(presentation.steps.length - 1);
      else stop();
    };
    // Leaving full screen (the browser's own Escape) ends the presentation too.
    const onFullscreen = () => {
      if (!document.fullscreenElement) setPresenting(null);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [presenting, go, stop]);

  return { items, busy, error, presenting, refresh, create, save, remove, start, go, stop };
}
