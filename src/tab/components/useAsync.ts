import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs `load` on mount and when `deps` change; exposes data, error, loading and reload. Only the
 * latest run's answer is kept: a slower answer to an earlier choice (another hub, another period)
 * never replaces the one the person asked for last.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const data = await run();
      if (mine !== latest.current) return;
      // A long list is a lot to render at once: as a transition React renders it in slices and the
      // page stays responsive meanwhile.
      startTransition(() => setState({ data, loading: false }));
    } catch (error) {
      if (mine !== latest.current) return;
      setState({ error, loading: false });
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload, setData: (data: T) => setState({ data, loading: false }) };
}
