/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, waitFor } from '@testing-library/react';
import type { ClientCarrier } from '../../shared/contract/client';
import type { SiteInfo } from '../../shared/contract/methods/system';
import type { EarlyTap } from './early-taps';
import { resources } from '../../shared/locales';
import { SAMPLE_SITE_INFO } from '../../../test/support/sample-site-info';
import { answeringCore } from '../../../test/support/answering-core';

/**
 * The host's first screens (first-screens.tsx) and the page taking them over (first-taps.ts, early-taps.ts, boot):
 * - the markup the host writes is the page's own first render, attract and home, so React's first commit changes
 *   nothing a person sees and a tap's place means the same button in both;
 * - a touch on the attract screen shows home before React runs, and the taps made then are carried out once it
 *   does (the visit is where the person left it), a tap whose place now holds something else is not.
 */
type Page = { root: HTMLElement; asked: string[] };


async function hostMarkup(site: SiteInfo): Promise<{ attract: string; home: string; whole: string }> {
  const { renderFirstScreens } = await import('./first-screens');
  const whole = renderFirstScreens(site);
  const [attract, rest] = whole.split('<template data-first-home>');
  return { attract: attract!, home: rest?.replace(/<\/template>$/, '') ?? '', whole };
}

/** The page as the host serves it: `markup` in the root, the first script run, then boot with the core answering `site`. */
async function servePage(markup: string): Promise<Page> {
  document.body.innerHTML = `<div id="root">${markup}</div>`;
  await import('./first-taps');
  return { root: document.getElementById('root')!, asked: [] };
}

async function boot(page: Page, site: SiteInfo): Promise<void> {
  const { boot: start } = await import('../boot');
  const core = answeringCore(site, page.asked);
  await act(async () => start(core, core.carrier.call('site.info', {})));
}

const tap = (element: Element | null) => act(() => void (element as HTMLElement).click());

beforeEach(() => {
  jest.resetModules();
  // jsdom has no idle callbacks; home asks for one to preload the later screens, which these tests never open.
  Object.assign(window, { requestIdleCallback: () => 0, cancelIdleCallback: () => undefined });
  document.documentElement.setAttribute('lang', 'zh-CN');
});
afterEach(() => {
  window.firstScreens?.stop();
  delete window.firstScreens;
  document.documentElement.removeAttribute('lang');
});

describe("the host's markup is the page's own first render", () => {
  const sites: Array<[string, SiteInfo]> = [
    ['a village point in zh-CN', SAMPLE_SITE_INFO],
    ['the demonstration point in English, with someone on duty', { ...SAMPLE_SITE_INFO, level: 'demonstration', defaultLanguage: 'en', onDuty: 'Wang Jianguo' }],
  ];
  it.each(sites)('attract, then home after a touch, for %s', async (_label, site) => {
    const host = await hostMarkup(site);
    const page = await servePage('');
    await boot(page, site);
    await waitFor(() => expect(page.root.querySelector('.attract')).not.toBeNull());
    expect(page.root.innerHTML).toBe(host.attract);
    await tap(page.root.querySelector('.attract__start'));
    expect(page.root.innerHTML).toBe(host.home);
    expect(host.home).toContain('data-category');
  });

  it('draws nothing for a window PC, which opens on the staff sign-in', async () => {
    const { renderFirstScreens } = await import('./first-screens');
    expect(renderFirstScreens({ ...SAMPLE_SITE_INFO, station: 'window' })).toBe('');
  });

  it('refuses settings that are not a site.info answer', async () => {
    const { renderFirstScreens } = await import('./first-screens');
    expect(() => renderFirstScreens({ ...SAMPLE_SITE_INFO, level: 'county' })).toThrow();
    expect(() => renderFirstScreens(null)).toThrow();
  });
});

describe('taps before React runs', () => {
  it('shows home at the touch, and once React runs opens the tile tapped meanwhile', async () => {
    const host = await hostMarkup(SAMPLE_SITE_INFO);
    const page = await servePage(host.whole);
    await tap(page.root.querySelector('.attract__start'));
    expect(page.root.querySelector('.attract')).toBeNull();
    expect(page.root.innerHTML).toBe(host.home);
    await tap(page.root.querySelector('[data-category="insurance"] .tile__name'));
    expect(page.root.innerHTML).toBe(host.home); // nothing else happens before React
    await boot(page, SAMPLE_SITE_INFO);
    await waitFor(() => expect(page.root.querySelector('[data-screen="category:insurance"]')).not.toBeNull());
    // The touch was carried out by the page's own handler: a new visit ends whatever the core held before.
    expect(page.asked).toContain('session.end');
    // React's own screens now: "back" goes home, where the tile was.
    await tap([...page.root.querySelectorAll('.shell__nav button')][0]!);
    expect(page.root.querySelector('[data-screen="home"]')).not.toBeNull();
  });

  it('a touch anywhere on the attract screen shows home, as React does', async () => {
    const host = await hostMarkup(SAMPLE_SITE_INFO);
    const page = await servePage(host.whole);
    await tap(page.root.querySelector('.attract__facts dd'));
    expect(page.root.innerHTML).toBe(host.home);
    await boot(page, SAMPLE_SITE_INFO);
    await waitFor(() => expect(page.root.querySelector('[data-screen="home"]')).not.toBeNull());
  });

  it('leaves the attract screen as it is when nothing was touched', async () => {
    const host = await hostMarkup(SAMPLE_SITE_INFO);
    const page = await servePage(host.whole);
    await boot(page, SAMPLE_SITE_INFO);
    await waitFor(() => expect(page.root.innerHTML).toBe(host.attract));
    expect(page.asked).not.toContain('session.end');
  });

  it('does not carry out a tap whose place holds something else once React runs (the settings changed meanwhile)', async () => {
    // Served as the demonstration point (five tiles), booted as a village point (four): the fifth tile is gone.
    const host = await hostMarkup({ ...SAMPLE_SITE_INFO, level: 'demonstration' });
    const page = await servePage(host.whole);
    await tap(page.root.querySelector('.attract__start'));
    const tiles = page.root.querySelectorAll('[data-category]');
    expect(tiles).toHaveLength(5);
    await tap(tiles[4]!);
    await boot(page, SAMPLE_SITE_INFO);
    await waitFor(() => expect(page.root.querySelector('[data-screen="home"]')).not.toBeNull());
    expect(page.root.querySelectorAll('[data-category]')).toHaveLength(4);
  });

  it.each([
    ['another class', { className: 'button attract__other' }],
    ['another kind of element', { tag: 'A' }],
  ])('does not carry out a tap whose place holds another element than the one tapped (%s)', async (_label, differs) => {
    const host = await hostMarkup(SAMPLE_SITE_INFO);
    const page = await servePage(host.whole);
    await tap(page.root.querySelector('.attract__start'));
    const taps = window.firstScreens!.taps as EarlyTap[];
    expect(taps).toEqual([{ path: [0, 0, 2], tag: 'BUTTON', className: 'button button--primary attract__start' }]);
    // The same place, recorded as another element (a build whose attract screen differs): not clicked.
    taps[0] = { ...taps[0]!, ...differs };
    await boot(page, SAMPLE_SITE_INFO);
    await waitFor(() => expect(page.root.innerHTML).toBe(host.attract));
    expect(page.asked).not.toContain('session.end');
  });

  it('forgets the taps when the waiting screen takes the page (the core did not answer at first)', async () => {
    const host = await hostMarkup(SAMPLE_SITE_INFO);
    const page = await servePage(host.whole);
    await tap(page.root.querySelector('.attract__start'));
    await tap(page.root.querySelector('[data-category="job"]'));
    // site.info fails once: boot shows the waiting screen, asks again a second later, then renders the app.
    let failures = 1;
    const carrier: ClientCarrier = {
      call: (method) =>
        (page.asked.push(method), method === 'site.info' ? Promise.resolve(failures-- > 0 ? { error: { code: 'internal', messageKey: 'errors:internal', retryable: true } } : { result: SAMPLE_SITE_INFO }) : new Promise(() => undefined)),
      onEvent: () => () => undefined,
    };
    const { boot: start } = await import('../boot');
    await act(async () => void start({ carrier, onConnectionChange: () => () => undefined }, carrier.call('site.info', {})));
    await waitFor(() => expect(page.root.querySelector('h1')?.textContent).toBe(resources['zh-CN'].common.app.starting.title));
    await waitFor(() => expect(page.root.querySelector('.attract')).not.toBeNull(), { timeout: 5000 });
    expect(window.firstScreens!.taps).toHaveLength(0);
    expect(page.asked).not.toContain('session.end');
  });

  it('keeps no taps once React has the screen', async () => {
    const page = await servePage((await hostMarkup(SAMPLE_SITE_INFO)).whole);
    await boot(page, SAMPLE_SITE_INFO);
    await tap(page.root.querySelector('.attract__start'));
    expect(window.firstScreens!.taps).toHaveLength(0);
    expect(page.root.querySelector('[data-screen="home"]')).not.toBeNull();
  });
});

describe('the first frame (what the page waits for before its modules), and the font after the app took over', () => {
  /** Frames are drawn only when `draw()` is called: jsdom's own would come on a timer. */
  function heldFrames() {
    const callbacks: FrameRequestCallback[] = [];
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => callbacks.push(callback));
    return { draw: () => callbacks.splice(0).forEach((callback) => callback(performance.now())) };
  }
  const settled = (promise: Promise<void>) => Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20))]);
  const visibility = (state: DocumentVisibilityState) => Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });

  beforeEach(async () => {
    // The first scripts of the tests before (each test runs its own) have frames pending on jsdom's clock: let them pass.
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.head.innerHTML = '<link rel="stylesheet" href="./assets/fonts.css" disabled data-deferred-fonts>';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    Reflect.deleteProperty(document, 'visibilityState');
    document.head.innerHTML = '';
  });

  const fontsOn = () => !document.querySelector('link[data-deferred-fonts]')!.hasAttribute('disabled');

  it('is painted once a frame has been drawn; the font stays off', async () => {
    const frames = heldFrames();
    await servePage((await hostMarkup(SAMPLE_SITE_INFO)).whole);
    expect(await settled(window.firstScreens!.painted)).toBe(false);
    frames.draw();
    expect(await settled(window.firstScreens!.painted)).toBe(true);
    frames.draw();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fontsOn()).toBe(false);
  });

  it("switches the font on once the app has taken over and drawn its first frame, after the first screens' taps", async () => {
    const frames = heldFrames();
    const page = await servePage((await hostMarkup(SAMPLE_SITE_INFO)).whole);
    await tap(page.root.querySelector('.attract__start'));
    frames.draw();
    await boot(page, SAMPLE_SITE_INFO);
    expect(page.root.querySelector('[data-screen="home"]')).not.toBeNull();
    expect(fontsOn()).toBe(false);
    frames.draw();
    await waitFor(() => expect(fontsOn()).toBe(true));
  });

  it('does not wait for a frame in a page that is not shown (it draws none), nor once the page is hidden', async () => {
    heldFrames();
    visibility('hidden');
    await servePage((await hostMarkup(SAMPLE_SITE_INFO)).whole);
    expect(await settled(window.firstScreens!.painted)).toBe(true);
    expect(fontsOn()).toBe(false);

    jest.resetModules();
    delete window.firstScreens;
    visibility('visible');
    await servePage((await hostMarkup(SAMPLE_SITE_INFO)).whole);
    expect(await settled(window.firstScreens!.painted)).toBe(false);
    visibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(window.firstScreens!.painted)).toBe(true);
  });
});
