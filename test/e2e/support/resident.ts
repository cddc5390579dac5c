import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { pinyin } from 'pinyin-pro';
import { recordSubmits } from './submit-recorder';

/** What a resident does on the screen, written once for every e2e test. Everything goes through visible controls. */

export async function startVisit(page: Page, url: string): Promise<void> {
  // What the screen submits is kept to compare with what the county stores (before the page opens its socket).
  recordSubmits(page);
  await page.goto(url);
  await page.locator('.attract__start').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
}

export async function openCategory(page: Page, category: string): Promise<void> {
  await page.locator(`[data-category="${category}"]`).click();
  await expect(page.locator(`[data-screen="category:${category}"]`)).toBeVisible();
}

/** Presses keys on the on-screen keyboard (simple-keyboard buttons carry data-skbtn). */
export async function pressKeys(page: Page, keys: string): Promise<void> {
  // The keyboard is its own chunk, loaded when a screen needs it: wait for it before asking which case it shows
  // (isVisible does not wait, and a shift pressed while it was still loading left the other case up for good).
  if (keys.length > 0) await expect(page.locator('.osk [data-skbtn]').filter({ visible: true }).first()).toBeVisible();
  for (const key of keys) {
    const button = page.locator(`.osk [data-skbtn="${key}"]`);
    // Letters of the other case: press shift first (the keyboard shows one case at a time).
    if (/^[A-Za-z]$/.test(key) && !(await button.isVisible())) await page.locator('.osk [data-skbtn="{shift}"]').click();
    await button.click();
  }
}

/** Types Chinese on the pinyin keyboard: the pinyin of each character, then its candidate (paging if needed). */
export async function typeChinese(page: Page, text: string): Promise<void> {
  for (const character of text) {
    if (!/[\u3400-\u9fff]/.test(character)) {
      await pressKeys(page, character);
      continue;
    }
    const reading = pinyin(character, { toneType: 'none', type: 'array' })[0]!.replace('ü', 'v');
    await pressKeys(page, reading);
    const candidate = page.locator(`.osk [data-candidate="${character}"]`);
    for (let pages = 0; pages < 6 && !(await candidate.isVisible()); pages += 1) {
      await page.locator('.osk .osk__page').last().click();
    }
    await candidate.click();
  }
}

/** Runs axe-core on the current screen, WCAG A/AA plus AAA contrast (7:1), and fails with the rule ids found. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa'])
    .analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect({ screen, violations: found }).toEqual({ screen, violations: [] });
}
