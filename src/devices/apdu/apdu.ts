/**
 * ISO 7816-4 short APDUs: commands as bytes, responses as data + status word. Pure; no transport here, so the same
 * layer runs over the kiosk's serial reader framing, a PC/SC reader or a test double of the card.
 */
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  /** Expected answer length: 1..256 (256 is sent as 00); undefined = no Le (case 1/3). */
  le?: number;
}

export interface ResponseApdu {
  data: Buffer;
  sw1: number;
  sw2: number;
  /** sw1 << 8 | sw2 */
  sw: number;
}

export function encodeApdu(c: CommandApdu): Buffer {
  const head = [c.cla, c.ins, c.p1, c.p2];
  for (const [name, v] of Object.entries({ cla: c.cla, ins: c.ins, p1: c.p1, p2: c.p2 })) {
    if (!Number.isInteger(v) || v < 0 || v > 255) throw new RangeError(`APDU ${name} must be a byte, got ${v}`);
  }
  const parts: number[] = [...head];
  if (c.data && c.data.length > 0) {
    if (c.data.length > 255) throw new RangeError('APDU data longer than 255 bytes needs extended length');
    parts.push(c.data.length, ...c.data);
  }
  if (c.le !== undefined) {
    if (c.le < 1 || c.le > 256) throw new RangeError(`APDU le must be 1..256, got ${c.le}`);
    parts.push(c.le === 256 ? 0 : c.le);
  }
  return Buffer.from(parts);
}

/** Reads a command APDU (card side / decoder); null when the bytes are not a well-formed short APDU. */
export function decodeCommandApdu(bytes: Uint8Array): CommandApdu | null {
  if (bytes.length < 4) return null;
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  if (bytes.length === 4) return { cla, ins, p1, p2 };
  if (bytes.length === 5) return { cla, ins, p1, p2, le: bytes[4] === 0 ? 256 : bytes[4]! };
  const lc = bytes[4]!;
  if (lc === 0) return null;
  if (bytes.length === 5 + lc) return { cla, ins, p1, p2, data: Buffer.from(bytes.subarray(5)) };
  if (bytes.length === 6 + lc) return { cla, ins, p1, p2, data: Buffer.from(bytes.subarray(5, 5 + lc)), le: bytes[5 + lc] === 0 ? 256 : bytes[5 + lc]! };
  return null;
}

/** null when fewer than two bytes came back (no status word). */
export function parseResponseApdu(bytes: Uint8Array): ResponseApdu | null {
  if (bytes.length < 2) return null;
  const sw1 = bytes[bytes.length - 2]!;
  const sw2 = bytes[bytes.length - 1]!;
  return { data: Buffer.from(bytes.subarray(0, bytes.length - 2)), sw1, sw2, sw: (sw1 << 8) | sw2 };
}

export function encodeResponseApdu(data: Uint8Array, sw: number): Buffer {
  return Buffer.concat([Buffer.from(data), Buffer.from([(sw >> 8) & 0xff, sw & 0xff])]);
}

export const apdu = {
  selectByName: (name: Uint8Array): CommandApdu => ({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x00, data: name }),
  /** P1 = 02 selects an EF under the current DF; some cards want 00. */
  selectFile: (fid: number, p1 = 0x02): CommandApdu => ({ cla: 0x00, ins: 0xa4, p1, p2: 0x00, data: Buffer.from([(fid >> 8) & 0xff, fid & 0xff]) }),
  readRecord: (record: number, le: number): CommandApdu => ({ cla: 0x00, ins: 0xb2, p1: record, p2: 0x04, le }),
  readBinary: (offset: number, le: number): CommandApdu => ({ cla: 0x00, ins: 0xb0, p1: (offset >> 8) & 0x7f, p2: offset & 0xff, le }),
  verify: (pinBcd: Uint8Array): CommandApdu => ({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x00, data: pinBcd }),
  getResponse: (le: number): CommandApdu => ({ cla: 0x00, ins: 0xc0, p1: 0x00, p2: 0x00, le }),
};
