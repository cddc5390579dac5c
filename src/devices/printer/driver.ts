import { randomUUID } from 'node:crypto';
import type { DeviceStatus } from '../../shared/domain/devices';
import type { ByteTransport } from '../core/transport';
import type { DeviceDriver, FrameLogEntry, SelfTestResult } from '../core/driver';
import { concatBytes, statusRequest } from './escpos';
import type { PrinterProfile } from './profile';
import { encodeReceipt, type ReceiptDocument } from './receipt-document';
import { checkStatusByte, conditionFrom, deviceStateOf, type PrinterCondition } from './status';

export type PrintJobState = 'queued' | 'printing' | 'waitingForPaper' | 'waitingForCover' | 'done' | 'failed' | 'cancelled';

export interface PrintJobRequest {
  /** What the job is, for the job list (never personal data): "receipt", "notification", "testPage"... */
  label: string;
  document: ReceiptDocument;
  /** Put on top of a receipt printed again after an interruption, in the resident's language ("REPRINT"). */
  reprintBanner: string;
}

export interface PrintJobInfo {
  id: string;
  label: string;
  state: PrintJobState;
  /** 1 for the first print; more when the job was reprinted whole after a paper-out or cover-open. */
  attempts: number;
  createdAt: string;
  finishedAt?: string;
  /** Message key (devices-output namespace) saying why the job waits or failed. */
  detailKey?: string;
  /** Characters the printer font lacks, printed as '?': the clerk is told. */
  unprintable: string[];
}

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

const MAX_FRAMES = 200;

class NoAnswer extends Error {}

/**
 * ESC/POS receipt printer driver: real-time status polling mapped to the device status, and a job queue that never
 * leaves half a receipt unnoticed. A job is sent in chunks with a status check after each; if the paper runs out or
 * the cover opens, the job waits (state waitingForPaper / waitingForCover) and, once fixed, is printed again whole
 * with a reprint banner, so the torn half is clearly void.
 */
export class ReceiptPrinterDriver implements DeviceDriver {
  readonly kind = 'receiptPrinter' as const;
  readonly id: string;
  readonly profile: PrinterProfile;
  private readonly transport: ByteTransport;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly answerTimeoutMs: number;
  private readonly settleMs: number;
  private current: DeviceStatus;
  private condition: PrinterCondition | null = null;
  private readonly statusListeners = new Set<(s: DeviceStatus) => void>();
  private readonly jobListeners = new Set<(job: PrintJobInfo) => void>();
  private readonly recoveryWaiters = new Set<() => void>();
  private readonly frames: FrameLogEntry[] = [];
  private readonly jobList: Array<PrintJobInfo & { request: PrintJobRequest; done: Promise<PrintJobInfo>; resolve: (j: PrintJobInfo) => void; cancel: AbortController }> = [];
  private answerWaiter: ((byte: number) => void) | null = null;
  private statusLock: Promise<unknown> = Promise.resolve();
  private pollTimer: NodeJS.Timeout | null = null;
  private working = false;
  private started = false;
  private unsubscribers: Array<() => void> = [];

  constructor(private readonly options: ReceiptPrinterOptions) {
    this.id = options.id;
    this.transport = options.transport;
    this.profile = options.profile;
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 2000;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 500;
    this.settleMs = options.settleMs ?? 0;
    this.current = { id: this.id, kind: 'receiptPrinter', state: 'offline', media: 'unknown', simulated: options.simulated, since: this.now().toISOString(), detailKey: 'devices-output:printer.notStarted' };
  }

  status(): DeviceStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onJob(listener: (job: PrintJobInfo) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  recentFrames(): FrameLogEntry[] {
    return this.frames.slice();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.unsubscribers.push(
      this.transport.onData((chunk) => this.onBytes(chunk)),
      this.transport.onClose(() => this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'devices-output:printer.portClosed' })),
    );
    try {
      await this.transport.open();
    } catch {
      this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'devices-output:printer.portMissing' });
    }
    await this.refreshStatus();
    this.schedulePoll();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    for (const job of this.jobList) if (!isFinal(job.state)) job.cancel.abort();
    for (const wake of this.recoveryWaiters) wake();
    for (const u of this.unsubscribers.splice(0)) u();
    await this.transport.close().catch(() => undefined);
  }

  /** Queues a job; the promise in `done` settles when it is printed, failed or cancelled. */
  submit(request: PrintJobRequest): { info: PrintJobInfo; done: Promise<PrintJobInfo> } {
    let resolve!: (j: PrintJobInfo) => void;
    const done = new Promise<PrintJobInfo>((r) => (resolve = r));
    const job = {
      id: randomUUID(),
      label: request.label,
      state: 'queued' as PrintJobState,
      attempts: 0,
      createdAt: this.now().toISOString(),
      unprintable: [],
      request,
      done,
      resolve,
      cancel: new AbortController(),
    };
    this.jobList.push(job);
    if (this.jobList.length > 100) this.jobList.splice(0, this.jobList.findIndex((j) => isFinal(j.state)) + 1 || 0);
    this.emitJob(job);
    void this.work();
    return { info: publicJob(job), done };
  }

  cancel(jobId: string): boolean {
    const job = this.jobList.find((j) => j.id === jobId);
    if (!job || isFinal(job.state)) return false;
    job.cancel.abort();
    for (const wake of this.recoveryWaiters) wake();
    return true;
  }

  jobs(): PrintJobInfo[] {
    return this.jobList.map(publicJob);
  }

  async selfTest(): Promise<SelfTestResult> {
    const startedAt = this.now().toISOString();
    const steps: SelfTestResult['steps'] = [];
    try {
      const condition = await this.readCondition();
      const mapped = deviceStateOf(condition);
      steps.push({ name: 'status', ok: mapped.state === 'online', ...(mapped.detailKey ? { detailKey: mapped.detailKey } : {}) });
    } catch {
      steps.push({ name: 'status', ok: false, detailKey: 'devices-output:printer.noAnswer' });
    }
    return { ok: steps.every((s) => s.ok), steps, startedAt, finishedAt: this.now().toISOString() };
  }

  /** Asks all four status bytes and updates the device status; offline when the printer does not answer. */
  async refreshStatus(): Promise<DeviceStatus> {
    if (!this.transport.isOpen) {
      try {
        await this.transport.open();
      } catch {
        this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'devices-output:printer.portMissing' });
        return this.status();
      }
    }
    try {
      const condition = await this.readCondition();
      this.condition = condition;
      const mapped = deviceStateOf(condition);
      const busy = this.working && mapped.state === 'online';
      this.setStatus({ state: busy ? 'busy' : mapped.state, media: mapped.media, detailKey: mapped.detailKey });
      if (isRecovered(condition)) for (const wake of this.recoveryWaiters) wake();
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      this.condition = null;
      this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'devices-output:printer.noAnswer' });
    }
    return this.status();
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
      for (;;) {
        const job = this.jobList.find((j) => j.state === 'queued' || j.state === 'waitingForPaper' || j.state === 'waitingForCover');
        if (!job) break;
        await this.runJob(job);
      }
    } finally {
      this.working = false;
      if (this.current.state === 'busy') this.setStatus({ state: 'online', media: this.current.media, detailKey: undefined });
    }
  }

  private async runJob(job: (typeof this.jobList)[number]): Promise<void> {
    const signal = job.cancel.signal;
    for (;;) {
      if (signal.aborted) return this.finish(job, 'cancelled');
      let condition: PrinterCondition;
      try {
        // A full check the first time (cutter, unrecoverable errors), a light one when resuming after a fix.
        condition = await this.readCondition(job.attempts > 0);
      } catch {
        this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'devices-output:printer.noAnswer' });
        return this.finish(job, 'failed', 'devices-output:printer.noAnswer');
      }
      this.condition = condition;
      const mapped = deviceStateOf(condition);
      if (mapped.state === 'hardwareError') {
        this.setStatus({ state: mapped.state, media: mapped.media, detailKey: mapped.detailKey });
        return this.finish(job, 'failed', mapped.detailKey);
      }
      if (!isRecovered(condition)) {
        this.setStatus({ state: mapped.state, media: mapped.media, detailKey: mapped.detailKey });
        this.update(job, condition.coverOpen ? 'waitingForCover' : 'waitingForPaper', mapped.detailKey);
        await this.waitForRecovery(signal);
        continue;
      }
      // Print (again, whole) with a banner when an earlier attempt was cut short.
      job.attempts += 1;
      const blocks = job.attempts > 1
        ? [{ kind: 'text' as const, text: job.request.reprintBanner, align: 'center' as const, bold: true }, { kind: 'rule' as const }, ...job.request.document.blocks]
        : job.request.document.blocks;
      const encoded = encodeReceipt({ blocks }, this.profile);
      job.unprintable = encoded.unprintable;
      this.update(job, 'printing');
      this.setStatus({ state: 'busy', media: mapped.media, detailKey: undefined });
      const interrupted = await this.sendChecked(encoded.bytes, encoded.safeSplits, signal);
      if (interrupted === 'aborted') return this.finish(job, 'cancelled');
      if (interrupted === 'noAnswer') {
        this.setStatus({ state: 'offline', media: 'unknown', detailKey: 'devices-output:printer.noAnswer' });
        return this.finish(job, 'failed', 'devices-output:printer.noAnswer');
      }
      if (interrupted === null) return this.finish(job, 'done');
      // Paper out or cover open part-way: loop, wait for the fix, print again whole.
    }
  }

  /**
   * Sends the job in chunks with a paper-and-cover check after each; returns why it stopped, or null when all went
   * out and the check after the last chunk was good. A chunk's check is read while the next chunk is on the wire
   * (one chunk of look-ahead), so the round trips cost no line time; a paper-out is caught at most one chunk later,
   * which is fine because an interrupted job is printed again whole.
   */
  private async sendChecked(bytes: Uint8Array, safeSplits: number[], signal: AbortSignal): Promise<'interrupted' | 'aborted' | 'noAnswer' | null> {
    const size = this.profile.chunkBytes;
    let pending: Promise<PrinterCondition> | null = null;
    const verdict = async (): Promise<'interrupted' | 'noAnswer' | null> => {
      if (!pending) return null;
      const check = pending;
      pending = null;
      let condition: PrinterCondition;
      try {
        condition = await check;
      } catch {
        return 'noAnswer';
      }
      this.condition = condition;
      if (isRecovered(condition)) return null;
      const mapped = deviceStateOf(condition);
      this.setStatus({ state: mapped.state, media: mapped.media, detailKey: mapped.detailKey });
      return 'interrupted';
    };
    for (let offset = 0; offset < bytes.length; ) {
      if (signal.aborted) {
        await verdict();
        return 'aborted';
      }
      const end = chunkEnd(safeSplits, offset, size);
      const chunk = bytes.subarray(offset, end);
      this.logFrame('tx', chunk, `print ${offset}-${offset + chunk.length} of ${bytes.length}`);
      try {
        await this.transport.write(chunk);
      } catch {
        await verdict();
        return 'noAnswer';
      }
      offset = end;
      if (!this.profile.realTimeStatus) continue;
      const previous = await verdict();
      if (previous) return previous;
      if (offset >= bytes.length && this.settleMs > 0) await delay(this.settleMs);
      pending = this.readCondition(true);
      // Keep an unawaited failure from becoming an unhandled rejection; verdict() reads the outcome.
      pending.catch(() => undefined);
    }
    return verdict();
  }

  private waitForRecovery(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.recoveryWaiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.recoveryWaiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /**
   * The printer's condition from its real-time status. `light` asks only n=2 (cover, paper end, error) and n=4
   * (paper sensor): what can change during a job, at half the round trips; the idle poll asks all four.
   */
  private async readCondition(light = false): Promise<PrinterCondition> {
    if (!this.profile.realTimeStatus) {
      return { offline: false, coverOpen: false, paperEnd: false, paperNearEnd: false, error: false, cutterError: false, unrecoverable: false };
    }
    if (light) {
      const [offline = 0, paper = 0] = await this.askAll([2, 4]);
      return conditionFrom({ printer: 0x12, offline, error: 0x12, paper });
    }
    const [printer = 0, offline = 0, error = 0, paper = 0] = await this.askAll([1, 2, 3, 4]);
    return conditionFrom({ printer, offline, error, paper });
  }

  /**
   * `10 04 n` for each n in one write, and their one-byte answers in order: one round trip however many are asked.
   * Serialised, so answers of two callers cannot be mixed up; a missing answer is NoAnswer.
   */
  private askAll(ns: ReadonlyArray<1 | 2 | 3 | 4>): Promise<number[]> {
    const run = async (): Promise<number[]> => {
      const got: number[] = [];
      const answers = new Promise<number[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.answerWaiter = null;
          reject(new NoAnswer());
        }, this.answerTimeoutMs);
        this.answerWaiter = (byte) => {
          if (byte < 0) {
            clearTimeout(timer);
            this.answerWaiter = null;
            reject(new NoAnswer());
            return;
          }
          got.push(byte);
          if (got.length < ns.length) return;
          clearTimeout(timer);
          this.answerWaiter = null;
          resolve(got);
        };
      });
      const request = concatBytes(ns.map((n) => statusRequest(n)));
      this.logFrame('tx', request, `status request n=${ns.join(',')}`);
      try {
        await this.transport.write(request);
      } catch {
        this.answerWaiter?.(-1);
      }
      return answers;
    };
    const next = this.statusLock.then(run, run);
    this.statusLock = next.catch(() => undefined);
    return next;
  }

  private onBytes(chunk: Buffer): void {
    for (const byte of chunk) {
      const valid = checkStatusByte(byte).ok;
      this.logFrame('rx', Uint8Array.of(byte), valid ? 'status answer' : 'not a status byte (ignored)');
      if (valid && this.answerWaiter) this.answerWaiter(byte);
    }
  }

  private setStatus(next: { state: DeviceStatus['state']; media: DeviceStatus['media']; detailKey: string | undefined }): void {
    const c = this.current;
    if (c.state === next.state && c.media === next.media && c.detailKey === next.detailKey) return;
    this.current = {
      id: this.id,
      kind: 'receiptPrinter',
      state: next.state,
      media: next.media,
      simulated: this.options.simulated,
      since: this.now().toISOString(),
      ...(next.detailKey ? { detailKey: next.detailKey } : {}),
    };
    for (const listener of this.statusListeners) listener(this.status());
  }

  private update(job: (typeof this.jobList)[number], state: PrintJobState, detailKey?: string): void {
    if (job.state === state && job.detailKey === detailKey) return;
    job.state = state;
    if (detailKey) job.detailKey = detailKey;
    else delete job.detailKey;
    this.emitJob(job);
  }

  private finish(job: (typeof this.jobList)[number], state: 'done' | 'failed' | 'cancelled', detailKey?: string): void {
    job.finishedAt = this.now().toISOString();
    this.update(job, state, detailKey);
    job.resolve(publicJob(job));
  }

  private emitJob(job: PrintJobInfo): void {
    const info = publicJob(job);
    for (const listener of this.jobListeners) listener(info);
  }

  private logFrame(direction: 'tx' | 'rx', bytes: Uint8Array, note: string): void {
    // Print data carries names and ID numbers: log its length only, never its bytes.
    const hex = note.startsWith('print') ? `<${bytes.length} bytes of print data>` : Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();
    this.frames.push({ at: this.now().toISOString(), direction, hex, note });
    if (this.frames.length > MAX_FRAMES) this.frames.splice(0, this.frames.length - MAX_FRAMES);
  }
}

/** The furthest safe split within `size` bytes of `offset`, or the next one when a single command is longer. */
function chunkEnd(safeSplits: number[], offset: number, size: number): number {
  let best = -1;
  for (const split of safeSplits) {
    if (split <= offset) continue;
    if (split - offset <= size) best = split;
    else return best > 0 ? best : split;
  }
  return best > 0 ? best : (safeSplits[safeSplits.length - 1] ?? offset);
}

function isRecovered(c: PrinterCondition): boolean {
  return !c.paperEnd && !c.coverOpen && !c.offline && !c.error && !c.unrecoverable && !c.cutterError;
}

function isFinal(state: PrintJobState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}

function publicJob(job: PrintJobInfo): PrintJobInfo {
  return {
    id: job.id,
    label: job.label,
    state: job.state,
    attempts: job.attempts,
    createdAt: job.createdAt,
    unprintable: [...job.unprintable],
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.detailKey ? { detailKey: job.detailKey } : {}),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
