import { verifyFaceFrame, toFaceFrame } from './frame-parser';
import { Command, crc16, decodeCommand, decodeReply, encodeCommand, encodeFrame, encodeReply, MAX_PAYLOAD, Reply, type Frame } from './protocol';

// The codec's edges, byte by byte and without the driver: what the simulator decodes, what the driver refuses.
const frameOf = (bytes: Uint8Array): Frame => toFaceFrame(Buffer.from(bytes));
const reply = (type: number, payload: number[]) => decodeReply({ type, seq: 1, payload: Uint8Array.from(payload) });
const command = (type: number, payload: number[]) => decodeCommand({ type, seq: 1, payload: Uint8Array.from(payload) });

describe('face module codec edges', () => {
  it('round-trips every error code and the commands the module receives', () => {
    for (const code of ['crc', 'unknownCommand', 'length', 'other'] as const) {
      const bytes = encodeReply({ type: 'error', code }, 7);
      expect(decodeReply(frameOf(bytes))).toEqual({ ok: true, value: { type: 'error', code } });
    }
    // Codes on the wire: crc 1, unknownCommand 2, length 3, other 4.
    for (const [code, byte] of [['crc', 1], ['unknownCommand', 2], ['length', 3], ['other', 4]] as const) {
      expect(Buffer.from(encodeReply({ type: 'error', code }, 7)).subarray(3, 8)).toEqual(Buffer.from([Reply.error, 7, 0, 1, byte]));
    }
    expect(reply(Reply.error, [9])).toEqual({ ok: true, value: { type: 'error', code: 'other' } }); // an unknown code is "other"
    expect(decodeCommand(frameOf(encodeCommand({ type: 'cancel' }, 3)))).toEqual({ ok: true, value: { type: 'cancel' } });
    expect(Buffer.from(encodeCommand({ type: 'cancel' }, 3)).subarray(3, 7)).toEqual(Buffer.from([Command.cancel, 3, 0, 0]));
    expect(decodeCommand(frameOf(encodeCommand({ type: 'status' }, 3)))).toEqual({ ok: true, value: { type: 'status' } });
    const start = { type: 'start' as const, purpose: 'remodel' as const, timeoutSeconds: 30, actions: { blink: false, turnLeft: false, turnRight: true, openMouth: true } };
    expect(decodeCommand(frameOf(encodeCommand(start, 4)))).toEqual({ ok: true, value: start });
    expect(command(Command.start, [1, 20, 0b0011])).toEqual({ ok: true, value: { type: 'start', purpose: 'certification', timeoutSeconds: 20, actions: { blink: true, turnLeft: true, turnRight: false, openMouth: false } } });
    const getImage = { type: 'getImage' as const, offset: 0x89abcdef, length: 0x1234 };
    expect(decodeCommand(frameOf(encodeCommand(getImage, 5)))).toEqual({ ok: true, value: getImage });
  });

  it('reads four-byte offsets whole, high byte first', () => {
    expect(reply(Reply.image, [0x80, 0x01, 0x02, 0x03, 9])).toEqual({ ok: true, value: { type: 'image', offset: 0x80010203, data: Uint8Array.of(9) } });
    expect(reply(Reply.image, [0x00, 0xff, 0x00, 0x00])).toEqual({ ok: true, value: { type: 'image', offset: 0x00ff0000, data: new Uint8Array(0) } });
  });

  it('keeps the firmware text printable and refuses out-of-range scores (1000 is 1.0, the most)', () => {
    expect(decodeReply(frameOf(encodeReply({ type: 'status', state: 'idle', faultCode: 0, firmware: 'FM-2.1' }, 1)))).toEqual({ ok: true, value: { type: 'status', state: 'idle', faultCode: 0, firmware: 'FM-2.1' } });
    expect(reply(Reply.status, [0, 3, 0x41, 0x07, 0xe9])).toEqual({ ok: true, value: { type: 'status', state: 'idle', faultCode: 3, firmware: 'A??' } });
    const result = (liveness: number, quality: number) => reply(Reply.result, [0, liveness >> 8, liveness & 0xff, quality >> 8, quality & 0xff, 0, 0, 1, 0]);
    expect(result(1000, 1000)).toEqual({ ok: true, value: { type: 'result', outcome: 'pass', liveness: 1, quality: 1, imageSize: 256 } });
    expect(result(1001, 500)).toEqual({ ok: false, reason: 'score out of range' });
    expect(result(500, 1001)).toEqual({ ok: false, reason: 'score out of range' });
  });

  it('answers garbage with a typed reason, one for each thing that is wrong', () => {
    const cases: Array<[unknown, string]> = [
      [reply(Reply.ack, [1]), 'payload too short for type 0x80'],
      [reply(Reply.ack, [1, 9]), 'unknown ack result'],
      [reply(Reply.status, [0]), 'payload too short for type 0x81'],
      [reply(Reply.status, [9, 0]), 'unknown module state'],
      [reply(Reply.progress, []), 'payload too short for type 0x82'],
      [reply(Reply.progress, [0]), 'unknown progress step'],
      [reply(Reply.result, [0, 0, 0, 0, 0, 0, 0, 0]), 'payload too short for type 0x83'],
      [reply(Reply.image, [0, 0, 0]), 'payload too short for type 0x84'],
      [reply(Reply.error, []), 'payload too short for type 0x8f'],
      [reply(0x90, [1]), 'unknown reply type 0x90'],
      [command(Command.start, [1, 20]), 'short start'],
      [command(Command.start, [0, 20, 0]), 'unknown purpose'],
      [command(Command.getImage, [0, 0, 0, 0, 0]), 'short getImage'],
      [command(0x05, []), 'unknown command 0x5'],
    ];
    for (const [decoded, reason] of cases) expect(decoded).toEqual({ ok: false, reason });
  });

  it('encodes a payload of MAX_PAYLOAD bytes and refuses one more', () => {
    expect(encodeFrame({ type: Reply.image, seq: 0, payload: new Uint8Array(MAX_PAYLOAD) })).toHaveLength(7 + MAX_PAYLOAD + 2);
    expect(() => encodeFrame({ type: Reply.image, seq: 0, payload: new Uint8Array(MAX_PAYLOAD + 1) })).toThrow(new RangeError(`payload ${MAX_PAYLOAD + 1} > ${MAX_PAYLOAD}`));
  });

  it('verifies a frame only with the right version, a length that matches and room for the CRC', () => {
    const good = Buffer.from(encodeCommand({ type: 'status' }, 1)); // 9 bytes: header and CRC, no payload
    expect(verifyFaceFrame(good)).toBe(true);
    const otherVersion = Buffer.from(good);
    otherVersion[2] = 2;
    otherVersion.writeUInt16BE(crc16(otherVersion, 2, otherVersion.length - 2), otherVersion.length - 2); // the CRC agrees: only the version is wrong
    expect(verifyFaceFrame(otherVersion)).toBe(false);
    expect(verifyFaceFrame(good.subarray(0, 8))).toBe(false); // too short to hold the CRC: refused, not thrown
    expect(verifyFaceFrame(good.subarray(0, 6))).toBe(false); // not even the length field whole
    expect(verifyFaceFrame(good.subarray(0, 4))).toBe(false);
    const longer = Buffer.concat([good, Buffer.from([0])]); // one byte more than its length says
    expect(verifyFaceFrame(longer)).toBe(false);
  });
});
