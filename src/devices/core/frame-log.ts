import type { FrameLogEntry } from './driver';

export function toHex(bytes: Uint8Array, separator = ' '): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(separator);
}

/** Parses "AA AA 96", "aaaa96", "0xAA,0xAA" into bytes; null when it is not hex. */
export function fromHex(text: string): Buffer | null {
  const cleaned = text.replace(/0x/gi, '').replace(/[\s,:;-]/g, '');
  if (cleaned.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(cleaned)) return null;
  return Buffer.from(cleaned, 'hex');
}

/** A bounded ring of recent frames for the technician's live log. Callers elide personal payloads before adding. */
export class FrameLog {
  private readonly entries: FrameLogEntry[] = [];

  constructor(
    private readonly capacity = 200,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(direction: FrameLogEntry['direction'], bytes: Uint8Array, note?: string): void {
    // Long frames are cut: the log is for headers and status words, not for payloads.
    const shown = bytes.length > 64 ? `${toHex(bytes.subarray(0, 48))} … (${bytes.length} bytes)` : toHex(bytes);
    this.entries.push({ at: this.now().toISOString(), direction, hex: shown, ...(note === undefined ? {} : { note }) });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** A line with no bytes: what happened (an image of n bytes, a command's outcome), never its personal payload. */
  note(direction: FrameLogEntry['direction'], note: string): void {
    this.add(direction, new Uint8Array(), note);
  }

  list(): FrameLogEntry[] {
    return [...this.entries];
  }
}
