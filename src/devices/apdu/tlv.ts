/** Simple TLV (tag 1 byte, length 1 byte) as used in the social security card's records. Never throws. */
export interface Tlv {
  tag: number;
  value: Buffer;
}

export function parseTlv(bytes: Uint8Array): { items: Tlv[]; trailing: number } {
  const items: Tlv[] = [];
  let i = 0;
  while (i + 2 <= bytes.length) {
    const tag = bytes[i]!;
    const len = bytes[i + 1]!;
    if (i + 2 + len > bytes.length) break;
    items.push({ tag, value: Buffer.from(bytes.subarray(i + 2, i + 2 + len)) });
    i += 2 + len;
  }
  return { items, trailing: bytes.length - i };
}

export function encodeTlv(tag: number, value: Uint8Array): Buffer {
  if (value.length > 255) throw new RangeError('TLV value longer than 255 bytes');
  return Buffer.concat([Buffer.from([tag, value.length]), Buffer.from(value)]);
}
