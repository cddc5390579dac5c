import { useCallback, useRef, useState } from 'react';
import { KioskError } from '../../shared/contract/errors';

/** One button's call to the core: busy while it runs, then its result or its error in words (one at a time). */
export function useAction<A extends unknown[], R>(call: (...args: A) => Promise<R>): { busy: boolean; result: R | null; error: KioskError | null; run: (...args: A) => void } {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const callRef = useRef(call);
  callRef.current = call;
  const busyRef = useRef(false);
  const run = useCallback((...args: A) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setResult(null);
    setError(null);
    callRef.current(...args).then(
      (r) => {
        busyRef.current = false;
        setBusy(false);
        setResult(r);
      },
      (e: unknown) => {
        busyRef.current = false;
        setBusy(false);
        setError(e instanceof KioskError ? e : new KioskError('internal'));
      },
    );
  }, []);
  return { busy, result, error, run };
}
