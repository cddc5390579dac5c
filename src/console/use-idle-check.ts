import { useEffect } from 'react';
import { SessionInfoSchema } from '../shared/console/api';
import { consoleCall } from './api';

/**
 * When nobody has touched the page for the session's idle time, ask the gateway: it has ended the session, so the
 * answer (401) takes the page back to sign-in and the data on screen is gone.
 */
export function useIdleCheck(idleSeconds: number | null): void {
  useEffect(() => {
    if (idleSeconds === null) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void consoleCall('GET', '/session', SessionInfoSchema).catch(() => undefined), idleSeconds * 1000 + 1000);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, arm);
    arm();
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [idleSeconds]);
}
