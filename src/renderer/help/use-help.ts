import { useCallback, useEffect, useState } from 'react';
import { useKiosk } from '../app/kiosk-context';

export type HelpState = 'idle' | 'sending' | 'coming' | 'failed';

/** The help button's behaviour: ask the core to call a clerk, then tell the resident help is coming. */
export function useHelp(screen: string): { state: HelpState; request: () => void; dismiss: () => void } {
  const { client } = useKiosk();
  const [state, setState] = useState<HelpState>('idle');
  const request = useCallback(() => {
    setState('sending');
    client.invoke('help.request', { screen }).then(
      () => setState('coming'),
      () => setState('failed'),
    );
  }, [client, screen]);
  // The banner stays a while, then makes room again; the clerk has been told already.
  useEffect(() => {
    if (state !== 'coming' && state !== 'failed') return;
    const timer = window.setTimeout(() => setState('idle'), 30_000);
    return () => window.clearTimeout(timer);
  }, [state]);
  return { state, request, dismiss: () => setState('idle') };
}
