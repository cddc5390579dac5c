import { act } from '@testing-library/react';
import type { KioskClient } from '../../src/shared/contract/client';

/**
 * A stand-in for the core behind a screen under React Testing Library: methods answer from `answers` (any other
 * never answers), every call is counted, and the test fires the core's events itself. Screens that reload on events
 * are proven with it: which events make them ask again, which do not.
 */
export function coreStandIn(answers: Record<string, (input: unknown) => unknown>) {
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const asked = new Map<string, number>();
  const client = {
    invoke: (method: string, input: unknown) => {
      asked.set(method, (asked.get(method) ?? 0) + 1);
      const answer = answers[method];
      return answer ? Promise.resolve(answer(input)) : new Promise(() => undefined);
    },
    on: (event: string, listener: (data: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
  } as unknown as KioskClient;
  const fire = (event: string, data: unknown) =>
    act(async () => {
      listeners.get(event)?.forEach((l) => l(data));
      await Promise.resolve();
    });
  return { client, fire, asked: (method: string) => asked.get(method) ?? 0 };
}
