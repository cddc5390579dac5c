import type { ReactElement } from 'react';
import { act, render } from '@testing-library/react';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { KioskClient } from '../../src/shared/contract/client';
import type { SiteInfo } from '../../src/shared/contract/methods/system';
import { KioskContext } from '../../src/renderer/app/kiosk-context';
import { CatalogProvider } from '../../src/renderer/catalog/catalog-context';

/**
 * A stand-in for the core behind a screen under React Testing Library: methods answer from `answers` (any other
 * never answers), every call is counted, and the test fires the core's events itself. Screens that reload on events
 * are proven with it: which events make them ask again, which do not. `catalog.list` answers the default catalogue
 * unless `answers` says otherwise.
 */
export function coreStandIn(given: Record<string, (input: unknown) => unknown>) {
  const catalog = defaultCatalog();
  const answers: Record<string, (input: unknown) => unknown> = { 'catalog.list': () => ({ version: catalog.version, items: catalog.items, source: 'default' }), ...given };
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

/** Renders a screen as the app does, on a stand-in core: the kiosk's context (a kiosk station) and its catalogue. */
export function renderOnCore(core: ReturnType<typeof coreStandIn>, screen: ReactElement): ReturnType<typeof render> {
  const site = { station: 'kiosk', simulated: false } as unknown as SiteInfo;
  return render(
    <KioskContext.Provider value={{ client: core.client, site }}>
      <CatalogProvider>{screen}</CatalogProvider>
    </KioskContext.Provider>,
  );
}
