import { ReceiptPrinterDriver, type PrintJobInfo } from './driver';
import { BUILT_IN_PROFILES, resolvePrinterProfile } from './profile';
import type { ReceiptDocument } from './receipt-document';
import { ReceiptPrinterSimulator } from './simulator';
import { InProcessTransport } from './simulated-transport';

const doc = (lines: number): ReceiptDocument => ({
  blocks: [
    { kind: 'text', text: '测试村服务点', align: 'center', bold: true, size: 'double' },
    ...Array.from({ length: lines }, (_, i) => ({ kind: 'pair' as const, label: `第${i + 1}行`, value: `值${i + 1}` })),
    { kind: 'qr', data: 'TRACK-0001' },
    { kind: 'text', text: 'END', align: 'center' },
  ],
});

function setup(overrides: Partial<typeof BUILT_IN_PROFILES['generic-80mm']> = {}) {
  const simulator = new ReceiptPrinterSimulator({ columns: 48 });
  const driver = new ReceiptPrinterDriver({
    id: 'receipt',
    transport: new InProcessTransport(simulator),
    profile: resolvePrinterProfile('generic-80mm', { chunkBytes: 64, ...overrides }),
    simulated: true,
    pollMs: 20,
    answerTimeoutMs: 200,
    settleMs: 0,
  });
  const states: PrintJobInfo['state'][] = [];
  driver.onJob((j) => states.push(j.state));
  return { simulator, driver, states };
}

describe('ReceiptPrinterDriver with the simulator', () => {
  it('prints a receipt whole: transcript has every line, the QR and the cut', async () => {
    const { simulator, driver, states } = setup();
    await driver.start();
    expect(driver.status()).toMatchObject({ state: 'online', media: 'present' });
    const { done } = driver.submit({ label: 'receipt', document: doc(3), reprintBanner: '重新打印' });
    const result = await done;
    expect(result).toMatchObject({ state: 'done', attempts: 1 });
    expect(states).toEqual(['queued', 'printing', 'done']);
    const t = simulator.transcript();
    expect(t).toContain('测试村服务点');
    expect(t).toContain('第3行');
    expect(t).toContain('[QR TRACK-0001]');
    expect(t).toMatch(/-- partial cut --$/);
    expect(t).not.toContain('重新打印');
    await driver.stop();
  });

  it('paper out mid-job: waits for paper, then reprints the whole receipt with the banner', async () => {
    const { simulator, driver, states } = setup();
    await driver.start();
    simulator.runOutAfterLines(4);
    const { done } = driver.submit({ label: 'receipt', document: doc(10), reprintBanner: '重新打印' });
    await waitFor(() => states.includes('waitingForPaper'));
    expect(driver.status()).toMatchObject({ state: 'userActionRequired', media: 'absent', detailKey: 'printers:printer.paperOut' });
    // The first attempt is cut short: some lines, no QR, no cut.
    expect(simulator.transcript()).toContain('第1行');
    expect(simulator.transcript()).not.toContain('[QR TRACK-0001]');
    simulator.setPaper('present');
    const result = await done;
    expect(result).toMatchObject({ state: 'done', attempts: 2 });
    expect(states).toEqual(['queued', 'printing', 'waitingForPaper', 'printing', 'done']);
    const lines = simulator.transcript().split('\n');
    const banner = lines.findIndex((l) => l.includes('重新打印'));
    expect(banner).toBeGreaterThan(0);
    const after = lines.slice(banner).join('\n');
    for (let i = 1; i <= 10; i++) expect(after).toContain(`第${i}行`);
    expect(after).toContain('[QR TRACK-0001]');
    await waitFor(() => driver.status().state === 'online');
    await driver.stop();
  });

  it('cover open before a job: the job waits for the cover, then prints once', async () => {
    const { simulator, driver, states } = setup();
    await driver.start();
    simulator.setCoverOpen(true);
    const { done } = driver.submit({ label: 'receipt', document: doc(2), reprintBanner: '重新打印' });
    await waitFor(() => states.includes('waitingForCover'));
    expect(driver.jobs()[0]).toMatchObject({ state: 'waitingForCover', detailKey: 'printers:printer.coverOpen' });
    expect(simulator.transcript()).toBe('');
    simulator.setCoverOpen(false);
    expect(await done).toMatchObject({ state: 'done', attempts: 1 });
    await driver.stop();
  });

  it('a waiting job can be cancelled by the clerk', async () => {
    const { simulator, driver } = setup();
    await driver.start();
    simulator.setPaper('out');
    const { info, done } = driver.submit({ label: 'receipt', document: doc(2), reprintBanner: 'R' });
    await waitFor(() => driver.jobs()[0]?.state === 'waitingForPaper');
    expect(driver.cancel(info.id)).toBe(true);
    expect(await done).toMatchObject({ state: 'cancelled' });
    await driver.stop();
  });

  it('a silent printer makes the job fail and the device offline, not hang', async () => {
    const silent = { receive: () => undefined, onOutput: () => () => undefined };
    const driver = new ReceiptPrinterDriver({
      id: 'receipt',
      transport: new InProcessTransport(silent),
      profile: BUILT_IN_PROFILES['generic-80mm']!,
      simulated: true,
      pollMs: 1000,
      answerTimeoutMs: 50,
    });
    await driver.start();
    expect(driver.status()).toMatchObject({ state: 'offline', detailKey: 'printers:printer.noAnswer' });
    const { done } = driver.submit({ label: 'receipt', document: doc(1), reprintBanner: 'R' });
    expect(await done).toMatchObject({ state: 'failed', detailKey: 'printers:printer.noAnswer' });
    await driver.stop();
  });

  it('one lost status round is asked again, not taken for an unplugged printer', async () => {
    const simulator = new ReceiptPrinterSimulator();
    // The first round's four answers are lost (as on a loaded machine); the printer answers from then on.
    let lost = 0;
    const lossy = {
      receive: (b: Uint8Array) => simulator.receive(b),
      onOutput: (l: (b: Uint8Array) => void) => simulator.onOutput((b) => {
        const kept = [...b].filter(() => ++lost > 4);
        if (kept.length) l(Uint8Array.from(kept));
      }),
    };
    const driver = new ReceiptPrinterDriver({ id: 'r', transport: new InProcessTransport(lossy), profile: BUILT_IN_PROFILES['generic-80mm']!, simulated: true, pollMs: 1000, answerTimeoutMs: 50 });
    await driver.start();
    expect(lost).toBeGreaterThan(4);
    expect(driver.status()).toMatchObject({ state: 'online' });
    await driver.stop();
  });

  it('garbage from the printer is ignored, not taken for a status', async () => {
    const simulator = new ReceiptPrinterSimulator();
    const noisy = {
      receive: (b: Uint8Array) => simulator.receive(b),
      onOutput: (l: (b: Uint8Array) => void) => simulator.onOutput((b) => l(Uint8Array.of(0xff, 0x00, ...b))),
    };
    const driver = new ReceiptPrinterDriver({ id: 'r', transport: new InProcessTransport(noisy), profile: BUILT_IN_PROFILES['generic-58mm']!, simulated: true, pollMs: 1000 });
    await driver.start();
    expect(driver.status().state).toBe('online');
    expect(driver.recentFrames().some((f) => f.note === 'not a status byte (ignored)')).toBe(true);
    await driver.stop();
  });
});

async function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}
