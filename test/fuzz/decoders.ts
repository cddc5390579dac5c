import { decodeCommandApdu, parseResponseApdu } from '../../src/devices/apdu/apdu';
import { describeApduCommand, describeApduResponse } from '../../src/devices/apdu/describe-apdu';
import { parseTlv } from '../../src/devices/apdu/tlv';
import { describeIdCardBytes } from '../../src/devices/id-card/describe-frame';
import { encodeResponse } from '../../src/devices/id-card/frame';
import { parseReadPayload } from '../../src/devices/id-card/read-answer';
import { decodeTextBlock } from '../../src/devices/id-card/text-block';
import { EscPosParser } from '../../src/devices/printer/escpos-parser';
import { describeReaderBytes } from '../../src/devices/social-security-card/describe-reader-frame';
import { encodeReaderFrame } from '../../src/devices/social-security-card/reader-frame';
import { isSafePattern } from '../../src/shared/catalog/schema';
import { checkOutcomesPage, OutcomesPageSchema } from '../../src/shared/sync/outcomes';
import type { FuzzTarget } from './fuzz-target';
import { parsePasswordHash } from '../../src/shared/sync/password-hash';
import { AttachmentStatusSchema, BatchResponseSchema, ConfigResponseSchema, ErrorBodySchema } from '../../src/shared/sync/protocol';

/**
 * The decoders behind the framed parsers (device-frame-parsers.ts covers those): card payloads, APDUs, TLV, the
 * printer transcript, and every decoder of a county answer, each with a valid sample to cut and mutate. A decoder
 * must answer any input (a value, null, a typed refusal); an exception that escapes is a bug.
 */
interface Decoder {
  name: string;
  /** A valid input the generators cut at every byte and fill with random payloads. */
  sample: Buffer;
  run(input: Buffer): unknown;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
/** County answers arrive as bytes: JSON.parse failing is the client's typed `bad_answer:json`, not an escape. */
function decodeJson(input: Buffer, decode: (value: unknown) => unknown): unknown {
  let value: unknown;
  try {
    value = JSON.parse(input.toString('utf8'));
  } catch {
    return 'bad_answer:json';
  }
  return decode(value);
}

const DECODERS: Decoder[] = [
  { name: 'id-card read payload', sample: Buffer.concat([Buffer.from([0x01, 0x00, 0x04, 0x00, 0x00, 0x00]), Buffer.alloc(256 + 1024, 0x20)]), run: (input) => parseReadPayload(input, input[0]! % 2 === 0) },
  { name: 'id-card text block', sample: Buffer.from('王建国'.padEnd(128, ' '), 'utf16le'), run: (input) => decodeTextBlock(input) },
  { name: 'id-card describe (kioskctl decode)', sample: encodeResponse(0x90, Buffer.from('abc')), run: (input) => describeIdCardBytes(input) },
  { name: 'APDU response', sample: Buffer.from([0x6f, 0x03, 0x84, 0x01, 0xaa, 0x90, 0x00]), run: (input) => parseResponseApdu(input) },
  { name: 'APDU command', sample: Buffer.from([0x00, 0xa4, 0x04, 0x00, 0x02, 0x3f, 0x00, 0x00]), run: (input) => decodeCommandApdu(input) },
  { name: 'APDU describe', sample: Buffer.from([0x6f, 0x03, 0x84, 0x01, 0xaa, 0x90, 0x00]), run: (input) => [describeApduResponse(input), describeApduCommand(input)] },
  { name: 'TLV', sample: Buffer.from([0x6f, 0x08, 0x84, 0x02, 0xaa, 0xbb, 0xa5, 0x02, 0x01, 0x02]), run: (input) => parseTlv(input) },
  { name: 'social security card describe', sample: encodeReaderFrame(0x00, Buffer.from([0x90, 0x00])), run: (input) => describeReaderBytes(input) },
  { name: 'ESC/POS (printer transcript)', sample: Buffer.from([0x1b, 0x40, 0x1b, 0x61, 0x01, 0x41, 0x42, 0x0a, 0x1d, 0x56, 0x01]), run: (input) => new EscPosParser().push(input) },
  {
    name: 'county batch answer',
    sample: json({ results: [{ id: 'a', status: 'accepted' }, { id: 'b', status: 'rejected', reason: 'unknownItem' }] }),
    run: (input) => decodeJson(input, (v) => BatchResponseSchema.safeParse(v).success),
  },
  {
    name: 'county config answer',
    sample: json({ version: 3, staff: { version: 3, body: [], signature: 'AAAA' }, site: { version: 2, body: { onDuty: '李' } }, tickets: [] }),
    run: (input) => decodeJson(input, (v) => ConfigResponseSchema.safeParse(v).success),
  },
  {
    name: 'county outcomes page',
    sample: json({ cursor: 4, more: false, outcomes: [{ applicationId: 'x', seq: 1, state: 'done', steps: [] }] }),
    run: (input) =>
      decodeJson(input, (v) => {
        const page = OutcomesPageSchema.safeParse(v);
        return page.success ? checkOutcomesPage(page.data) : null;
      }),
  },
  { name: 'county attachment status', sample: json({ sha256: 'a'.repeat(64), received: 10, complete: false }), run: (input) => decodeJson(input, (v) => AttachmentStatusSchema.safeParse(v).success) },
  { name: 'county error body', sample: json({ error: 'stale_timestamp', serverTime: 1 }), run: (input) => decodeJson(input, (v) => ErrorBodySchema.safeParse(v).success) },
  { name: 'staff password hash', sample: Buffer.from(`scrypt$ln=17,r=8,p=1$${'A'.repeat(24)}$${'B'.repeat(44)}`), run: (input) => parsePasswordHash(input.toString('latin1')) },
  { name: 'catalogue pattern guard', sample: Buffer.from('(0\\d{2,3}-)?\\d{7,8}'), run: (input) => isSafePattern(input.toString('latin1')) },
];

/** A small seeded generator so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Case n of a target: the sample cut at a byte, the sample with random bytes in place, or random bytes. */
export function fuzzCase(sample: Buffer, n: number, random: () => number): Buffer {
  const kind = n % 3;
  if (kind === 0) return sample.subarray(0, Math.floor(n / 3) % (sample.length + 1));
  if (kind === 1) {
    const out = Buffer.from(sample);
    const flips = 1 + Math.floor(random() * 8);
    for (let i = 0; i < flips && out.length > 0; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return out;
  }
  const out = Buffer.alloc(Math.floor(random() * 300));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

export interface FuzzReport {
  name: string;
  cases: number;
  escaped: Array<{ case: number; input: string; error: string }>;
  /** Calls slower than hangMs (reported by the CLI; tests never assert times). */
  slow: number;
  slowestMs: number;
}

export function fuzzDecoder(target: Decoder, cases: number, seed = 20261130, hangMs = 1000): FuzzReport {
  const random = seeded(seed);
  const report: FuzzReport = { name: target.name, cases, escaped: [], slow: 0, slowestMs: 0 };
  for (let n = 0; n < cases; n++) {
    const input = fuzzCase(target.sample, n, random);
    const t0 = performance.now();
    try {
      target.run(input);
    } catch (error) {
      if (report.escaped.length < 5) report.escaped.push({ case: n, input: input.toString('hex').slice(0, 200), error: String((error as Error).message ?? error).slice(0, 200) });
      else report.escaped.push({ case: n, input: '', error: '' });
    }
    const ms = performance.now() - t0;
    if (ms > report.slowestMs) report.slowestMs = ms;
    if (ms > hangMs) report.slow += 1;
  }
  return report;
}

/** As `npm run fuzz` targets: a decoder fails on any escaped exception or any call slower than a second. */
export const decoderTargets: FuzzTarget[] = DECODERS.map((decoder) => ({
  name: `decode ${decoder.name}: any bytes get an answer, never an exception`,
  check(runs: number, seed?: number) {
    const report = fuzzDecoder(decoder, runs, seed);
    if (report.escaped.length > 0 || report.slow > 0) {
      throw new Error(`${report.escaped.length} escaped, ${report.slow} slower than 1 s (slowest ${report.slowestMs.toFixed(0)} ms); first: ${JSON.stringify(report.escaped.slice(0, 3))}`);
    }
  },
}));
