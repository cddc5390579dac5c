import { useEffect } from 'react';
import type { EventName } from '../../shared/contract/events';

/**
 * Loads a list now, and again whenever the core announces one of `events`: a register that other people (a help call,
 * a sync round) change stays current while the clerk looks at it. `reload` should be stable (useCallback).
 */
/** What the hook needs of the KioskClient: to listen to an event, and stop. */
export interface CoreEventFeed {
  on(event: EventName, listener: () => void): () => void;
}

export function useReloadOn(client: CoreEventFeed, events: readonly EventName[], reload: () => void): void {
  // The names as one string, so a list written inline does not resubscribe on every render.
  const names = events.join(' ');
  useEffect(() => {
    reload();
    const offs = (names.split(' ') as EventName[]).map((event) => client.on(event, () => reload()));
    return () => offs.forEach((off) => off());
  }, [client, names, reload]);
}
