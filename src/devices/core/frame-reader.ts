import type { LengthFrameParser, ParseResult } from './length-frame-parser';

export interface FrameReaderOptions {
  /** Silence on the line after which a frame held back for a maybe-arriving inner frame is decided (parser.flush). */
  quietMs?: number;
  /** After this long without a byte, a partial frame is dropped (parser.expire); default 500 ms, every device parser's own. */
  partialTimeoutMs?: number;
}

/**
 * Drives a LengthFrameParser from a byte stream with the two clocks a parser cannot have itself: when the line goes
 * quiet it settles what it held back, and a partial frame nobody completes is dropped on time rather than at the next
 * chunk (which, on a request/answer line, may never come). Shared by every driver and simulator on a length framing.
 */
export class FrameReader {
  private quietTimer: NodeJS.Timeout | null = null;
  private expireTimer: NodeJS.Timeout | null = null;
  private readonly quietMs: number;
  private readonly partialTimeoutMs: number;

  constructor(
    private readonly parser: LengthFrameParser,
    private readonly deliver: (results: ParseResult[]) => void,
    options: FrameReaderOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 25;
    this.partialTimeoutMs = options.partialTimeoutMs ?? 500;
  }

  push(chunk: Uint8Array): void {
    this.run(() => this.parser.push(chunk));
    this.clearTimers();
    if (this.parser.pending() === 0) return;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      this.run(() => this.parser.flush());
    }, this.quietMs);
    this.expireTimer = setTimeout(() => {
      this.expireTimer = null;
      // Past any timeout of the parser's own: the reader's clock decides here (the parser's counts from the frame's
      // first byte and only runs when it is called, so with a longer one of its own it would keep the partial).
      this.run(() => this.parser.expire(Number.POSITIVE_INFINITY));
    }, this.partialTimeoutMs);
    this.quietTimer.unref?.();
    this.expireTimer.unref?.();
  }

  /** Bytes held for the rest of a frame. */
  pending(): number {
    return this.parser.pending();
  }

  reset(): void {
    this.clearTimers();
    this.parser.reset();
  }

  dispose(): void {
    this.reset();
  }

  private run(step: () => ParseResult[]): void {
    let results: ParseResult[];
    try {
      results = step();
    } catch {
      // The parser is written not to throw; if it ever does, drop its state rather than the process.
      this.parser.reset();
      results = [{ type: 'timeout', partial: 0 }];
    }
    if (results.length > 0) this.deliver(results);
  }

  private clearTimers(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.expireTimer) clearTimeout(this.expireTimer);
    this.quietTimer = null;
    this.expireTimer = null;
  }
}
