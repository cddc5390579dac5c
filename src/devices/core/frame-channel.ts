import type { ByteTransport } from './transport';
import { describeParseProblem, type LengthFrameParser, type ParseResult } from './length-frame-parser';
import { FrameReader } from './frame-reader';
import { startLineTimeout } from './line-timeout';
import type { FrameLog } from './frame-log';
import type { DeviceLog } from './device-log';

export type ExchangeResult =
  | { ok: true; frame: Buffer }
  | { ok: false; problem: 'timeout' | 'badChecksum' | 'badLength' | 'offline' | 'cancelled' };

export interface FrameChannelOptions {
  /** What of a frame may go to the technician's log (drop personal payloads); default: the whole frame. */
  loggable?: (frame: Buffer, direction: 'tx' | 'rx') => { bytes: Uint8Array; note?: string };
  log: DeviceLog;
}

/**
 * Request/answer over a framed byte stream: one exchange at a time (queued), each with a deadline and an
 * AbortSignal. Every outcome is a typed result; unsolicited frames and garbage are logged, never thrown.
 */
export class FrameChannel {
  private queue: Promise<unknown> = Promise.resolve();
  private waiting: ((result: ExchangeResult) => void) | null = null;
  private accepting: ((frame: Buffer) => boolean) | undefined;
  private readonly reader: FrameReader;

  constructor(
    private readonly transport: ByteTransport,
    parser: LengthFrameParser,
    private readonly frames: FrameLog,
    private readonly options: FrameChannelOptions,
  ) {
    this.reader = new FrameReader(parser, (results) => this.onResults(results));
    transport.onData((chunk) => this.reader.push(chunk));
    transport.onClose(() => {
      this.reader.reset();
      this.settle({ ok: false, problem: 'offline' });
    });
  }

  /**
   * Sends a frame and waits for its answer. `accept` tells this command's answer from a late answer to an earlier
   * one that timed out (these protocols carry no sequence number); frames it refuses are logged and skipped.
   */
  exchange(frame: Buffer, timeoutMs: number, signal?: AbortSignal, accept?: (frame: Buffer) => boolean): Promise<ExchangeResult> {
    return this.queued(() => this.runExchange(frame, timeoutMs, signal, accept));
  }

  /**
   * A command with the kit's one retry. An answer that did not come in time is waited for once more, not asked for
   * again: the device answers every command it got, so a second command would leave its answer owed, and the next
   * command (these protocols carry no sequence number) would take it for its own, as a READ RECORD taking a SELECT's
   * answer under load. A garbled answer (bad checksum or length) was the device's answer, so asking again owes
   * nothing. The wait and the second ask happen inside one turn of the queue, so no other command comes between.
   */
  request(frame: Buffer, timeoutMs: number, signal?: AbortSignal, accept?: (frame: Buffer) => boolean): Promise<ExchangeResult> {
    return this.queued(async () => {
      const first = await this.runExchange(frame, timeoutMs, signal, accept);
      if (first.ok || first.problem === 'offline' || first.problem === 'cancelled') return first;
      if (first.problem === 'timeout') return this.runExchange(null, timeoutMs, signal, accept);
      return this.runExchange(frame, timeoutMs, signal, accept);
    });
  }

  private queued(run: () => Promise<ExchangeResult>): Promise<ExchangeResult> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Sends `frame` (null: sends nothing and keeps what has come of an answer so far) and waits for the answer. */
  private async runExchange(frame: Buffer | null, timeoutMs: number, signal?: AbortSignal, accept?: (frame: Buffer) => boolean): Promise<ExchangeResult> {
    if (signal?.aborted) return { ok: false, problem: 'cancelled' };
    if (!this.transport.isOpen) return { ok: false, problem: 'offline' };
    // A new command starts on a clean line; waiting once more keeps the part of the late answer already here.
    if (frame) this.dropPartial();
    this.accepting = accept;
    const answer = new Promise<ExchangeResult>((resolve) => {
      this.waiting = resolve;
    });
    let cancelTimeout: (() => void) | undefined;
    const onAbort = () => this.settle({ ok: false, problem: 'cancelled' });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (frame) {
        this.record(frame, 'tx');
        try {
          await this.transport.write(frame);
        } catch {
          this.settle({ ok: false, problem: 'offline' });
        }
      } else this.frames.note('rx', 'no answer in time: waiting once more, not asking again');
      cancelTimeout = startLineTimeout(timeoutMs, () => this.settle({ ok: false, problem: 'timeout' }));
      return await answer;
    } finally {
      cancelTimeout?.();
      signal?.removeEventListener('abort', onAbort);
      this.waiting = null;
      this.accepting = undefined;
    }
  }

  private dropPartial(): void {
    const expired = this.reader.pending();
    this.reader.reset();
    if (expired > 0) this.frames.note('rx', `partial frame dropped (${expired} bytes)`);
  }

  private onResults(results: ParseResult[]): void {
    for (const r of results) {
      switch (r.type) {
        case 'frame':
          this.record(r.frame, 'rx');
          if (this.waiting && (!this.accepting || this.accepting(r.frame))) this.settle({ ok: true, frame: r.frame });
          else {
            this.frames.note('rx', 'unexpected answer skipped (late or unsolicited)');
            this.options.log.debug({ bytes: r.frame.length }, 'unexpected frame skipped');
          }
          break;
        case 'badChecksum':
          this.frames.add('rx', r.frame.subarray(0, 10), `bad checksum (${r.frame.length} bytes)`);
          this.settle({ ok: false, problem: 'badChecksum' });
          break;
        default:
          this.frames.note('rx', describeParseProblem(r));
          break;
      }
    }
  }

  private record(frame: Buffer, direction: 'tx' | 'rx'): void {
    const shown: { bytes: Uint8Array; note?: string } = this.options.loggable?.(frame, direction) ?? { bytes: frame };
    this.frames.add(direction, shown.bytes, shown.note);
  }

  private settle(result: ExchangeResult): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.(result);
  }
}
