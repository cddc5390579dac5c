import type { PrinterCondition } from './status';
import { isRecovered, type PrinterStatusLink } from './status-link';

export type SendOutcome = 'interrupted' | 'aborted' | 'noAnswer' | null;

/**
 * Sends one encoded job in chunks with a paper-and-cover check after each; returns why it stopped, or null when all
 * went out and the check after the last chunk was good. A chunk's check is read while the next chunk is on the wire
 * (one chunk of look-ahead), so the round trips cost no line time; a paper-out is caught at most one chunk later,
 * which is fine because an interrupted job is printed again whole. `onCondition` hears every condition read.
 */
export async function sendChecked(
  link: PrinterStatusLink,
  job: { bytes: Uint8Array; safeSplits: number[]; chunkBytes: number; realTimeStatus: boolean; settleMs: number },
  signal: AbortSignal,
  onCondition: (condition: PrinterCondition) => void,
): Promise<SendOutcome> {
  const { bytes, safeSplits } = job;
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
    onCondition(condition);
    return isRecovered(condition) ? null : 'interrupted';
  };
  for (let offset = 0; offset < bytes.length; ) {
    if (signal.aborted) {
      await verdict();
      return 'aborted';
    }
    const end = chunkEnd(safeSplits, offset, job.chunkBytes);
    const chunk = bytes.subarray(offset, end);
    try {
      await link.sendPrintData(chunk, `print ${offset}-${offset + chunk.length} of ${bytes.length}`);
    } catch {
      await verdict();
      return 'noAnswer';
    }
    offset = end;
    if (!job.realTimeStatus) continue;
    const previous = await verdict();
    if (previous) return previous;
    if (offset >= bytes.length && job.settleMs > 0) await delay(job.settleMs);
    pending = link.readCondition(true);
    // Keep an unawaited failure from becoming an unhandled rejection; verdict() reads the outcome.
    pending.catch(() => undefined);
  }
  return verdict();
}

/** The furthest safe split within `size` bytes of `offset`, or the next one when a single command is longer. */
export function chunkEnd(safeSplits: number[], offset: number, size: number): number {
  let best = -1;
  for (const split of safeSplits) {
    if (split <= offset) continue;
    if (split - offset <= size) best = split;
    else return best > 0 ? best : split;
  }
  return best > 0 ? best : (safeSplits[safeSplits.length - 1] ?? offset);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
