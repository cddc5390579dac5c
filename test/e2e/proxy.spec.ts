import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { countyPayload, kioskDb, usePoint } from './support/point';
import { writeDocumentY4m } from './support/fake-camera';
import { completeItem } from './support/item-flow';
import { recordSubmits } from './support/submit-recorder';
import { expectNoAxeViolations } from './support/resident';
import { staffLogin } from './support/staff';

/**
 * Proxy applications (代理办, issue 9 item 5): with a clerk logged in, an agent applies for a resident who cannot
 * come. The resident's social security card identifies the resident, the agent's own ID card is read, the relation
 * chosen and the consent recorded (signed slip on the document camera, or the resident's card PIN). Proof is the
 * county's stored record: serviceMode proxy, the clerk as operator, the agent and consent, the slip's bytes. An item
 * that forbids a proxy (certification) refuses it in words.
 */
test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });

const catalog = defaultCatalog();
const item = (code: string) => catalog.items.find((i) => i.code === code)!;
const point = usePoint('demonstration');
test.describe.configure({ mode: 'serial' });

type ProxyPayload = { serviceMode: string; operatorId: string; resident: { idNumber: string; source: string }; attachments: Array<{ sha256: string; materialCode: string }>; proxy?: { agent: { idNumber: string; name: string; source: string }; relation: string; consent: string; consentSlipSha256?: string } };

test('an agent applies with a signed consent slip: the county stores it as proxy with the agent, relation and slip', async ({ page }) => {
  test.setTimeout(150_000);
  // An elder whose own card is valid; the agent's ID card too (some sample cards are expired on purpose).
  const resident = SAMPLE_RESIDENTS[5]!;
  const agent = SAMPLE_RESIDENTS[6]!;
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('.attract__start').click();
  const outcome = await completeItem(page, point.core, item('JOB-01'), resident, {
    proxy: {
      agent,
      relation: 'child',
      consent: 'signedSlip',
      atConsent: async () => {
        const shown = page.locator('[data-proxy-agent]');
        await expect(shown).toContainText('子女');
        // Masked on screen: the agent's full number never shows.
        await expect(shown).not.toContainText(agent.idNumber);
        await expectNoAxeViolations(page, 'proxy: consent (zh)');
        await page.getByRole('button', { name: '大字模式' }).click();
        await page.getByRole('button', { name: 'English' }).click();
        await expect(shown).toContainText('Son or daughter');
        await expect(page.locator('[data-proxy-consent="signedSlip"]')).toContainText('Consent slip signed by the resident');
        await expectNoAxeViolations(page, 'proxy: consent (en, elder)');
        await page.getByRole('button', { name: '中文' }).click();
        await page.getByRole('button', { name: '大字模式：开' }).click();
      },
    },
  });
  expect(outcome.kind).toBe('receipt');
  expect(kioskDb(point, (db) => db.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE tracking_number = ?').get(outcome.trackingNumber))).toEqual({ channel: 'proxy', operatorId: 'clerk-li' });
  await expect.poll(() => countyPayload(point, outcome.trackingNumber!), { timeout: 45_000 }).not.toBeNull();
  const stored = countyPayload(point, outcome.trackingNumber!) as unknown as ProxyPayload;
  expect(stored).toMatchObject({
    serviceMode: 'proxy',
    operatorId: 'clerk-li',
    resident: { idNumber: resident.idNumber, source: 'socialSecurityCard' },
    proxy: { agent: { idNumber: agent.idNumber, name: agent.name, source: 'idCard' }, relation: 'child', consent: 'signedSlip' },
  });
  // The photographed slip arrived at the county among the application's attachments.
  const slip = stored.attachments.find((a) => a.materialCode === 'proxyConsentSlip');
  expect(slip?.sha256).toBe(stored.proxy?.consentSlipSha256);
});

test("an agent applies with the resident's own card and PIN as consent", async ({ page }) => {
  test.setTimeout(150_000);
  const resident = SAMPLE_RESIDENTS[4]!;
  const agent = SAMPLE_RESIDENTS[0]!;
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('.attract__start').click();
  const outcome = await completeItem(page, point.core, item('JOB-01'), resident, { proxy: { agent, relation: 'villageCadre', consent: 'cardAndPin' } });
  expect(outcome.kind).toBe('receipt');
  await expect.poll(() => countyPayload(point, outcome.trackingNumber!), { timeout: 45_000 }).not.toBeNull();
  expect(countyPayload(point, outcome.trackingNumber!)).toMatchObject({ serviceMode: 'proxy', operatorId: 'clerk-li', proxy: { agent: { idNumber: agent.idNumber }, relation: 'villageCadre', consent: 'cardAndPin' } });
});

test('certification refuses a proxy in words, in both languages', async ({ page }) => {
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('.attract__start').click();
  const certify = item('INS-04');
  await page.locator(`[data-category="${certify.category}"]`).click();
  await page.locator(`[data-item="${certify.code}"]`).click();
  await page.locator('[data-action="start"]').click();
  await page.locator('[data-action="proxy"]').click();
  const refused = page.locator('[data-proxy-refused]');
  await expect(refused).toHaveText('这项业务要本人到场办理，别人不能代办。');
  await expect(page.locator('[data-proxy-ask="refused"]')).toBeVisible();
  await expectNoAxeViolations(page, 'proxy refused (zh)');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(refused).toHaveText('You must do this service yourself; nobody else can do it for you.');
  await page.getByRole('button', { name: '中文' }).click();
});
