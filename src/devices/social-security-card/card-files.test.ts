import { describe, expect, it } from '@jest/globals';
import { fromHex } from '../core/frame-log';
import { decodeItem, encodeItem, encodeItems, findItem, HOLDER_ITEMS, isoDate, ISSUER_ITEMS, type ItemEncoding } from './card-files';

const hex = (text: string) => fromHex(text)!;

describe("the card files' item encodings", () => {
  // Text loses its 00 and space padding and shows a byte outside printable ASCII as ?; BCD stops at its F padding and
  // keeps 00 and 20 bytes as digits; hex items come whole, upper case, padding included.
  it.each<[string, ItemEncoding, string]>([
    ['33 2E 30 30', 'ascii', '3.00'],
    ['41 20 42 20 00 20 00', 'ascii', 'A B'],
    ['20 7E 7F 1F E9 41', 'ascii', ' ~???A'],
    ['00 00', 'ascii', ''],
    ['D5 C5 C8 FD 00 00 00', 'gbk', '张三'],
    ['D5 C5 C8 FD 20 20', 'gbk', '张三'],
    ['20 19 06 01', 'bcd', '20190601'],
    ['19 68 03 00', 'bcd', '19680300'],
    ['20 19 06 20', 'bcd', '20190620'],
    ['01 FF', 'bcd', '01'],
    ['ab 00 20 00', 'hex', 'AB002000'],
  ])('decodes %s as %s: %j', (bytes, encoding, text) => {
    expect(decodeItem(hex(bytes), encoding)).toBe(text);
  });

  it('encodes each kind into its fixed length: text padded with 00, BCD with F, longer text cut', () => {
    expect(encodeItem('3.00', ISSUER_ITEMS.specVersion)).toStrictEqual(hex('33 2E 30 30'));
    expect(encodeItem('AB', ISSUER_ITEMS.specVersion)).toStrictEqual(hex('41 42 00 00'));
    expect(encodeItem('ABCDEF', ISSUER_ITEMS.specVersion)).toStrictEqual(hex('41 42 43 44'));
    expect(encodeItem('20190601', ISSUER_ITEMS.issueDate)).toStrictEqual(hex('20 19 06 01'));
    expect(encodeItem('201906', ISSUER_ITEMS.issueDate)).toStrictEqual(hex('20 19 06 FF'));
    expect(encodeItem('1', HOLDER_ITEMS.nation)).toStrictEqual(hex('1F'));
    expect(encodeItem('2019061', ISSUER_ITEMS.issueDate)).toStrictEqual(hex('20 19 06 1F'));
    expect(encodeItem('张三', HOLDER_ITEMS.name)).toStrictEqual(Buffer.concat([hex('D5 C5 C8 FD'), Buffer.alloc(26)]));
    expect(encodeItem('0A', ISSUER_ITEMS.cardType)).toStrictEqual(hex('0A'));
    expect(encodeItem('é', HOLDER_ITEMS.sex)).toStrictEqual(hex('E9'));
  });

  it('round-trips every item of both files', () => {
    const values = { cardIdentificationCode: '0123456789ABCDEF0123456789ABCDEF', cardType: '03', specVersion: '3.00', issueDate: '20190601', expiryDate: '20290601', cardNumber: 'A12345678' };
    const records = encodeItems(ISSUER_ITEMS, values);
    for (const [key, item] of Object.entries(ISSUER_ITEMS)) expect(decodeItem(records.get(item.tag)!, item.encoding)).toBe(values[key as keyof typeof values]);
  });

  it('keeps the records under their tags and leaves out an item without a value', () => {
    const records = encodeItems(HOLDER_ITEMS, { socialSecurityNumber: '140105196803120015', sex: '1', nation: '01', birthDate: undefined });
    expect([...records.keys()]).toStrictEqual([0x08, 0x0a, 0x0b]);
    expect(records.get(0x0a)).toStrictEqual(hex('31'));
    expect(records.get(0x0b)).toStrictEqual(hex('01'));
  });

  it('finds an item by its tag among TLV records', () => {
    const items = [
      { tag: 0x08, value: hex('31') },
      { tag: 0x09, value: hex('32') },
    ];
    expect(findItem(items, 0x09)).toStrictEqual(hex('32'));
    expect(findItem(items, 0x0a)).toBeUndefined();
  });

  it('writes an eight-digit date as YYYY-MM-DD and leaves anything else as it came', () => {
    expect(isoDate('20190601')).toBe('2019-06-01');
    for (const other of ['2019060', '201906011', 'x20190601', '20190601x', '2019-06-01', '']) expect(isoDate(other)).toBe(other);
  });
});
