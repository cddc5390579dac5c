import iconv from 'iconv-lite';

/**
 * ESC/POS command bytes for Chinese receipt printers (DEVICES.md §3). Pure functions: data in, bytes out.
 * Golden sequences for each are in escpos.test.ts.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type CutMode = 'full' | 'partial';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** `1B 40`: clear the buffer and reset modes. */
export const initialise = (): Uint8Array => bytes(ESC, 0x40);
/** `1C 26` / `1C 2E`: in Chinese mode bytes >= 0x80 pair up as GB codes. */
export const chineseMode = (on: boolean): Uint8Array => (on ? bytes(FS, 0x26) : bytes(FS, 0x2e));
/** `1B 45 n`: emphasised (bold). */
export const bold = (on: boolean): Uint8Array => bytes(ESC, 0x45, on ? 1 : 0);
/** `1D 21 n`: character size, width and height multipliers 1..8 (high nibble width-1, low nibble height-1). */
export function characterSize(width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || width > 8 || height < 1 || height > 8) {
    throw new RangeError(`character size must be 1..8, got ${width}x${height}`);
  }
  return bytes(GS, 0x21, ((width - 1) << 4) | (height - 1));
}
/** `1C 21 n`: Chinese character mode: bit 2 double width, bit 3 double height (the GS ! size does not reach CJK on some models). */
export const chineseDoubleSize = (on: boolean): Uint8Array => bytes(FS, 0x21, on ? 0x0c : 0x00);
/** `1B 61 n`: justification. */
export const align = (value: Align): Uint8Array => bytes(ESC, 0x61, value === 'left' ? 0 : value === 'center' ? 1 : 2);
/** `1B 64 n`: print and feed n lines. */
export function feedLines(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`feed lines must be 0..255, got ${n}`);
  return bytes(ESC, 0x64, n);
}
/** `1D 56 00` full cut, `1D 56 01` partial cut. */
export const cut = (mode: CutMode): Uint8Array => bytes(GS, 0x56, mode === 'full' ? 0x00 : 0x01);
/** `1D 56 42 n`: feed n dots then partial cut. */
export function feedAndCut(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`feed dots must be 0..255, got ${n}`);
  return bytes(GS, 0x56, 0x42, n);
}
/** `10 04 n`: real-time status request; the printer answers one byte at once, even mid-job. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return bytes(DLE, 0x04, n);
}

/** Text in the printer's code page (GB18030 covers GBK and GB2312). Newlines pass through as LF. */
export function encodeText(text: string, codePage: 'gb18030' | 'gbk' = 'gb18030'): Uint8Array {
  return new Uint8Array(iconv.encode(text, codePage));
}

/**
 * Characters a typical printer font lacks: anything outside the two-byte GBK range (GB18030 four-byte sequences,
 * e.g. rare name characters in CJK Extension B). The caller prints a fallback and tells the clerk.
 */
export function unprintableCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    const encoded = iconv.encode(ch, 'gb18030');
    if (encoded.length !== 2) found.add(ch);
  }
  return [...found];
}

const QR_EC_BYTE: Record<QrErrorCorrection, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** `1D 28 6B` function with pL pH = the number of bytes after pH. */
function qrFunction(body: number[] | Uint8Array): Uint8Array {
  const length = body.length;
  const out = new Uint8Array(5 + length);
  out.set([GS, 0x28, 0x6b, length & 0xff, (length >> 8) & 0xff]);
  out.set(body, 5);
  return out;
}

/** The printer's own QR code: model 2, module size, error correction, store, print. */
export function qrCode(data: string, options: { moduleSize: number; errorCorrection?: QrErrorCorrection }): Uint8Array {
  const payload = iconv.encode(data, 'gb18030');
  if (payload.length === 0 || payload.length > 7089) throw new RangeError(`QR data must be 1..7089 bytes, got ${payload.length}`);
  if (!Number.isInteger(options.moduleSize) || options.moduleSize < 1 || options.moduleSize > 16) {
    throw new RangeError(`QR module size must be 1..16, got ${options.moduleSize}`);
  }
  return concatBytes([
    qrFunction([0x31, 0x41, 0x32, 0x00]),
    qrFunction([0x31, 0x43, options.moduleSize]),
    qrFunction([0x31, 0x45, QR_EC_BYTE[options.errorCorrection ?? 'M']]),
    qrFunction(concatBytes([Uint8Array.from([0x31, 0x50, 0x30]), payload])),
    qrFunction([0x31, 0x51, 0x30]),
  ]);
}

export function concatBytes(parts: ReadonlyArray<Uint8Array>): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
