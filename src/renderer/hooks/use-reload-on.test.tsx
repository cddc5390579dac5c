/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { renderHook } from '@testing-library/react';
import type { EventName } from '../../shared/contract/events';
import { useReloadOn } from './use-reload-on';

/** A client whose events the test fires by hand. */
function fakeClient() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    on(event: EventName, listener: () => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
    fire(event: string) {
      listeners.get(event)?.forEach((l) => l());
    },
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

describe('a list that follows the core', () => {
  it('loads once, again on each named event (not on others), and stops listening when the screen goes', () => {
    const client = fakeClient();
    let loads = 0;
    const reload = () => void loads++;
    const { rerender, unmount } = renderHook(() => useReloadOn(client, ['help.requested', 'help.answered'], reload));
    expect(loads).toBe(1);
    client.fire('help.requested');
    client.fire('help.answered');
    client.fire('sync.progress');
    expect(loads).toBe(3);
    // A new inline array with the same names keeps the one subscription.
    rerender();
    expect(loads).toBe(3);
    expect(client.count()).toBe(2);
    unmount();
    expect(client.count()).toBe(0);
    client.fire('help.requested');
    expect(loads).toBe(3);
  });
});
