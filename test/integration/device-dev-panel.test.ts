/**
 * @jest-environment jsdom
 */
import timers from 'node:timers';
import { TextEncoder, TextDecoder } from 'node:util';
// jsdom lacks the Node timers (unref, setImmediate) and encoders that the core, in-process here, relies on.
Object.assign(globalThis, {
  setImmediate: timers.setImmediate,
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval,
  clearInterval: timers.clearInterval,
  TextEncoder,
  TextDecoder,
  IS_REACT_ACT_ENVIRONMENT: true,
});

import { act, createElement, type Context, type FunctionComponent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { startTestCore } from '../support/core-harness';
import type { KioskCore } from '../../src/main/core';
import { KioskClient } from '../../src/shared/contract/client';
import type { SiteInfo } from '../../src/shared/contract/methods/system';

// The components are .tsx, which the Node-side type-check (no JSX) does not compile: load them at run time (swc does).
const { KioskContext } = require('../../src/renderer/app/kiosk-context') as { KioskContext: Context<{ client: KioskClient; site: SiteInfo } | null> };
const { DevPanel } = require('../../src/renderer/dev-panel/DevPanel') as { DevPanel: FunctionComponent };
import { setupI18n } from '../../src/renderer/i18n/setup';

/** The real developer panel component on a real simulated core (the carrier calls the dispatcher in-process). */
describe('developer panel drives the card reader simulators of a real core', () => {
  let core: KioskCore;
  let root: Root;
  let container: HTMLElement;
  let client: KioskClient;
  const seen: string[] = [];

  beforeAll(async () => {
    await setupI18n('en');
    ({ core } = await startTestCore());
    const connection = core.newConnection('internal');
    client = new KioskClient({ call: (method, params) => core.dispatcher.dispatch(connection, method, params), onEvent: (listener) => core.events.subscribe(listener) });
    core.events.subscribe((event, data) => seen.push(`${event}:${(data as { kind?: string; state?: string }).kind ?? (data as { state?: string }).state ?? ''}`));
    const site: SiteInfo = await client.invoke('site.info', {});
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
    await act(async () => root.render(createElement(KioskContext.Provider, { value: { client, site } }, createElement(DevPanel))));
  });

  afterAll(async () => {
    if (root) await act(async () => root.unmount());
    await core?.close();
  });

  const until = async (predicate: () => boolean | Promise<boolean>, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!(await predicate())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await act(async () => new Promise((r) => setTimeout(r, 25)));
    }
  };
  const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`) as HTMLElement;
  const click = (id: string) => act(async () => byTestId(id).click());

  it('opens, lists the sample residents, and inserts the chosen one\'s ID card so the session can identify them', async () => {
    await click('dev-panel-toggle');
    await until(() => (byTestId('dev-resident') as HTMLSelectElement | null)?.options.length === 8);
    expect(byTestId('dev-panel').textContent).toContain('Developer panel');
    const select = byTestId('dev-resident') as HTMLSelectElement;
    await act(async () => {
      select.value = '4';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('dev-id-insert');
    await until(() => seen.includes('card.inserted:idCard'));
    await until(() => byTestId('dev-id-card').textContent!.includes('欧阳志强'));
    expect(await client.invoke('session.identify', { source: 'idCard' })).toMatchObject({ maskedName: '欧**强', source: 'idCard' });
    await click('dev-id-remove');
    await until(() => seen.includes('card.removed:idCard'));
    await until(() => byTestId('dev-id-card').textContent!.includes('No card'));
  });

  it('inserts and pulls a social security card', async () => {
    await click('dev-ss-insert');
    await until(() => seen.includes('card.inserted:socialSecurityCard'));
    await click('dev-ss-remove');
    await until(() => seen.includes('card.removed:socialSecurityCard'));
  });
});
