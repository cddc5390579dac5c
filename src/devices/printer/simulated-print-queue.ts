import type { DeviceStatus } from '../../shared/domain/devices';
import type { DeviceDriver, FrameLogEntry, SelfTestResult } from '../core/driver';

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
export class SimulatedDocumentPrinterDriver implements DeviceDriver {
  readonly kind = 'documentPrinter' as const;
  private current: DeviceStatus;
  private readonly listeners = new Set<(s: DeviceStatus) => void>();
  private readonly frames: FrameLogEntry[] = [];
  private detach: (() => void) | null = null;

  constructor(
    readonly id: string,
    private readonly queue: SimulatedPrintQueue,
    private readonly now: () => Date,
  ) {
    this.current = this.statusFor(queue.isOnline());
  }

  private statusFor(online: boolean): DeviceStatus {
    return {
      id: this.id,
      kind: 'documentPrinter',
      state: online ? 'online' : 'offline',
      media: 'unknown',
      simulated: true,
      since: this.now().toISOString(),
      ...(online ? {} : { detailKey: 'devices-output:documentPrinter.disabled' }),
    };
  }

  status(): DeviceStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.detach = this.queue.onChange((online) => {
      this.current = this.statusFor(online);
      for (const l of this.listeners) l(this.status());
    });
  }

  async stop(): Promise<void> {
    this.detach?.();
    this.detach = null;
  }

  async selfTest(): Promise<SelfTestResult> {
    const at = this.now().toISOString();
    const ok = this.queue.isOnline();
    return { ok, steps: [{ name: 'queue', ok, ...(ok ? {} : { detailKey: 'devices-output:documentPrinter.disabled' }) }], startedAt: at, finishedAt: at };
  }

  recentFrames(): FrameLogEntry[] {
    return this.frames.slice();
  }

  /** Hands a finished PDF to the queue; false when the queue refuses it (switched off). */
  printPdf(pdf: Uint8Array, title: string): boolean {
    const accepted = this.queue.accept(pdf, title);
    this.frames.push({ at: this.now().toISOString(), direction: 'tx', hex: '', note: `pdf ${pdf.length} bytes: ${accepted ? 'accepted' : 'refused (queue off)'}` });
    if (this.frames.length > 50) this.frames.shift();
    return accepted;
  }
}
