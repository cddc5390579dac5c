import type { DeviceStatus } from '../../shared/domain/devices';
import type { ByteTransport } from '../core/transport';
import type { DeviceDriver, SelfTestResult } from '../core/driver';
import { StatusHolder } from '../core/status-holder';
import { sendChecked } from './job-sender';
import { PrintJobQueue, publicJob, type PrintJobInfo, type PrintJobRequest, type QueuedJob } from './job-queue';
import type { PrinterProfile } from './profile';
import { encodeReceipt } from './receipt-document';
import { deviceStateOf, type PrinterCondition } from './status';
import { isRecovered, NoAnswer, PrinterStatusLink } from './status-link';
import type { FrameLog } from '../core/frame-log';
import { ReportingDriver } from '../core/reporting-driver';

export type { PrintJobInfo, PrintJobRequest, PrintJobState } from './job-queue';

export interface ReceiptPrinterOptions {
  id: string;
  transport: ByteTransport;
  profile: PrinterProfile;
  simulated: boolean;
  /** Idle status polling interval. */
  pollMs?: number;
  /** How long to wait for a one-byte status answer. */
  answerTimeoutMs?: number;
  /**
   * After the last byte of a job, how long to wait before the final status check. 0 by default: the check is
   * answered after the printer received every byte, but not after the paper moved (see docs/devices/receipt-printer.md).
   */
  settleMs?: number;
  now?: () => Date;
}

/**
 * ESC/POS receipt printer driver, in three parts: the status link (the line and the real-time status round trip,
 * status-link.ts), the job queue (job-queue.ts) and the sender (job-sender.ts). This class polls the status and runs
 * the jobs so none leaves half a receipt unnoticed: a job is sent in chunks with a status check after each; if the
 * paper runs out or the cover opens, the job waits (waitingForPaper / waitingForCover) and, once fixed, is printed
 * again whole with a reprint banner, so the torn half is clearly void.
 */
export class ReceiptPrinterDriver extends ReportingDriver implements DeviceDriver {
  readonly kind = 'receiptPrinter' as const;
  readonly profile: PrinterProfile;
  private readonly transport: ByteTransport;
  private readonly pollMs: number;
  private readonly settleMs: number;
  protected readonly statusHolder: StatusHolder;
  private readonly link: PrinterStatusLink;
  private readonly queue: PrintJobQueue;
  private pollTimer: NodeJS.Timeout | null = null;
  private working = false;
  private started = false;
  private unsubscribers: Array<() => void> = [];

  constructor(private readonly options: ReceiptPrinterOptions) {
    super(options);
    this.transport = options.transport;
    this.profile = options.profile;
    this.pollMs = options.pollMs ?? 2000;
    this.settleMs = options.settleMs ?? 0;
    this.statusHolder = new StatusHolder(this.id, 'receiptPrinter', options.simulated, this.now, 'unknown', { detailKey: 'printers:printer.notStarted' });
    this.link = new PrinterStatusLink(this.transport, this.profile, options.answerTimeoutMs ?? 500, this.now);
    this.queue = new PrintJobQueue(this.now);
  }

  protected get frames(): FrameLog {
    return this.link.frames;
  }

  onJob(listener: (job: PrintJobInfo) => void): () => void {
    return this.queue.onJob(listener);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.link.attach();
    this.unsubscribers.push(this.transport.onClose(() => this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'printers:printer.portClosed' })));
    try {
      await this.transport.open();
    } catch {
      this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'printers:printer.portMissing' });
    }
    await this.refreshStatus();
    this.schedulePoll();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    this.queue.cancelAll();
    for (const u of this.unsubscribers.splice(0)) u();
    this.link.detach();
    await this.transport.close().catch(() => undefined);
  }

  /** Queues a job; the promise in `done` settles when it is printed, failed or cancelled. */
  submit(request: PrintJobRequest): { info: PrintJobInfo; done: Promise<PrintJobInfo> } {
    const job = this.queue.add(request);
    void this.work();
    return { info: publicJob(job), done: job.done };
  }

  cancel(jobId: string): boolean {
    return this.queue.cancel(jobId);
  }

  jobs(): PrintJobInfo[] {
    return this.queue.jobs();
  }

  async selfTest(): Promise<SelfTestResult> {
    const startedAt = this.now().toISOString();
    const steps: SelfTestResult['steps'] = [];
    try {
      const condition = await this.link.readCondition();
      const mapped = deviceStateOf(condition);
      steps.push({ name: 'status', ok: mapped.state === 'online', ...(mapped.detailKey ? { detailKey: mapped.detailKey } : {}) });
    } catch {
      steps.push({ name: 'status', ok: false, detailKey: 'printers:printer.noAnswer' });
    }
    return { ok: steps.every((s) => s.ok), steps, startedAt, finishedAt: this.now().toISOString() };
  }

  /** Asks all four status bytes and updates the device status; offline when the printer does not answer. */
  async refreshStatus(): Promise<DeviceStatus> {
    if (!this.transport.isOpen) {
      try {
        await this.transport.open();
      } catch {
        this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'printers:printer.portMissing' });
        return this.status();
      }
    }
    try {
      const condition = await this.readConditionAskingTwice();
      const mapped = deviceStateOf(condition);
      const busy = this.working && mapped.state === 'online';
      this.setStatus({ state: busy ? 'busy' : mapped.state, media: mapped.media, detailKey: mapped.detailKey });
      if (isRecovered(condition)) this.queue.wake();
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'printers:printer.noAnswer' });
    }
    return this.status();
  }

  /**
   * One lost answer is not an unplugged printer: on a busy machine (or a long cable) a single round can pass its
   * deadline, and calling the printer offline for it would grey out every printing tile for two seconds. A second
   * silent round is.
   */
  private async readConditionAskingTwice(): Promise<PrinterCondition> {
    try {
      return await this.link.readCondition();
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      return this.link.readCondition();
    }
  }

  private schedulePoll(): void {
    if (!this.started) return;
    this.pollTimer = setTimeout(() => {
      void this.refreshStatus()
        .catch(() => undefined)
        .finally(() => this.schedulePoll());
    }, this.pollMs);
    this.pollTimer.unref?.();
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      for (let job = this.queue.next(); job; job = this.queue.next()) await this.runJob(job);
    } finally {
      this.working = false;
      const current = this.statusHolder.get();
      if (current.state === 'busy') this.setStatus({ state: 'online', media: current.media, detailKey: undefined });
    }
  }

  private async runJob(job: QueuedJob): Promise<void> {
    const signal = job.cancel.signal;
    for (;;) {
      if (signal.aborted) return this.queue.finish(job, 'cancelled');
      let condition: PrinterCondition;
      try {
        // A full check the first time (cutter, unrecoverable errors), a light one when resuming after a fix.
        condition = await this.link.readCondition(job.attempts > 0);
      } catch {
        this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'printers:printer.noAnswer' });
        return this.queue.finish(job, 'failed', 'printers:printer.noAnswer');
      }
      const mapped = deviceStateOf(condition);
      if (mapped.state === 'hardwareError') {
        this.setStatus({ state: mapped.state, media: mapped.media, detailKey: mapped.detailKey });
        return this.queue.finish(job, 'failed', mapped.detailKey);
      }
      if (!isRecovered(condition)) {
        this.setStatus({ state: mapped.state, media: mapped.media, detailKey: mapped.detailKey });
        this.queue.update(job, condition.coverOpen ? 'waitingForCover' : 'waitingForPaper', mapped.detailKey);
        await this.queue.waitForRecovery(signal);
        continue;
      }
      // Print (again, whole) with a banner when an earlier attempt was cut short.
      job.attempts += 1;
      const blocks = job.attempts > 1
        ? [{ kind: 'text' as const, text: job.request.reprintBanner, align: 'center' as const, bold: true }, { kind: 'rule' as const }, ...job.request.document.blocks]
        : job.request.document.blocks;
      const encoded = encodeReceipt({ blocks }, this.profile);
      job.unprintable = encoded.unprintable;
      this.queue.update(job, 'printing');
      this.setStatus({ state: 'busy', media: mapped.media, detailKey: undefined });
      const outcome = await sendChecked(
        this.link,
        { bytes: encoded.bytes, safeSplits: encoded.safeSplits, chunkBytes: this.profile.chunkBytes, realTimeStatus: this.profile.realTimeStatus, settleMs: this.settleMs },
        signal,
        (c) => {
          if (isRecovered(c)) return;
          const m = deviceStateOf(c);
          this.setStatus({ state: m.state, media: m.media, detailKey: m.detailKey });
        },
      );
      if (outcome === 'aborted') return this.queue.finish(job, 'cancelled');
      if (outcome === 'noAnswer') {
        this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'printers:printer.noAnswer' });
        return this.queue.finish(job, 'failed', 'printers:printer.noAnswer');
      }
      if (outcome === null) return this.queue.finish(job, 'done');
      // Paper out or cover open part-way: loop, wait for the fix, print again whole.
    }
  }

  private setStatus(next: { state: DeviceStatus['state']; media: DeviceStatus['media']; detailKey: string | undefined }): void {
    this.statusHolder.set({ state: next.state, media: next.media, ...(next.detailKey ? { detailKey: next.detailKey } : {}) });
  }
}
