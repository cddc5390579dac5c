import { useCallback, useEffect, useRef, useState } from 'react';
import { useKioskError } from '../hooks/use-kiosk-error';
import { KioskError } from '../../shared/contract/errors';

/**
 * Loads a value now and again every `everyMs` while the component is shown (technician screens follow live devices);
 * `reload` fetches at once. A failure keeps the last value and says why.
 */
export function usePolled<T>(load: () => Promise<T>, everyMs: number | null, deps: readonly unknown[]): { value: T | null; error: KioskError | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const { error, fail, clear } = useKioskError();
  const loadRef = useRef(load);
  loadRef.current = load;
  const alive = useRef(true);
  const reload = useCallback(() => {
    loadRef.current().then(
      (v) => {
        if (!alive.current) return;
        setValue(v);
        clear();
      },
      (e: unknown) => {
        if (alive.current) fail(e);
      },
    );
  }, [clear, fail]);
  useEffect(() => {
    alive.current = true;
    setValue(null);
    reload();
    const timer = everyMs === null ? undefined : window.setInterval(reload, everyMs);
    return () => {
      alive.current = false;
      window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  }, [reload, everyMs, ...deps]);
  return { value, error, reload };
}
