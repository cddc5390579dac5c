import { expect, type Page } from '@playwright/test';

/**
 * Waits until the app has taken the page over from the host's first screens (early-taps.ts): the root's content is
 * React's (its elements carry React's fiber keys; the host's markup has none, as it is not hydrated). Taps before
 * that are kept and carried out (first-paint/first-taps.ts), but a gesture React times itself, such as the staff
 * corner held for three seconds, only counts once React is running. Read from the DOM, not from the start-up marks,
 * so it works under Playwright's fake clock too (its `performance` keeps no marks).
 */
export async function appTookOver(page: Page, timeout = 30_000): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector('#root > *') ?? {}).some((key) => key.startsWith('__reactFiber$'))), { timeout })
    .toBe(true);
}
