import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { Connection } from '../../src/main/dispatcher';
import type { KioskCore } from '../../src/main/core';
import type { EventName } from '../../src/shared/contract';
import { translatorFor } from '../../src/main/printing/translator';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { startTestCore, tempDir } from '../support/core-harness';

jest.setTimeout(30_000);

/** The printing methods through the real core (dispatcher, device manager, simulated receipt printer). */
describe('printing through the core under --simulate', () => {
  let core: KioskCore;
  let logLines: () => string[];
  let screen: Connection;
  let technician: Connection;
  let clerk: Connection;
  const events: Array<{ event: EventName; data: Record<string, unknown> }> = [];

  const call = async (connection: Connection, method: string, params: unknown = {}) => core.dispatcher.dispatch(connection, method, params);
  const ok = async (connection: Connection, method: string, params: unknown = {}) => {
    const outcome = await call(connection, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };
  const waitForJob = async (jobId: string, state: string) => {
    const end = Date.now() + 10_000;
    while (!events.some((e) => e.event === 'print.changed' && e.data.jobId === jobId && e.data.state === state)) {
      if (Date.now() > end) throw new Error(`job ${jobId} never reached ${state}: ${JSON.stringify(events.filter((e) => e.event === 'print.changed'))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  beforeAll(async () => {
    ({ core, logLines } = await startTestCore());
    core.events.subscribe((event, data) => events.push({ event, data: data as Record<string, unknown> }));
    screen = core.newConnection('internal');
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-1', displayName: 'T', roles: ['technician'] };
    clerk = core.newConnection('internal');
    clerk.staff = { id: 'clerk-1', displayName: 'C', roles: ['clerk'] };
  });
  afterAll(async () => core?.close());

  it('a simulated receipt printer is listed and online', async () => {
    const { devices } = (await ok(screen, 'devices.list')) as { devices: Array<Record<string, unknown>> };
    expect(devices.filter((d) => d.kind === 'receiptPrinter')).toEqual([expect.objectContaining({ id: 'receipt-printer', state: 'online', simulated: true })]);
    const transcript = await ok(screen, 'dev.printer.transcript', { clear: true });
    expect(transcript).toMatchObject({ paper: 'present', coverOpen: false });
  });

  it("a technician's test page produces a correct receipt transcript", async () => {
    const job = await ok(technician, 'print.testPage', { language: 'zh-CN' });
    expect(job).toMatchObject({ label: 'testPage', messageKey: expect.stringMatching(/^printing:job\./) });
    await waitForJob(String(job.jobId), 'done');
    const { text } = await ok(screen, 'dev.printer.transcript', { clear: true });
    const lines = String(text).split('\n');
    expect(lines[0]).toMatch(/^BD\|\s+打印机测试页$/);
    expect(text).toContain('就业社保自助服务终端');
    expect(text).toContain('ASCII: 0123456789 ABCXYZ abcxyz');
    expect(lines.find((l) => l.includes('右对齐'))).toMatch(/^ {2}\| {42}右对齐$/);
    expect(text).toMatch(/\[QR TEST receipt-printer /);
    expect(lines.at(-1)).toContain('-- partial cut --');
  });

  it('only technicians print test pages; the screen cannot', async () => {
    expect(await call(screen, 'print.testPage', {})).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('the one-time notification lists every material of the item, in English when asked', async () => {
    // An item with several materials: printing only the first (or only the heading) must fail.
    const item = defaultCatalog().items.find((i) => (i.guide?.materials.length ?? i.materials.length) >= 3 && i.siteLevel === 'village')!;
    const job = await ok(screen, 'print.notification', { itemCode: item.code, language: 'en' });
    await waitForJob(String(job.jobId), 'done');
    const { text } = await ok(screen, 'dev.printer.transcript', { clear: true });
    expect(text).toContain('One-time notification');
    expect(text).toContain('What to bring');
    // The slip wraps long lines: compare the paper's text (style marks before "|" dropped) without white space.
    const flat = String(text).split('\n').map((line) => line.slice(line.indexOf('|') + 1)).join('').replace(/\s+/g, '');
    const materials = item.guide ? item.guide.materials.map((m) => m.en) : item.materials.map((m) => m.name.en);
    for (const m of materials) expect({ material: m, printed: flat.includes(m.replace(/\s+/g, '')) }).toEqual({ material: m, printed: true });
    expect(await call(screen, 'print.notification', { itemCode: 'XXX-99' })).toMatchObject({ error: { code: 'not_found' } });
  });

  it('paper out mid-job: the screen is told to wait (print.changed with the message), and after new paper the slip prints again whole', async () => {
    await ok(screen, 'dev.printer.runOutAfterLines', { lines: 5 });
    const items = (await ok(screen, 'catalog.list', {})) as { items: Array<{ code: string }> };
    const job = await ok(screen, 'print.notification', { itemCode: items.items[0]!.code, language: 'zh-CN' });
    await waitForJob(String(job.jobId), 'waitingForPaper');
    const waiting = events.find((e) => e.event === 'print.changed' && e.data.jobId === job.jobId && e.data.state === 'waitingForPaper')!;
    expect(waiting.data.messageKey).toBe('printing:job.waitingForPaper');
    expect(translatorFor('zh-CN')(String(waiting.data.messageKey))).toContain('缺纸');
    expect(events.some((e) => e.event === 'device.changed' && e.data.kind === 'receiptPrinter' && e.data.detailKey === 'printers:printer.paperOut')).toBe(true);
    const jobs = (await ok(clerk, 'print.jobs')) as { jobs: Array<Record<string, unknown>> };
    expect(jobs.jobs.find((j) => j.jobId === job.jobId)).toMatchObject({ state: 'waitingForPaper', messageKey: 'printing:job.waitingForPaper' });
    expect(logLines().some((l) => l.includes('print job waits for staff'))).toBe(true);
    await ok(screen, 'dev.printer.paper', { state: 'present' });
    await waitForJob(String(job.jobId), 'done');
    const { text } = await ok(screen, 'dev.printer.transcript', { clear: true });
    const reprint = String(text).slice(String(text).indexOf('重新打印'));
    expect(reprint).toContain('一次性告知单');
    expect(reprint).toContain('-- partial cut --');
  });

  it('a slip waiting for paper when the visit ends is cancelled, not printed later for whoever stands there', async () => {
    await ok(screen, 'dev.idCard.insert', { residentIndex: 0 });
    await ok(screen, 'session.identify', { source: 'idCard' });
    await ok(screen, 'dev.printer.paper', { state: 'out' });
    const items = (await ok(screen, 'catalog.list', {})) as { items: Array<{ code: string }> };
    const job = await ok(screen, 'print.notification', { itemCode: items.items[0]!.code, language: 'zh-CN' });
    await waitForJob(String(job.jobId), 'waitingForPaper');
    await ok(screen, 'session.end', { reason: 'finished' });
    await waitForJob(String(job.jobId), 'cancelled');
    await ok(screen, 'dev.idCard.remove');
    await ok(screen, 'dev.printer.transcript', { clear: true });
    await ok(screen, 'dev.printer.paper', { state: 'present' });
    // A later slip prints to the end: the printer works in order, so a cancelled job that would print has by now.
    await ok(screen, 'dev.idCard.insert', { residentIndex: 0 });
    await ok(screen, 'session.identify', { source: 'idCard' });
    const later = await ok(screen, 'print.notification', { itemCode: items.items[1]!.code, language: 'zh-CN' });
    await waitForJob(String(later.jobId), 'done');
    await ok(screen, 'session.end', { reason: 'finished' });
    await ok(screen, 'dev.idCard.remove');
    // Only the later slip is on the paper: one notification heading, and it is the later item's.
    const paper = String((await ok(screen, 'dev.printer.transcript', {})).text).replace(/^[^|\n]*\|/gm, '').replace(/\s+/g, '');
    const nameOf = (code: string) => defaultCatalog().items.find((i) => i.code === code)!.name['zh-CN'].replace(/\s+/g, '');
    expect(paper.split('一次性告知单').length - 1).toBe(1);
    expect(paper).toContain(nameOf(items.items[1]!.code));
    expect(paper).not.toContain(nameOf(items.items[0]!.code));
  });

  it('cover open: the job waits for the cover with its own message; a clerk can cancel it', async () => {
    await ok(screen, 'dev.printer.cover', { open: true });
    const items = (await ok(screen, 'catalog.list', {})) as { items: Array<{ code: string }> };
    const job = await ok(screen, 'print.notification', { itemCode: items.items[0]!.code });
    await waitForJob(String(job.jobId), 'waitingForCover');
    expect(events.find((e) => e.event === 'print.changed' && e.data.jobId === job.jobId && e.data.state === 'waitingForCover')!.data.messageKey).toBe('printing:job.waitingForCover');
    expect(await call(screen, 'print.cancel', { jobId: job.jobId })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await ok(clerk, 'print.cancel', { jobId: job.jobId })).toEqual({ cancelled: true });
    await waitForJob(String(job.jobId), 'cancelled');
    await ok(screen, 'dev.printer.cover', { open: false });
    await ok(screen, 'dev.printer.transcript', { clear: true });
  });

  it('the demo camera is video-only: settings give the defaults, there is no light to switch and no HID simulator', async () => {
    expect(await ok(screen, 'camera.settings')).toEqual({ label: null, deviceId: null, width: 1920, height: 1080, maxBytes: 500 * 1024 });
    expect(await ok(screen, 'camera.light', { on: true })).toEqual({ switched: false });
    expect(await call(screen, 'dev.camera.press')).toMatchObject({ error: { code: 'forbidden', details: { reason: 'notSimulated' } } });
    const listed = JSON.stringify(await ok(screen, 'devices.list'));
    expect(listed).toContain('cameras:camera.videoOnly');
  });

  it('an A4 document without a configured document printer goes to the simulated queue --simulate adds', async () => {
    const items = (await ok(screen, 'catalog.list', {})) as { items: Array<{ code: string }> };
    expect(await call(clerk, 'print.document', { kind: 'notification', itemCode: items.items[0]!.code })).toMatchObject({ result: { destination: 'simulated:a4-printer' } });
  });

  it('a public listing prints only from the county answer the kiosk kept: not a personal query, not without a kept copy', async () => {
    // INS-05 is about a person: never printed as a public listing.
    expect(await call(screen, 'print.listing', { itemCode: 'INS-05', params: {} })).toMatchObject({ error: { code: 'invalid_params', details: { reason: 'notAPublicListing' } } });
    // JOB-02 never looked up on this core: nothing kept, so nothing the screen could make up gets printed.
    expect(await call(screen, 'print.listing', { itemCode: 'JOB-02', params: { area: 'county' } })).toMatchObject({ error: { code: 'not_found', details: { reason: 'noListingKept' } } });
    expect(String((await ok(screen, 'dev.printer.transcript', { clear: true })).text)).toBe('');
  });
});

describe('a document camera with a HID side under --simulate', () => {
  it('the light switches, the button reaches the screens as camera.buttonPressed, settings name the video label', async () => {
    const config = demoSiteConfig();
    config.devices = config.devices.map((d) =>
      d.kind === 'documentCamera' ? { ...d, transport: { type: 'hid' as const, vendorId: 0x1234, productId: 0x5678 }, options: { videoLabel: 'DocCam', maxBytes: 300_000 } } : d,
    );
    const core = await createKioskCore({ config, dataDir: tempDir('kiosk-cam-'), simulate: true, log: createMemoryLogger().logger, appVersion: 't' });
    try {
      const screen = core.newConnection('internal');
      const pressed: unknown[] = [];
      core.events.subscribe((event, data) => event === 'camera.buttonPressed' && pressed.push(data));
      expect(await core.dispatcher.dispatch(screen, 'camera.settings', {})).toEqual({ result: { label: 'DocCam', deviceId: null, width: 1920, height: 1080, maxBytes: 300_000 } });
      expect(await core.dispatcher.dispatch(screen, 'camera.light', { on: true })).toEqual({ result: { switched: true } });
      expect(await core.dispatcher.dispatch(screen, 'dev.camera.press', {})).toEqual({ result: { ok: true } });
      for (let i = 0; i < 100 && pressed.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(pressed).toEqual([{ deviceId: 'doc-camera' }]);
    } finally {
      await core.close();
    }
  });
});
