import { describeParseProblem, LengthFrameParser, type LengthFrameOptions, type ParseResult } from './length-frame-parser';

/**
 * The parser on a small framing of its own, so every option shows: a three-byte preamble whose first two bytes are
 * alike (AA AA 55), a type byte before a one-byte LEN (lengthOffset 1), LEN body bytes, and an XOR check byte after
 * them (extraBytes 1). The three device framings (ID card, social security card, face) run it through their own tests.
 */
const PREAMBLE = [0xaa, 0xaa, 0x55];
const xor = (bytes: number[]) => bytes.reduce((a, b) => a ^ b, 0);
function frameOf(body: number[], type = 0x01): Buffer {
  return Buffer.from([...PREAMBLE, type, body.length, ...body, xor([type, body.length, ...body])]);
}
const verify = (f: Buffer) => f[f.length - 1] === xor([...f.subarray(3, f.length - 1)]);
const options = (over: Partial<LengthFrameOptions> = {}): LengthFrameOptions => ({
  preamble: Uint8Array.from(PREAMBLE),
  lengthOffset: 1,
  lengthBytes: 1,
  extraBytes: 1,
  minLength: 1,
  maxLength: 8,
  verify,
  partialTimeoutMs: 100,
  ...over,
});
const parser = (over: Partial<LengthFrameOptions> = {}) => new LengthFrameParser(options(over));
const A = frameOf([0x10, 0x20, 0x30, 0x40]); // 10 bytes
const B = frameOf([0x11], 0x02); // 7 bytes

describe('LengthFrameParser options', () => {
  it('refuses options it cannot frame with, each with its reason', () => {
    expect(() => parser({ preamble: new Uint8Array() })).toThrow(new RangeError('LengthFrameParser: preamble must not be empty'));
    expect(() => parser({ minLength: -1 })).toThrow(new RangeError('LengthFrameParser: need 0 <= minLength <= maxLength'));
    expect(() => parser({ minLength: 9, maxLength: 8 })).toThrow(new RangeError('LengthFrameParser: need 0 <= minLength <= maxLength'));
    expect(() => parser({ maxLength: 256 })).toThrow(new RangeError('LengthFrameParser: maxLength does not fit lengthBytes'));
    expect(() => parser({ lengthBytes: 2, maxLength: 65536 })).toThrow(new RangeError('LengthFrameParser: maxLength does not fit lengthBytes'));
    expect(() => parser({ partialTimeoutMs: 0 })).toThrow(new RangeError('LengthFrameParser: partialTimeoutMs must be positive'));
    expect(() => parser({ lengthOffset: -1 })).toThrow(new RangeError('LengthFrameParser: lengthOffset must be a whole number >= 0'));
    expect(() => parser({ lengthOffset: 0.5 })).toThrow(new RangeError('LengthFrameParser: lengthOffset must be a whole number >= 0'));
  });

  it('takes the limits themselves: minLength 0 = maxLength, maxLength 255 in one byte, 65535 in two, a 1 ms timeout', () => {
    expect(() => parser({ minLength: 0, maxLength: 0 })).not.toThrow();
    expect(() => parser({ maxLength: 255 })).not.toThrow();
    expect(() => parser({ lengthBytes: 2, maxLength: 65535 })).not.toThrow();
    expect(() => parser({ partialTimeoutMs: 1 })).not.toThrow();
  });

  it('reads LEN right after the preamble without lengthOffset, and a two-byte LEN big-endian', () => {
    // Preamble | LEN | body | check: no type byte.
    const noType = (body: number[]) => Buffer.from([...PREAMBLE, body.length, ...body, xor([body.length, ...body])]);
    const plain = parser({ lengthOffset: undefined });
    expect(plain.push(noType([1, 2]), 0)).toStrictEqual([{ type: 'frame', frame: noType([1, 2]) }]);
    // Two-byte LEN 01 02 = 258 body bytes; read as one byte (02) or little-endian (0x0201) it would be another size.
    const body = Array.from({ length: 258 }, (_, i) => i & 0x7f);
    const wide = Buffer.from([...PREAMBLE, 0x07, 0x01, 0x02, ...body, xor([0x07, 0x01, 0x02, ...body])]);
    const twoBytes = parser({ lengthBytes: 2, maxLength: 300 });
    expect(twoBytes.push(wide, 0)).toStrictEqual([{ type: 'frame', frame: wide }]);
    expect(twoBytes.pending()).toBe(0);
  });
});

describe('LengthFrameParser streams', () => {
  it('joins a frame split at every byte, and splits frames that share one read', () => {
    for (let cut = 1; cut < A.length; cut += 1) {
      const p = parser();
      expect(p.push(A.subarray(0, cut), 0)).toStrictEqual([]);
      expect(p.pending()).toBe(cut);
      expect(p.push(A.subarray(cut), 0)).toStrictEqual([{ type: 'frame', frame: A }]);
      expect(p.pending()).toBe(0);
    }
    expect(parser().push(Buffer.concat([A, B, A]), 0)).toStrictEqual([
      { type: 'frame', frame: A },
      { type: 'frame', frame: B },
      { type: 'frame', frame: A },
    ]);
  });

  it('counts garbage before a preamble, and keeps only a tail that may begin one', () => {
    const p = parser();
    expect(p.push(Buffer.from([0x01, 0x02, 0xaa, 0xaa]), 0)).toStrictEqual([{ type: 'garbage', bytes: 2 }]);
    expect(p.pending()).toBe(2);
    expect(p.push(A.subarray(2), 0)).toStrictEqual([{ type: 'frame', frame: A }]);
    const q = parser();
    expect(q.push(Buffer.from([0x03, 0xaa]), 0)).toStrictEqual([{ type: 'garbage', bytes: 1 }]);
    expect(q.pending()).toBe(1);
    expect(q.push(Buffer.from([0x55, 0x03, 0xaa, 0x55]), 0)).toStrictEqual([{ type: 'garbage', bytes: 5 }]);
    expect(q.pending()).toBe(0);
    expect(parser().push(Buffer.from([0x03, 0x04, 0x05]), 0)).toStrictEqual([{ type: 'garbage', bytes: 3 }]);
    const r = parser();
    expect(r.push(Buffer.from([0x09, 0x09, 0x09, ...A]), 0)).toStrictEqual([
      { type: 'garbage', bytes: 3 },
      { type: 'frame', frame: A },
    ]);
  });

  it('waits for the whole header, then refuses a LEN outside the limits and resynchronises', () => {
    const p = parser({ minLength: 2, maxLength: 4 });
    expect(p.push(A.subarray(0, 4), 0)).toStrictEqual([]);
    expect(p.pending()).toBe(4);
    const tooShort = Buffer.from([...PREAMBLE, 0x01, 0x01]);
    expect(parser({ minLength: 2, maxLength: 4 }).push(tooShort, 0)).toStrictEqual([{ type: 'badLength', length: 1 }, { type: 'garbage', bytes: 4 }]);
    const tooLong = Buffer.from([...PREAMBLE, 0x01, 0x05]);
    expect(parser({ minLength: 2, maxLength: 4 }).push(tooLong, 0)).toStrictEqual([{ type: 'badLength', length: 5 }, { type: 'garbage', bytes: 4 }]);
    // LEN at the limits is a frame.
    const atMin = frameOf([1, 2]);
    const atMax = frameOf([1, 2, 3, 4]);
    expect(parser({ minLength: 2, maxLength: 4 }).push(Buffer.concat([atMin, atMax]), 0)).toStrictEqual([
      { type: 'frame', frame: atMin },
      { type: 'frame', frame: atMax },
    ]);
  });

  it('reports a bad check byte with the frame, then steps one byte and finds the frame that follows', () => {
    const bad = Buffer.from(A);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x01;
    expect(parser().push(Buffer.concat([bad, B]), 0)).toStrictEqual([
      { type: 'badChecksum', frame: bad },
      { type: 'garbage', bytes: bad.length - 1 },
      { type: 'frame', frame: B },
    ]);
    // A header cut off right after its LEN, then a whole frame: the head goes as cut off, not as a bad check.
    const lookAlike = Buffer.concat([Buffer.from([...PREAMBLE, 0x01, 0x02]), B]);
    expect(parser().push(lookAlike, 0)).toStrictEqual([{ type: 'truncated', bytes: 5 }, { type: 'frame', frame: B }]);
  });

  it('drops the head of a cut-off frame as soon as a whole frame begins inside it, however long it claimed to be', () => {
    const longHead = Buffer.from([...PREAMBLE, 0x01, 0x08, 0x10]); // claims 8 body bytes: 14 in all
    expect(parser().push(Buffer.concat([longHead, B]), 0)).toStrictEqual([
      { type: 'truncated', bytes: 6 },
      { type: 'frame', frame: B },
    ]);
    const shortHead = A.subarray(0, 5); // claims 4 body bytes: 10 in all, and B (7) begins at 5
    expect(parser().push(Buffer.concat([shortHead, B]), 0)).toStrictEqual([
      { type: 'truncated', bytes: 5 },
      { type: 'frame', frame: B },
    ]);
    // Not yet decidable: the bytes after the head are no whole frame, and nothing starts inside it.
    const p = parser();
    expect(p.push(Buffer.concat([longHead, Buffer.from([0x01, 0x02])]), 0)).toStrictEqual([]);
    expect(p.pending()).toBe(8);
  });

  it('waits while a frame starting inside a complete-looking head is still arriving, then lets it win', () => {
    const head = A.subarray(0, 5); // 10 bytes claimed
    const p = parser();
    expect(p.push(Buffer.concat([head, B.subarray(0, 6)]), 0)).toStrictEqual([]);
    expect(p.pending()).toBe(11);
    expect(p.push(B.subarray(6), 0)).toStrictEqual([{ type: 'truncated', bytes: 5 }, { type: 'frame', frame: B }]);
    // The inner frame's own header still arriving: wait too.
    const q = parser();
    const oneByteHead = frameOf([0x22]).subarray(0, 5); // claims 1 body byte: 7 in all
    expect(q.push(Buffer.concat([oneByteHead, B.subarray(0, 3)]), 0)).toStrictEqual([]);
    expect(q.push(B.subarray(3), 0)).toStrictEqual([{ type: 'truncated', bytes: 5 }, { type: 'frame', frame: B }]);
  });

  it('waits while the next preamble has only begun inside a complete-looking head that passes its check by chance', () => {
    // A cut-off head (8 bytes, claiming 10) whose claimed last two bytes are the next frame's first two (AA AA), and
    // with them its XOR passes: read byte by byte, that "frame" was complete before the preamble inside it was.
    const lookAlike = frameOf([0x05, 0x00, 0x00, 0xaa]);
    expect([...lookAlike.subarray(-2)]).toEqual([0xaa, 0xaa]);
    expect(verify(lookAlike)).toBe(true);
    const stream = Buffer.concat([lookAlike.subarray(0, 8), B]);
    const p = parser();
    const results = [...stream].flatMap((byte) => p.push(Buffer.from([byte]), 0));
    expect(results).toStrictEqual([{ type: 'truncated', bytes: 8 }, { type: 'frame', frame: B }]);
    // Nothing follows a whole frame that ends in a preamble's first bytes: the line going quiet decides it.
    const q = parser();
    expect(q.push(lookAlike, 0)).toStrictEqual([]);
    expect(q.flush()).toStrictEqual([{ type: 'frame', frame: lookAlike }]);
  });

  it('decides a held-back head when the line goes quiet (flush): its bytes fail the check, the rest stays', () => {
    const head = A.subarray(0, 5);
    const p = parser();
    p.push(Buffer.concat([head, B.subarray(0, 6)]), 0);
    const settled = p.flush();
    expect(settled[0]).toStrictEqual({ type: 'badChecksum', frame: Buffer.concat([head, B.subarray(0, 5)]) });
    expect(settled.slice(1)).toStrictEqual([{ type: 'garbage', bytes: 4 }]);
    expect(p.pending()).toBe(6); // B's first six bytes: B may still complete
    expect(p.push(B.subarray(6), 1)).toStrictEqual([{ type: 'frame', frame: B }]);
    // A head whose claimed bytes all came and whose check passes is a frame at flush, even with a preamble inside.
    const inner = frameOf([0xaa, 0xaa, 0x55, 0x01]);
    const q = parser();
    expect(q.push(Buffer.concat([inner, Buffer.from([0x01])]), 0)).toStrictEqual([{ type: 'frame', frame: inner }, { type: 'garbage', bytes: 1 }]);
    expect(parser().flush()).toStrictEqual([]);
  });

  it('a frame that looks like it holds another frame waits for it, and is a frame once that cannot be', () => {
    // Body AA AA 55 01 02: a header inside it claims 2 body bytes, and only one more byte (the check) follows it.
    const holder = frameOf([0xaa, 0xaa, 0x55, 0x01, 0x02]);
    const p = parser();
    expect(p.push(holder, 0)).toStrictEqual([]);
    expect(p.flush()).toStrictEqual([{ type: 'frame', frame: holder }]);
    expect(p.pending()).toBe(0);
  });
});

describe('LengthFrameParser deciding a head with a header inside it', () => {
  const head = A.subarray(0, 5); // claims 4 body bytes: 10 in all
  const decided = (results: ParseResult[]) => results.map((r) => r.type);

  it('delivers a whole frame at once when the next one has only begun after it', () => {
    const p = parser();
    expect(p.push(Buffer.concat([A, B.subarray(0, 3)]), 0)).toStrictEqual([{ type: 'frame', frame: A }]);
    expect(p.pending()).toBe(3);
    expect(parser().push(Buffer.concat([A, B.subarray(0, 5)]), 0)).toStrictEqual([{ type: 'frame', frame: A }]);
  });

  it('waits while a header inside is exactly complete and its frame is not', () => {
    const p = parser();
    expect(p.push(Buffer.concat([head, B.subarray(0, 5)]), 0)).toStrictEqual([]);
    expect(p.pending()).toBe(10);
    // LEN 8 (the limit) inside, its body still arriving: wait too.
    const q = parser();
    expect(q.push(Buffer.concat([head, Buffer.from([...PREAMBLE, 0x01, 0x08, 0x00, 0x00])]), 0)).toStrictEqual([]);
  });

  it('does not wait for a header inside whose LEN is out of range, complete or not, nor for a whole frame inside that fails its check', () => {
    const outOfRange = Buffer.from([...PREAMBLE, 0x01, 0x09]);
    expect(decided(parser().push(Buffer.concat([head, outOfRange]), 0))).toStrictEqual(['badChecksum', 'garbage', 'badLength', 'garbage']);
    expect(decided(parser().push(Buffer.concat([head, outOfRange, Buffer.from([0x00, 0x00])]), 0))).toStrictEqual(['badChecksum', 'garbage', 'badLength', 'garbage']);
    // LEN 0 is below minLength 1: the five bytes and a check byte that agrees are no frame, so they do not cut the head.
    const belowMin = Buffer.from([...PREAMBLE, 0x01, 0x00, 0x01]);
    expect(decided(parser().push(Buffer.concat([head, belowMin]), 0))).toStrictEqual(['badChecksum', 'garbage', 'badLength', 'garbage']);
    const badB = Buffer.from(B);
    badB[badB.length - 1] = badB[badB.length - 1]! ^ 0x01;
    expect(decided(parser().push(Buffer.concat([head, badB]), 0))).toStrictEqual(['badChecksum', 'garbage', 'badChecksum', 'garbage']);
  });

  it('asks verify only about whole frames, each as long as its header claims', () => {
    const asked: Buffer[] = [];
    const recording = (f: Buffer) => {
      asked.push(Buffer.from(f));
      return verify(f);
    };
    const streams = [
      Buffer.concat([head, Buffer.from([...PREAMBLE, 0x01, 0x09]), B]),
      Buffer.concat([head, B.subarray(0, 6)]),
      Buffer.concat([Buffer.from([...PREAMBLE, 0x01, 0x08, 0x10]), B.subarray(0, 6)]),
      Buffer.concat([A, B.subarray(0, 5)]),
    ];
    for (const stream of streams) {
      const p = parser({ verify: recording });
      p.push(stream, 0);
      p.flush();
    }
    expect(asked.length).toBeGreaterThan(0);
    for (const f of asked) expect([f.toString('hex'), f.length]).toEqual([f.toString('hex'), PREAMBLE.length + 2 + f[4]! + 1]);
  });
});

describe('LengthFrameParser timing', () => {
  it('drops a partial frame once it has waited partialTimeoutMs from its first byte, not from its last', () => {
    const p = parser();
    expect(p.push(A.subarray(0, 4), 1000)).toStrictEqual([]);
    expect(p.push(A.subarray(4, 6), 1050)).toStrictEqual([]);
    expect(p.expire(1099)).toStrictEqual([]);
    expect(p.expire(1100)).toStrictEqual([{ type: 'timeout', partial: 6 }]);
    expect(p.pending()).toBe(0);
    expect(p.expire(5000)).toStrictEqual([]);
  });

  it('a push after the timeout first drops the stale partial, then reads the new bytes', () => {
    const p = parser();
    p.push(A.subarray(0, 6), 0);
    expect(p.push(B, 100)).toStrictEqual([{ type: 'timeout', partial: 6 }, { type: 'frame', frame: B }]);
    // An empty chunk only expires.
    p.push(A.subarray(0, 6), 200);
    expect(p.push(new Uint8Array(), 250)).toStrictEqual([]);
    expect(p.pending()).toBe(6);
    expect(p.push(new Uint8Array(), 300)).toStrictEqual([{ type: 'timeout', partial: 6 }]);
  });

  it('starts the clock again after a whole frame, and at expiry settles what it can before timing out the rest', () => {
    const p = parser();
    p.push(A.subarray(0, 6), 0);
    p.push(Buffer.concat([A.subarray(6), B.subarray(0, 2)]), 90); // A completes; B's start is a new partial at 90
    expect(p.expire(150)).toStrictEqual([]);
    expect(p.expire(190)).toStrictEqual([{ type: 'timeout', partial: 2 }]);
    const q = parser();
    q.push(Buffer.concat([A.subarray(0, 5), B.subarray(0, 6)]), 0);
    expect(q.expire(100)).toStrictEqual([{ type: 'badChecksum', frame: Buffer.concat([A.subarray(0, 5), B.subarray(0, 5)]) }, { type: 'garbage', bytes: 4 }, { type: 'timeout', partial: 6 }]);
    expect(q.pending()).toBe(0);
  });

  it('at expiry, a held frame that flush delivers whole is all there is: no timeout for nothing', () => {
    const holder = frameOf([0xaa, 0xaa, 0x55, 0x01, 0x02]);
    const p = parser();
    expect(p.push(holder, 0)).toStrictEqual([]);
    expect(p.expire(100)).toStrictEqual([{ type: 'frame', frame: holder }]);
    expect(p.pending()).toBe(0);
  });

  it('flush leaves nothing held and clears the clock; reset forgets everything', () => {
    const p = parser();
    p.push(Buffer.from([0x07]), 0);
    expect(p.pending()).toBe(0);
    p.push(A.subarray(0, 3), 10);
    p.reset();
    expect(p.pending()).toBe(0);
    expect(p.expire(1000)).toStrictEqual([]);
    expect(p.push(B, 1000)).toStrictEqual([{ type: 'frame', frame: B }]);
    const q = parser();
    q.push(Buffer.from([...PREAMBLE, 0x01, 0x01]), 0); // a header: waiting for the body and check byte
    q.push(Buffer.from([0x05, 0x05]), 50); // body 05, check 01^01^05 = 05: whole
    expect(q.pending()).toBe(0);
    // The next partial's clock starts at its own first byte (60), not at the finished frame's (0).
    q.push(A.subarray(0, 2), 60);
    expect(q.expire(159)).toStrictEqual([]);
    expect(q.expire(160)).toStrictEqual([{ type: 'timeout', partial: 2 }]);
  });
});

describe('describeParseProblem', () => {
  it('words each problem for the technician, without payload bytes', () => {
    const problems: Array<[Exclude<ParseResult, { type: 'frame' }>, string]> = [
      [{ type: 'badChecksum', frame: Buffer.alloc(12) }, 'bad checksum (12 bytes)'],
      [{ type: 'badLength', length: 9000 }, 'bad length field 9000'],
      [{ type: 'garbage', bytes: 3 }, '3 bytes of garbage skipped'],
      [{ type: 'truncated', bytes: 7 }, 'cut-off frame dropped (7 bytes)'],
      [{ type: 'timeout', partial: 5 }, 'partial frame dropped (5 bytes)'],
    ];
    for (const [problem, text] of problems) expect(describeParseProblem(problem)).toBe(text);
  });
});
