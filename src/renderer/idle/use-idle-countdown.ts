import { useCallback, useEffect, useRef, useState } from 'react';

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; secondsLeft: number };

/**
 * Inactivity on the screen side: after `timeoutSeconds` without a touch or key the warning phase counts down
 * `countdownSeconds`, then onExpire runs. `warn(secondsLeft)` lets the core's session.expiring start (or
 * re-sync) the countdown; `extend()` is the dialog's "continue". Activity during the warning does not dismiss
 * it: the resident has to choose, so a stray touch does not hide the question (WCAG 2.2.1).
 */
export function useIdleCountdown(options: {
  enabled: boolean;
  timeoutSeconds: number;
  countdownSeconds: number;
  onActivity: () => void;
  onExpire: () => void;
}): { state: IdlePhase; extend: () => void; warn: (secondsLeft: number) => void } {
  const { enabled, timeoutSeconds, countdownSeconds } = options;
  const [state, setState] = useState<IdlePhase>({ phase: 'active' });
  const callbacks = useRef(options);
  callbacks.current = options;
  const idleTimer = useRef<number | undefined>(undefined);
  const phaseRef = useRef<IdlePhase['phase']>('active');
  phaseRef.current = state.phase;

  const armIdle = useCallback(() => {
    window.clearTimeout(idleTimer.current);
    if (!enabled) return;
    idleTimer.current = window.setTimeout(() => setState({ phase: 'warning', secondsLeft: countdownSeconds }), timeoutSeconds * 1000);
  }, [enabled, timeoutSeconds, countdownSeconds]);

  useEffect(() => {
    if (!enabled) {
      window.clearTimeout(idleTimer.current);
      setState({ phase: 'active' });
      return;
    }
    armIdle();
    const onActivity = () => {
      if (phaseRef.current !== 'active') return;
      armIdle();
      callbacks.current.onActivity();
    };
    window.addEventListener('pointerdown', onActivity, true);
    window.addEventListener('keydown', onActivity, true);
    return () => {
      window.clearTimeout(idleTimer.current);
      window.removeEventListener('pointerdown', onActivity, true);
      window.removeEventListener('keydown', onActivity, true);
    };
  }, [enabled, armIdle]);

  // One tick a second while warning; at zero the visit ends.
  useEffect(() => {
    if (state.phase !== 'warning') return;
    if (state.secondsLeft <= 0) {
      callbacks.current.onExpire();
      return;
    }
    const tick = window.setTimeout(() => setState({ phase: 'warning', secondsLeft: state.secondsLeft - 1 }), 1000);
    return () => window.clearTimeout(tick);
  }, [state]);

  const extend = useCallback(() => {
    setState({ phase: 'active' });
    armIdle();
    callbacks.current.onActivity();
  }, [armIdle]);

  const warn = useCallback(
    (secondsLeft: number) => {
      if (!enabled) return;
      window.clearTimeout(idleTimer.current);
      setState((s) => (s.phase === 'warning' && s.secondsLeft <= secondsLeft ? s : { phase: 'warning', secondsLeft }));
    },
    [enabled],
  );

  return { state, extend, warn };
}
