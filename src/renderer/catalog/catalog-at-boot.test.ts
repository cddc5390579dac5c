import { describe, expect, it } from '@jest/globals';
import type { KioskClient } from '../../shared/contract/client';
import { askCatalogAtBoot } from './catalog-at-boot';

/** A core stand-in: each catalog.list answers the catalogue version in force when it is asked. */
function core() {
  const listeners = new Set<(change: { part: string; version: number }) => void>();
  const state = { version: 1, asked: 0 };
  const client = {
    invoke: (method: string) => {
      expect(method).toBe('catalog.list');
      state.asked += 1;
      return Promise.resolve({ version: state.version });
    },
    on: (_event: string, listener: (change: { part: string; version: number }) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as KioskClient;
  const publish = (part: string) => {
    if (part === 'catalog') state.version += 1;
    for (const l of listeners) l({ part, version: state.version });
  };
  return { client, state, publish, listening: () => listeners.size };
}

describe('the catalogue asked at start-up', () => {
  it('is asked once site.info has answered, and handed over as it came', async () => {
    const { client, state } = core();
    let siteAnswered: () => void = () => undefined;
    const boot = askCatalogAtBoot(client, new Promise<void>((resolve) => (siteAnswered = resolve)));
    await Promise.resolve();
    expect(state.asked).toBe(0);
    siteAnswered();
    await expect(boot.take()).resolves.toEqual({ version: 1 });
    expect(state.asked).toBe(1);
  });

  it('a newer catalogue announced before the provider takes it is asked again, so the provider starts from the newest', async () => {
    const { client, state, publish } = core();
    const boot = askCatalogAtBoot(client, Promise.resolve());
    await Promise.resolve();
    publish('staff'); // not the catalogue: nothing asked again
    publish('catalog');
    await expect(boot.take()).resolves.toEqual({ version: 2 });
    expect(state.asked).toBe(2);
  });

  it('stops following changes once taken: from then on that is the provider', async () => {
    const { client, state, publish, listening } = core();
    const boot = askCatalogAtBoot(client, Promise.resolve());
    await boot.take();
    expect(listening()).toBe(0);
    publish('catalog');
    expect(state.asked).toBe(1);
  });
});
