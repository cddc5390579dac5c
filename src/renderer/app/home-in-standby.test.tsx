/** @jest-environment jsdom */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import { resources } from '../../shared/locales';
import { SAMPLE_SITE_INFO } from '../../../test/support/sample-site-info';
import { answeringCore } from '../../../test/support/answering-core';

/**
 * Home waits behind the attract screen (home-in-standby.ts, Visit.tsx): rendered once the page is idle, kept out of
 * reach until a touch starts a visit, and then shown as it is, its elements kept, so the touch has nothing to build.
 */
const zh = resources['zh-CN'];

/** The page booted against a core that answers site.info and leaves every other call unanswered. */
async function bootedPage(): Promise<{ root: HTMLElement; asked: string[] }> {
  document.body.innerHTML = '<div id="root"></div>';
  const asked: string[] = [];
  const core = answeringCore(SAMPLE_SITE_INFO, asked);
  const { boot } = await import('../boot');
  await act(async () => boot(core, core.carrier.call('site.info', {})));
  return { root: document.getElementById('root')!, asked };
}

const tap = (element: Element | null) => act(() => void (element as HTMLElement).click());

beforeEach(() => {
  jest.resetModules();
  document.documentElement.setAttribute('lang', 'zh-CN');
});

describe('home in standby behind the attract screen', () => {
  it('is rendered once the page is idle, out of reach of touch, keyboard and screen readers, and named no screen', async () => {
    const { root } = await bootedPage();
    await waitFor(() => expect(root.querySelector('.shell')).not.toBeNull());
    const shell = root.querySelector('.shell')!;
    expect(shell.classList.contains('shell--standby')).toBe(true);
    expect(shell.hasAttribute('inert')).toBe(true);
    expect(shell.getAttribute('aria-hidden')).toBe('true');
    expect(shell.hasAttribute('data-screen')).toBe(false);
    // The attract screen is the only thing a person can reach: its button, none of home's.
    expect(screen.getByRole('button', { name: zh.common.attract.touchToStart })).toBeTruthy();
    expect(screen.queryByRole('button', { name: zh.common.nav.home })).toBeNull();
    expect(screen.queryAllByRole('button').some((b) => b.hasAttribute('data-category'))).toBe(false);
  });

  it('is shown by the touch as it is: the same elements, the attract screen gone, the screen named home', async () => {
    const { root, asked } = await bootedPage();
    await waitFor(() => expect(root.querySelector('.shell--standby [data-category="insurance"]')).not.toBeNull());
    const tile = root.querySelector('[data-category="insurance"]');
    await tap(root.querySelector('.attract__start'));
    expect(root.querySelector('.attract')).toBeNull();
    const shell = root.querySelector('.shell')!;
    expect(shell.classList.contains('shell--standby')).toBe(false);
    expect(shell.hasAttribute('inert')).toBe(false);
    expect(shell.hasAttribute('aria-hidden')).toBe(false);
    expect(shell.getAttribute('data-screen')).toBe('home');
    expect(root.querySelector('[data-category="insurance"]')).toBe(tile);
    expect(asked).toContain('session.end'); // a new visit: whatever the core held is someone else's
    await tap(tile);
    expect(root.querySelector('[data-screen="category:insurance"]')).not.toBeNull();
  });

  it('comes back behind the attract screen when the visit ends', async () => {
    const { root } = await bootedPage();
    await waitFor(() => expect(root.querySelector('.shell--standby')).not.toBeNull());
    await tap(root.querySelector('.attract__start'));
    // On home, "back" ends the visit.
    await tap(screen.getByRole('button', { name: zh.common.nav.back }));
    expect(root.querySelector('.attract')).not.toBeNull();
    await waitFor(() => expect(root.querySelector('.shell--standby')).not.toBeNull());
    expect(root.querySelector('[data-screen]')).toBeNull();
  });
});
