import { useCallback, useRef, useState } from 'react';
import { useKioskError } from '../hooks/use-kiosk-error';
import { KioskError } from '../../shared/contract/errors';

/** One button's call to the core: busy while it runs, then its result or its error in words (one at a time). */
export function useAction<A extends unknown[], R>(call: (...args: A) => Promise<R>): { busy: boolean; result: R | null; error: KioskError | null; run: (...args: A) => void } {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const { error, fail, clear } = useKioskError();
  const callRef = useRef(call);
  callRef.current = call;
  const busyRef = useRef(false);
  const run = useCallback((...args: A) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setResult(null);
    clear();
    callRef.current(...args).then(
      (r) => {
        busyRef.current = false;
        setBusy(false);
        setResult(r);
      },
      (e: unknown) => {
        busyRef.current = false;
        setBusy(false);
        fail(e);
      },
    );
  }, [clear, fail]);
  return { busy, result, error, run };
}
