import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './resident';

/**
 * axe-core over every distinct screen a run of items passes through, in both languages and in elder mode (大字模式:
 * larger text and controls, where contrast and target sizes change). Forty-four items repeat
 * the same steps, so a screen already scanned (same step; a form with no kind of field not scanned before) is not scanned again: each scan
 * costs one to three seconds, and the sweep reports how many it made and the time they took.
 */
export class AxeSweep {
  private readonly scanned = new Set<string>();
  /** For `scanNewParts`: the parts each screen name had in the scans made. */
  private readonly partsSeen = new Map<string, Set<string>>();
  private scans = 0;
  private millis = 0;

  /**
   * Scans this screen in Chinese, in Chinese with elder mode on, then switches to English and scans again, and
   * switches back. `settled` waits for what the screen loads again after a language switch (a lookup asks the county
   * in the new language). Elder mode is scanned in Chinese, the language most residents use; flow.spec scans an
   * English form in elder mode.
   */
  async scan(page: Page, screen: string, settled?: () => Promise<void>): Promise<void> {
    if (this.scanned.has(screen)) return;
    this.scanned.add(screen);
    const started = Date.now();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoAxeViolations(page, `${screen} (zh-CN)`);
    const elder = page.locator('.shell__tools button[aria-pressed]');
    await elder.click();
    await expect(page.locator('html')).toHaveClass(/(^|\s)elder(\s|$)/);
    await expect(elder).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page, `${screen} (zh-CN, elder mode)`);
    await elder.click();
    await expect(page.locator('html')).not.toHaveClass(/(^|\s)elder(\s|$)/);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await settled?.();
    await expectNoAxeViolations(page, `${screen} (en)`);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await settled?.();
    this.scans += 3;
    this.millis += Date.now() - started;
  }

  /**
   * Scans a screen built of parts (a form page of its kinds of field) when it has a part no scanned screen of that name
   * had: axe's findings sit with a field's own markup, and the 44 items' forms combine a dozen kinds into some 25 sets,
   * so scanning each set again cost about two minutes of CI and found nothing the kinds alone do not.
   */
  async scanNewParts(page: Page, screen: string, parts: readonly string[], settled?: () => Promise<void>): Promise<void> {
    const seen = this.partsSeen.get(screen) ?? new Set<string>();
    this.partsSeen.set(screen, seen);
    if (parts.length > 0 && parts.every((part) => seen.has(part))) return;
    for (const part of parts) seen.add(part);
    await this.scan(page, `${screen} (${[...parts].sort().join(',')})`, settled);
  }

  /** The screens scanned so far, and what the sweep cost (reported by the spec after its run). */
  summary(): { screens: string[]; scans: number; seconds: number } {
    return { screens: [...this.scanned], scans: this.scans, seconds: Math.round(this.millis / 100) / 10 };
  }
}
