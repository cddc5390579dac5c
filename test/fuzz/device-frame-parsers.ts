import fc from 'fast-check';
import type { LengthFrameParser } from '../../src/devices/core/length-frame-parser';
import { createFaceFrameParser } from '../../src/devices/face/frame-parser';
import { encodeFrame } from '../../src/devices/face/protocol';
import { createIdCardFrameParser, encodeCommand, encodeResponse } from '../../src/devices/id-card/frame';
import { createReaderFrameParser, encodeReaderFrame } from '../../src/devices/social-security-card/reader-frame';
import type { FuzzTarget } from './fuzz-target';

/** A length-framed protocol as the fuzzer sees it: its parser and valid frames with random contents. */
interface FramedProtocol {
  name: string;
  parser(): LengthFrameParser;
  frame: fc.Arbitrary<Buffer>;
}

const payload = (max: number) => fc.oneof({ weight: 4, arbitrary: fc.uint8Array({ maxLength: 64 }) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: max }) });

export const FRAMED_PROTOCOLS: FramedProtocol[] = [
  {
    name: 'ID card reader answers',
    parser: () => createIdCardFrameParser(),
    frame: fc.tuple(fc.integer({ min: 0, max: 255 }), payload(1400)).map(([sw3, data]) => encodeResponse(sw3, data)),
  },
  {
    name: 'ID card reader commands (simulator side)',
    parser: () => createIdCardFrameParser(),
    frame: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), payload(200)).map(([cmd, para, data]) => encodeCommand(cmd, para, data)),
  },
  {
    name: 'social security card reader frames',
    parser: () => createReaderFrameParser(),
    frame: fc.tuple(fc.integer({ min: 0, max: 255 }), payload(1000)).map(([head, data]) => encodeReaderFrame(head, data)),
  },
  {
    name: 'face module frames',
    parser: () => createFaceFrameParser(),
    frame: fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), payload(4096))
      .map(([type, seq, data]) => Buffer.from(encodeFrame({ type, seq, payload: data }))),
  },
];

/** Feeds the stream in the given chunk sizes, then lets the line go quiet; returns the frames that came out. */
export function feed(parser: LengthFrameParser, stream: Buffer, chunkSizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  const take = (results: ReturnType<LengthFrameParser['push']>) => {
    for (const r of results) if (r.type === 'frame') out.push(r.frame);
  };
  for (let at = 0, i = 0; at < stream.length; i += 1) {
    const n = chunkSizes.length === 0 ? stream.length : chunkSizes[i % chunkSizes.length]!;
    take(parser.push(stream.subarray(at, at + n), 0));
    at += n;
  }
  take(parser.flush());
  return out;
}

const chunking = fc.oneof(fc.constant<number[]>([]), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }));

/**
 * Per protocol: (1) a frame cut off at any byte, then valid frames with random payloads, in any chunking: every
 * valid frame comes through, in order; (2) random bytes never throw; (3) garbage before valid frames costs nothing.
 */
export const deviceFrameParserTargets: FuzzTarget[] = FRAMED_PROTOCOLS.flatMap((p): FuzzTarget[] => [
  {
    name: `${p.name}: a cut-off frame, then valid frames all come through`,
    check: (runs, seed) =>
      fc.assert(
        fc.property(p.frame, fc.nat(), fc.array(p.frame, { minLength: 1, maxLength: 4 }), chunking, (cut, where, valid, sizes) => {
          const at = 1 + (where % (cut.length - 1)); // 1 .. length-1: a real cut, never empty nor whole
          const stream = Buffer.concat([cut.subarray(0, at), ...valid]);
          const got = feed(p.parser(), stream, sizes);
          return got.length === valid.length && got.every((f, i) => f.equals(valid[i]!));
        }),
        { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
      ),
  },
  {
    name: `${p.name}: every cut of one frame, then a valid frame`,
    check: (runs, seed) =>
      fc.assert(
        fc.property(p.frame, p.frame, (cut, valid) => {
          for (let at = 1; at < cut.length; at += 1) {
            const got = feed(p.parser(), Buffer.concat([cut.subarray(0, at), valid]), []);
            if (got.length !== 1 || !got[0]!.equals(valid)) return false;
          }
          return true;
        }),
        { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
      ),
  },
  {
    name: `${p.name}: random bytes never throw, and garbage before valid frames costs none of them`,
    check: (runs, seed) =>
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(p.frame, { maxLength: 3 }), chunking, (garbage, valid, sizes) => {
          feed(p.parser(), Buffer.from(garbage), sizes);
          const got = feed(p.parser(), Buffer.concat([Buffer.from(garbage), ...valid]), sizes);
          // Garbage may itself end in what looks like a cut-off frame; the valid frames after it still all arrive.
          return got.length >= valid.length && valid.every((f, i) => got[got.length - valid.length + i]!.equals(f));
        }),
        { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
      ),
  },
]);
