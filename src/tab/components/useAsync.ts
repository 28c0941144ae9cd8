import { startTransition, useCallback, useEffect, useState } from 'react';

/** Runs `load` on mount and when `deps` change; exposes data, error, loading and reload. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const data = await run();
      // A long list is a lot to render at once: as a transition React renders it in slices and the
      // page stays responsive meanwhile.
      startTransition(() => setState({ data, loading: false }));
    } catch (error) {
      setState({ error, loading: false });
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload, setData: (data: T) => setState({ data, loading: false }) };
}
