import { LengthFrameParser } from '../core/length-frame-parser';

/**
 * The serial framing the kiosk speaks to a contact-card reader, chosen and documented by this project
 * (docs/devices/social-security-card.md): card readers wrap APDUs in vendor framings with no public standard, so this
 * is the product's reference framing, in the common STX/LEN/BCC/ETX shape. A vendor framing or PC/SC is another
 * ApduTransport; the APDU layer above does not change.
 *
 *   host -> reader: 02 | LEN_H LEN_L | CMD | data | BCC | 03
 *   reader -> host: 02 | LEN_H LEN_L | ST  | data | BCC | 03
 * LEN counts CMD/ST + data; BCC is the XOR of LEN_H through the last data byte.
 */
export const STX = 0x02;
export const ETX = 0x03;
export const READER_MAX_LEN = 1024;

export const READER_COMMANDS = {
  /** Card presence: answer data 01 = present, 00 = absent. */
  cardStatus: 0x33,
  /** Power the card up; answer data = ATR. */
  powerOn: 0x30,
  /** One APDU; answer data = response APDU (data + SW1 SW2). */
  apdu: 0x31,
  powerOff: 0x32,
} as const;

export const READER_STATUS = {
  ok: 0x00,
  noCard: 0x01,
  cardMute: 0x02,
  commandError: 0x03,
  checksumError: 0x04,
} as const;

export type ReaderStatusName = keyof typeof READER_STATUS;

export function readerStatusName(st: number): ReaderStatusName | 'unknown' {
  return (Object.keys(READER_STATUS) as ReaderStatusName[]).find((k) => READER_STATUS[k] === st) ?? 'unknown';
}

function bcc(bytes: Uint8Array, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i += 1) x ^= bytes[i]!;
  return x;
}

export function encodeReaderFrame(head: number, data: Uint8Array = new Uint8Array()): Buffer {
  const out = Buffer.alloc(1 + 2 + 1 + data.length + 2);
  out[0] = STX;
  out.writeUInt16BE(1 + data.length, 1);
  out[3] = head;
  Buffer.from(data).copy(out, 4);
  out[out.length - 2] = bcc(out, 1, out.length - 2);
  out[out.length - 1] = ETX;
  return out;
}

export function verifyReaderFrame(f: Buffer): boolean {
  return f.length >= 6 && f[0] === STX && f[f.length - 1] === ETX && f.readUInt16BE(1) === f.length - 5 && bcc(f, 1, f.length - 2) === f[f.length - 2];
}

/** CMD (host frames) or ST (reader frames), and the data. */
export function parseReaderFrame(f: Buffer): { head: number; data: Buffer } {
  return { head: f[3]!, data: f.subarray(4, f.length - 2) };
}

export function createReaderFrameParser(partialTimeoutMs = 500): LengthFrameParser {
  return new LengthFrameParser({
    preamble: Buffer.from([STX]),
    lengthBytes: 2,
    extraBytes: 2,
    minLength: 1,
    maxLength: READER_MAX_LEN,
    verify: verifyReaderFrame,
    partialTimeoutMs,
  });
}
