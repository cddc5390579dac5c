import { execFile } from 'node:child_process';
import net from 'node:net';
import type { DeviceStatus } from '../../shared/domain/devices';
import { KioskError } from '../../shared/contract/errors';
import type { SelfTestResult } from '../core/driver';
import type { DocumentPrinterDevice, PdfSpooler } from './document-printer';
import { FrameLog } from '../core/frame-log';
import { StatusHolder } from '../core/status-holder';
import { ReportingDriver } from '../core/reporting-driver';

export interface SystemPrinterOptions {
  id: string;
  /** The CUPS queue name (`lpstat -p NAME`). */
  printerName: string;
  /** How often the queue and the printer are looked at (default 1.5 s: an unplugged printer is seen within 2 s). */
  pollMs?: number;
  lpstatCommand?: string;
  /** How long a network printer may take to accept a connection before it counts as gone. */
  probeTimeoutMs?: number;
  /** The host's spooler; without one (a test rig) printing says device_not_configured. */
  spooler?: PdfSpooler;
  now?: () => Date;
}

/** An lpstat and a TCP connect each time: cheap, and it keeps the 2 s promise for unplugging. */
export const DEFAULT_POLL_MS = 1500;

/** What CUPS's network backends say while the printer does not answer (ipp: "may not exist or is unavailable";
 *  socket: "Unable to connect", "not responding"). */
export const UNREACHABLE_MESSAGE = /may not exist or is unavailable|not responding|unable to connect|unable to locate printer/i;

/** What `lpstat -p NAME` says about a queue (CUPS, C locale), with the message CUPS shows under it. */
export function parseLpstat(output: string, printerName: string): { state: DeviceStatus['state']; detailKey?: string } {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`printer ${printerName} `));
  const line = lines[at];
  if (line === undefined) return { state: 'notConfigured', detailKey: 'printers:documentPrinter.unknownQueue' };
  if (/\bdisabled\b/.test(line)) return { state: 'offline', detailKey: 'printers:documentPrinter.disabled' };
  // The indented lines under it are the backend's own words about the printer.
  const message = lines.slice(at + 1).filter((l) => /^\s/.test(l)).join(' ');
  if (UNREACHABLE_MESSAGE.test(message)) return { state: 'offline', detailKey: 'printers:documentPrinter.unreachable' };
  if (/\bnow printing\b/.test(line)) return { state: 'busy' };
  if (/\bis idle\b/.test(line)) return { state: 'online' };
  return { state: 'offline', detailKey: 'printers:documentPrinter.unknownState' };
}

/** The host and port of a network queue's printer from `lpstat -v NAME` (ipp, ipps, http, https, socket); null for
 *  a local one (usb, parallel), which CUPS alone can see. */
export function networkEndpoint(output: string, printerName: string): { host: string; port: number } | null {
  const line = output.split('\n').find((l) => l.startsWith(`device for ${printerName}: `));
  if (!line) return null;
  try {
    const uri = new URL(line.slice(`device for ${printerName}: `.length).trim());
    const defaults: Record<string, number> = { 'ipp:': 631, 'ipps:': 631, 'http:': 631, 'https:': 443, 'socket:': 9100 };
    const port = defaults[uri.protocol];
    if (port === undefined || !uri.hostname) return null;
    return { host: uri.hostname.replace(/^\[|\]$/g, ''), port: uri.port ? Number(uri.port) : port };
  } catch {
    return null;
  }
}

/** Whether something accepts a connection there within the time (a printer switched off or unplugged does not). */
export function answers(endpoint: { host: string; port: number }, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(endpoint);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * An A4 printer behind the operating system (CUPS): the kiosk prints PDFs to it with `lp` (src/main/printing) and
 * watches the queue with `lpstat`, so tiles of print items know whether it can print. Paper and toner are the
 * printer's own business under CUPS; they show up here as a disabled queue at most. A network printer that does not
 * answer is offline even while CUPS still calls its queue idle (CUPS notices only when a job tries), and a document
 * is refused in words then: CUPS would hold it and print it when the printer is back, for whoever stands there.
 */
export class SystemPrinterDriver extends ReportingDriver implements DocumentPrinterDevice {
  readonly kind = 'documentPrinter' as const;
  protected readonly statusHolder: StatusHolder;
  protected readonly frames: FrameLog;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SystemPrinterOptions) {
    super(options);
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
    const status = await this.refresh();
    if (status.state !== 'online' && status.state !== 'busy') {
      throw new KioskError('device_offline', { details: { kind: 'documentPrinter', deviceId: this.id, printer: this.options.printerName, state: status.state } });
    }
    this.frames.note('tx', `pdf ${pdf.length} bytes to ${this.options.printerName}`);
    await this.options.spooler.printPdf(pdf, { printerName: this.options.printerName, title });
  }

  async start(): Promise<void> {
    await this.refresh();
    const poll = () => {
      this.timer = setTimeout(() => void this.refresh().finally(poll), this.options.pollMs ?? DEFAULT_POLL_MS);
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
      execFile(this.options.lpstatCommand ?? process.env.KIOSK_LPSTAT ?? 'lpstat', ['-p', this.options.printerName, '-v', this.options.printerName], { timeout: 10_000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) =>
        resolve({ ok: !error || stdout.length > 0, output: `${stdout}${stderr}` }),
      );
    });
    this.frames.note('rx', result.output.trim().slice(0, 200));
    let next: { state: DeviceStatus['state']; detailKey?: string } = result.ok ? parseLpstat(result.output, this.options.printerName) : { state: 'offline', detailKey: 'printers:documentPrinter.noCups' };
    const endpoint = networkEndpoint(result.output, this.options.printerName);
    if ((next.state === 'online' || next.state === 'busy') && endpoint && !(await answers(endpoint, this.options.probeTimeoutMs ?? 1500))) {
      next = { state: 'offline', detailKey: 'printers:documentPrinter.unreachable' };
    }
    this.statusHolder.set({ state: next.state, ...(next.detailKey ? { detailKey: next.detailKey } : {}) });
    return this.status();
  }
}
