import { KioskError } from '../../shared/contract/errors';
import type { PrintJob } from '../../shared/contract/methods/printing';
import type { EventBus } from '../event-bus';

const SETTLE_MS = 30_000;

/**
 * Prints a receipt-printer job and answers only once it is on paper. A job that waits (paper out, cover open) or
 * fails is cancelled, so it never comes out later for the next person, and the caller hears why in a KioskError.
 * For records that claim a slip was handed over (an inquiry closed as "一次性告知 slip printed").
 */
export async function printAndWait(events: EventBus, print: () => PrintJob, cancel: (jobId: string) => void): Promise<PrintJob> {
  const seen: Array<{ jobId: string; state: string }> = [];
  let wake: () => void = () => undefined;
  const off = events.subscribe((event, data) => {
    if (event !== 'print.changed') return;
    seen.push(data as { jobId: string; state: string });
    wake();
  });
  try {
    const job = print();
    const deadline = Date.now() + SETTLE_MS;
    let state: string = job.state;
    for (;;) {
      for (const s of seen.splice(0)) if (s.jobId === job.jobId) state = s.state;
      if (state === 'done') return { ...job, state: 'done' };
      if (state !== 'queued' && state !== 'printing') break;
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    cancel(job.jobId);
    if (state === 'waitingForPaper') throw new KioskError('paper_out');
    if (state === 'waitingForCover') throw new KioskError('cover_open');
    throw new KioskError(state === 'queued' || state === 'printing' ? 'device_timeout' : 'device_error', { details: { state } });
  } finally {
    off();
  }
}
