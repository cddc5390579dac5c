import * as esc from './escpos';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').replace(/(..)(?!$)/g, '$1 ');

describe('ESC/POS golden sequences (DEVICES.md §3)', () => {
  it('initialise, Chinese mode, bold, alignment, sizes', () => {
    expect(hex(esc.initialise())).toBe('1b 40');
    expect(hex(esc.chineseMode(true))).toBe('1c 26');
    expect(hex(esc.chineseMode(false))).toBe('1c 2e');
    expect(hex(esc.bold(true))).toBe('1b 45 01');
    expect(hex(esc.bold(false))).toBe('1b 45 00');
    expect(hex(esc.align('left'))).toBe('1b 61 00');
    expect(hex(esc.align('center'))).toBe('1b 61 01');
    expect(hex(esc.align('right'))).toBe('1b 61 02');
    expect(hex(esc.characterSize(2, 2))).toBe('1d 21 11');
    expect(hex(esc.characterSize(1, 1))).toBe('1d 21 00');
    expect(hex(esc.chineseDoubleSize(true))).toBe('1c 21 0c');
    expect(hex(esc.feedLines(3))).toBe('1b 64 03');
  });

  it('cuts', () => {
    expect(hex(esc.cut('full'))).toBe('1d 56 00');
    expect(hex(esc.cut('partial'))).toBe('1d 56 01');
    expect(hex(esc.feedAndCut(16))).toBe('1d 56 42 10');
  });

  it('real-time status requests', () => {
    expect(hex(esc.statusRequest(1))).toBe('10 04 01');
    expect(hex(esc.statusRequest(4))).toBe('10 04 04');
  });

  it('encodes Chinese in GB18030 (two-byte GBK form for common characters)', () => {
    expect(hex(esc.encodeText('中文'))).toBe('d6 d0 ce c4');
    expect(hex(esc.encodeText('社保A1'))).toBe('c9 e7 b1 a3 41 31');
  });

  it('flags characters outside two-byte GB as unprintable', () => {
    expect(esc.unprintableCharacters('王𠀀明')).toEqual(['𠀀']);
    expect(esc.unprintableCharacters('王小明 ABC')).toEqual([]);
  });

  it('QR code: model, module size, error correction, store with pL pH = data + 3, print', () => {
    expect(hex(esc.qrCode('AB12', { moduleSize: 6, errorCorrection: 'M' }))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00',
        '1d 28 6b 03 00 31 43 06',
        '1d 28 6b 03 00 31 45 31',
        '1d 28 6b 07 00 31 50 30 41 42 31 32',
        '1d 28 6b 03 00 31 51 30',
      ].join(' '),
    );
    const long = esc.qrCode('x'.repeat(300), { moduleSize: 4, errorCorrection: 'H' });
    // store: pL pH = 303 = 0x012f
    expect(hex(long.subarray(25, 30))).toBe('1d 28 6b 2f 01');
    expect(long[24]).toBe(0x33);
  });

  it('refuses out-of-range arguments instead of sending garbage', () => {
    expect(() => esc.characterSize(0, 1)).toThrow(RangeError);
    expect(() => esc.feedLines(256)).toThrow(RangeError);
    expect(() => esc.qrCode('', { moduleSize: 4 })).toThrow(RangeError);
    expect(() => esc.qrCode('a', { moduleSize: 17 })).toThrow(RangeError);
  });

  it('accepts each limit itself and refuses one past it, naming the value', () => {
    for (const [w, h] of [[1, 8], [8, 1], [8, 8]]) expect(hex(esc.characterSize(w!, h!))).toBe(`1d 21 ${(((w! - 1) << 4) | (h! - 1)).toString(16).padStart(2, '0')}`);
    for (const [w, h] of [[9, 1], [1, 9], [1, 0], [1.5, 1], [1, 1.5]]) expect(() => esc.characterSize(w!, h!)).toThrow(new RangeError(`character size must be 1..8, got ${w}x${h}`));
    expect(hex(esc.feedLines(0))).toBe('1b 64 00');
    expect(hex(esc.feedLines(255))).toBe('1b 64 ff');
    for (const n of [-1, 256, 1.5]) expect(() => esc.feedLines(n)).toThrow(new RangeError(`feed lines must be 0..255, got ${n}`));
    expect(hex(esc.feedAndCut(0))).toBe('1d 56 42 00');
    expect(hex(esc.feedAndCut(255))).toBe('1d 56 42 ff');
    for (const n of [-1, 256, 1.5]) expect(() => esc.feedAndCut(n)).toThrow(new RangeError(`feed dots must be 0..255, got ${n}`));
    expect(esc.qrCode('x'.repeat(7089), { moduleSize: 1 }).length).toBe(5 * 5 + 4 + 3 + 3 + (3 + 7089) + 3); // five headers, five bodies
    expect(() => esc.qrCode('x'.repeat(7090), { moduleSize: 4 })).toThrow(new RangeError('QR data must be 1..7089 bytes, got 7090'));
    expect(hex(esc.qrCode('a', { moduleSize: 16 }).subarray(14, 18))).toBe('31 43 10 1d');
    for (const m of [0, 17, 1.5]) expect(() => esc.qrCode('a', { moduleSize: m })).toThrow(new RangeError(`QR module size must be 1..16, got ${m}`));
    // The default error correction is M (0x31).
    expect(esc.qrCode('a', { moduleSize: 4 })[24]).toBe(0x31);
  });

  it('flags U+0080, the first character past ASCII, which GB18030 writes in four bytes', () => {
    expect(esc.unprintableCharacters('a\u0080b')).toEqual(['\u0080']);
  });
});
