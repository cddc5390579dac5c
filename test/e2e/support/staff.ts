import { expect, type Page } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../../src/county/demo-seed';
import { appTookOver } from './app';
import { pressKeys } from './resident';

/** What a clerk does on the kiosk, through the visible (and the one hidden) controls. */

/**
 * Holds the top-left corner of the attract screen until the staff login opens (the entry wants three seconds,
 * docs/staff-mode.md), then lets go. With `ms`, a touch of exactly that length: the duration is the gesture being
 * tested (a short touch must open nothing), not a wait for something to happen.
 */
export async function holdStaffCorner(page: Page, ms?: number): Promise<void> {
  // The corner is in the host's first screens from the start; the hold is timed by React.
  await appTookOver(page);
  await expect(page.locator('[data-staff-entry]')).toBeAttached();
  await page.mouse.move(20, 20);
  await page.mouse.down();
  if (ms === undefined) await expect(page.locator('[data-staff-login]')).toBeVisible({ timeout: 10_000 });
  else await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** Types account and password into the open staff login on the on-screen keyboard and submits (a window PC opens on it). */
export async function typeStaffLogin(page: Page, username: string, password: string): Promise<void> {
  const dialog = page.locator('[data-staff-login]');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-staff-field="username"]').click();
  await pressKeys(page, username);
  await dialog.locator('[data-staff-field="password"]').click();
  await pressKeys(page, password);
  await dialog.locator('[data-staff-submit]').click();
}

/** Opens the staff login from the attract screen's corner and logs in; waits for the banner unless told otherwise. */
export async function staffLogin(page: Page, username: string, password: string, expectBanner = true): Promise<void> {
  await holdStaffCorner(page);
  await typeStaffLogin(page, username, password);
  if (expectBanner) await expect(page.locator('[data-staff-banner]')).toBeVisible();
}

/** Counts the tones a page starts through Web Audio (window.chimeTones): the help chime is heard, not only seen. */
export async function countChimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { chimeTones: number };
    w.chimeTones = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.chimeTones += 1;
      return original.call(this);
    };
  });
}

/** The demo technician logs in on the kiosk at `url` and opens the technician's workspace. */
export async function openTechnicianWorkspace(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await staffLogin(page, 'tech', DEMO_STAFF_PASSWORDS.tech!);
  await page.locator('[data-technician-open]').click();
  await expect(page.locator('[data-technician-workspace]')).toBeVisible();
}
