import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { readDb, usePoint } from './support/point';
import { expectNoAxeViolations } from './support/resident';
import { openTechnicianWorkspace, staffLogin } from './support/staff';
import { removeTempDir, tempDir } from './support/temp-dirs';

/**
 * The technician's workspace (issue 10 item 2): hidden corner + technician login, every device's self-test and own
 * test, the live frame log while a sample card is read (masked), the ports list, and the system panel's sync now.
 */
test.describe.configure({ mode: 'serial' });
const point = usePoint('demonstration');

const openWorkspace = (page: Page) => openTechnicianWorkspace(page, point.kiosk.url);

const device = (page: Page, id: string) => page.locator(`[data-technician-device="${id}"]`);
const panel = (page: Page) => page.locator('[data-technician-panel]');

/** Opens a device's panel, runs its test and waits for it to pass: the result, to read its lines. */
async function passedDeviceTest(page: Page, deviceId: string): Promise<Locator> {
  await device(page, deviceId).click();
  await expect(panel(page)).toHaveAttribute('data-technician-panel', deviceId);
  await panel(page).locator('[data-technician-test]').click();
  const result = panel(page).locator('[data-test-result="passed"]');
  await expect(result).toBeVisible({ timeout: 15_000 });
  return result;
}

/** Taken after the screen's state is asserted; `npm run docs:screens` copies them into docs/screenshots. */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

test('a clerk sees no way into the workspace', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await expect(page.locator('[data-technician-open]')).toHaveCount(0);
});

test('every device runs its self-test from the workspace and shows each step; axe-clean in both languages', async ({ page }) => {
  await openWorkspace(page);
  await expectNoAxeViolations(page, 'technician workspace devices (zh-CN)');
  for (const id of ['id-reader', 'ssc-reader', 'receipt-printer', 'doc-printer', 'face-camera']) {
    await device(page, id).click();
    await expect(panel(page)).toHaveAttribute('data-technician-panel', id);
    await panel(page).locator('[data-technician-selftest]').click();
    await expect(panel(page).locator('[data-selftest-result="passed"]')).toBeVisible({ timeout: 15_000 });
    await expect(panel(page).locator('[data-selftest-result] li').first()).toBeVisible();
    // Each step named in words, not by the driver's key (samStatus, queue, ...).
    for (const step of await panel(page).locator('[data-selftest-result] li').all()) expect((await step.innerText()).split('：')[0]).toMatch(/^[\u4e00-\u9fff]/);
    // The counter on screen comes from the core and counts this run.
    await expect(panel(page).locator('[data-fact="counters"]')).toContainText(/自检 [1-9]\d* 次/);
  }
  // The ID card reader's SAM id comes through the self-test as its identity.
  await device(page, 'id-reader').click();
  await panel(page).locator('[data-technician-selftest]').click();
  await expect(panel(page).locator('[data-fact="identity"]')).not.toHaveText('—');
  // The overview: every device online, the reader's panel open on its passed self-test.
  for (const id of ['id-reader', 'ssc-reader', 'receipt-printer', 'doc-printer', 'face-camera']) await expect(device(page, id)).toHaveAttribute('data-state', 'online');
  await expect(panel(page).locator('[data-selftest-result="passed"]')).toBeVisible();
  await shot(page, 'technician-01-workspace');
  await page.locator('[data-technician-language]').click();
  await expect(page.locator('#technician-title')).toHaveText('Technician workspace');
  await expectNoAxeViolations(page, 'technician workspace devices (en)');
});

test("the connection and the face module's and A4 printer's own tests are said in the technician's language, not the driver's", async ({ page }) => {
  await openWorkspace(page);
  const words = {
    'zh-CN': { simulated: '模拟设备（内置模拟器）', status: '设备状态', queue: '打印队列', passed: '通过', identity: '固件 / SAM 编号' },
    en: { simulated: 'Simulated (built-in simulator)', status: 'Device status', queue: 'Print queue', passed: 'passed', identity: 'Firmware / SAM id' },
  };
  for (const language of ['zh-CN', 'en'] as const) {
    const w = words[language];
    await device(page, 'id-reader').click();
    await expect(panel(page)).toHaveAttribute('data-technician-panel', 'id-reader');
    await expect(panel(page).locator('[data-fact="transport"]')).toHaveText(w.simulated);
    await panel(page).locator('[data-technician-selftest]').click();
    await expect(panel(page).locator('[data-step="port"]')).toContainText(w.simulated, { timeout: 15_000 });
    await expect(panel(page).locator('[data-selftest-result]')).not.toContainText('simulated');
    // The face module's check: its status step in words, its firmware under the identity label, nothing like "status: ok".
    const face = await passedDeviceTest(page, 'face-camera');
    await expect(face.locator('dt').first()).toHaveText(w.status);
    await expect(face.locator('[data-test-line="selfTest.step.status"]')).toHaveText(w.passed);
    await expect(face.locator('dt').nth(1)).toHaveText(w.identity);
    await expect(face.locator('[data-test-line="device.identity"]')).not.toContainText('firmware');
    await expect(face).not.toContainText(/status: |: ok/);
    // The A4 printer's check: its queue step in words.
    const a4 = await passedDeviceTest(page, 'doc-printer');
    await expect(a4.locator('dt').first()).toHaveText(w.queue);
    await expect(a4.locator('[data-test-line="selfTest.step.queue"]')).toHaveText(w.passed);
    await expect(a4).not.toContainText(/queue: |: ok/);
    if (language === 'zh-CN') {
      await page.locator('[data-technician-language]').click();
      await expect(page.locator('#technician-title')).toHaveText('Technician workspace');
    }
  }
});

test('reading a sample ID card: the frame log moves, the test shows masked fields only, and no personal value reaches the screen', async ({ page }) => {
  const resident = SAMPLE_RESIDENTS.find((r) => r.documentType === 'residentIdCard')!;
  const index = SAMPLE_RESIDENTS.indexOf(resident);
  await openWorkspace(page);
  await device(page, 'id-reader').click();
  const frames = panel(page).locator('[data-technician-frames] li');
  await expect(frames.first()).toBeVisible({ timeout: 10_000 });
  await point.core.call('dev.idCard.insert', { residentIndex: index });
  await panel(page).locator('[data-technician-test]').click();
  await expect(panel(page).locator('[data-test-result="passed"]')).toBeVisible({ timeout: 15_000 });
  await expect(panel(page).locator('[data-test-line="test.cardType"]')).toHaveText('居民身份证');
  const idLine = panel(page).locator('[data-test-line="test.idNumber"]');
  await expect(idLine).toContainText('*');
  await expect(idLine).toContainText(resident.idNumber.slice(-4));
  // A read answer is in the log by its header and length only (the payload is left out by the core).
  await expect(panel(page).locator('[data-technician-frames]')).toContainText('payload not logged', { timeout: 10_000 });
  const text = await page.locator('[data-technician-workspace]').innerText();
  expect(text).not.toContain(resident.idNumber);
  expect(text).not.toContain(resident.name);
  await shot(page, 'technician-02-id-reader-panel');
  await point.core.call('dev.idCard.remove', {});
});

test('the receipt printer prints its test page from the workspace; the paper shows it', async ({ page }) => {
  await openWorkspace(page);
  await point.core.call('dev.printer.transcript', { clear: true });
  await device(page, 'receipt-printer').click();
  await panel(page).locator('[data-technician-test]').click();
  await expect(panel(page).locator('[data-test-result="passed"]')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await point.core.call('dev.printer.transcript', {})).text, { timeout: 15_000 }).toContain('receipt-printer');
});

test('ports and system: the ports list answers, sync now reaches the county and says so', async ({ page }) => {
  await openWorkspace(page);
  await page.locator('[data-technician-tab="ports"]').click();
  await expect(page.locator('[data-technician-ports]')).toBeVisible();
  await expect(page.locator('[data-technician-ports] table, [data-technician-ports] p').first()).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page, 'technician workspace ports (zh-CN)');
  await page.locator('[data-technician-tab="system"]').click();
  await expect(page.locator('[data-fact="county"]')).toHaveText('可连接');
  await page.locator('[data-technician-sync]').click();
  await expect(page.locator('[data-sync-outcome]')).toContainText('同步完成');
  await expect(page.locator('[data-fact="lastSync"]')).not.toHaveText('从未');
  // The diagnostics bundle goes to the folder the technician names (a USB stick); the core masks what is in it.
  const usb = tempDir('kiosk-usb-');
  await page.locator('[data-diagnostics-folder]').fill(usb);
  await page.locator('[data-diagnostics-export]').click();
  await expect(page.locator('[data-diagnostics-saved]')).toBeVisible({ timeout: 15_000 });
  const file = (await page.locator('[data-diagnostics-saved]').getAttribute('data-diagnostics-saved'))!;
  expect(path.dirname(file)).toBe(usb);
  const listing = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' });
  removeTempDir(usb);
  expect(listing).toContain('frames.json');
  expect(listing).toContain('config.json');
  await expectNoAxeViolations(page, 'technician workspace system (zh-CN)');
});

test('moving the face module to another port saves the site config with the previous one kept and reopens it at once', async ({ page }) => {
  const before = fs.readFileSync(point.configFile, 'utf8');
  await openWorkspace(page);
  await device(page, 'face-camera').click();
  await expect(panel(page)).toHaveAttribute('data-technician-panel', 'face-camera');
  await panel(page).locator('[data-assign-path]').fill('/dev/ttyNOPE7');
  await panel(page).locator('[data-assign-baud]').selectOption('57600');
  await panel(page).locator('[data-assign-save]').click();
  await expect(panel(page).locator('[data-assign-saved]')).toContainText(point.configFile);
  await expect(panel(page).locator('[data-assign-saved]')).toContainText(`${point.configFile}.previous`);
  // Reopened without a restart: the module is now looked for on the new port (nothing there, so offline).
  await expect(panel(page).locator('[data-fact="transport"]')).toHaveText('串口 /dev/ttyNOPE7，57600 波特');
  await expect(device(page, 'face-camera')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  const saved = JSON.parse(fs.readFileSync(point.configFile, 'utf8')) as { devices: Array<{ id: string; transport: unknown }> };
  expect(saved.devices.find((d) => d.id === 'face-camera')?.transport).toEqual({ type: 'serial', path: '/dev/ttyNOPE7', baudRate: 57600 });
  expect(fs.readFileSync(`${point.configFile}.previous`, 'utf8')).toBe(before);
  await expectNoAxeViolations(page, 'technician workspace port assignment (zh-CN)');
});

test('a fault opened in the workspace is taken at the point, noted, and reaches the county with its state', async ({ page }) => {
  await openWorkspace(page);
  await page.locator('[data-technician-tab="faults"]').click();
  await page.locator('[data-fault-device]').selectOption('receipt-printer');
  await page.locator('[data-fault-summary]').fill('cutter jams on every second receipt');
  await page.locator('[data-fault-open]').click();
  const ticket = page.locator('[data-fault-ticket][data-fault-level="point"]').first();
  await expect(ticket).toContainText('cutter jams on every second receipt');
  await expect(ticket.locator('[data-fault-due]')).toContainText('前无人受理将自动升级');
  await expectNoAxeViolations(page, 'technician workspace faults (zh-CN)');
  await ticket.locator('[data-fault-acknowledge]').click();
  await expect(ticket).toHaveAttribute('data-fault-state', 'acknowledged');
  await ticket.locator('[data-fault-note]').fill('cleaned the cutter blade');
  await ticket.locator('[data-fault-add-note]').click();
  // The note is the technician's, labelled as every line is (full-width colon in Chinese); the device is named in words.
  await expect(ticket.locator('[data-fault-move="note"]')).toContainText('孙技术员：cleaned the cutter blade');
  await expect(ticket.locator('strong')).toHaveText('凭条打印机');
  // No self-test since the fault: closing is not offered yet.
  await expect(ticket.locator('[data-fault-close]')).toHaveCount(0);
  await shot(page, 'technician-03-fault');
  const id = (await ticket.getAttribute('data-fault-ticket'))!;
  await page.locator('[data-technician-tab="system"]').click();
  await page.locator('[data-technician-sync]').click();
  await expect(page.locator('[data-sync-outcome]')).toContainText('同步完成');
  const stored = readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) => db.prepare('SELECT device_id, summary, state FROM faults WHERE id = ?').get(id));
  expect(stored).toEqual({ device_id: 'receipt-printer', summary: 'cutter jams on every second receipt', state: 'acknowledged' });
});

test('commissioning from the workspace: the kiosk runs its checks, the technician ticks publicity, the county stores the record and the PDF says what was checked', async ({ page }) => {
  await openWorkspace(page);
  await page.locator('[data-technician-tab="commissioning"]').click();
  await expectNoAxeViolations(page, 'technician workspace commissioning (zh-CN)');
  await page.locator('[data-commissioning-run]').click();
  const steps = page.locator('[data-commissioning-step]');
  await expect(page.locator('[data-commissioning-step="syncRound"]')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
  await expect(page.locator('[data-commissioning-step="device:receipt-printer"]')).toHaveAttribute('data-passed', 'true');
  // What each check found, in the technician's language (the core sends data, not English lines).
  await expect(page.locator('[data-commissioning-step="syncRound"] [data-commissioning-detail]')).toHaveText('（同步完成）');
  await expect(page.locator('[data-commissioning-step="staffLogin"] [data-commissioning-detail]')).toHaveText('（账号 tech，角色：技术员）');
  await expect(page.locator('[data-commissioning-step="device:id-reader"] [data-commissioning-detail]')).toContainText('端口：通过');
  await expect(page.locator('[data-commissioning-steps]')).not.toContainText(/sync round|offset|: ok|staff list/);
  const shown = await steps.count();
  // The ticks are the touchscreen's (UX.md: targets of 64 px or more, 16 px apart), not the browser's 13 px box flush
  // against the button under it.
  await expectNoAxeViolations(page, 'technician workspace commissioning, checks run (zh-CN)');
  const publicity = page.locator('[data-commissioning-publicity]');
  await expect(publicity).toHaveAttribute('role', 'checkbox');
  const tick = (await publicity.boundingBox())!;
  const complete = (await page.locator('[data-commissioning-complete]').boundingBox())!;
  expect({ height: tick.height >= 64, width: tick.width >= 64, gapToComplete: complete.y - (tick.y + tick.height) >= 16 }).toEqual({ height: true, width: true, gapToComplete: true });
  const criteria = await page.locator('[data-acceptance-criterion]').evaluateAll((ticks) => ticks.map((t) => t.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, height: r.height })));
  expect(criteria.length).toBeGreaterThan(1);
  expect(criteria.filter((r) => r.height < 64)).toEqual([]);
  expect(criteria.slice(1).filter((r, i) => r.top - criteria[i]!.bottom < 16)).toEqual([]);
  await publicity.check();
  await expect(publicity).toHaveAttribute('aria-checked', 'true');
  await page.locator('[data-commissioning-complete]').click();
  await expect(page.locator('[data-commissioning-recorded]')).toBeVisible();
  await page.locator('[data-technician-tab="system"]').click();
  await page.locator('[data-technician-sync]').click();
  await expect(page.locator('[data-sync-outcome]')).toContainText('同步完成');
  const record = readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) => db.prepare("SELECT body FROM site_records WHERE kind = 'commissioning'").get()) as { body: string };
  const body = JSON.parse(record.body) as { steps: Array<{ id: string; passed: boolean; how: string; finding?: unknown }>; technician: { id: string } };
  expect(body.steps).toHaveLength(shown + 1);
  expect(body.steps.find((s) => s.id === 'syncRound')!.finding).toEqual({ key: 'syncCompleted' });
  expect(body.steps.at(-1)).toMatchObject({ id: 'publicity', passed: true, how: 'manual' });
  await page.locator('[data-technician-tab="commissioning"]').click();
  await expect(page.locator('[data-site-record="commissioning"]')).toHaveAttribute('data-delivered', 'true');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-site-record-download]').first().click()]);
  const pdf = path.join(tempDir('site-record-'), download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  removeTempDir(path.dirname(pdf));
  expect(text).toContain('服务点安装调试记录');
  expect(text).toContain('设备自检：receipt-printer');
  expect(text).toContain('已公示');
  expect(text).toContain('孙技术员');
  for (const words of ['同步完成', '端口：通过', '账号 tech，角色：技术员']) expect(text).toContain(words);
  expect(text).not.toMatch(/sync round|offset|: ok/);
});
