import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { consoleCall, errorCode } from './api';

/** Loads one GET answer for a page, with reload (after a change) and an optional refresh interval. */
export function useConsoleData<T extends z.ZodType>(path: string, schema: T, refreshMs?: number) {
  const [data, setData] = useState<z.output<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      consoleCall('GET', path, schema)
        .then((d) => {
          setData(d);
          setError(null);
        })
        .catch((e: unknown) => setError(errorCode(e))),
    [path, schema],
  );
  useEffect(() => {
    void reload();
    if (!refreshMs) return;
    const timer = window.setInterval(() => void reload(), refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);
  return { data, error, reload };
}
