import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './resident';

/**
 * axe-core over every distinct screen a run of items passes through, in both languages and in elder mode (大字模式:
 * larger text and controls, where contrast and target sizes change). Forty-four items repeat
 * the same steps, so a screen already scanned (same step, same kinds of field) is not scanned again: each scan
 * costs one to three seconds, and the sweep reports how many it made and the time they took.
 */
export class AxeSweep {
  private readonly scanned = new Set<string>();
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

  /** The screens scanned so far, and what the sweep cost (reported by the spec after its run). */
  summary(): { screens: string[]; scans: number; seconds: number } {
    return { screens: [...this.scanned], scans: this.scans, seconds: Math.round(this.millis / 100) / 10 };
  }
}
