import fc from 'fast-check';
import { fromHex, toHex } from '../core/frame-log';
import { apdu, decodeCommandApdu, encodeApdu, encodeResponseApdu, parseResponseApdu } from './apdu';
import { bcdToString, stringToBcd } from './bcd';
import { CardChannel, type ApduTransport } from './card-channel';
import { describeSw } from './status-words';
import enCardReaders from '../../shared/locales/en/card-readers.json';
import zhCardReaders from '../../shared/locales/zh-CN/card-readers.json';
import { encodeTlv, parseTlv } from './tlv';
import { SSSE_NAME } from '../social-security-card/card-files';

describe('APDU layer', () => {
  // Golden commands from DEVICES.md §2.
  it('encodes the published SELECT, READ RECORD and VERIFY commands', () => {
    expect(toHex(encodeApdu(apdu.selectByName(SSSE_NAME)))).toBe('00 A4 04 00 0F 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF');
    expect(toHex(encodeApdu(apdu.selectFile(0xef05)))).toBe('00 A4 02 00 02 EF 05');
    expect(toHex(encodeApdu({ cla: 0, ins: 0xb2, p1: 0x4e, p2: 0x30, le: 0x16 }))).toBe('00 B2 4E 30 16');
    expect(toHex(encodeApdu(apdu.verify(stringToBcd('123456'))))).toBe('00 20 00 00 03 12 34 56');
    expect(toHex(encodeApdu(apdu.getResponse(0x20)))).toBe('00 C0 00 00 20');
  });

  it('decodes the published EF05 answer (卡识别码) and its status word', () => {
    const r = parseResponseApdu(fromHex('01 10 33 03 00 D1 56 00 00 05 99 11 01 45 FF FF FF FF 90 00')!)!;
    expect(r.sw).toBe(0x9000);
    const tlv = parseTlv(r.data);
    expect(tlv.items[0]!.tag).toBe(1);
    expect(tlv.items[0]!.value.toString('hex').toUpperCase()).toBe('330300D15600000599110145FFFFFFFF');
    expect(parseTlv(fromHex('03 04 33 2E 30 30')!).items[0]!.value.toString('ascii')).toBe('3.00');
  });

  it('types the status words', () => {
    expect(describeSw(0x63c2)).toMatchObject({ outcome: 'pinWrong', value: 2, error: 'pin_wrong' });
    expect(describeSw(0x6983)).toMatchObject({ outcome: 'pinBlocked', error: 'pin_blocked' });
    expect(describeSw(0x6110)).toMatchObject({ outcome: 'moreData', value: 16 });
    expect(describeSw(0x6c12)).toMatchObject({ outcome: 'wrongLe', value: 18 });
    expect(describeSw(0x6a82)).toMatchObject({ outcome: 'fileNotFound', messageKey: 'card-readers:apdu.sw.fileNotFound' });
    expect(describeSw(0x1234)).toMatchObject({ outcome: 'unknown', error: 'card_unreadable' });
  });

  it('gives every fixed status word its outcome and KioskError, with words in both languages', () => {
    // As the old switch had them (ISO 7816-4): status word, outcome, KioskError (- for none).
    const expected = `
      9000 ok                     -
      6300 verifyFailed           pin_wrong
      6983 pinBlocked             pin_blocked
      6982 securityNotSatisfied   card_unreadable
      6985 conditionsNotSatisfied card_unreadable
      6A82 fileNotFound           card_unsupported
      6A83 recordNotFound         card_unsupported
      6A86 wrongParameters        device_error
      6B00 wrongParameters        device_error
      6700 wrongLength            device_error
      6D00 insNotSupported        card_unsupported
      6E00 claNotSupported        card_unsupported
      6581 memoryFailure          card_unreadable`
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/) as [string, string, string])
      .map(([sw, outcome, error]) => [parseInt(sw, 16), outcome, error === '-' ? null : error] as const);
    expect(expected).toHaveLength(13);
    for (const [sw, outcome, error] of expected) {
      const meaning = describeSw(sw);
      expect({ sw, outcome: meaning.outcome, error: meaning.error }).toEqual({ sw, outcome, error });
      for (const words of [enCardReaders, zhCardReaders]) expect((words.apdu.sw as Record<string, string>)[outcome]).toEqual(expect.any(String));
    }
  });

  it('packs BCD with F padding', () => {
    expect(bcdToString(fromHex('20 19 06 01')!)).toBe('20190601');
    expect(bcdToString(fromHex('01 FF')!)).toBe('01');
    expect(stringToBcd('123', 3).toString('hex')).toBe('123fff');
  });

  it('round-trips any short APDU and never throws decoding random bytes', () => {
    fc.assert(
      fc.property(fc.record({ cla: fc.nat(255), ins: fc.nat(255), p1: fc.nat(255), p2: fc.nat(255), data: fc.option(fc.uint8Array({ minLength: 1, maxLength: 255 }), { nil: undefined }), le: fc.option(fc.integer({ min: 1, max: 256 }), { nil: undefined }) }), (c) => {
        const decoded = decodeCommandApdu(encodeApdu(c));
        // Exactly what went in: the data bytes too, and no field that was not there.
        expect(decoded).toEqual({ cla: c.cla, ins: c.ins, p1: c.p1, p2: c.p2, ...(c.data === undefined ? {} : { data: Buffer.from(c.data) }), ...(c.le === undefined ? {} : { le: c.le }) });
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      decodeCommandApdu(bytes);
      parseResponseApdu(bytes);
      parseTlv(bytes);
    }));
  });

  it('follows 6Cxx with the right Le and 61xx with GET RESPONSE', async () => {
    const sent: string[] = [];
    const transport: ApduTransport = {
      transmit: async (command) => {
        const hex = toHex(command);
        sent.push(hex);
        if (hex === '00 B2 01 04 05') return fromHex('6C 04')!;
        if (hex === '00 B2 01 04 04') return fromHex('61 04')!;
        if (hex === '00 C0 00 00 04') return fromHex('01 02 AB CD 90 00')!;
        return fromHex('6A 82')!;
      },
    };
    const response = await new CardChannel(transport).send(apdu.readRecord(1, 5));
    expect(sent).toEqual(['00 B2 01 04 05', '00 B2 01 04 04', '00 C0 00 00 04']);
    expect(response).toMatchObject({ sw: 0x9000 });
    expect(toHex(response.data)).toBe('01 02 AB CD');
  });
});

describe('APDU length and byte checks, each boundary on both sides', () => {
  const head = { cla: 0x00, ins: 0xb0, p1: 0x01, p2: 0x02 };

  it('refuses a header field that is not a byte, naming it', () => {
    for (const name of ['cla', 'ins', 'p1', 'p2'] as const) {
      for (const bad of [-1, 256, 1.5]) expect(() => encodeApdu({ ...head, [name]: bad })).toThrow(`APDU ${name} must be a byte, got ${bad}`);
      expect(encodeApdu({ ...head, [name]: 255 })).toHaveLength(4);
    }
  });

  it('sends no Lc for empty data, up to 255 data bytes, and refuses 256', () => {
    expect(encodeApdu({ ...head, data: new Uint8Array(0) })).toEqual(Buffer.from([0x00, 0xb0, 0x01, 0x02]));
    expect(encodeApdu(head)).toEqual(Buffer.from([0x00, 0xb0, 0x01, 0x02]));
    const full = encodeApdu({ ...head, data: new Uint8Array(255).fill(7) });
    expect([full.length, full[4], full[259]]).toEqual([260, 255, 7]);
    expect(() => encodeApdu({ ...head, data: new Uint8Array(256) })).toThrow('APDU data longer than 255 bytes needs extended length');
  });

  it('takes Le from 1 to 256 (256 sent as 00) and refuses 0 and 257', () => {
    expect(encodeApdu({ ...head, le: 1 })).toEqual(Buffer.from([0x00, 0xb0, 0x01, 0x02, 0x01]));
    expect(encodeApdu({ ...head, le: 256 })).toEqual(Buffer.from([0x00, 0xb0, 0x01, 0x02, 0x00]));
    expect(() => encodeApdu({ ...head, le: 0 })).toThrow('APDU le must be 1..256, got 0');
    expect(() => encodeApdu({ ...head, le: 257 })).toThrow('APDU le must be 1..256, got 257');
  });

  it('decodes each case and refuses an Lc that disagrees with the length by one either way', () => {
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1]))).toBeNull();
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2]))).toEqual(head);
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 0]))).toEqual({ ...head, le: 256 });
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 0x10]))).toEqual({ ...head, le: 16 });
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 0, 9]))).toBeNull();
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 2, 9, 8]))).toEqual({ ...head, data: Buffer.from([9, 8]) });
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 2, 9, 8, 0]))).toEqual({ ...head, data: Buffer.from([9, 8]), le: 256 });
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 2, 9, 8, 0x20]))).toEqual({ ...head, data: Buffer.from([9, 8]), le: 32 });
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 3, 9, 8]))).toBeNull();
    expect(decodeCommandApdu(Buffer.from([0, 0xb0, 1, 2, 1, 9, 8, 7]))).toBeNull();
  });

  it('a response needs its two status bytes; the data is everything before them', () => {
    expect(parseResponseApdu(Buffer.from([0x90]))).toBeNull();
    expect(parseResponseApdu(Buffer.from([0x90, 0x00]))).toEqual({ data: Buffer.alloc(0), sw1: 0x90, sw2: 0x00, sw: 0x9000 });
    expect(parseResponseApdu(encodeResponseApdu(Buffer.from([1, 2, 3]), 0x6a82))).toEqual({ data: Buffer.from([1, 2, 3]), sw1: 0x6a, sw2: 0x82, sw: 0x6a82 });
  });

  it('READ BINARY puts the offset in P1 (15 bits) and P2', () => {
    expect(apdu.readBinary(0x1234, 0x80)).toEqual({ cla: 0x00, ins: 0xb0, p1: 0x12, p2: 0x34, le: 0x80 });
    expect(apdu.readBinary(0xffff, 1)).toMatchObject({ p1: 0x7f, p2: 0xff });
  });
});

describe('TLV, BCD and status word edges', () => {
  it('parses TLV items end to end, an empty value included, and counts what a cut-off item leaves', () => {
    const hex = (b: Buffer) => b.toString('hex');
    const whole = parseTlv(fromHex('01 02 AA BB 05 00 02 01 CC')!);
    expect(whole.items.map((t) => [t.tag, hex(t.value)])).toEqual([[1, 'aabb'], [5, ''], [2, 'cc']]);
    expect(whole.trailing).toBe(0);
    const cut = parseTlv(fromHex('01 01 AA 02 05 BB')!); // the second item says 5 bytes, 1 follows
    expect(cut.items.map((t) => [t.tag, hex(t.value)])).toEqual([[1, 'aa']]);
    expect(cut.trailing).toBe(3);
    expect(parseTlv(fromHex('01 01 AA 02')!)).toMatchObject({ trailing: 1 });
    const emptyLast = parseTlv(fromHex('01 01 AA 05 00')!); // an empty item as the last two bytes
    expect(emptyLast.items.map((t) => [t.tag, hex(t.value)])).toEqual([[1, 'aa'], [5, '']]);
    expect(emptyLast.trailing).toBe(0);
    expect(toHex(encodeTlv(0x03, Uint8Array.of(1, 2)))).toBe('03 02 01 02');
    expect(encodeTlv(0x03, new Uint8Array(255)).subarray(0, 2)).toEqual(Buffer.from([0x03, 0xff]));
    expect(() => encodeTlv(0x03, new Uint8Array(256))).toThrow(new RangeError('TLV value longer than 255 bytes'));
  });

  it('reads a nibble above 9 as "?", and writes digits only', () => {
    expect(bcdToString(Uint8Array.of(0x1a, 0x2f))).toBe('1?2');
    expect(bcdToString(Uint8Array.of(0x19, 0x90))).toBe('1990');
    for (const bad of ['12a', 'a12', '1 2']) expect(() => stringToBcd(bad)).toThrow(new RangeError('BCD takes digits only'));
  });

  it('gives a value only where the status word carries one, 256 for a zero count, and a PIN count only after 63', () => {
    expect(Object.keys(describeSw(0x9000))).toEqual(['sw', 'outcome', 'error', 'messageKey']);
    expect(describeSw(0x6100)).toMatchObject({ outcome: 'moreData', value: 256 });
    expect(describeSw(0x6c00)).toMatchObject({ outcome: 'wrongLe', value: 256 });
    expect(describeSw(0x64c1).outcome).not.toBe('pinWrong');
  });
});
