import { FrameLog } from '../core/frame-log';
import { startLineTimeout } from '../core/line-timeout';
import type { ByteTransport } from '../core/transport';
import { concatBytes, statusRequest } from './escpos';
import type { PrinterProfile } from './profile';
import { checkStatusByte, conditionFrom, type PrinterCondition } from './status';

export class NoAnswer extends Error {}

/**
 * The receipt printer's line: what goes out (print data, logged by length only) and the real-time status round trip
 * (`10 04 n`, one byte back each). Knows nothing of jobs.
 */
export class PrinterStatusLink {
  /** What went over the line, print data by length only. */
  readonly frames: FrameLog;
  private answerWaiter: ((byte: number) => void) | null = null;
  private statusLock: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly transport: ByteTransport,
    private readonly profile: PrinterProfile,
    private readonly answerTimeoutMs: number,
    now: () => Date,
  ) {
    this.frames = new FrameLog(200, now);
  }

  attach(): void {
    this.unsubscribe ??= this.transport.onData((chunk) => this.onBytes(chunk));
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Print data carries names and ID numbers: its length goes in the log, never its bytes. */
  async sendPrintData(chunk: Uint8Array, note: string): Promise<void> {
    this.frames.add('tx', new Uint8Array(), `${note} <${chunk.length} bytes of print data>`);
    await this.transport.write(chunk);
  }

  /**
   * The printer's condition from its real-time status. `light` asks only n=2 (cover, paper end, error) and n=4
   * (paper sensor): what can change during a job, at half the round trips; the idle poll asks all four.
   */
  async readCondition(light = false): Promise<PrinterCondition> {
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
        const cancelTimeout = startLineTimeout(this.answerTimeoutMs, () => {
          this.answerWaiter = null;
          reject(new NoAnswer());
        });
        this.answerWaiter = (byte) => {
          if (byte < 0) {
            cancelTimeout();
            this.answerWaiter = null;
            reject(new NoAnswer());
            return;
          }
          got.push(byte);
          if (got.length < ns.length) return;
          cancelTimeout();
          this.answerWaiter = null;
          resolve(got);
        };
      });
      const request = concatBytes(ns.map((n) => statusRequest(n)));
      this.frames.add('tx', request, `status request n=${ns.join(',')}`);
      // Not awaited: a write into a line that is going away may never call back, and the answers' own deadline must
      // still end this round (awaiting it left the deadline's rejection unhandled, which ends a Node process).
      const waiter = this.answerWaiter;
      this.transport.write(request).catch(() => {
        if (this.answerWaiter === waiter) waiter?.(-1);
      });
      return answers;
    };
    const next = this.statusLock.then(run, run);
    this.statusLock = next.catch(() => undefined);
    return next;
  }

  private onBytes(chunk: Buffer): void {
    for (const byte of chunk) {
      const valid = checkStatusByte(byte).ok;
      this.frames.add('rx', Uint8Array.of(byte), valid ? 'status answer' : 'not a status byte (ignored)');
      if (valid && this.answerWaiter) this.answerWaiter(byte);
    }
  }
}

export function isRecovered(c: PrinterCondition): boolean {
  return !c.paperEnd && !c.coverOpen && !c.offline && !c.error && !c.unrecoverable && !c.cutterError;
}
