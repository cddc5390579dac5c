import { sampleResident } from '../../shared/samples/residents';
import { cardTextOf } from '../simulators/id-card-simulator';
import { buildReadPayload, parseReadPayload } from './read-answer';
import { encodeTextBlock } from './text-block';

// The read answer's inner lengths at their edges: one byte short anywhere is a typed refusal, never a throw.
const text = encodeTextBlock(cardTextOf(sampleResident(0)));
const photo = Buffer.alloc(1024, 0x33);
const fingerprint = Buffer.alloc(512, 0x44);

describe('the read answer payload', () => {
  it('refuses a payload shorter than its own head, with and without fingerprint', () => {
    expect(parseReadPayload(Buffer.from([0x01, 0x00, 0x04]), false)).toEqual({ ok: false, problem: 'length' });
    expect(parseReadPayload(Buffer.from([0x01, 0x00, 0x04, 0x00, 0x02]), true)).toEqual({ ok: false, problem: 'length' });
  });

  it('needs every byte the inner lengths claim: one short is refused, exactly enough is read', () => {
    const plain = buildReadPayload(text, photo, null);
    expect(parseReadPayload(plain.subarray(0, plain.length - 1), false)).toEqual({ ok: false, problem: 'length' });
    const read = parseReadPayload(plain, false);
    expect(read.ok && [read.payload.text.equals(text), read.payload.photoWlt.equals(photo), read.payload.fingerprint]).toEqual([true, true, null]);
    const withFp = buildReadPayload(text, photo, fingerprint);
    expect(withFp.subarray(0, 6)).toEqual(Buffer.from([0x01, 0x00, 0x04, 0x00, 0x02, 0x00]));
    expect(parseReadPayload(withFp.subarray(0, withFp.length - 1), true)).toEqual({ ok: false, problem: 'length' });
    const both = parseReadPayload(withFp, true);
    expect(both.ok && [both.payload.text.equals(text), both.payload.photoWlt.equals(photo), both.payload.fingerprint?.equals(fingerprint)]).toEqual([true, true, true]);
  });

  it('refuses a text part shorter than the 256-byte block even when the bytes are all there', () => {
    const short = buildReadPayload(text.subarray(0, 255), Buffer.alloc(0), null);
    expect(parseReadPayload(short, false)).toEqual({ ok: false, problem: 'length' });
  });
});
