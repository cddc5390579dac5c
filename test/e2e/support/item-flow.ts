import { createHash } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { CatalogItem } from '../../../src/shared/catalog/schema';
import { isFieldVisible, type FormValues } from '../../../src/shared/catalog/validate-form';
import type { SampleResident } from '../../../src/shared/samples/residents';
import type { CoreSocket } from './core-socket';
import type { AxeSweep } from './axe-sweep';
import { fillFormPage } from './form-filler';
import { pressKeys } from './resident';
import { sentSubmits } from './submit-recorder';

export interface ItemOutcome {
  /** What the resident saw at the end: a receipt's tracking number, a lookup result, a printed notification. */
  kind: 'receipt' | 'lookup' | 'card' | 'notification' | 'refused';
  /** For a refused submission: the error code and the reason the screen gave in words. */
  refusal?: { code: string; reason: string };
  trackingNumber?: string;
  /** Text the receipt printer got during this item. */
  printed: string;
  /** What the screen submitted (for a receipt): compared field by field with the county's stored record. */
  submitted?: SubmittedOnScreen;
}

/**
 * What the resident gave the screen (the form answers typed, which card, the materials photographed, the face
 * check) and the bytes of each page as the screen sent them to the core.
 */
export interface SubmittedOnScreen {
  form: FormValues;
  card: 'idCard' | 'socialSecurityCard' | 'typedByClerk';
  materials: string[];
  pages: Array<{ materialCode: string; mime: string; sha256: string; size: number; data: Buffer }>;
  faceChecked: boolean;
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
  /** Scans each distinct screen of the flow with axe-core in both languages (once per distinct screen per sweep). */
  axe?: AxeSweep;
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
  const scan = async (screen: string, settled?: () => Promise<void>) => options.axe?.scan(page, screen, settled);
  await scan(`item page (${item.type})`);

  if (item.type === 'info') {
    await page.locator('[data-action="print-notification"]').click();
    // The screen follows the printer's job: "printed" (done) only once the paper is out, so the paper holds it now.
    await expect(page.locator('.item-screen [data-print-state]')).toHaveAttribute('data-print-state', 'done', { timeout: 20_000 });
    expect(await printed()).toContain(item.name['zh-CN']);
    await scan('item page, notification printed');
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
  const submitted: SubmittedOnScreen = { form: values, card: 'idCard', materials: [], pages: [], faceChecked: false };
  const submitsBefore = sentSubmits(page).length;
  for (let guard = 0; guard < 20; guard += 1) {
    const step = await stepOf(page);
    if (step === 'identify') await scan(options.typedByClerk ? 'identify (clerk types)' : 'identify');
    if (step === 'identify' && options.typedByClerk) {
      submitted.card = 'typedByClerk';
      const typed = page.locator('[data-typed-id]');
      await pressKeys(page, resident.idNumber);
      await typed.locator(`[data-typed-reason="${options.typedByClerk.reason}"]`).click();
      await typed.locator('[data-typed-submit]').click();
      await leaves(page, step);
    } else if (step === 'identify' && options.proxy) {
      const { agent, relation, consent, atConsent } = options.proxy;
      submitted.card = 'socialSecurityCard';
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
      submitted.card = card;
      if (card === 'idCard') await core.call('dev.idCard.insert', { residentIndex: resident.index });
      else await core.call('dev.ssCard.insert', { residentIndex: resident.index });
      await leaves(page, step);
    } else if (step.startsWith('form-')) {
      // Form pages differ by the kinds of field on them: scanned while they bring a kind not scanned yet.
      const kinds = await page.locator('[data-field-kind]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-field-kind') ?? ''))]);
      const choices = (await page.locator('[data-choices]').count()) > 0 ? ['+choices'] : [];
      const confirms = (await page.locator('[data-confirm]').count()) > 0 ? ['+confirm'] : [];
      await options.axe?.scanNewParts(page, 'form', [...kinds, ...choices, ...confirms]);
      await fillFormPage(page, item, Number(step.slice(5)), resident, values, options.answers);
      await leaves(page, step);
    } else if (step === 'materials') {
      for (const material of item.materials.filter((m) => isFieldVisible(m, values))) {
        const block = page.locator(`[data-material="${material.code}"]`);
        if ((await block.locator('[data-action="choose-material"]').count()) > 0) await block.locator('[data-action="choose-material"]').click();
        await block.locator('[data-action="capture"]').click();
        await expect(block.locator('img[data-page]')).toHaveCount(1, { timeout: 15_000 });
        submitted.materials.push(material.code);
      }
      await scan('materials (pages taken)');
      await page.locator('[data-action="next"]').click();
      await leaves(page, step);
    } else if (step === 'face') {
      await scan('face');
      submitted.faceChecked = true;
      await core.call('dev.face.nextOutcome', { outcome: 'pass' });
      await page.locator('[data-action="face-start"]').click();
      await leaves(page, step);
    } else if (step === 'review') {
      await scan('review');
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
      await expect(page.locator('.receipt [data-print-state]')).toHaveAttribute('data-print-state', 'done', { timeout: 30_000 });
      expect(await printed()).toContain(trackingNumber);
      // The one submission the screen sent: the answers as typed, one page per material photographed, in order.
      const sent = sentSubmits(page).slice(submitsBefore);
      expect(sent.map((c) => c.itemCode)).toEqual([item.code]);
      expect(sent[0]!.form).toEqual(values);
      expect(sent[0]!.attachments.map((a) => a.materialCode)).toEqual(submitted.materials);
      for (const a of sent[0]!.attachments) {
        const data = Buffer.from(a.dataBase64, 'base64');
        submitted.pages.push({ materialCode: a.materialCode, mime: a.mime, sha256: createHash('sha256').update(data).digest('hex'), size: data.length, data });
      }
      await scan(`receipt${item.immediate ? ' (immediate)' : ''}`);
      return { kind: 'receipt', trackingNumber, printed: await printed(), submitted };
    } else if (step === 'lookup') {
      const result = page.getByTestId('lookup-result');
      await expect(result).toBeVisible({ timeout: 20_000 });
      // Switching the language asks the county again in that language: the scan waits for the answer.
      await scan(`lookup (${item.type}${item.identity.required ? '' : ', public'})`, () => expect(result).toBeVisible({ timeout: 20_000 }));
      if (!item.identity.required) return { kind: 'lookup', printed: '' };
      if (item.type === 'print') await core.call('dev.documentPrinter.jobs', { clear: true });
      await page.locator('[data-action="print-result"]').click();
      await expect(page.locator('.lookup__result [data-print-state]')).toHaveAttribute('data-print-state', 'done', { timeout: 30_000 });
      if (item.type === 'query') expect(await printed()).toContain(item.name['zh-CN']);
      if (item.type === 'print') {
        // Certificates go to the A4 printer: the simulated queue must have taken exactly one PDF for this item, and it
        // is the county's composed certificate (printed by its id), not a copy of what the screen showed.
        const jobs = async () => (await core.call('dev.documentPrinter.jobs', {})).jobs;
        await expect.poll(jobs, { timeout: 20_000 }).toEqual([expect.objectContaining({ title: `certificate ${item.code}`, isPdf: true })]);
      }
      await scan(`lookup (${item.type}) printed`, () => expect(result).toBeVisible({ timeout: 20_000 }));
      return { kind: 'lookup', printed: await printed() };
    } else if (step === 'card') {
      await scan(`card (${(await page.locator('[data-card-in-hand]').count()) > 0 ? 'in hand' : 'in reader'})`);
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
