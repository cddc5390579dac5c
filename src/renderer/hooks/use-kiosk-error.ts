import { useCallback, useState } from 'react';
import { KioskError } from '../../shared/contract/errors';

/**
 * Whatever a call threw, as the KioskError the screens can word (ErrorMessage shows its title and what to do next in
 * the person's language). A failure that is not one of ours is `internal`: never raw text on screen.
 */
export function asKioskError(thrown: unknown): KioskError {
  return thrown instanceof KioskError ? thrown : new KioskError('internal');
}

/** A screen's current failure: `fail` takes whatever was thrown, `clear` forgets it before the next try. */
export function useKioskError(): { error: KioskError | null; fail: (thrown: unknown) => void; clear: () => void } {
  const [error, setError] = useState<KioskError | null>(null);
  const fail = useCallback((thrown: unknown) => setError(asKioskError(thrown)), []);
  const clear = useCallback(() => setError(null), []);
  return { error, fail, clear };
}
