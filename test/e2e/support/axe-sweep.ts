import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './resident';

/**
 * axe-core over every distinct screen a run of items passes through, in both languages. Forty-four items repeat
 * the same steps, so a screen already scanned (same step, same kinds of field) is not scanned again: each scan
 * costs one to three seconds, and the sweep reports how many it made and the time they took.
 */
export class AxeSweep {
  private readonly scanned = new Set<string>();
  private scans = 0;
  private millis = 0;

  /**
   * Scans this screen in Chinese, switches to English and scans again, then switches back. `settled` waits for what
   * the screen loads again after a language switch (a lookup asks the county in the new language).
   */
  async scan(page: Page, screen: string, settled?: () => Promise<void>): Promise<void> {
    if (this.scanned.has(screen)) return;
    this.scanned.add(screen);
    const started = Date.now();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoAxeViolations(page, `${screen} (zh-CN)`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await settled?.();
    await expectNoAxeViolations(page, `${screen} (en)`);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await settled?.();
    this.scans += 2;
    this.millis += Date.now() - started;
  }

  /** The screens scanned so far, and what the sweep cost (reported by the spec after its run). */
  summary(): { screens: string[]; scans: number; seconds: number } {
    return { screens: [...this.scanned], scans: this.scans, seconds: Math.round(this.millis / 100) / 10 };
  }
}
