import fc from 'fast-check';
import { fromHex, toHex } from '../core/frame-log';
import { COMMANDS, commandFrame, commandName, createIdCardFrameParser, encodeCommand, encodeResponse, type IdCardCommand, parseCommand, parseResponse, verifyFrame } from './frame';
import { describeSw3, KNOWN_SW3 } from './status-codes';

// Golden frames copied from DEVICES.md §1 (published vendor examples), not produced by our own encoder.
const GOLDEN_COMMANDS = {
  resetSam: 'AA AA AA 96 69 00 03 10 FF EC',
  samStatus: 'AA AA AA 96 69 00 03 11 FF ED',
  findCard: 'AA AA AA 96 69 00 03 20 01 22',
  selectCard: 'AA AA AA 96 69 00 03 20 02 21',
  readTextPhoto: 'AA AA AA 96 69 00 03 30 01 32',
  readTextPhotoFingerprint: 'AA AA AA 96 69 00 03 30 10 23',
} as const;

const GOLDEN_ANSWERS = {
  findSuccess: 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97',
  findFailed: 'AA AA AA 96 69 00 04 00 00 80 84',
  selectFailed: 'AA AA AA 96 69 00 04 00 00 81 85',
  readFailed: 'AA AA AA 96 69 00 04 00 00 41 45',
};

const bytes = (hex: string) => fromHex(hex)!;

describe('ID card reader framing', () => {
  it.each(Object.entries(GOLDEN_COMMANDS))('encodes %s exactly as the published frame', (name, hex) => {
    expect(toHex(commandFrame(name as keyof typeof GOLDEN_COMMANDS))).toBe(hex);
  });

  it.each(Object.entries(GOLDEN_ANSWERS))('verifies and decodes the published %s answer', (outcome, hex) => {
    const frame = bytes(hex);
    expect(verifyFrame(frame)).toBe(true);
    const answer = parseResponse(frame)!;
    expect(describeSw3(answer.sw3).outcome).toBe(outcome);
    expect(toHex(encodeResponse(answer.sw3, answer.data))).toBe(hex);
  });

  it('maps every known SW3 to an outcome and a message key, unknown ones to unknownStatus', () => {
    for (const sw3 of KNOWN_SW3) {
      const m = describeSw3(sw3);
      expect(m.outcome).not.toBe('unknownStatus');
      expect(m.messageKey).toBe(`card-readers:idCard.sw.${m.outcome}`);
    }
    expect(describeSw3(0x55)).toMatchObject({ outcome: 'unknownStatus', error: 'device_error' });
  });

  it('rejects a frame whose checksum or length is wrong', () => {
    const good = bytes(GOLDEN_ANSWERS.findSuccess);
    const badChk = Buffer.from(good);
    badChk[badChk.length - 1] = badChk[badChk.length - 1]! ^ 1;
    expect(verifyFrame(badChk)).toBe(false);
    expect(verifyFrame(good.subarray(0, good.length - 1))).toBe(false);
  });

  it('checks LEN against the bytes received even when the checksum agrees, and the shortest frame is LEN 1', () => {
    // LEN one too large, checksum recomputed over the changed LEN: only the length check can refuse it.
    const longLen = bytes('AA AA AA 96 69 00 05 00 00 80 85');
    expect(longLen.reduce((x, b, i) => (i >= 5 && i < longLen.length - 1 ? x ^ b : x), 0)).toBe(longLen[longLen.length - 1]);
    expect(verifyFrame(longLen)).toBe(false);
    expect(verifyFrame(bytes('AA AA AA 96 69 00 01 01'))).toBe(true); // LEN 1: the checksum alone
    expect(verifyFrame(bytes('AA AA AA 96 69 00 00'))).toBe(false); // 7 bytes: no room for a checksum
    expect(verifyFrame(bytes('AA AA AA 96 69 00'))).toBe(false); // too short to hold LEN: refused, not thrown
  });

  it('reads an answer only from a frame with room for SW1-SW3, and a command from one with room for CMD and PARA', () => {
    expect(parseResponse(commandFrame('resetSam'))).toBeNull(); // 10 bytes: CMD PARA, no SW3
    expect(parseResponse(bytes(GOLDEN_ANSWERS.findFailed))).toEqual({ sw1: 0, sw2: 0, sw3: 0x80, data: Buffer.alloc(0) });
    expect(parseCommand(bytes('AA AA AA 96 69 00 02 10 12'))).toBeNull(); // 9 bytes
    expect(parseCommand(commandFrame('readTextPhoto'))).toEqual({ cmd: 0x30, para: 0x01, data: Buffer.alloc(0) });
    expect(parseCommand(encodeCommand(0x30, 0x03, Buffer.from([1, 2, 3])))).toEqual({ cmd: 0x30, para: 0x03, data: Buffer.from([1, 2, 3]) });
  });

  it('names a command by both CMD and PARA, and nothing for a pair it does not know', () => {
    for (const name of Object.keys(COMMANDS) as IdCardCommand[]) {
      const [cmd, para] = COMMANDS[name];
      expect(commandName(cmd, para)).toBe(name);
    }
    expect(commandName(0x20, 0x03)).toBeUndefined(); // findCard's CMD, no command's PARA
    expect(commandName(0x40, 0x01)).toBeUndefined(); // readTextPhoto's PARA, no command's CMD
  });
});

describe('ID card frame parser', () => {
  const a = bytes(GOLDEN_ANSWERS.findSuccess);
  const b = bytes(GOLDEN_ANSWERS.findFailed);

  it('joins a frame split across reads and splits two frames in one read', () => {
    const p = createIdCardFrameParser();
    expect(p.push(a.subarray(0, 3), 0)).toEqual([]);
    expect(p.push(a.subarray(3, 9), 1)).toEqual([]);
    expect(p.push(Buffer.concat([a.subarray(9), b]), 2)).toEqual([
      { type: 'frame', frame: a },
      { type: 'frame', frame: b },
    ]);
  });

  it('skips garbage before the preamble, including preamble look-alikes', () => {
    const p = createIdCardFrameParser();
    const junk = Buffer.from([0x01, 0xaa, 0xaa, 0x55, 0xaa, 0xaa, 0xaa, 0x96]);
    const results = p.push(Buffer.concat([junk, a]), 0);
    expect(results.filter((r) => r.type === 'frame')).toEqual([{ type: 'frame', frame: a }]);
    expect(results.some((r) => r.type === 'garbage')).toBe(true);
  });

  it('reports a bad checksum as a result and still finds the next frame', () => {
    const p = createIdCardFrameParser();
    const bad = Buffer.from(a);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    const results = p.push(Buffer.concat([bad, b]), 0);
    expect(results[0]).toMatchObject({ type: 'badChecksum' });
    expect(results.filter((r) => r.type === 'frame')).toEqual([{ type: 'frame', frame: b }]);
  });

  it('drops a partial frame that never completes', () => {
    const p = createIdCardFrameParser(500);
    p.push(a.subarray(0, 8), 0);
    expect(p.expire(499)).toEqual([]);
    expect(p.expire(500)).toEqual([{ type: 'timeout', partial: 8 }]);
    expect(p.push(b, 600)).toEqual([{ type: 'frame', frame: b }]);
  });

  it('never throws on random bytes and always recovers a valid frame sent after them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 10 }), (noise, cuts) => {
        const p = createIdCardFrameParser(100);
        const results = [...p.push(noise, 0)];
        // After noise and silence the partial-frame timeout clears any false start; the valid frame then parses.
        results.push(...p.expire(1000));
        const stream = Buffer.concat([b, a]);
        let offset = 0;
        for (const cut of cuts) {
          results.push(...p.push(stream.subarray(offset, offset + cut), 1000));
          offset = Math.min(stream.length, offset + cut);
        }
        results.push(...p.push(stream.subarray(offset), 1000));
        const frames = results.filter((r) => r.type === 'frame').map((r) => (r.type === 'frame' ? toHex(r.frame) : ''));
        expect(frames.slice(-2)).toEqual([toHex(b), toHex(a)]);
      }),
      { numRuns: 500 },
    );
  });

  it('survives truncated and corrupted streams of real frames without throwing', () => {
    const stream = Buffer.concat([a, b, a, encodeResponse(0x90, Buffer.alloc(1290, 0xaa))]);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: stream.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 20 }),
        fc.nat({ max: stream.length }),
        (flips, cutAt) => {
          const corrupted = Buffer.from(stream.subarray(0, cutAt));
          for (const f of flips) if (f.at < corrupted.length) corrupted[f.at] = f.value;
          const p = createIdCardFrameParser(100);
          const results = [...p.push(corrupted, 0), ...p.expire(100)];
          for (const r of results) if (r.type === 'frame') expect(verifyFrame(r.frame)).toBe(true);
          expect(p.pending()).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
