import { crc16, HEADER_LENGTH, MAX_PAYLOAD, PREAMBLE, VERSION, type Frame } from './protocol';

export type ParsedItem = { kind: 'frame'; frame: Frame } | { kind: 'bad'; reason: 'checksum' | 'version' | 'length'; skipped: number };

/**
 * Splits the face module's byte stream into frames, in any chunking. Bytes before a preamble are skipped; a frame
 * with a bad checksum, version or length is reported and the search resumes one byte later, so a burst of noise
 * costs at most the frames it overlaps. Never throws.
 */
export class FaceFrameParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): ParsedItem[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const out: ParsedItem[] = [];
    for (;;) {
      const start = this.findPreamble();
      if (start < 0) {
        // Keep a trailing first preamble byte: the second may come in the next chunk.
        this.buffer = this.buffer.length > 0 && this.buffer[this.buffer.length - 1] === PREAMBLE[0] ? this.buffer.subarray(this.buffer.length - 1) : Buffer.alloc(0);
        return out;
      }
      if (start > 0) this.buffer = this.buffer.subarray(start);
      if (this.buffer.length < HEADER_LENGTH) return out;
      if (this.buffer[2] !== VERSION) {
        out.push({ kind: 'bad', reason: 'version', skipped: 1 });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      const length = ((this.buffer[5] as number) << 8) | (this.buffer[6] as number);
      if (length > MAX_PAYLOAD) {
        out.push({ kind: 'bad', reason: 'length', skipped: 1 });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      const total = HEADER_LENGTH + length + 2;
      if (this.buffer.length < total) return out;
      const crc = ((this.buffer[total - 2] as number) << 8) | (this.buffer[total - 1] as number);
      if (crc !== crc16(this.buffer, 2, total - 2)) {
        out.push({ kind: 'bad', reason: 'checksum', skipped: 1 });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      out.push({ kind: 'frame', frame: { type: this.buffer[3] as number, seq: this.buffer[4] as number, payload: Uint8Array.from(this.buffer.subarray(HEADER_LENGTH, total - 2)) } });
      this.buffer = this.buffer.subarray(total);
    }
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
  }

  private findPreamble(): number {
    for (let i = 0; i + 1 < this.buffer.length; i++) if (this.buffer[i] === PREAMBLE[0] && this.buffer[i + 1] === PREAMBLE[1]) return i;
    return -1;
  }
}
