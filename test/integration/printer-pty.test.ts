import { ReceiptPrinterDriver, type PrintJobInfo } from '../../src/devices/printer/driver';
import { resolvePrinterProfile } from '../../src/devices/printer/profile';
import { encodeReceipt } from '../../src/devices/printer/receipt-document';
import { ReconnectingTransport } from '../../src/devices/transports/reconnecting-transport';
import { SerialTransport } from '../../src/devices/transports/serial-transport';
import { submissionReceipt } from '../../src/main/printing/receipt-templates';
import { translatorFor } from '../../src/main/printing/translator';
import { startPrinterPtyRig, withoutStatusRequests, type PrinterPtyRig } from '../fixtures/printer-pty-rig';
import { until } from '../support/until';

jest.setTimeout(30_000);

const profile = resolvePrinterProfile('generic-80mm', {});
const receipt = submissionReceipt(
  {
    siteName: { 'zh-CN': '示范村就业社保服务点', en: 'Demo Village Service Point' },
    item: { name: { 'zh-CN': '城乡居民养老保险参保登记', en: 'Resident pension enrolment' } },
    trackingNumber: 'SX20261129-000042',
    submittedAt: '2026-11-29T08:30:00.000Z',
    resident: { name: '李秀英', idNumber: '140102195003071228' },
    channel: 'assisted',
    delivery: 'queued',
    countyOnline: false,
    hotline: '0351-12333',
  },
  'zh-CN',
  translatorFor('zh-CN'),
);

describe('receipt printer over a real pty pair, simulator in another process', () => {
  let rig: PrinterPtyRig;
  let driver: ReceiptPrinterDriver;
  const states: PrintJobInfo['state'][] = [];

  beforeAll(async () => {
    rig = await startPrinterPtyRig({ baud: 115200 });
    driver = new ReceiptPrinterDriver({ id: 'receipt', transport: new SerialTransport({ path: rig.hostPath, baudRate: 115200 }), profile, simulated: false, pollMs: 100, settleMs: 20 });
    driver.onJob((j) => states.push(j.state));
    await driver.start();
  });
  afterAll(async () => {
    await driver?.stop();
    await rig?.close();
  });

  it('the printer receives exactly the expected bytes, and the transcript reads as the receipt', async () => {
    expect(driver.status()).toMatchObject({ state: 'online', media: 'present' });
    await rig.command('clear');
    const { done } = driver.submit({ label: 'receipt', document: receipt, reprintBanner: 'R' });
    expect(await done).toMatchObject({ state: 'done', attempts: 1 });
    const dump = await rig.command('dump');
    const received = withoutStatusRequests(Buffer.from(String(dump.rawHex), 'hex'));
    expect(received.toString('hex')).toBe(Buffer.from(encodeReceipt(receipt, profile).bytes).toString('hex'));
    const transcript = String(dump.transcript);
    expect(transcript).toContain('受理回执');
    expect(transcript).toContain('SX20261129-000042');
    expect(transcript).toContain('李*英');
    expect(transcript).toContain('1401**********1228');
    expect(transcript).not.toContain('140102195003071228');
    expect(transcript).toContain('[QR SX20261129-000042]');
    expect(transcript).toMatch(/-- partial cut --$/);
  });

  it('paper out in the middle: the job waits, the status says so, and after new paper the whole receipt prints again', async () => {
    await rig.command('clear');
    states.length = 0;
    await rig.command('runout 6');
    const { done } = driver.submit({ label: 'receipt', document: receipt, reprintBanner: translatorFor('zh-CN')('reprint') });
    await until(() => states.includes('waitingForPaper'));
    expect(driver.status()).toMatchObject({ state: 'userActionRequired', media: 'absent', detailKey: 'printers:printer.paperOut' });
    expect(driver.jobs().at(-1)).toMatchObject({ state: 'waitingForPaper' });
    await rig.command('paper present');
    expect(await done).toMatchObject({ state: 'done', attempts: 2 });
    const transcript = String((await rig.command('dump')).transcript);
    const reprint = transcript.slice(transcript.indexOf('重新打印'));
    expect(transcript.indexOf('重新打印')).toBeGreaterThan(0);
    for (const text of ['受理回执', 'SX20261129-000042', '[QR SX20261129-000042]', '-- partial cut --']) expect(reprint).toContain(text);
    // The first, torn attempt never reached the QR code.
    expect(transcript.slice(0, transcript.indexOf('重新打印'))).not.toContain('[QR');
  });

  it('cover open while idle is seen by the status poll', async () => {
    await rig.command('cover open');
    await until(() => driver.status().detailKey === 'printers:printer.coverOpen');
    expect(driver.status().state).toBe('userActionRequired');
    await rig.command('cover closed');
    await until(() => driver.status().state === 'online');
  });
});

describe('receipt printer unplugged and plugged back in', () => {
  it('goes offline when the line goes, says a receipt failed rather than hold it, and after replug prints without a restart', async () => {
    let rig = await startPrinterPtyRig({ baud: 115200 });
    const dir = rig.dir;
    // As the device manager opens it: a port that is opened again whenever it comes back.
    const hostPath = rig.hostPath;
    const transport = new ReconnectingTransport(() => new SerialTransport({ path: hostPath, baudRate: 115200 }), `serial ${hostPath}`, { minDelayMs: 50, maxDelayMs: 200 });
    const driver = new ReceiptPrinterDriver({ id: 'receipt', transport, profile, simulated: false, pollMs: 100, settleMs: 20 });
    try {
      await driver.start();
      await until(() => driver.status().state === 'online');
      // Unplugged: the printer and its end of the line are gone.
      await rig.close();
      await until(() => driver.status().state === 'offline');
      // A receipt asked for meanwhile is reported failed in words (the screen offers a reprint), never held back to
      // come out later for whoever then stands at the kiosk.
      expect(await driver.submit({ label: 'receipt', document: receipt, reprintBanner: 'R' }).done).toMatchObject({ state: 'failed', detailKey: 'printers:printer.noAnswer' });
      rig = await startPrinterPtyRig({ baud: 115200, dir });
      await until(() => driver.status().state === 'online', 20_000);
      expect(await driver.submit({ label: 'receipt', document: receipt, reprintBanner: 'R' }).done).toMatchObject({ state: 'done', attempts: 1 });
      const transcript = String((await rig.command('dump')).transcript);
      for (const text of ['受理回执', 'SX20261129-000042', '[QR SX20261129-000042]', '-- partial cut --']) expect(transcript).toContain(text);
    } finally {
      await driver.stop();
      await rig.close();
    }
  });
});

