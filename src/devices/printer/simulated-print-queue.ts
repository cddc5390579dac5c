import { KioskError } from '../../shared/contract/errors';
import type { SelfTestResult } from '../core/driver';
import type { DocumentPrinterDevice } from './document-printer';
import { FrameLog } from '../core/frame-log';
import { StatusHolder } from '../core/status-holder';
import { ReportingDriver } from '../core/reporting-driver';

/** A PDF the simulated A4 queue accepted (what `dev.documentPrinter.jobs` shows). */
export interface SimulatedPrintJob {
  title: string;
  bytes: Uint8Array;
  at: string;
}

/**
 * The developer panel's stand-in for an operating-system A4 print queue (CUPS): it takes PDFs the way `lp` would and
 * keeps them, and it can be switched off (paper out, printer off) so tiles of print items react as with a real queue.
 */
export class SimulatedPrintQueue {
  readonly jobs: SimulatedPrintJob[] = [];
  private online = true;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  isOnline(): boolean {
    return this.online;
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const l of this.listeners) l(online);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Accepts a job like `lp` does: refused while the queue is disabled. */
  accept(bytes: Uint8Array, title: string): boolean {
    if (!this.online) return false;
    this.jobs.push({ title, bytes: Uint8Array.from(bytes), at: this.now().toISOString() });
    if (this.jobs.length > 20) this.jobs.shift();
    return true;
  }

  clear(): void {
    this.jobs.length = 0;
  }
}

/** The A4 document printer on the simulated queue: same status model as the CUPS driver, printing through `printPdf`. */
export class SimulatedDocumentPrinterDriver extends ReportingDriver implements DocumentPrinterDevice {
  readonly kind = 'documentPrinter' as const;
  protected readonly statusHolder: StatusHolder;
  protected readonly frames: FrameLog;
  private detach: (() => void) | null = null;

  constructor(
    id: string,
    private readonly queue: SimulatedPrintQueue,
    now: () => Date,
  ) {
    super({ id, now });
    this.statusHolder = new StatusHolder(id, 'documentPrinter', true, now, 'unknown', statusFor(queue.isOnline()));
    this.frames = new FrameLog(50, now);
  }

  async start(): Promise<void> {
    this.statusHolder.set(statusFor(this.queue.isOnline()));
    this.detach = this.queue.onChange((online) => this.statusHolder.set(statusFor(online)));
  }

  async stop(): Promise<void> {
    this.detach?.();
    this.detach = null;
  }

  async selfTest(): Promise<SelfTestResult> {
    const at = this.now().toISOString();
    const ok = this.queue.isOnline();
    return { ok, steps: [{ name: 'queue', ok, ...(ok ? {} : { detailKey: 'printers:documentPrinter.disabled' }) }], startedAt: at, finishedAt: at };
  }

  get destination(): string {
    return `simulated:${this.id}`;
  }

  /** Hands a finished PDF to the queue; device_offline when the queue refuses it (switched off). */
  async printPdf(pdf: Uint8Array, title: string): Promise<void> {
    const accepted = this.queue.accept(pdf, title);
    this.frames.note('tx', `pdf ${pdf.length} bytes: ${accepted ? 'accepted' : 'refused (queue off)'}`);
    if (!accepted) throw new KioskError('device_offline', { details: { kind: 'documentPrinter', deviceId: this.id } });
  }
}

function statusFor(online: boolean): { state: 'online' | 'offline'; detailKey?: string } {
  return online ? { state: 'online' } : { state: 'offline', detailKey: 'printers:documentPrinter.disabled' };
}
