import { performance } from 'node:perf_hooks';
import { ReceiptPrinterDriver } from '../src/devices/printer/driver';
import { resolvePrinterProfile } from '../src/devices/printer/profile';
import { encodeReceipt } from '../src/devices/printer/receipt-document';
import { SerialTransport } from '../src/devices/transports/serial-transport';
import { submissionReceipt } from '../src/main/printing/receipt-templates';
import { translatorFor } from '../src/main/printing/translator';
import { startPrinterPtyRig } from '../test/fixtures/printer-pty-rig';
import type { BenchFigure } from './types';

/**
 * A typical submission receipt, rendered from data and printed through the real driver over a socat pty to the
 * printer simulator in another process, which acts on each chunk only when its bytes would have crossed a
 * 115200-baud line. Compared with the bare wire time of the receipt's bytes: the driver's chunking, status checks
 * between chunks and end-of-job settle are the overhead. Target: within 1.5x the wire time.
 */
const BAUD = 115200;
const ROUNDS = 12;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default async function bench(): Promise<BenchFigure[]> {
  const rig = await startPrinterPtyRig({ baud: BAUD });
  const profile = resolvePrinterProfile('generic-80mm', {});
  const driver = new ReceiptPrinterDriver({ id: 'bench', transport: new SerialTransport({ path: rig.hostPath, baudRate: BAUD }), profile, simulated: false, pollMs: 60_000 });
  await driver.start();
  const t = translatorFor('zh-CN');
  const data = {
    siteName: { 'zh-CN': '示范村就业社保服务点', en: 'Demo Village Service Point' },
    item: {
      name: { 'zh-CN': '城乡居民养老保险参保登记', en: 'Resident pension enrolment' },
      guide: undefined,
    },
    trackingNumber: 'SX20261129-000042',
    submittedAt: '2026-11-29T08:30:00.000Z',
    resident: { name: '李秀英', idNumber: '140102195003071228' },
    channel: 'assisted' as const,
    delivery: 'queued' as const,
    countyOnline: false,
    hotline: '0351-12333',
  };
  const bytes = encodeReceipt(submissionReceipt(data, 'zh-CN', t), profile).bytes.length;
  const wireMs = (bytes * 10 * 1000) / BAUD;
  const totals: number[] = [];
  const renders: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      await rig.command('clear');
      const start = performance.now();
      const document = submissionReceipt({ ...data, trackingNumber: `SX20261129-${String(i).padStart(6, '0')}` }, 'zh-CN', t);
      renders.push(performance.now() - start);
      const { done } = driver.submit({ label: 'receipt', document, reprintBanner: t('reprint') });
      const job = await done;
      totals.push(performance.now() - start);
      if (job.state !== 'done') throw new Error(`job ended ${job.state}`);
    }
  } finally {
    await driver.stop();
    await rig.close();
  }
  const total = median(totals);
  return [
    {
      name: `receipt printed over pty at ${BAUD} baud (${bytes} bytes, render + send + status checks), median of ${ROUNDS}`,
      value: total,
      unit: 'ms',
      baselineName: 'wire time of the same bytes at 115200 8N1',
      baselineValue: wireMs,
      ratio: total / wireMs,
      target: 'ratio <= 1.5 (smaller is better)',
      met: total / wireMs <= 1.5,
    },
    {
      name: 'receipt rendered from data (template + i18n), median',
      value: median(renders),
      unit: 'ms',
      baselineName: 'wire time of the receipt',
      baselineValue: wireMs,
      ratio: median(renders) / wireMs,
      target: 'ratio <= 0.1 (rendering is not the cost)',
      met: median(renders) / wireMs <= 0.1,
    },
  ];
}
