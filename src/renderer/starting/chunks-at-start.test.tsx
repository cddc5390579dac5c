/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import { resources } from '../../shared/locales';
import type { loadLanguage as LoadLanguage } from '../i18n/load-language';
import { SAMPLE_SITE_INFO } from '../../../test/support/sample-site-info';
import { answeringCore } from '../../../test/support/answering-core';

/**
 * Start-up when its own pieces fail to load (defect: a blank page forever): the boot chunk that the page's entry
 * (main.tsx) imports, the waiting screen's chunk, the texts. Each is fetched again with backoff while the waiting
 * screen says the machine is starting; a page that cannot show even that reloads itself. The core answers at once.
 */
const SITE = SAMPLE_SITE_INFO;
const zh = resources['zh-CN'].common.app.starting;
const pass = (ms: number) => act(async () => void (await jest.advanceTimersByTimeAsync(ms)));
/** The fake clock moved on to `ms` after `start` (findByRole moves it too, 50 ms at a time, while it waits). */
const passUntil = (start: number, ms: number) => pass(start + ms - Date.now());
const failed = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));


let reloads = 0;
beforeEach(() => {
  jest.resetModules();
  jest.useFakeTimers();
  reloads = 0;
  jest.doMock('./reload-page', () => ({ reloadPage: () => void (reloads += 1) }));
  document.body.innerHTML = '<div id="root"></div>';
  document.documentElement.setAttribute('lang', 'zh-CN');
});
afterEach(() => {
  for (const mocked of ['./reload-page', '../api/connect', '../boot', './starting-page', '../i18n/load-language']) jest.dontMock(mocked);
  jest.useRealTimers();
  document.documentElement.removeAttribute('lang');
});

describe("the boot chunk failing to load (the page's entry, main.tsx)", () => {
  const startEntry = async (bootFails: () => boolean) => {
    let loads = 0;
    jest.doMock('../api/connect', () => ({ connectToCore: () => answeringCore(SITE) }));
    jest.doMock('../boot', () => {
      loads += 1;
      if (bootFails()) throw new TypeError('Failed to fetch dynamically imported module: boot.js');
      return jest.requireActual('../boot');
    });
    await import('../main'); // modules reset before each test: the entry runs afresh
    return { loads: () => loads };
  };

  it('shows the waiting screen, imports it again with backoff, then the attract screen in the same page', async () => {
    let failing = 2;
    const start = Date.now();
    const boot = await startEntry(() => failing-- > 0);
    await pass(0); // the first import fails at once
    expect(await screen.findByRole('heading', { name: zh.title })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(zh.retrying_other.replace('{{count}}', '1'));
    expect(boot.loads()).toBe(1);
    // Imported again 1 s after the first failure (not before), then 2 s after the second.
    await passUntil(start, 999);
    expect(boot.loads()).toBe(1);
    await passUntil(start, 1000);
    expect(boot.loads()).toBe(2);
    await passUntil(start, 2999);
    expect(boot.loads()).toBe(2);
    expect(screen.getByRole('status').textContent).toBe(zh.retrying_other.replace('{{count}}', '2'));
    await passUntil(start, 3000);
    expect(boot.loads()).toBe(3);
    expect(await screen.findByRole('heading', { name: SITE.name['zh-CN'] })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: zh.title })).toBeNull();
    await pass(60_000);
    expect(screen.queryByRole('heading', { name: zh.title })).toBeNull();
    expect(reloads).toBe(0);
  });

  it('reloads the page when the waiting screen cannot load either, and not before the delay', async () => {
    jest.doMock('./starting-page', () => {
      throw new TypeError('Failed to fetch dynamically imported module: starting-page.js');
    });
    await startEntry(() => true);
    await pass(19_999);
    expect(document.getElementById('root')!.childElementCount).toBe(0);
    expect(reloads).toBe(0);
    await pass(1);
    expect(reloads).toBe(1);
  });
});

describe("the texts failing to load (boot.tsx)", () => {
  /** loadLanguage failing while `fails` says so, then the real texts. */
  const texts = (fails: () => boolean) => {
    let calls = 0;
    jest.doMock('../i18n/load-language', () => {
      const actual = jest.requireActual<{ loadLanguage: typeof LoadLanguage }>('../i18n/load-language');
      return { loadLanguage: (language: 'zh-CN' | 'en') => (calls++, fails() ? failed() : actual.loadLanguage(language)) };
    });
    return { calls: () => calls };
  };
  const startBoot = async () => {
    const { boot } = await import('../boot');
    const core = answeringCore(SITE);
    void boot(core, core.carrier.call('site.info', {}));
  };

  it("shows the waiting screen while the screens' texts fail, fetches them again, then the attract screen", async () => {
    let failing = 1; // the screens' first setup (the page language's early ask is the entry's, main.tsx, not run here)
    texts(() => failing-- > 0);
    await startBoot();
    await pass(0);
    expect(await screen.findByRole('heading', { name: zh.title })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(zh.retrying_other.replace('{{count}}', '1'));
    await pass(1000); // fetched again after 1 s
    expect(await screen.findByRole('heading', { name: SITE.name['zh-CN'] })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: zh.title })).toBeNull();
    await pass(60_000);
    expect(reloads).toBe(0);
  });

  it('reloads the page when no texts can be fetched at all (not even the waiting screen can show)', async () => {
    const load = texts(() => true);
    await startBoot();
    await pass(19_999);
    expect(document.getElementById('root')!.childElementCount).toBe(0);
    expect(load.calls()).toBeGreaterThan(3); // fetched again meanwhile
    expect(reloads).toBe(0);
    await pass(1);
    expect(reloads).toBe(1);
  });
});
