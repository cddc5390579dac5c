import { useCallback, useEffect, useState } from 'react';
import type { MethodResult } from '../../shared/contract';
import { useKiosk } from '../app/kiosk-context';

export type HelpCall = MethodResult<'help.request'>;
/**
 * sending → reached (clerks were told; `takenBy` once one of them answers) or nobody (no clerk is logged in anywhere:
 * the duty phone instead of a promise) or failed (the call did not go out).
 */
export type HelpState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  | { phase: 'reached'; call: HelpCall; takenBy: string | null }
  | { phase: 'nobody'; call: HelpCall }
  | { phase: 'failed' };

/** The help button's behaviour: ask the core to call a clerk, then tell the resident truthfully what happened. */
export function useHelp(screen: string): { state: HelpState; request: () => void; dismiss: () => void } {
  const { client } = useKiosk();
  const [state, setState] = useState<HelpState>({ phase: 'idle' });
  const request = useCallback(() => {
    setState({ phase: 'sending' });
    client.invoke('help.request', { screen }).then(
      (call) => setState(call.delivered ? { phase: 'reached', call, takenBy: null } : { phase: 'nobody', call }),
      () => setState({ phase: 'failed' }),
    );
  }, [client, screen]);
  const callId = state.phase === 'reached' ? state.call.callId : null;
  useEffect(() => {
    if (!callId) return;
    return client.on('help.answered', (data) => {
      if (data.callId === callId) setState((s) => (s.phase === 'reached' ? { ...s, takenBy: data.clerkName } : s));
    });
  }, [client, callId]);
  // The banner stays a while, then makes room again (the call stays in the clerks' register).
  useEffect(() => {
    if (state.phase === 'idle' || state.phase === 'sending') return;
    const timer = window.setTimeout(() => setState({ phase: 'idle' }), 60_000);
    return () => window.clearTimeout(timer);
  }, [state.phase]);
  return { state, request, dismiss: () => setState({ phase: 'idle' }) };
}
