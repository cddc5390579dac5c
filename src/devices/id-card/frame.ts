import { LengthFrameParser } from '../core/length-frame-parser';

/**
 * Framing of the resident ID card reader's SAM serial protocol (GA 467 style; DEVICES.md §1):
 *   host -> reader: AA AA AA 96 69 | LEN_H LEN_L | CMD | PARA | data | CHK
 *   reader -> host: AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 | data | CHK
 * LEN counts every byte after itself including CHK; CHK is the XOR of LEN_H through the last data byte.
 */
export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Largest answer: text + photo + fingerprint (2321 bytes in all) is LEN 2314; leave room for vendor variants. */
export const MAX_LEN = 4096;

export const COMMANDS = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
  readAppendedAddress: [0x30, 0x03],
  readTextPhotoFingerprint: [0x30, 0x10],
} as const;
export type IdCardCommand = keyof typeof COMMANDS;

export function xorChecksum(bytes: Uint8Array, from: number, to: number): number {
  let chk = 0;
  for (let i = from; i < to; i += 1) chk ^= bytes[i]!;
  return chk;
}

function frame(body: Uint8Array): Buffer {
  // body = everything between LEN and CHK
  const len = body.length + 1;
  const out = Buffer.alloc(PREAMBLE.length + 2 + len);
  PREAMBLE.copy(out, 0);
  out.writeUInt16BE(len, 5);
  Buffer.from(body).copy(out, 7);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array()): Buffer {
  return frame(Buffer.concat([Buffer.from([cmd, para]), Buffer.from(data)]));
}

export function commandFrame(name: IdCardCommand): Buffer {
  const [cmd, para] = COMMANDS[name];
  return encodeCommand(cmd, para);
}

/** The reader's answer (device side, used by the simulator). */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(), sw1 = 0x00, sw2 = 0x00): Buffer {
  return frame(Buffer.concat([Buffer.from([sw1, sw2, sw3]), Buffer.from(data)]));
}

export function verifyFrame(f: Buffer): boolean {
  return f.length >= 8 && f.readUInt16BE(5) === f.length - 7 && xorChecksum(f, 5, f.length - 1) === f[f.length - 1];
}

export interface IdCardResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

export interface IdCardCommandFrame {
  cmd: number;
  para: number;
  data: Buffer;
}

/** A verified frame read as an answer; null when it is too short to hold SW1-SW3. */
export function parseResponse(f: Buffer): IdCardResponse | null {
  if (f.length < 11) return null;
  return { sw1: f[7]!, sw2: f[8]!, sw3: f[9]!, data: f.subarray(10, f.length - 1) };
}

/** A verified frame read as a command (device side); null when too short. */
export function parseCommand(f: Buffer): IdCardCommandFrame | null {
  if (f.length < 10) return null;
  return { cmd: f[7]!, para: f[8]!, data: f.subarray(9, f.length - 1) };
}

export function commandName(cmd: number, para: number): IdCardCommand | undefined {
  return (Object.keys(COMMANDS) as IdCardCommand[]).find((k) => COMMANDS[k][0] === cmd && COMMANDS[k][1] === para);
}

/** Host-side or device-side stream parser of this framing. */
export function createIdCardFrameParser(partialTimeoutMs = 500): LengthFrameParser {
  return new LengthFrameParser({
    preamble: PREAMBLE,
    lengthBytes: 2,
    extraBytes: 0,
    minLength: 3,
    maxLength: MAX_LEN,
    verify: verifyFrame,
    partialTimeoutMs,
  });
}
