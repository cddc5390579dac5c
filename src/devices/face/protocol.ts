/**
 * The product's reference protocol for a serial face-capture (liveness) module; see docs/devices/face-module.md.
 * Frame: `FA CE | VER | TYPE | SEQ | LEN_H LEN_L | payload | CRC_H CRC_L`, CRC-16/CCITT-FALSE over VER..payload.
 * Pure: frames in, bytes out, and a stream parser for bytes in, frames out (face-parser.ts). A vendor's module with
 * another protocol gets its own codec behind the same FaceModuleDriver.
 */
import { FACE_MODULE_STEPS, FACE_PURPOSES } from '../../shared/domain/face';

export const PREAMBLE = [0xfa, 0xce] as const;
export const VERSION = 0x01;
export const HEADER_LENGTH = 7; // preamble 2, ver, type, seq, len 2
export const MAX_PAYLOAD = 4096;

export const Command = {
  start: 0x01,
  cancel: 0x02,
  status: 0x03,
  getImage: 0x04,
} as const;

export const Reply = {
  ack: 0x80,
  status: 0x81,
  progress: 0x82,
  result: 0x83,
  image: 0x84,
  error: 0x8f,
} as const;

export const PURPOSES = FACE_PURPOSES;
export type FacePurpose = (typeof PURPOSES)[number];

export const PROGRESS_STEPS = FACE_MODULE_STEPS;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export const OUTCOMES = ['pass', 'spoof', 'noFace', 'cancelled', 'fault'] as const;
export type FaceOutcome = (typeof OUTCOMES)[number];

export const ACK_RESULTS = ['ok', 'busy', 'badParameter', 'notReady', 'noImage'] as const;
export type AckResult = (typeof ACK_RESULTS)[number];

export const MODULE_STATES = ['idle', 'capturing', 'resultReady', 'fault'] as const;

/** Actions the module asks the person to do during liveness (bit mask in START). */
export interface LivenessActions {
  blink: boolean;
  turnLeft: boolean;
  turnRight: boolean;
  openMouth: boolean;
}

export type HostCommand =
  | { type: 'start'; purpose: FacePurpose; timeoutSeconds: number; actions: LivenessActions }
  | { type: 'cancel' }
  | { type: 'status' }
  | { type: 'getImage'; offset: number; length: number };

export type ModuleReply =
  | { type: 'ack'; command: number; result: AckResult }
  | { type: 'status'; state: (typeof MODULE_STATES)[number]; faultCode: number; firmware: string }
  | { type: 'progress'; step: ProgressStep }
  | { type: 'result'; outcome: FaceOutcome; liveness: number; quality: number; imageSize: number }
  | { type: 'image'; offset: number; data: Uint8Array }
  | { type: 'error'; code: 'crc' | 'unknownCommand' | 'length' | 'other' };

export interface Frame {
  type: number;
  seq: number;
  payload: Uint8Array;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): check value of "123456789" is 0x29B1. */
export function crc16(data: Uint8Array, start = 0, end = data.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= (data[i] as number) << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function encodeFrame(frame: Frame): Uint8Array {
  if (frame.payload.length > MAX_PAYLOAD) throw new RangeError(`payload ${frame.payload.length} > ${MAX_PAYLOAD}`);
  const out = new Uint8Array(HEADER_LENGTH + frame.payload.length + 2);
  out.set([PREAMBLE[0], PREAMBLE[1], VERSION, frame.type, frame.seq & 0xff, frame.payload.length >> 8, frame.payload.length & 0xff]);
  out.set(frame.payload, HEADER_LENGTH);
  const crc = crc16(out, 2, HEADER_LENGTH + frame.payload.length);
  out[out.length - 2] = crc >> 8;
  out[out.length - 1] = crc & 0xff;
  return out;
}

const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
const readU16 = (p: Uint8Array, i: number) => ((p[i] ?? 0) << 8) | (p[i + 1] ?? 0);
const readU32 = (p: Uint8Array, i: number) => (((p[i] ?? 0) << 24) >>> 0) + ((p[i + 1] ?? 0) << 16) + ((p[i + 2] ?? 0) << 8) + (p[i + 3] ?? 0);

export function encodeCommand(command: HostCommand, seq: number): Uint8Array {
  switch (command.type) {
    case 'start': {
      const a = command.actions;
      const mask = (a.blink ? 1 : 0) | (a.turnLeft ? 2 : 0) | (a.turnRight ? 4 : 0) | (a.openMouth ? 8 : 0);
      const timeout = Math.max(1, Math.min(255, Math.round(command.timeoutSeconds)));
      return encodeFrame({ type: Command.start, seq, payload: Uint8Array.of(PURPOSES.indexOf(command.purpose) + 1, timeout, mask) });
    }
    case 'cancel':
      return encodeFrame({ type: Command.cancel, seq, payload: new Uint8Array(0) });
    case 'status':
      return encodeFrame({ type: Command.status, seq, payload: new Uint8Array(0) });
    case 'getImage':
      return encodeFrame({ type: Command.getImage, seq, payload: Uint8Array.from([...u32(command.offset), ...u16(command.length)]) });
  }
}

export function encodeReply(reply: ModuleReply, seq: number): Uint8Array {
  switch (reply.type) {
    case 'ack':
      return encodeFrame({ type: Reply.ack, seq, payload: Uint8Array.of(reply.command, ACK_RESULTS.indexOf(reply.result)) });
    case 'status':
      return encodeFrame({ type: Reply.status, seq, payload: Uint8Array.from([MODULE_STATES.indexOf(reply.state), reply.faultCode, ...Buffer.from(reply.firmware, 'ascii')]) });
    case 'progress':
      return encodeFrame({ type: Reply.progress, seq, payload: Uint8Array.of(PROGRESS_STEPS.indexOf(reply.step) + 1) });
    case 'result':
      return encodeFrame({
        type: Reply.result,
        seq,
        payload: Uint8Array.from([OUTCOMES.indexOf(reply.outcome), ...u16(Math.round(reply.liveness * 1000)), ...u16(Math.round(reply.quality * 1000)), ...u32(reply.imageSize)]),
      });
    case 'image':
      return encodeFrame({ type: Reply.image, seq, payload: Uint8Array.from([...u32(reply.offset), ...reply.data]) });
    case 'error':
      return encodeFrame({ type: Reply.error, seq, payload: Uint8Array.of(['crc', 'unknownCommand', 'length', 'other'].indexOf(reply.code) + 1) });
  }
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A module frame's meaning; garbage (unknown type, short payload, out-of-range code) is a typed failure. */
export function decodeReply(frame: Frame): Decoded<ModuleReply> {
  const p = frame.payload;
  const need = (n: number): Decoded<never> | null => (p.length < n ? { ok: false, reason: `payload too short for type 0x${frame.type.toString(16)}` } : null);
  switch (frame.type) {
    case Reply.ack: {
      const short = need(2);
      if (short) return short;
      const result = ACK_RESULTS[p[1] as number];
      return result ? { ok: true, value: { type: 'ack', command: p[0] as number, result } } : { ok: false, reason: 'unknown ack result' };
    }
    case Reply.status: {
      const short = need(2);
      if (short) return short;
      const state = MODULE_STATES[p[0] as number];
      if (!state) return { ok: false, reason: 'unknown module state' };
      return { ok: true, value: { type: 'status', state, faultCode: p[1] as number, firmware: Buffer.from(p.subarray(2)).toString('latin1').replace(/[^\x20-\x7e]/g, '?') } };
    }
    case Reply.progress: {
      const short = need(1);
      if (short) return short;
      const step = PROGRESS_STEPS[(p[0] as number) - 1];
      return step ? { ok: true, value: { type: 'progress', step } } : { ok: false, reason: 'unknown progress step' };
    }
    case Reply.result: {
      const short = need(9);
      if (short) return short;
      const outcome = OUTCOMES[p[0] as number];
      const liveness = readU16(p, 1);
      const quality = readU16(p, 3);
      if (!outcome) return { ok: false, reason: 'unknown outcome' };
      if (liveness > 1000 || quality > 1000) return { ok: false, reason: 'score out of range' };
      return { ok: true, value: { type: 'result', outcome, liveness: liveness / 1000, quality: quality / 1000, imageSize: readU32(p, 5) } };
    }
    case Reply.image: {
      const short = need(4);
      if (short) return short;
      return { ok: true, value: { type: 'image', offset: readU32(p, 0), data: p.slice(4) } };
    }
    case Reply.error: {
      const short = need(1);
      if (short) return short;
      const code = (['crc', 'unknownCommand', 'length', 'other'] as const)[(p[0] as number) - 1] ?? 'other';
      return { ok: true, value: { type: 'error', code } };
    }
    default:
      return { ok: false, reason: `unknown reply type 0x${frame.type.toString(16)}` };
  }
}

/** The simulator's side: a host command from a frame. */
export function decodeCommand(frame: Frame): Decoded<HostCommand> {
  const p = frame.payload;
  switch (frame.type) {
    case Command.start: {
      if (p.length < 3) return { ok: false, reason: 'short start' };
      const purpose = PURPOSES[(p[0] as number) - 1];
      if (!purpose) return { ok: false, reason: 'unknown purpose' };
      const m = p[2] as number;
      return { ok: true, value: { type: 'start', purpose, timeoutSeconds: p[1] as number, actions: { blink: !!(m & 1), turnLeft: !!(m & 2), turnRight: !!(m & 4), openMouth: !!(m & 8) } } };
    }
    case Command.cancel:
      return { ok: true, value: { type: 'cancel' } };
    case Command.status:
      return { ok: true, value: { type: 'status' } };
    case Command.getImage:
      if (p.length < 6) return { ok: false, reason: 'short getImage' };
      return { ok: true, value: { type: 'getImage', offset: readU32(p, 0), length: readU16(p, 4) } };
    default:
      return { ok: false, reason: `unknown command 0x${frame.type.toString(16)}` };
  }
}
