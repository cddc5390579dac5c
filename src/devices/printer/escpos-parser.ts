import iconv from 'iconv-lite';

/**
 * The printer's side of ESC/POS: a streaming parser that turns the bytes a host sends into commands, in any
 * chunking. The simulator uses it to answer status requests and to keep a transcript; a technician can use it to
 * read a captured byte log. It never throws: bytes it does not know become an `unknown` command.
 */
export type EscPosCommand =
  | { type: 'init' }
  | { type: 'chineseMode'; on: boolean }
  | { type: 'bold'; on: boolean }
  | { type: 'align'; value: 'left' | 'center' | 'right' }
  | { type: 'size'; width: number; height: number }
  | { type: 'chineseDouble'; on: boolean }
  | { type: 'text'; text: string }
  | { type: 'lineFeed' }
  | { type: 'feed'; lines: number }
  | { type: 'cut'; mode: 'full' | 'partial'; feedDots?: number }
  | { type: 'statusRequest'; n: number }
  | { type: 'qr'; fn: number; data: Uint8Array }
  | { type: 'unknown'; bytes: Uint8Array };

/**
 * Lengths of the fixed-length commands, by prefix and second byte: those the kiosk's encoder writes and those a
 * driver commonly sends (line spacing, code page, underline, drawer kick, barcode settings, real-time requests), so
 * their argument bytes are never read as text. Any other command takes two bytes; GS V, GS (, and the images and barcodes (ESC *, GS v 0, GS k) are measured below.
 */
const FIXED_LENGTHS: Readonly<Record<number, Readonly<Record<number, number>>>> = {
  // ESC: SP ! $ - 2 3 @ E G J M R V a d p t {
  0x1b: { 0x20: 3, 0x21: 3, 0x24: 4, 0x2d: 3, 0x32: 2, 0x33: 3, 0x40: 2, 0x45: 3, 0x47: 3, 0x4a: 3, 0x4d: 3, 0x52: 3, 0x56: 3, 0x61: 3, 0x64: 3, 0x70: 5, 0x74: 3, 0x7b: 3 },
  // FS: ! & - . W p (p n m: print the stored NV image n)
  0x1c: { 0x21: 3, 0x26: 2, 0x2d: 3, 0x2e: 2, 0x57: 3, 0x70: 4 },
  // GS: ! B H I L W a f h r w
  0x1d: { 0x21: 3, 0x42: 3, 0x48: 3, 0x49: 3, 0x4c: 4, 0x57: 4, 0x61: 3, 0x66: 3, 0x68: 3, 0x72: 3, 0x77: 3 },
  // DLE: EOT ENQ DC4
  0x10: { 0x04: 3, 0x05: 3, 0x14: 5 },
};

/** How many bytes a command starting at buf[0] (ESC, FS, GS or DLE) needs, or 0 if it cannot be known yet. */
function commandLength(buf: Uint8Array): number {
  const b0 = buf[0] as number;
  if (buf.length < 2) return 0;
  const b1 = buf[1] as number;
  if (b0 === 0x1d && b1 === 0x56) {
    if (buf.length < 3) return 0;
    return buf[2] === 0x41 || buf[2] === 0x42 ? 4 : 3;
  }
  if (b0 === 0x1d && b1 === 0x28) {
    if (buf.length < 5) return 0;
    return 5 + (buf[3] ?? 0) + 256 * (buf[4] ?? 0);
  }
  // ESC * m nL nH d1..dk: a column bit image of n columns, one byte each in 8-dot modes (m 0, 1), three in 24-dot (32, 33).
  if (b0 === 0x1b && b1 === 0x2a) {
    if (buf.length < 5) return 0;
    const columns = (buf[3] as number) + 256 * (buf[4] as number);
    return 5 + columns * (buf[2] === 32 || buf[2] === 33 ? 3 : 1);
  }
  // GS v 0 m xL xH yL yH d1..dk: a raster image of x bytes by y dots (GS v and any other byte: two bytes).
  if (b0 === 0x1d && b1 === 0x76) {
    if (buf.length < 3) return 0;
    if (buf[2] !== 0x30) return 2;
    if (buf.length < 8) return 0;
    return 8 + ((buf[4] as number) + 256 * (buf[5] as number)) * ((buf[6] as number) + 256 * (buf[7] as number));
  }
  if (b0 === 0x1d && b1 === 0x6b) return barcodeLength(buf);
  return FIXED_LENGTHS[b0]?.[b1] ?? 2;
}

/** The longest barcode data a GS k of the NUL-ended kind may carry before it is taken as broken. */
const BARCODE_MAX_DATA = 255;

/**
 * GS k m ...: a barcode. m 0..6 carries its data up to a NUL (GS k m d1..dk NUL), m 65..73 counts it (GS k m n
 * d1..dn). A NUL-ended barcode without its NUL within BARCODE_MAX_DATA bytes is taken as its three command bytes,
 * so a broken one never holds back the rest of the stream; any other m takes three bytes.
 */
function barcodeLength(buf: Uint8Array): number {
  if (buf.length < 3) return 0;
  const m = buf[2] as number;
  if (m <= 6) {
    const end = buf.subarray(3, 3 + BARCODE_MAX_DATA + 1).indexOf(0);
    if (end >= 0) return 3 + end + 1;
    return buf.length > 3 + BARCODE_MAX_DATA ? 3 : 0;
  }
  if (m >= 65 && m <= 73) return buf.length < 4 ? 0 : 4 + (buf[3] as number);
  return 3;
}

/**
 * How many bytes the GB18030 character starting at buf[0] (a lead byte, 0x81..0xFE) takes: two, or four when the
 * second is a digit 0x30..0x39; 0 if more bytes are needed. A control byte cannot continue a character: then the
 * lead byte is taken alone, so a broken character never swallows the line feed or command after it (other invalid
 * bytes stay text, which the decoder marks).
 */
function characterLength(buf: Uint8Array): number {
  const second = buf[1] ?? 0;
  const len = second >= 0x30 && second <= 0x39 ? 4 : 2;
  for (let k = 1; k < len; k++) {
    const next = buf[k];
    if (next === undefined) return 0;
    if (next < 0x20) return 1;
  }
  return len;
}

export class EscPosParser {
  private pending: Uint8Array = new Uint8Array(0);
  private chinese = true;
  private textBytes: number[] = [];

  /** Feeds bytes; returns the commands now complete. Text is flushed at each control byte. */
  push(chunk: Uint8Array): EscPosCommand[] {
    const buf = new Uint8Array(this.pending.length + chunk.length);
    buf.set(this.pending);
    buf.set(chunk, this.pending.length);
    const out: EscPosCommand[] = [];
    let i = 0;
    while (i < buf.length) {
      const b = buf[i] as number;
      if (b === 0x0a || b === 0x0d || b === 0x1b || b === 0x1c || b === 0x1d || b === 0x10) {
        // Real-time status requests are answered even in the middle of text, so flush text first.
        this.flushText(out);
        if (b === 0x0a) {
          out.push({ type: 'lineFeed' });
          i += 1;
          continue;
        }
        if (b === 0x0d) {
          i += 1;
          continue;
        }
        const len = commandLength(buf.subarray(i));
        if (len === 0 || i + len > buf.length) break;
        out.push(this.decode(buf.slice(i, i + len)));
        i += len;
        continue;
      }
      if (b < 0x20) {
        out.push({ type: 'unknown', bytes: Uint8Array.of(b) });
        i += 1;
        continue;
      }
      if (b >= 0x81 && b <= 0xfe && this.chinese) {
        const len = characterLength(buf.subarray(i));
        if (len === 0) break;
        for (let k = 0; k < len; k++) this.textBytes.push(buf[i + k] as number);
        i += len;
        continue;
      }
      this.textBytes.push(b);
      i += 1;
    }
    this.pending = buf.slice(i);
    // Text waiting for its line feed stays buffered; flush it only when nothing partial is pending.
    return out;
  }

  /** Ends the stream: any text without a line feed is returned. */
  flush(): EscPosCommand[] {
    const out: EscPosCommand[] = [];
    this.flushText(out);
    if (this.pending.length > 0) out.push({ type: 'unknown', bytes: this.pending });
    this.pending = new Uint8Array(0);
    return out;
  }

  private flushText(out: EscPosCommand[]): void {
    if (this.textBytes.length === 0) return;
    out.push({ type: 'text', text: iconv.decode(Buffer.from(this.textBytes), 'gb18030') });
    this.textBytes = [];
  }

  private decode(cmd: Uint8Array): EscPosCommand {
    const [b0, b1, b2 = 0] = cmd;
    if (b0 === 0x1b && b1 === 0x40) {
      this.chinese = true;
      return { type: 'init' };
    }
    if (b0 === 0x1b && b1 === 0x45) return { type: 'bold', on: (b2 & 1) === 1 };
    if (b0 === 0x1b && b1 === 0x61) return { type: 'align', value: b2 % 0x30 === 1 ? 'center' : b2 % 0x30 === 2 ? 'right' : 'left' };
    if (b0 === 0x1b && b1 === 0x64) return { type: 'feed', lines: b2 };
    if (b0 === 0x1c && (b1 === 0x26 || b1 === 0x2e)) {
      this.chinese = b1 === 0x26;
      return { type: 'chineseMode', on: this.chinese };
    }
    if (b0 === 0x1c && b1 === 0x21) return { type: 'chineseDouble', on: (b2 & 0x0c) !== 0 };
    if (b0 === 0x1d && b1 === 0x21) return { type: 'size', width: (b2 >> 4) + 1, height: (b2 & 0x0f) + 1 };
    if (b0 === 0x1d && b1 === 0x56) {
      const mode = b2 === 0x00 || b2 === 0x30 || b2 === 0x41 ? 'full' : 'partial';
      return cmd.length === 4 ? { type: 'cut', mode, feedDots: cmd[3] } : { type: 'cut', mode };
    }
    if (b0 === 0x1d && b1 === 0x28 && cmd[2] === 0x6b && cmd.length >= 7 && cmd[5] === 0x31) {
      return { type: 'qr', fn: cmd[6] as number, data: cmd.slice(7) };
    }
    if (b0 === 0x10 && b1 === 0x04) return { type: 'statusRequest', n: b2 };
    return { type: 'unknown', bytes: cmd };
  }
}
