import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, type Page } from '@playwright/test';
import { DEMO_CONSOLE_ACCOUNTS } from '../../../src/county/console/console-demo-seed';
import type { CountyProcess } from './county-process';
import { expectNoAxeViolations } from './resident';

/** Console screenshots go to test output; `npm run docs:console-screens` copies them into docs/. */
export const CONSOLE_SHOTS = path.resolve(__dirname, '..', '..', '..', 'test-results', 'console-screens');

export const consolePassword = (username: string) => DEMO_CONSOLE_ACCOUNTS.find((a) => a.username === username)!.password;

/** The office screen the console is made for. */
export const CONSOLE_VIEWPORT = { width: 1366, height: 768 };

export async function signInConsole(page: Page, county: Pick<CountyProcess, 'url'>, username: string, password = consolePassword(username)): Promise<void> {
  await page.goto(`${county.url}/console/`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-who]')).toBeVisible();
}

export async function openConsolePage(page: Page, id: string): Promise<void> {
  await page.locator(`[data-page-link="${id}"]`).click();
  await expect(page.locator(`main[data-page="${id}"]`)).toBeVisible();
}

/** axe-clean and a screenshot, in the language the page shows now. */
export async function checkConsoleScreen(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: path.join(CONSOLE_SHOTS, `${name}.png`) });
}

/** Clicks a console button that downloads a workbook and answers the rows of its first sheet (ExcelJS reads the real file). */
export async function downloadFirstSheet(page: Page, action: string): Promise<unknown[][]> {
  const download = page.waitForEvent('download');
  await page.locator(`[data-action="${action}"]`).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  return workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
}
