import { useEffect, type DependencyList } from 'react';

/**
 * An effect whose late answers are dropped: `alive()` is true until the effect is cleaned up (the screen left, or its
 * inputs changed), so a reply that arrives afterwards never sets state on a screen that no longer asked for it.
 * The deps are checked like useEffect's (eslint `additionalHooks`).
 */
export function useAliveEffect(effect: (alive: () => boolean) => void | (() => void), deps: DependencyList): void {
  useEffect(() => {
    let live = true;
    const cleanup = effect(() => live);
    return () => {
      live = false;
      cleanup?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked at the call site
  }, deps);
}
