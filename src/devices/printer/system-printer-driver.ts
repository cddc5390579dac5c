import { execFile } from 'node:child_process';
import type { DeviceStatus } from '../../shared/domain/devices';
import { KioskError } from '../../shared/contract/errors';
import type { FrameLogEntry, SelfTestResult } from '../core/driver';
import type { DocumentPrinterDevice, PdfSpooler } from './document-printer';
import { FrameLog } from '../core/frame-log';
import { StatusHolder } from '../core/status-holder';

export interface SystemPrinterOptions {
  id: string;
  /** The CUPS queue name (`lpstat -p NAME`). */
  printerName: string;
  pollMs?: number;
  lpstatCommand?: string;
  /** The host's spooler; without one (a test rig) printing says device_not_configured. */
  spooler?: PdfSpooler;
  now?: () => Date;
}

/** What `lpstat -p NAME` says about a queue (CUPS, C locale). */
export function parseLpstat(output: string, printerName: string): { state: DeviceStatus['state']; detailKey?: string } {
  const line = output.split('\n').find((l) => l.startsWith(`printer ${printerName} `));
  if (!line) return { state: 'notConfigured', detailKey: 'printers:documentPrinter.unknownQueue' };
  if (/\bdisabled\b/.test(line)) return { state: 'offline', detailKey: 'printers:documentPrinter.disabled' };
  if (/\bnow printing\b/.test(line)) return { state: 'busy' };
  if (/\bis idle\b/.test(line)) return { state: 'online' };
  return { state: 'offline', detailKey: 'printers:documentPrinter.unknownState' };
}

/**
 * An A4 printer behind the operating system (CUPS): the kiosk prints PDFs to it with `lp` (src/main/printing) and
 * watches the queue with `lpstat`, so tiles of print items know whether it can print. Paper and toner are the
 * printer's own business under CUPS; they show up here as a disabled queue at most.
 */
export class SystemPrinterDriver implements DocumentPrinterDevice {
  readonly kind = 'documentPrinter' as const;
  readonly id: string;
  private readonly statusHolder: StatusHolder;
  private readonly frames: FrameLog;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: SystemPrinterOptions) {
    this.id = options.id;
    this.now = options.now ?? (() => new Date());
    this.statusHolder = new StatusHolder(this.id, 'documentPrinter', false, this.now, 'unknown', { detailKey: 'printers:documentPrinter.notChecked' });
    this.frames = new FrameLog(50, this.now);
  }

  get printerName(): string {
    return this.options.printerName;
  }

  get destination(): string {
    return this.options.printerName;
  }

  async printPdf(pdf: Uint8Array, title: string): Promise<void> {
    if (!this.options.spooler) throw new KioskError('device_not_configured', { details: { kind: 'documentPrinter', deviceId: this.id } });
    this.frames.note('tx', `pdf ${pdf.length} bytes to ${this.options.printerName}`);
    await this.options.spooler.printPdf(pdf, { printerName: this.options.printerName, title });
  }

  status(): DeviceStatus {
    return { ...this.statusHolder.get() };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusHolder.on(listener);
  }

  recentFrames(): FrameLogEntry[] {
    return this.frames.list();
  }

  async start(): Promise<void> {
    await this.refresh();
    const poll = () => {
      this.timer = setTimeout(() => void this.refresh().finally(poll), this.options.pollMs ?? 30_000);
      this.timer.unref?.();
    };
    poll();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async selfTest(): Promise<SelfTestResult> {
    const startedAt = this.now().toISOString();
    const status = await this.refresh();
    const ok = status.state === 'online' || status.state === 'busy';
    return { ok, steps: [{ name: 'queue', ok, ...(status.detailKey ? { detailKey: status.detailKey } : {}) }], startedAt, finishedAt: this.now().toISOString() };
  }

  async refresh(): Promise<DeviceStatus> {
    const result = await new Promise<{ ok: boolean; output: string }>((resolve) => {
      execFile(this.options.lpstatCommand ?? process.env.KIOSK_LPSTAT ?? 'lpstat', ['-p', this.options.printerName], { timeout: 10_000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) =>
        resolve({ ok: !error || stdout.length > 0, output: `${stdout}${stderr}` }),
      );
    });
    this.frames.note('rx', result.output.trim().slice(0, 200));
    const next = result.ok ? parseLpstat(result.output, this.options.printerName) : { state: 'offline' as const, detailKey: 'printers:documentPrinter.noCups' };
    this.statusHolder.set({ state: next.state, ...(next.detailKey ? { detailKey: next.detailKey } : {}) });
    return this.status();
  }
}
