import { decodeTextBlock, TEXT_BLOCK_BYTES, type TextDecodeResult } from './text-block';

/**
 * The data part of a "read text + photo" (30 01) or "+ fingerprint" (30 10) answer:
 *   01 00 | 04 00 | [fpLen(2)] | text[256] | photo[1024] | [fp]
 * (inner lengths big-endian: 0x0100 = 256, 0x0400 = 1024).
 */
export interface CardReadPayload {
  text: Buffer;
  /** WLT-compressed photo; decode with the vendor's library through a PhotoDecoder. */
  photoWlt: Buffer;
  fingerprint: Buffer | null;
}

export type PayloadResult = { ok: true; payload: CardReadPayload; decoded: TextDecodeResult } | { ok: false; problem: 'length' };

export function parseReadPayload(data: Buffer, withFingerprint: boolean): PayloadResult {
  const head = withFingerprint ? 6 : 4;
  if (data.length < head) return { ok: false, problem: 'length' };
  const textLen = data.readUInt16BE(0);
  const photoLen = data.readUInt16BE(2);
  const fpLen = withFingerprint ? data.readUInt16BE(4) : 0;
  if (textLen < TEXT_BLOCK_BYTES || data.length < head + textLen + photoLen + fpLen) return { ok: false, problem: 'length' };
  const text = data.subarray(head, head + textLen);
  const photoWlt = data.subarray(head + textLen, head + textLen + photoLen);
  const fingerprint = withFingerprint ? data.subarray(head + textLen + photoLen, head + textLen + photoLen + fpLen) : null;
  return { ok: true, payload: { text, photoWlt, fingerprint }, decoded: decodeTextBlock(text) };
}

export function buildReadPayload(text: Buffer, photoWlt: Buffer, fingerprint: Buffer | null): Buffer {
  const head = Buffer.alloc(fingerprint ? 6 : 4);
  head.writeUInt16BE(text.length, 0);
  head.writeUInt16BE(photoWlt.length, 2);
  if (fingerprint) head.writeUInt16BE(fingerprint.length, 4);
  return Buffer.concat([head, text, photoWlt, ...(fingerprint ? [fingerprint] : [])]);
}
