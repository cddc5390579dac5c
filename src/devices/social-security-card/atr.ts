/** The historical bytes of an ISO 7816-3 ATR (the reader API reports them); empty when the ATR is malformed. */
export function atrHistoricalBytes(atr: Uint8Array): Buffer {
  if (atr.length < 2) return Buffer.alloc(0);
  const t0 = atr[1]!;
  const k = t0 & 0x0f;
  let y = t0 >> 4;
  let i = 2;
  // Walk TA/TB/TC/TD of each level; TDi's high nibble says which follow.
  for (let guard = 0; guard < 16; guard += 1) {
    const hasTd = (y & 0x8) !== 0;
    i += (y & 0x1 ? 1 : 0) + (y & 0x2 ? 1 : 0) + (y & 0x4 ? 1 : 0);
    if (!hasTd) break;
    if (i >= atr.length) return Buffer.alloc(0);
    y = atr[i]! >> 4;
    i += 1;
  }
  if (i + k > atr.length) return Buffer.alloc(0);
  return Buffer.from(atr.subarray(i, i + k));
}
