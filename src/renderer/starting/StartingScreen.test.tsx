/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import type { ClientCarrier } from '../../shared/contract/client';
import { resources } from '../../shared/locales';
import type { CoreConnection } from '../api/connect';
import { boot } from '../boot';
import { SAMPLE_SITE_INFO } from '../../../test/support/sample-site-info';

const SITE = SAMPLE_SITE_INFO;
const NOT_UP = { error: { code: 'unavailable', messageKey: 'errors:unavailable', retryable: true } };

type Answer = { result: unknown } | { error: unknown };

/**
 * A core whose `site.info` answers are scripted in order (an answer, or one that comes when the test says); every
 * other method stays unanswered, as a core still busy would leave it. The page's entry asked once already (`first`).
 */
function scriptedCore(answers: Array<Answer | Promise<Answer>>): { core: CoreConnection; first: ReturnType<ClientCarrier['call']>; asks: () => number } {
  let asks = 0;
  const carrier: ClientCarrier = {
    call: (method) => {
      if (method !== 'site.info') return new Promise(() => undefined);
      const answer = answers[asks++];
      return answer ? Promise.resolve(answer) : new Promise(() => undefined); // nothing scripted: never answered
    },
    onEvent: () => () => undefined,
  };
  const core: CoreConnection = { carrier, onConnectionChange: () => () => undefined };
  return { core, first: carrier.call('site.info', {}), asks: () => asks };
}

const pass = (ms: number) => act(async () => void (await jest.advanceTimersByTimeAsync(ms)));

describe('start-up when the core does not answer (boot.tsx with starting/)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    document.body.innerHTML = '<div id="root"></div>';
  });
  afterEach(() => {
    jest.useRealTimers();
    document.documentElement.removeAttribute('lang');
  });

  it("shows the page's language's words while site.info fails, asks again with backoff, then the attract screen in the same page", async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    const zh = resources['zh-CN'].common.app.starting;
    const { core, first, asks } = scriptedCore([NOT_UP, NOT_UP, { result: SITE }]);
    const root = document.getElementById('root');
    let booted = false;
    void boot(core, first).then(() => (booted = true));
    await pass(0);

    // The first answer failed: the screen says so at once, in Chinese, and what to do.
    expect(await screen.findByRole('heading', { name: zh.title })).toBeTruthy();
    expect(screen.getByText(zh.unreachable)).toBeTruthy();
    expect(screen.getByText(zh.advice)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(zh.retrying_other.replace('{{count}}', '1'));
    expect(document.title).toBe(resources['zh-CN'].common.app.title);

    // Asked again after 1 s (not before), failed again; then after 2 s more.
    await pass(999);
    expect(asks()).toBe(1);
    await pass(1);
    expect(asks()).toBe(2);
    expect(screen.getByRole('status').textContent).toBe(zh.retrying_other.replace('{{count}}', '2'));
    await pass(1999);
    expect(asks()).toBe(2);
    await pass(1);
    expect(asks()).toBe(3);

    // Answered: the attract screen replaces the waiting one in the same root, without a reload.
    expect(await screen.findByRole('heading', { name: SITE.name['zh-CN'] })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: zh.title })).toBeNull();
    expect(document.getElementById('root')).toBe(root);
    expect(booted).toBe(true);
    // Nothing shows the waiting screen again later (its texts arriving late, a timer left behind).
    await pass(60_000);
    expect(screen.queryByRole('heading', { name: zh.title })).toBeNull();
    expect(asks()).toBe(3);
  });

  it('says it is still connecting when the first answer is late (the socket refused), in English on an English page', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const en = resources.en.common.app.starting;
    let answer: (a: Answer) => void = () => undefined;
    const { core, first, asks } = scriptedCore([new Promise((resolve) => (answer = resolve))]);
    void boot(core, first);
    await pass(2000);
    expect(screen.queryByRole('heading')).toBeNull(); // a quick start shows nothing in between
    await pass(1000);
    expect(await screen.findByRole('heading', { name: en.title })).toBeTruthy();
    expect(screen.getByText(en.waiting)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(en.connecting);
    expect(asks()).toBe(1); // the carrier itself keeps trying the socket; the entry's question stands
    await act(async () => answer({ result: SITE }));
    // The point's language is zh-CN: the attract screen follows it, as it always has.
    expect(await screen.findByRole('heading', { name: SITE.name['zh-CN'] })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: en.title })).toBeNull();
  });
});
