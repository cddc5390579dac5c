import { randomUUID } from 'node:crypto';
import type { ReceiptDocument } from './receipt-document';

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
  /** Message key (printers namespace) saying why the job waits or failed. */
  detailKey?: string;
  /** Characters the printer font lacks, printed as '?': the clerk is told. */
  unprintable: string[];
}

export interface QueuedJob extends PrintJobInfo {
  request: PrintJobRequest;
  done: Promise<PrintJobInfo>;
  resolve: (j: PrintJobInfo) => void;
  cancel: AbortController;
}

/**
 * The receipt printer's jobs: queued in order, each with its state for the screens, its own cancel switch and a
 * promise that settles when it is printed, failed or cancelled. Knows nothing of the printer's bytes.
 */
export class PrintJobQueue {
  private readonly list: QueuedJob[] = [];
  private readonly listeners = new Set<(job: PrintJobInfo) => void>();
  private readonly wakers = new Set<() => void>();

  constructor(private readonly now: () => Date) {}

  add(request: PrintJobRequest): QueuedJob {
    let resolve!: (j: PrintJobInfo) => void;
    const done = new Promise<PrintJobInfo>((r) => (resolve = r));
    const job: QueuedJob = { id: randomUUID(), label: request.label, state: 'queued', attempts: 0, createdAt: this.now().toISOString(), unprintable: [], request, done, resolve, cancel: new AbortController() };
    this.list.push(job);
    if (this.list.length > 100) this.list.splice(0, this.list.findIndex((j) => isFinal(j.state)) + 1 || 0);
    this.emit(job);
    return job;
  }

  /** The next job to work on: queued, or waiting for paper or cover. */
  next(): QueuedJob | undefined {
    return this.list.find((j) => j.state === 'queued' || j.state === 'waitingForPaper' || j.state === 'waitingForCover');
  }

  cancel(jobId: string): boolean {
    const job = this.list.find((j) => j.id === jobId);
    if (!job || isFinal(job.state)) return false;
    job.cancel.abort();
    this.wake();
    return true;
  }

  cancelAll(): void {
    for (const job of this.list) if (!isFinal(job.state)) job.cancel.abort();
    this.wake();
  }

  jobs(): PrintJobInfo[] {
    return this.list.map(publicJob);
  }

  onJob(listener: (job: PrintJobInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(job: QueuedJob, state: PrintJobState, detailKey?: string): void {
    if (job.state === state && job.detailKey === detailKey) return;
    job.state = state;
    if (detailKey) job.detailKey = detailKey;
    else delete job.detailKey;
    this.emit(job);
  }

  finish(job: QueuedJob, state: 'done' | 'failed' | 'cancelled', detailKey?: string): void {
    job.finishedAt = this.now().toISOString();
    this.update(job, state, detailKey);
    job.resolve(publicJob(job));
  }

  /** Resolves when the printer may have recovered (a status poll saw it fixed) or the job is cancelled. */
  waitForRecovery(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.wakers.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.wakers.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  wake(): void {
    for (const wake of [...this.wakers]) wake();
  }

  private emit(job: PrintJobInfo): void {
    const info = publicJob(job);
    for (const listener of this.listeners) listener(info);
  }
}

function isFinal(state: PrintJobState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}

export function publicJob(job: PrintJobInfo): PrintJobInfo {
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
