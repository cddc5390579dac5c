import { expect, type Page } from '@playwright/test';
import type { CatalogItem } from '../../../src/shared/catalog/schema';
import { isFieldVisible, type FormValues } from '../../../src/shared/catalog/validate-form';
import type { SampleResident } from '../../../src/shared/samples/residents';
import type { CoreSocket } from './core-socket';
import { fillFormPage } from './form-filler';
import { pressKeys } from './resident';

export interface ItemOutcome {
  /** What the resident saw at the end: a receipt's tracking number, a lookup result, a printed notification. */
  kind: 'receipt' | 'lookup' | 'card' | 'notification' | 'refused';
  /** For a refused submission: the error code and the reason the screen gave in words. */
  refusal?: { code: string; reason: string };
  trackingNumber?: string;
  /** Text the receipt printer got during this item. */
  printed: string;
}

async function stepOf(page: Page): Promise<string> {
  return (await page.locator('[data-flow]').getAttribute('data-step')) ?? 'none';
}

async function leaves(page: Page, step: string): Promise<void> {
  await expect(page.locator('[data-flow]')).not.toHaveAttribute('data-step', step, { timeout: 20_000 });
}

/**
 * Runs one catalogue item from its tile to its end exactly as a resident would: the card from the simulated
 * reader, the form on the on-screen keyboard, pages from the fake camera, the face check on the simulated face
 * module, submission, and the receipt. The caller starts on the home screen.
 */
/** How the resident is identified: their card on the reader (default), or a logged-in clerk types the number. */
export interface CompleteOptions {
  typedByClerk?: { reason: 'cardUnreadable' | 'cardNotBrought' | 'cardLost' | 'readerFault' };
  /** Which card the resident lays on a reader (default: the ID card where the item takes it). */
  card?: 'idCard' | 'socialSecurityCard';
  /** Answers chosen instead of the filler's defaults (e.g. payTo: otherAccount). */
  answers?: FormValues;
  /**
   * 代理办 (a clerk logged in): the resident's social security card identifies the resident, the agent's ID card is
   * read, and the consent is a slip on the document camera or the resident's PIN. `atConsent` runs on the consent
   * screen (axe, language checks).
   */
  proxy?: { agent: SampleResident; relation: string; consent: 'signedSlip' | 'cardAndPin'; atConsent?: () => Promise<void> };
}

export async function completeItem(page: Page, core: CoreSocket, item: CatalogItem, resident: SampleResident, options: CompleteOptions = {}): Promise<ItemOutcome> {
  try {
    return await runItem(page, core, item, resident, options);
  } finally {
    // The resident takes the card away ("please take your card").
    await core.call('dev.idCard.remove').catch(() => undefined);
    await core.call('dev.ssCard.remove').catch(() => undefined);
  }
}

async function runItem(page: Page, core: CoreSocket, item: CatalogItem, resident: SampleResident, options: CompleteOptions): Promise<ItemOutcome> {
  await core.call('dev.printer.transcript', { clear: true });
  await page.locator(`[data-category="${item.category}"]`).click();
  await page.locator(`[data-item="${item.code}"]`).click();
  await expect(page.locator(`[data-screen="item:${item.code}"]`)).toBeVisible();
  const printed = async () => (await core.call('dev.printer.transcript', {})).text;

  if (item.type === 'info') {
    await page.locator('[data-action="print-notification"]').click();
    await expect(page.locator('.item-screen [role="status"]')).toBeVisible({ timeout: 20_000 });
    // The printer works through the job after the screen says it is printing: wait for the paper.
    await expect.poll(printed, { timeout: 20_000 }).toContain(item.name['zh-CN']);
    return { kind: 'notification', printed: await printed() };
  }

  // The tile's readiness must allow starting; if it does not, say which device or the network.
  const start = page.locator('[data-action="start"]');
  try {
    await expect(start).toBeEnabled({ timeout: 15_000 });
  } catch {
    throw new Error(`${item.code} cannot be started here: ${await page.locator('.item-screen .badge').textContent()}`);
  }
  await start.click();
  const values: FormValues = {};
  for (let guard = 0; guard < 20; guard += 1) {
    const step = await stepOf(page);
    if (step === 'identify' && options.typedByClerk) {
      const typed = page.locator('[data-typed-id]');
      await pressKeys(page, resident.idNumber);
      await typed.locator(`[data-typed-reason="${options.typedByClerk.reason}"]`).click();
      await typed.locator('[data-typed-submit]').click();
      await leaves(page, step);
    } else if (step === 'identify' && options.proxy) {
      const { agent, relation, consent, atConsent } = options.proxy;
      await page.locator('[data-action="proxy"]').click();
      await expect(page.locator('[data-proxy-ask="wanted"]')).toBeVisible();
      await core.call('dev.ssCard.insert', { residentIndex: resident.index });
      const panel = page.locator('[data-proxy-panel]');
      await expect(panel).toHaveAttribute('data-proxy-panel', 'agent', { timeout: 15_000 });
      await panel.locator(`[data-proxy-relation="${relation}"]`).click();
      await core.call('dev.idCard.insert', { residentIndex: agent.index });
      await panel.locator('[data-proxy-read-agent]').click();
      await expect(panel).toHaveAttribute('data-proxy-panel', 'consent', { timeout: 15_000 });
      await atConsent?.();
      await panel.locator(`[data-proxy-consent="${consent}"]`).click();
      if (consent === 'signedSlip') {
        await panel.locator('[data-action="capture"]').click();
      } else {
        await pressKeys(page, resident.socialSecurityCard.pin);
        await panel.locator('[data-proxy-pin-submit]').click();
      }
      await leaves(page, step);
    } else if (step === 'identify') {
      // The ID card wherever the item takes it (card and identity-change items take nothing else).
      const card = options.card ?? (item.identity.accepts.includes('idCard') ? 'idCard' : 'socialSecurityCard');
      if (card === 'idCard') await core.call('dev.idCard.insert', { residentIndex: resident.index });
      else await core.call('dev.ssCard.insert', { residentIndex: resident.index });
      await leaves(page, step);
    } else if (step.startsWith('form-')) {
      await fillFormPage(page, item, Number(step.slice(5)), resident, values, options.answers);
      await leaves(page, step);
    } else if (step === 'materials') {
      for (const material of item.materials.filter((m) => isFieldVisible(m, values))) {
        const block = page.locator(`[data-material="${material.code}"]`);
        if ((await block.locator('[data-action="choose-material"]').count()) > 0) await block.locator('[data-action="choose-material"]').click();
        await block.locator('[data-action="capture"]').click();
        await expect(block.locator('img[data-page]')).toHaveCount(1, { timeout: 15_000 });
      }
      await page.locator('[data-action="next"]').click();
      await leaves(page, step);
    } else if (step === 'face') {
      await core.call('dev.face.nextOutcome', { outcome: 'pass' });
      await page.locator('[data-action="face-start"]').click();
      await leaves(page, step);
    } else if (step === 'review') {
      await page.locator('[data-action="submit"]').click();
      // The core may refuse (the visit did not prove enough): the screen says why, in words, and stays.
      const refused = page.locator('.flow [data-error]');
      await expect(refused.or(page.locator('[data-flow]:not([data-step="review"])')).first()).toBeVisible({ timeout: 20_000 });
      if ((await refused.count()) > 0 && (await stepOf(page)) === 'review') {
        return { kind: 'refused', printed: '', refusal: { code: (await refused.getAttribute('data-error'))!, reason: (await refused.locator('[data-error-reason]').textContent()) ?? '' } };
      }
      await leaves(page, step);
    } else if (step === 'receipt') {
      const trackingNumber = (await page.getByTestId('tracking-number').textContent())!.trim();
      await expect(page.locator('.receipt [role="status"]').last()).toHaveText(/.+/, { timeout: 20_000 });
      await expect.poll(printed, { timeout: 20_000 }).toContain(trackingNumber);
      return { kind: 'receipt', trackingNumber, printed: await printed() };
    } else if (step === 'lookup') {
      await expect(page.getByTestId('lookup-result')).toBeVisible({ timeout: 20_000 });
      if (!item.identity.required) return { kind: 'lookup', printed: '' };
      if (item.type === 'print') await core.call('dev.documentPrinter.jobs', { clear: true });
      await page.locator('[data-action="print-result"]').click();
      await expect(page.locator('.lookup__result [role="status"]')).toBeVisible({ timeout: 20_000 });
      if (item.type === 'query') await expect.poll(printed, { timeout: 20_000 }).not.toBe('');
      if (item.type === 'print') {
        // Certificates go to the A4 printer: the simulated queue must have taken exactly one PDF for this item, and it
        // is the county's composed certificate (printed by its id), not a copy of what the screen showed.
        const jobs = async () => (await core.call('dev.documentPrinter.jobs', {})).jobs;
        await expect.poll(jobs, { timeout: 20_000 }).toEqual([expect.objectContaining({ title: `certificate ${item.code}`, isPdf: true })]);
      }
      return { kind: 'lookup', printed: await printed() };
    } else if (step === 'card') {
      // Operations on the card itself: the holder's own card goes into its reader (the core checks it matches).
      if ((await page.locator('[data-card-in-hand]').count()) > 0) await core.call('dev.ssCard.insert', { residentIndex: resident.index });
      // Old PIN: the card's; new PIN: a fresh one, typed twice. A full PIN moves the pad on by itself.
      const pins: Record<string, string> = { oldPin: resident.socialSecurityCard.pin, newPin: '258147', repeatPin: '258147' };
      for (let i = 0; i < 3 && (await page.locator('[data-pin-active]').count()) > 0; i += 1) {
        const name = (await page.locator('[data-pin-active]').getAttribute('data-pin-active'))!;
        await pressKeys(page, pins[name]!);
      }
      await page.locator('[data-action="card-confirm"]').click();
      await leaves(page, step);
    } else {
      throw new Error(`${item.code}: unexpected step ${step}`);
    }
  }
  throw new Error(`${item.code}: the flow did not end`);
}
