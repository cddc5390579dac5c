import { useEffect, useState } from 'react';

/**
 * Whether home may wait behind the attract screen: rendered and laid out, not shown (Shell's `standby`), so the touch
 * that starts a visit only has to show it (issue 15 item 9; docs/architecture.md "Home in standby"). It is rendered
 * once the page is idle after the attract screen is up, never in the same frame: the attract screen comes first.
 */
export function useHomeInStandby(attractUp: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!attractUp || ready) return;
    const idle = requestIdleCallback(() => setReady(true), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [attractUp, ready]);
  return ready;
}
