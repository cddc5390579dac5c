/**
 * A stream parser for "preamble + header + big-endian length + body" framings (the ID card reader's SAM protocol,
 * the social security card reader's serial framing, the face module's reference protocol), in the manner of
 * serialport's parser-packet-length (its `lengthOffset` is ours too): feed it chunks as they arrive, get whole frames
 * back. It resynchronises on the preamble after garbage, joins frames split across reads, splits several frames in
 * one read, and never waits behind a frame that was cut off: when a whole, verified frame starts after the head of
 * the buffer, the head is dropped as truncated (otherwise a cut-off header claiming 4 KB would swallow every valid
 * answer that follows until 4 KB had gone by). Nothing it is fed makes it throw: every problem is a typed result.
 */
export type ParseResult =
  | { type: 'frame'; frame: Buffer }
  | { type: 'badChecksum'; frame: Buffer }
  | { type: 'badLength'; length: number }
  | { type: 'garbage'; bytes: number }
  /** The start of a frame that was cut off: a whole frame begins inside it. */
  | { type: 'truncated'; bytes: number }
  | { type: 'timeout'; partial: number };

export interface LengthFrameOptions {
  preamble: Uint8Array;
  /** Bytes between the end of the preamble and the length field (e.g. version, type, sequence); default 0. */
  lengthOffset?: number;
  /** Bytes of the length field (1 or 2, big-endian). */
  lengthBytes: 1 | 2;
  /** Frame size = preamble + lengthOffset + length field + length value + extraBytes (e.g. a CRC or ETX not in LEN). */
  extraBytes: number;
  minLength: number;
  maxLength: number;
  /** True when the whole frame's checksum (and any fixed bytes) are right. */
  verify: (frame: Buffer) => boolean;
  /** A partial frame older than this is dropped by expire(). */
  partialTimeoutMs: number;
}

export class LengthFrameParser {
  private buffer: Buffer = Buffer.alloc(0);
  private partialSince: number | null = null;
  private readonly preamble: Buffer;
  private readonly lengthAt: number;
  private readonly header: number;

  constructor(private readonly options: LengthFrameOptions) {
    if (options.preamble.length === 0) throw new RangeError('LengthFrameParser: preamble must not be empty');
    if (options.minLength < 0 || options.maxLength < options.minLength) throw new RangeError('LengthFrameParser: need 0 <= minLength <= maxLength');
    if (options.maxLength >= 256 ** options.lengthBytes) throw new RangeError('LengthFrameParser: maxLength does not fit lengthBytes');
    if (options.partialTimeoutMs <= 0) throw new RangeError('LengthFrameParser: partialTimeoutMs must be positive');
    const offset = options.lengthOffset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw new RangeError('LengthFrameParser: lengthOffset must be a whole number >= 0');
    this.preamble = Buffer.from(options.preamble);
    this.lengthAt = this.preamble.length + offset;
    this.header = this.lengthAt + options.lengthBytes;
  }

  /**
   * Feeds bytes; returns what became complete (frames and problems, in stream order). A partial frame older than
   * partialTimeoutMs is dropped first, by this call's clock.
   */
  push(chunk: Uint8Array, nowMs: number = Date.now()): ParseResult[] {
    return [...this.expire(nowMs), ...this.append(chunk, nowMs)];
  }

  /**
   * Feeds bytes without looking at the partial frame's age: for a caller that keeps the deadline itself (FrameReader,
   * whose clock knows a stalled event loop from a silent line; by this call's clock, bytes read late after a stall
   * would find their frame's start already too old).
   */
  append(chunk: Uint8Array, nowMs: number = Date.now()): ParseResult[] {
    const results: ParseResult[] = [];
    if (chunk.length === 0) return results;
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    this.drain(results, false);
    this.partialSince = this.buffer.length > 0 ? (this.partialSince ?? nowMs) : null;
    return results;
  }

  /**
   * The line has gone quiet: decide what was held back because a frame header inside it might still complete
   * (see drain). Bytes that can still be the start of a frame stay.
   */
  flush(): ParseResult[] {
    const results: ParseResult[] = [];
    this.drain(results, true);
    if (this.buffer.length === 0) this.partialSince = null;
    return results;
  }

  /** Drops a partial frame that has waited longer than partialTimeoutMs (after settling what can be settled). */
  expire(nowMs: number = Date.now()): ParseResult[] {
    if (this.partialSince !== null && this.buffer.length > 0 && nowMs - this.partialSince >= this.options.partialTimeoutMs) {
      const results = this.flush();
      if (this.buffer.length > 0) {
        results.push({ type: 'timeout', partial: this.buffer.length });
        this.reset();
      }
      return results;
    }
    return [];
  }

  /** Bytes waiting for the rest of a frame. */
  pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.partialSince = null;
  }

  private drain(results: ParseResult[], final: boolean): void {
    for (;;) {
      const start = this.buffer.indexOf(this.preamble);
      if (start < 0) {
        // Keep a tail that may be the beginning of a preamble; the rest is garbage.
        const keep = this.prefixTail();
        const dropped = this.buffer.length - keep;
        if (dropped > 0) results.push({ type: 'garbage', bytes: dropped });
        this.buffer = this.buffer.subarray(this.buffer.length - keep);
        return;
      }
      if (start > 0) {
        results.push({ type: 'garbage', bytes: start });
        this.buffer = this.buffer.subarray(start);
      }
      if (this.buffer.length < this.header) return;
      const length = this.lengthAt0(0);
      if (length < this.options.minLength || length > this.options.maxLength) {
        results.push({ type: 'badLength', length });
        this.buffer = this.buffer.subarray(1); // resynchronise on the next preamble
        continue;
      }
      const total = this.header + length + this.options.extraBytes;
      if (this.buffer.length < total) {
        // Not all here yet; but if a whole verified frame starts further on, this head was cut off: drop it now.
        const next = this.nextWholeFrame(1, this.buffer.length);
        if (next < 0) return;
        results.push({ type: 'truncated', bytes: next });
        this.buffer = this.buffer.subarray(next);
        continue;
      }
      // A cut-off head followed by other frames can pass a short checksum by chance (an 8-bit XOR one time in 256),
      // and fails it otherwise: either way, a whole frame starting inside it wins, and while a frame that starts
      // inside it is still arriving, wait (until more bytes or the line goes quiet) before deciding.
      const inner = this.nextWholeFrame(1, total);
      if (inner > 0) {
        results.push({ type: 'truncated', bytes: inner });
        this.buffer = this.buffer.subarray(inner);
        continue;
      }
      if (!final && this.innerFrameArriving(total)) return;
      const frame = Buffer.from(this.buffer.subarray(0, total));
      if (this.options.verify(frame)) {
        results.push({ type: 'frame', frame });
        this.buffer = this.buffer.subarray(total);
        this.partialSince = null;
      } else {
        // The "frame" may have been a preamble look-alike inside garbage: step one byte and look again.
        results.push({ type: 'badChecksum', frame });
        this.buffer = this.buffer.subarray(1);
      }
    }
  }

  private lengthAt0(at: number): number {
    const i = at + this.lengthAt;
    return this.options.lengthBytes === 2 ? this.buffer.readUInt16BE(i) : this.buffer[i]!;
  }

  /** Where a complete, verified frame starts in [from, before), or -1. */
  private nextWholeFrame(from: number, before: number): number {
    for (let at = this.buffer.indexOf(this.preamble, from); at >= 0 && at < before; at = this.buffer.indexOf(this.preamble, at + 1)) {
      const total = this.frameSizeAt(at);
      if (total > 0 && at + total <= this.buffer.length && this.options.verify(this.buffer.subarray(at, at + total))) return at;
    }
    return -1;
  }

  /**
   * True when a plausible frame header starts inside [1, before) and its frame is not complete yet, or when the bytes
   * end in the first bytes of a preamble that starts inside it (read byte by byte, the next frame's preamble is
   * only begun when the cut-off head's claimed length is reached: a fuzzed case passed the XOR so and lost that frame).
   * A real frame that happens to end in such bytes (one in 256 ends in the preamble's first byte) waits for the next
   * bytes or the line's quiet (FrameReader, 25 ms), as a frame with a header inside it already does.
   */
  private innerFrameArriving(before: number): boolean {
    const tail = this.prefixTail();
    const tailStart = this.buffer.length - tail;
    if (tail > 0 && tailStart >= 1 && tailStart < before) return true;
    for (let at = this.buffer.indexOf(this.preamble, 1); at >= 0 && at < before; at = this.buffer.indexOf(this.preamble, at + 1)) {
      if (at + this.header > this.buffer.length) return true; // header itself still arriving
      const total = this.frameSizeAt(at);
      if (total > 0 && at + total > this.buffer.length) return true;
    }
    return false;
  }

  /** The size a frame starting at `at` claims, or 0 when its length field is out of range. */
  private frameSizeAt(at: number): number {
    if (at + this.header > this.buffer.length) return 0;
    const length = this.lengthAt0(at);
    if (length < this.options.minLength || length > this.options.maxLength) return 0;
    return this.header + length + this.options.extraBytes;
  }

  /** Length of the longest buffer suffix that is a proper prefix of the preamble. */
  private prefixTail(): number {
    const max = Math.min(this.preamble.length - 1, this.buffer.length);
    for (let n = max; n > 0; n -= 1) {
      if (this.buffer.subarray(this.buffer.length - n).equals(this.preamble.subarray(0, n))) return n;
    }
    return 0;
  }
}

/** The technician's log line for a problem the parser reported (no payload bytes). */
export function describeParseProblem(item: Exclude<ParseResult, { type: 'frame' }>): string {
  switch (item.type) {
    case 'badChecksum':
      return `bad checksum (${item.frame.length} bytes)`;
    case 'badLength':
      return `bad length field ${item.length}`;
    case 'garbage':
      return `${item.bytes} bytes of garbage skipped`;
    case 'truncated':
      return `cut-off frame dropped (${item.bytes} bytes)`;
    case 'timeout':
      return `partial frame dropped (${item.partial} bytes)`;
  }
}
