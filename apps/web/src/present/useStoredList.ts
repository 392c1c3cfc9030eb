/**
 * A list of stored records (saved views, presentations): loaded on mount, and listed again after
 * every change made through `run`, which also keeps the busy flag and the last error.
 */
import { useCallback, useEffect, useState } from 'react';

export interface StoredList<T> {
  /** Newest first; null until listed. */
  items: T[] | null;
  busy: boolean;
  error: string | null;
  refresh(): Promise<void>;
  /** Runs a change: busy while it runs, its error shown (and null returned), the list refreshed. */
  run<R>(work: () => Promise<R>): Promise<R | null>;
}

export function useStoredList<T>(load: () => Promise<{ items: T[] }>): StoredList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setItems((await load()).items);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [load]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = useCallback(
    async <R>(work: () => Promise<R>): Promise<R | null> => {
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return null;
      } finally {
        setBusy(false);
        void refresh();
      }
    },
    [refresh],
  );

  return { items, busy, error, refresh, run };
}
