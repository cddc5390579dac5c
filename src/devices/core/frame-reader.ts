import type { LengthFrameParser, ParseResult } from './length-frame-parser';
import { startLineTimeout } from './line-timeout';

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
  private cancelExpiry: (() => void) | null = null;
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
    // The reader's deadline decides when a partial frame is too old (startLineTimeout), not the parser's own clock.
    this.run(() => this.parser.append(chunk));
    this.clearTimers();
    if (this.parser.pending() === 0) return;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      this.run(() => this.parser.flush());
    }, this.quietMs);
    this.cancelExpiry = startLineTimeout(
      this.partialTimeoutMs,
      () => {
        this.cancelExpiry = null;
        // Past any timeout of the parser's own: the reader's clock decides here (the parser's counts from the frame's
        // first byte and only runs when it is called, so with a longer one of its own it would keep the partial).
        this.run(() => this.parser.expire(Number.POSITIVE_INFINITY));
      },
      { unref: true },
    );
    this.quietTimer.unref?.();
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
    this.cancelExpiry?.();
    this.quietTimer = null;
    this.cancelExpiry = null;
  }
}
