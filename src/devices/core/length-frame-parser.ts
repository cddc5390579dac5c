/**
 * A stream parser for "preamble + big-endian length + body" framings (the ID card reader's SAM protocol, the
 * social security card reader's serial framing), in the manner of serialport's parser-packet-length: feed it
 * chunks as they arrive, get whole frames back. It resynchronises on the preamble after garbage, joins frames split
 * across reads, splits several frames in one read, and drops a partial frame that stays incomplete too long.
 * Nothing it is fed makes it throw: every problem is a typed result.
 */
export type ParseResult =
  | { type: 'frame'; frame: Buffer }
  | { type: 'badChecksum'; frame: Buffer }
  | { type: 'badLength'; length: number }
  | { type: 'garbage'; bytes: number }
  | { type: 'timeout'; partial: number };

export interface LengthFrameOptions {
  preamble: Uint8Array;
  /** Bytes of the length field right after the preamble (1 or 2, big-endian). */
  lengthBytes: 1 | 2;
  /** Frame size = preamble + length field + length value + extraBytes (e.g. a trailing ETX not counted in LEN). */
  extraBytes: number;
  minLength: number;
  maxLength: number;
  /** True when the whole frame's checksum is right. */
  verify: (frame: Buffer) => boolean;
  /** A partial frame older than this is dropped by expire(). */
  partialTimeoutMs: number;
}

export class LengthFrameParser {
  private buffer: Buffer = Buffer.alloc(0);
  private partialSince: number | null = null;
  private readonly preamble: Buffer;

  constructor(private readonly options: LengthFrameOptions) {
    if (options.preamble.length === 0) throw new RangeError('LengthFrameParser: preamble must not be empty');
    if (options.minLength < 0 || options.maxLength < options.minLength) throw new RangeError('LengthFrameParser: need 0 <= minLength <= maxLength');
    if (options.maxLength >= 256 ** options.lengthBytes) throw new RangeError('LengthFrameParser: maxLength does not fit lengthBytes');
    if (options.partialTimeoutMs <= 0) throw new RangeError('LengthFrameParser: partialTimeoutMs must be positive');
    this.preamble = Buffer.from(options.preamble);
  }

  /** Feeds bytes; returns what became complete (frames and problems, in stream order). */
  push(chunk: Uint8Array, nowMs: number = Date.now()): ParseResult[] {
    const results = this.expire(nowMs);
    if (chunk.length === 0) return results;
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    this.drain(results);
    this.partialSince = this.buffer.length > 0 ? (this.partialSince ?? nowMs) : null;
    return results;
  }

  /** Drops a partial frame that has waited longer than partialTimeoutMs. */
  expire(nowMs: number = Date.now()): ParseResult[] {
    if (this.partialSince !== null && this.buffer.length > 0 && nowMs - this.partialSince >= this.options.partialTimeoutMs) {
      const partial = this.buffer.length;
      this.reset();
      return [{ type: 'timeout', partial }];
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

  private drain(results: ParseResult[]): void {
    const { lengthBytes, extraBytes, minLength, maxLength } = this.options;
    const header = this.preamble.length + lengthBytes;
    for (;;) {
      const start = this.findPreamble();
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
      if (this.buffer.length < header) return;
      const length = lengthBytes === 2 ? this.buffer.readUInt16BE(this.preamble.length) : this.buffer[this.preamble.length]!;
      if (length < minLength || length > maxLength) {
        results.push({ type: 'badLength', length });
        this.buffer = this.buffer.subarray(1); // resynchronise on the next preamble
        continue;
      }
      const total = header + length + extraBytes;
      if (this.buffer.length < total) return;
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

  private findPreamble(): number {
    return this.buffer.indexOf(this.preamble);
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
