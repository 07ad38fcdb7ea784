// Loads data from the API for a page: loading, error and a reload; stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';

export type Loadable<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

export function useApi<T>(path: string | null): Loadable<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    if (!path) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api
      .get<T>(path)
      .then((data) => mine === seq.current && setState({ data, loading: false }))
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        const error = e instanceof ApiError ? e : new ApiError(0, String(e));
        setState({ error, loading: false });
      });
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Runs a write, keeping its pending state and error for the form that started it. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async <R>(fn: () => Promise<R>): Promise<R | undefined> => {
    setPending(true);
    setError(undefined);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run, clear: () => setError(undefined) };
}
