import { describe, expect, it } from '@jest/globals';
import { fromHex } from '../core/frame-log';
import { createReaderFrameParser, encodeReaderFrame, parseReaderFrame, READER_MAX_LEN, readerStatusName, verifyReaderFrame } from './reader-frame';

const hex = (text: string) => fromHex(text)!;

describe('the card reader frame: 02 | LEN_H LEN_L | CMD/ST | data | BCC | 03', () => {
  it('encodes exact bytes: LEN counts CMD and data, BCC is the XOR from LEN_H to the last data byte', () => {
    expect(encodeReaderFrame(0x33)).toStrictEqual(hex('02 00 01 33 32 03'));
    expect(encodeReaderFrame(0x31, hex('00 A4 04 00'))).toStrictEqual(hex('02 00 05 31 00 A4 04 00 94 03'));
    // A two-byte length: 299 data bytes of 00 make LEN 01 2C; BCC = 01 ^ 2C ^ 31.
    const long = encodeReaderFrame(0x31, new Uint8Array(299));
    expect(long.length).toBe(305);
    expect(long.subarray(0, 4)).toStrictEqual(hex('02 01 2C 31'));
    expect(long.subarray(-2)).toStrictEqual(hex('1C 03'));
    expect(verifyReaderFrame(long)).toBe(true);
  });

  it('verifies a whole frame and refuses each part wrong', () => {
    expect(verifyReaderFrame(hex('02 00 01 33 32 03'))).toBe(true);
    expect(verifyReaderFrame(hex('02 00 05 31 00 A4 04 00 94 03'))).toBe(true);
    expect(verifyReaderFrame(hex('03 00 01 33 32 03'))).toBe(false); // STX
    expect(verifyReaderFrame(hex('02 00 01 33 32 02'))).toBe(false); // ETX
    expect(verifyReaderFrame(hex('02 00 01 33 33 03'))).toBe(false); // BCC
    expect(verifyReaderFrame(hex('02 00 02 33 31 03'))).toBe(false); // LEN one too large, BCC agreeing
    expect(verifyReaderFrame(hex('02 01 01 33 33 03'))).toBe(false); // LEN_H set, BCC agreeing
    // Five bytes pass every other check (LEN 0 = length - 5, BCC of 00 00 is 00): refused for its length alone.
    expect(verifyReaderFrame(hex('02 00 00 00 03'))).toBe(false);
    expect(verifyReaderFrame(hex('02 03'))).toBe(false);
    expect(verifyReaderFrame(Buffer.alloc(0))).toBe(false);
  });

  it('parses the head and the data between it and the BCC', () => {
    expect(parseReaderFrame(hex('02 00 03 00 90 00 93 03'))).toStrictEqual({ head: 0x00, data: hex('90 00') });
    expect(parseReaderFrame(hex('02 00 01 33 32 03'))).toStrictEqual({ head: 0x33, data: Buffer.alloc(0) });
  });

  it('names each reader status, and any other byte unknown', () => {
    expect([0, 1, 2, 3, 4, 5, 0x33, 0xff].map(readerStatusName)).toStrictEqual(['ok', 'noCard', 'cardMute', 'commandError', 'checksumError', 'unknown', 'unknown', 'unknown']);
  });
});

describe('the card reader frame parser', () => {
  it('takes LEN from 1 to 1024, refuses 0 and 1025', () => {
    const biggest = encodeReaderFrame(0x00, new Uint8Array(READER_MAX_LEN - 1));
    expect(READER_MAX_LEN).toBe(1024);
    expect(createReaderFrameParser().push(biggest, 0)).toStrictEqual([{ type: 'frame', frame: biggest }]);
    expect(createReaderFrameParser().push(hex('02 00 00 00 03'), 0)[0]).toStrictEqual({ type: 'badLength', length: 0 });
    expect(createReaderFrameParser().push(hex('02 04 01 00'), 0)[0]).toStrictEqual({ type: 'badLength', length: 1025 });
    expect(createReaderFrameParser().push(hex('02 04 00 00'), 0)).toStrictEqual([]); // 1024: waits for the rest
  });

  it('joins a frame split across reads', () => {
    const p = createReaderFrameParser();
    expect(p.push(hex('02 00 03 00'), 0)).toStrictEqual([]);
    expect(p.push(hex('90 00 93 03'), 10)).toStrictEqual([{ type: 'frame', frame: hex('02 00 03 00 90 00 93 03') }]);
  });

  it('drops a partial frame after 500 ms by default, or the time it is given', () => {
    const p = createReaderFrameParser();
    p.push(hex('02 00 03 00'), 1000);
    expect(p.expire(1499)).toStrictEqual([]);
    expect(p.expire(1500)).toStrictEqual([{ type: 'timeout', partial: 4 }]);
    const quick = createReaderFrameParser(20);
    quick.push(hex('02 00'), 0);
    expect(quick.expire(20)).toStrictEqual([{ type: 'timeout', partial: 2 }]);
  });
});
