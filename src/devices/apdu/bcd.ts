/** Packed BCD, right-padded with F nibbles (social security card dates and PINs). */
export function bcdToString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    for (const nibble of [b >> 4, b & 0x0f]) {
      if (nibble === 0x0f) return out;
      out += nibble <= 9 ? String(nibble) : '?';
    }
  }
  return out;
}

export function stringToBcd(digits: string, bytes = Math.ceil(digits.length / 2)): Buffer {
  if (!/^\d*$/.test(digits)) throw new RangeError('BCD takes digits only');
  const padded = digits.padEnd(bytes * 2, 'F');
  return Buffer.from(padded, 'hex');
}
