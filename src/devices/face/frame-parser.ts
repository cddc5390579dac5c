import { LengthFrameParser } from '../core/length-frame-parser';
import { crc16, HEADER_LENGTH, MAX_PAYLOAD, PREAMBLE, VERSION, type Frame } from './protocol';

/**
 * The face module's stream parser: the shared length parser with the length field three bytes after the preamble
 * (VER, TYPE, SEQ) and a CRC-16 after the payload. Used by the driver and by the simulator.
 */
export function createFaceFrameParser(partialTimeoutMs = 500): LengthFrameParser {
  return new LengthFrameParser({
    preamble: Uint8Array.from(PREAMBLE),
    lengthOffset: 3,
    lengthBytes: 2,
    extraBytes: 2,
    minLength: 0,
    maxLength: MAX_PAYLOAD,
    verify: verifyFaceFrame,
    partialTimeoutMs,
  });
}

export function verifyFaceFrame(bytes: Buffer): boolean {
  if (bytes.length < HEADER_LENGTH + 2 || bytes[2] !== VERSION) return false;
  const length = bytes.readUInt16BE(5);
  if (bytes.length !== HEADER_LENGTH + length + 2) return false;
  return bytes.readUInt16BE(bytes.length - 2) === crc16(bytes, 2, bytes.length - 2);
}

/** A verified frame's fields. */
export function toFaceFrame(bytes: Buffer): Frame {
  return { type: bytes[3]!, seq: bytes[4]!, payload: Uint8Array.from(bytes.subarray(HEADER_LENGTH, bytes.length - 2)) };
}
