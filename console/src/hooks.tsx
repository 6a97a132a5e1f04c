import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { describe } from './api';

export type Load<T> = { loading: boolean; error: string | null; data: T | null;
                        reload: () => void };

/** Run fn now and whenever deps change or reload() is called; loading/error/data. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Load<T> {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ loading: boolean; error: string | null; data: T | null }>(
    { loading: true, error: null, data: null });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    fn().then((data) => live && setState({ loading: false, error: null, data }),
              (e) => live && setState({ loading: false, error: describe(e), data: null }));
    return () => { live = false; };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** The loading, error and empty states of a list, else its content. */
export function Loaded<T>({ load, empty, children }: {
  load: Load<T[]>; empty: string; children: (rows: T[]) => ComponentChildren }) {
  if (load.loading && load.data === null) return <p role="status">Loading…</p>;
  if (load.error) {
    return (
      <div role="alert" class="error">
        <p>{load.error}</p>
        <button type="button" onClick={load.reload}>Try again</button>
      </div>
    );
  }
  if (!load.data || load.data.length === 0) return <p class="empty">{empty}</p>;
  return <>{children(load.data)}</>;
}

/** A form's submit state: busy while the action runs, its error or success message. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (fn: () => Promise<string | void>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const message = await fn();
      if (message) setDone(message);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

export function Feedback({ error, done }: { error: string | null; done?: string | null }) {
  return (
    <>
      {error && <p role="alert" class="error">{error}</p>}
      {done && <p role="status" class="ok">{done}</p>}
    </>
  );
}

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}
