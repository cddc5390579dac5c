import { SAMPLE_RESIDENTS, sampleResident } from '../../shared/samples/residents';
import { cardTextOf } from '../simulators/id-card-simulator';
import { decodeTextBlock, encodeTextBlock } from './text-block';
import { buildReadPayload, parseReadPayload } from './read-answer';

/** A text block laid out by hand from DEVICES.md's offsets (not by our encoder). */
function handMadeBlock(): Buffer {
  const block = Buffer.alloc(256, 0);
  for (let i = 0; i < 256; i += 2) block.writeUInt16LE(0x20, i);
  const at = (offset: number, s: string) => Buffer.from(s, 'utf16le').copy(block, offset);
  at(0, '张三');
  at(30, '1');
  at(32, '03');
  at(36, '19700101');
  at(52, '山西省太原市小店区某路1号');
  at(122, '140105197001010016');
  at(158, '太原市公安局小店分局');
  at(188, '20100101');
  at(204, '长期');
  return block;
}

describe('ID card text block', () => {
  it('decodes a resident card block laid out from the published offsets', () => {
    const result = decodeTextBlock(handMadeBlock());
    expect(result).toEqual({
      ok: true,
      text: {
        cardType: 'resident',
        name: '张三',
        sexCode: '1',
        sex: 'male',
        nationCode: '03',
        nation: '回',
        birthDate: '1970-01-01',
        address: '山西省太原市小店区某路1号',
        idNumber: '140105197001010016',
        issuingAuthority: '太原市公安局小店分局',
        validFrom: '2010-01-01',
        validUntil: 'long-term',
      },
    });
  });

  it('round-trips every sample resident through encode and decode', () => {
    for (const r of SAMPLE_RESIDENTS) {
      const decoded = decodeTextBlock(encodeTextBlock(cardTextOf(r)));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      if (decoded.text.cardType === 'foreignPermanentResident') {
        expect(decoded.text).toMatchObject({ chineseName: r.name, englishName: r.englishName, number: r.idNumber, nationality: r.nationality, birthDate: r.birthDate });
      } else {
        expect(decoded.text).toMatchObject({ cardType: 'resident', name: r.name, idNumber: r.idNumber, birthDate: r.birthDate, sex: r.sex, validUntil: r.validUntil, address: r.address });
        expect(decoded.text).not.toHaveProperty('passNumber');
      }
    }
  });

  it('decodes a foreign permanent resident card and a residence permit laid out from the published offsets', () => {
    const foreign = handMadeBlock();
    for (let i = 0; i < 256; i += 2) foreign.writeUInt16LE(0x20, i);
    const at = (block: Buffer, offset: number, s: string) => Buffer.from(s, 'utf16le').copy(block, offset);
    at(foreign, 0, 'SMITH JOHN');
    at(foreign, 120, '1');
    at(foreign, 122, 'USA110079010115');
    at(foreign, 152, 'USA');
    at(foreign, 158, '约翰');
    at(foreign, 188, '20170601');
    at(foreign, 204, '20270601');
    at(foreign, 220, '19790101');
    at(foreign, 236, '17');
    at(foreign, 240, '1100');
    at(foreign, 248, 'I');
    expect(decodeTextBlock(foreign)).toEqual({
      ok: true,
      text: {
        cardType: 'foreignPermanentResident',
        englishName: 'SMITH JOHN',
        chineseName: '约翰',
        sexCode: '1',
        sex: 'male',
        number: 'USA110079010115',
        nationality: 'USA',
        birthDate: '1979-01-01',
        validFrom: '2017-06-01',
        validUntil: '2027-06-01',
        version: '17',
        authorityCode: '1100',
      },
    });
    const permit = handMadeBlock();
    at(permit, 220, 'H12345678');
    at(permit, 238, '01');
    at(permit, 248, 'J');
    expect(decodeTextBlock(permit)).toMatchObject({ ok: true, text: { cardType: 'hkMacauTaiwanPermit', name: '张三', passNumber: 'H12345678', issueCount: '01' } });
  });

  it('recognises a Hong Kong/Macau/Taiwan residence permit and an unknown card type', () => {
    const permit = encodeTextBlock({ ...cardTextOf(sampleResident(0)), cardType: 'hkMacauTaiwanPermit', passNumber: 'H12345678', issueCount: '01' } as never);
    expect(decodeTextBlock(permit)).toMatchObject({ ok: true, text: { cardType: 'hkMacauTaiwanPermit', passNumber: 'H12345678', issueCount: '01' } });
    const odd = handMadeBlock();
    Buffer.from('Z', 'utf16le').copy(odd, 248);
    expect(decodeTextBlock(odd)).toEqual({ ok: false, problem: 'unknownCardType', typeChar: 'Z' });
    expect(decodeTextBlock(Buffer.alloc(100))).toEqual({ ok: false, problem: 'length' });
  });

  it('reads a block padded with NUL bytes (type character 0000) as a resident card, the padding cut off', () => {
    const block = Buffer.alloc(256, 0);
    const at = (offset: number, s: string) => Buffer.from(s, 'utf16le').copy(block, offset);
    at(0, '张三');
    at(30, '2');
    at(32, '01');
    at(36, '19700101');
    at(52, '山西省太原市小店区某路1号');
    at(122, '140105197001010016');
    at(204, '20300101');
    expect(decodeTextBlock(block)).toMatchObject({
      ok: true,
      text: { cardType: 'resident', name: '张三', sex: 'female', nation: '汉', birthDate: '1970-01-01', address: '山西省太原市小店区某路1号', idNumber: '140105197001010016', issuingAuthority: '', validUntil: '2030-01-01' },
    });
  });

  it('cuts spaces before a value too, and gives a date field that is not eight digits back as it stands', () => {
    // (A date field holds 8 characters, so "eight digits" is the whole field: the pattern's anchors cannot matter.)
    const block = handMadeBlock();
    const at = (offset: number, s: string) => Buffer.from(s, 'utf16le').copy(block, offset);
    at(0, '  张三');
    at(188, 'X2010010');
    expect(decodeTextBlock(block)).toMatchObject({ ok: true, text: { name: '张三', birthDate: '1970-01-01', validFrom: 'X2010010' } });
  });

  it('writes an empty pass number and issue count for a residence permit without them', () => {
    const permit = encodeTextBlock({ ...cardTextOf(sampleResident(0)), cardType: 'hkMacauTaiwanPermit' } as never);
    expect(decodeTextBlock(permit)).toMatchObject({ ok: true, text: { cardType: 'hkMacauTaiwanPermit', passNumber: '', issueCount: '' } });
  });

  it('splits a read answer into text, photo and fingerprint by the inner lengths', () => {
    const text = handMadeBlock();
    const photo = Buffer.alloc(1024, 7);
    const payload = buildReadPayload(text, photo, null);
    expect(payload.subarray(0, 4)).toEqual(Buffer.from([0x01, 0x00, 0x04, 0x00]));
    const parsed = parseReadPayload(payload, false);
    expect(parsed.ok && parsed.payload.photoWlt.equals(photo)).toBe(true);
    const withFp = parseReadPayload(buildReadPayload(text, photo, Buffer.alloc(512, 9)), true);
    expect(withFp.ok && withFp.payload.fingerprint?.length).toBe(512);
    expect(parseReadPayload(payload.subarray(0, 600), false)).toEqual({ ok: false, problem: 'length' });
  });
});
