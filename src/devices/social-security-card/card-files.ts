import iconv from 'iconv-lite';
import { bcdToString } from '../apdu/bcd';
import type { Tlv } from '../apdu/tlv';

/**
 * Where the social security card keeps the holder's data (DEVICES.md §2) and how each item is encoded.
 */
/** SSSE application name: ASCII "sx1.sh." + GBK 社会保障. */
export const SSSE_NAME = Buffer.from('7378312E73682EC9E7BBE1B1A3D5CF', 'hex');
export const MF = 0x3f00;
export const EF_ISSUER = 0xef05;
export const EF_HOLDER = 0xef06;

export type ItemEncoding = 'ascii' | 'gbk' | 'bcd' | 'hex';

export interface CardItem {
  tag: number;
  /** Value bytes on the card. */
  length: number;
  encoding: ItemEncoding;
}

export const ISSUER_ITEMS = {
  cardIdentificationCode: { tag: 0x01, length: 16, encoding: 'hex' },
  cardType: { tag: 0x02, length: 1, encoding: 'hex' },
  specVersion: { tag: 0x03, length: 4, encoding: 'ascii' },
  issueDate: { tag: 0x05, length: 4, encoding: 'bcd' },
  expiryDate: { tag: 0x06, length: 4, encoding: 'bcd' },
  cardNumber: { tag: 0x07, length: 9, encoding: 'ascii' },
} as const satisfies Record<string, CardItem>;

export const HOLDER_ITEMS = {
  socialSecurityNumber: { tag: 0x08, length: 18, encoding: 'ascii' },
  name: { tag: 0x09, length: 30, encoding: 'gbk' },
  sex: { tag: 0x0a, length: 1, encoding: 'ascii' },
  nation: { tag: 0x0b, length: 1, encoding: 'bcd' },
  birthDate: { tag: 0x0d, length: 4, encoding: 'bcd' },
  nameExtension: { tag: 0x4e, length: 20, encoding: 'gbk' },
} as const satisfies Record<string, CardItem>;

/** Decodes one item's value; text fields lose their 00 padding, BCD its F padding. */
export function decodeItem(value: Uint8Array, encoding: ItemEncoding): string {
  const trimmed = (() => {
    let end = value.length;
    while (end > 0 && (value[end - 1] === 0x00 || (encoding !== 'hex' && value[end - 1] === 0x20))) end -= 1;
    return Buffer.from(value.subarray(0, end));
  })();
  switch (encoding) {
    case 'ascii':
      return trimmed.toString('latin1').replace(/[^\x20-\x7e]/g, '?');
    case 'gbk':
      return iconv.decode(trimmed, 'gbk');
    case 'bcd':
      return bcdToString(value);
    case 'hex':
      return Buffer.from(value).toString('hex').toUpperCase();
  }
}

export function encodeItem(text: string, item: CardItem): Buffer {
  const out = Buffer.alloc(item.length, item.encoding === 'bcd' ? 0xff : 0x00);
  const raw =
    item.encoding === 'gbk'
      ? iconv.encode(text, 'gbk')
      : item.encoding === 'bcd'
        ? Buffer.from(text.padEnd(Math.ceil(text.length / 2) * 2, 'F'), 'hex')
        : item.encoding === 'hex'
          ? Buffer.from(text, 'hex')
          : Buffer.from(text, 'latin1');
  raw.copy(out, 0, 0, Math.min(raw.length, item.length));
  return out;
}

/** A file's records as a card holds them (the simulator's side): each item given a value, encoded under its tag; an item left undefined is absent from the card. */
export function encodeItems<T extends Record<string, CardItem>>(items: T, values: { readonly [K in keyof T]?: string | undefined }): Map<number, Buffer> {
  const records = new Map<number, Buffer>();
  for (const [key, item] of Object.entries(items) as Array<[keyof T, CardItem]>) {
    const value = values[key];
    if (value !== undefined) records.set(item.tag, encodeItem(value, item));
  }
  return records;
}

export function findItem(items: Tlv[], tag: number): Buffer | undefined {
  return items.find((i) => i.tag === tag)?.value;
}

export const isoDate = (yyyymmdd: string): string =>
  /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : yyyymmdd;
