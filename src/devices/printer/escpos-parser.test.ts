import * as esc from './escpos';
import { EscPosParser, type EscPosCommand } from './escpos-parser';

// Every command the kiosk's encoder writes, read back by the printer's side, whole and one byte at a time.
const stream = esc.concatBytes([
  esc.initialise(),
  esc.chineseMode(true),
  esc.bold(true),
  esc.bold(false),
  esc.align('left'),
  esc.align('center'),
  esc.align('right'),
  esc.characterSize(2, 3),
  esc.chineseDoubleSize(true),
  esc.chineseDoubleSize(false),
  esc.encodeText('中文A1\n'),
  esc.feedLines(3),
  esc.cut('full'),
  esc.cut('partial'),
  esc.feedAndCut(16),
  esc.statusRequest(2),
  esc.qrCode('AB', { moduleSize: 6 }),
  Uint8Array.of(0x07),
  esc.chineseMode(false),
  esc.encodeText('tail'),
]);

const expected: EscPosCommand[] = [
  { type: 'init' },
  { type: 'chineseMode', on: true },
  { type: 'bold', on: true },
  { type: 'bold', on: false },
  { type: 'align', value: 'left' },
  { type: 'align', value: 'center' },
  { type: 'align', value: 'right' },
  { type: 'size', width: 2, height: 3 },
  { type: 'chineseDouble', on: true },
  { type: 'chineseDouble', on: false },
  { type: 'text', text: '中文A1' },
  { type: 'lineFeed' },
  { type: 'feed', lines: 3 },
  { type: 'cut', mode: 'full' },
  { type: 'cut', mode: 'partial' },
  { type: 'cut', mode: 'partial', feedDots: 16 },
  { type: 'statusRequest', n: 2 },
  { type: 'qr', fn: 0x41, data: Uint8Array.of(0x32, 0x00) },
  { type: 'qr', fn: 0x43, data: Uint8Array.of(6) },
  { type: 'qr', fn: 0x45, data: Uint8Array.of(0x31) },
  { type: 'qr', fn: 0x50, data: Uint8Array.of(0x30, 0x41, 0x42) },
  { type: 'qr', fn: 0x51, data: Uint8Array.of(0x30) },
  { type: 'unknown', bytes: Uint8Array.of(0x07) },
  { type: 'chineseMode', on: false },
  { type: 'text', text: 'tail' },
];

describe('ESC/POS parser reads back what the encoder writes', () => {
  it('in one chunk', () => {
    const parser = new EscPosParser();
    expect([...parser.push(stream), ...parser.flush()]).toEqual(expected);
  });

  it('one byte at a time', () => {
    const parser = new EscPosParser();
    const out: EscPosCommand[] = [];
    for (const b of stream) out.push(...parser.push(Uint8Array.of(b)));
    expect([...out, ...parser.flush()]).toEqual(expected);
  });
});

// The parser's edges the encoder never reaches: commands a real driver may send, text split across chunks, bytes left
// at the end of the stream. Exact commands, compared strictly (an extra `feedDots: undefined` is a difference).
function parseAll(...chunks: number[][]): EscPosCommand[] {
  const parser = new EscPosParser();
  const out: EscPosCommand[] = [];
  for (const chunk of chunks) out.push(...parser.push(Uint8Array.from(chunk)));
  return [...out, ...parser.flush()];
}

function pushOnly(bytes: number[]): EscPosCommand[] {
  return new EscPosParser().push(Uint8Array.from(bytes));
}

const unknown = (...bytes: number[]): EscPosCommand => ({ type: 'unknown', bytes: Uint8Array.from(bytes) });
const A = 0x41;

describe('ESC/POS parser: commands the encoder never writes', () => {
  // Each row: a driver's stream of commands the encoder never writes, each followed by a printable byte, and what the
  // parser reads from it (the text after each command proves the command took exactly its own bytes).
  it.each<{ reads: string; bytes: number[]; commands: EscPosCommand[] }>([
    {
      // ESC ! n (print mode) and ESC M n (font) carry an argument; ESC 2 (default spacing) and ESC < do not.
      reads: 'known lengths of foreign ESC commands and takes two bytes for the rest',
      bytes: [0x1b, 0x21, 0x08, A, 0x1b, 0x4d, 0x01, A, 0x1b, 0x32, A, 0x1b, 0x3c, A],
      commands: [unknown(0x1b, 0x21, 0x08), unknown(0x1b, 0x4d, 0x01), unknown(0x1b, 0x32), unknown(0x1b, 0x3c)],
    },
    {
      reads: 'two bytes for an FS or GS command it does not know',
      bytes: [0x1c, 0x7f, A, 0x1d, 0x3a, A],
      commands: [unknown(0x1c, 0x7f), unknown(0x1d, 0x3a)],
    },
  ])('reads $reads', ({ bytes, commands }) => {
    expect(parseAll([...bytes, 0x0a])).toStrictEqual([...commands.flatMap((c) => [c, { type: 'text', text: 'A' }]), { type: 'lineFeed' }]);
  });

  it('does not read a command byte under another prefix as that command', () => {
    // Each second byte means something after one prefix only: @ E a d after ESC, & . ! after FS, ! V after GS, EOT after DLE.
    expect(
      parseAll([
        0x1d, 0x40, 0x1d, 0x45, 0x1c, 0x61, 0x1d, 0x64, 0x1b, 0x26, 0x1b, 0x2e, 0x1b, 0x56, 0x01, 0x1b, 0x04, 0x10, 0x05, 0x01, 0x1b, 0x28,
      ]),
    ).toStrictEqual([
      unknown(0x1d, 0x40),
      unknown(0x1d, 0x45),
      unknown(0x1c, 0x61),
      unknown(0x1d, 0x64),
      unknown(0x1b, 0x26),
      unknown(0x1b, 0x2e),
      unknown(0x1b, 0x56, 0x01),
      unknown(0x1b, 0x04),
      unknown(0x10, 0x05, 0x01),
      unknown(0x1b, 0x28),
    ]);
    // V and ( are measured from their arguments after GS only: after FS or ESC they are two bytes, known at once.
    expect(parseAll([0x1c, 0x56, 0x1b, 0x40])).toStrictEqual([unknown(0x1c, 0x56), { type: 'init' }]);
    expect(pushOnly([0x1b, 0x28])).toStrictEqual([unknown(0x1b, 0x28)]);
  });

  it("reads a driver's fixed-length commands whole, so no argument byte is printed as text", () => {
    // Each argument is a printable byte (or a GB18030 lead): read as two bytes, the command would print it.
    const commands = [
      [0x1b, 0x20, 0x30], // ESC SP n: right-side spacing
      [0x1b, 0x24, 0x30, 0x31], // ESC $ nL nH: absolute position
      [0x1b, 0x2d, 0x31], // ESC - n: underline
      [0x1b, 0x33, 0x30], // ESC 3 n: line spacing
      [0x1b, 0x47, 0x31], // ESC G n: double strike
      [0x1b, 0x4a, 0x40], // ESC J n: feed n dots
      [0x1b, 0x52, 0x30], // ESC R n: international set
      [0x1b, 0x70, 0x30, 0x32, 0xfa], // ESC p m t1 t2: drawer kick
      [0x1b, 0x74, 0x30], // ESC t n: code page
      [0x1b, 0x7b, 0x31], // ESC { n: upside down
      [0x1c, 0x2d, 0x31], // FS - n: Chinese underline
      [0x1c, 0x57, 0x31], // FS W n: Chinese quadruple size
      [0x1d, 0x42, 0x31], // GS B n: reverse
      [0x1d, 0x48, 0x32], // GS H n: barcode text position
      [0x1d, 0x49, 0x41], // GS I n: printer ID
      [0x1d, 0x4c, 0x30, 0x31], // GS L nL nH: left margin
      [0x1d, 0x57, 0x40, 0x32], // GS W nL nH: print area width
      [0x1d, 0x61, 0xff], // GS a n: automatic status back
      [0x1d, 0x66, 0x31], // GS f n: barcode text font
      [0x1d, 0x68, 0x50], // GS h n: barcode height
      [0x1d, 0x72, 0x31], // GS r n: transmit status
      [0x1d, 0x77, 0x33], // GS w n: barcode width
      [0x10, 0x05, 0x32], // DLE ENQ n: recover from an error
      [0x10, 0x14, 0x31, 0x30, 0x38], // DLE DC4 fn m t: real-time drawer pulse
    ];
    expect(parseAll(commands.flat(), [A])).toStrictEqual([...commands.map((c) => unknown(...c)), { type: 'text', text: 'A' }]);
  });

  it('reads images and barcodes to their real length, so no image or barcode byte is printed as text', () => {
    const data = (n: number) => Array.from({ length: n }, (_, i) => 0x41 + (i % 26));
    const commands = [
      [0x1b, 0x2a, 0x00, 0x03, 0x00, ...data(3)], // ESC * 0: 8-dot single density, 3 columns of one byte
      [0x1b, 0x2a, 0x01, 0x02, 0x00, ...data(2)], // ESC * 1: 8-dot double density
      [0x1b, 0x2a, 0x20, 0x02, 0x00, ...data(6)], // ESC * 32: 24-dot, three bytes a column
      [0x1b, 0x2a, 0x21, 0x01, 0x01, ...data(3 * 257)], // ESC * 33 with nH: 257 columns
      [0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, ...data(6)], // GS v 0: 2 bytes wide, 3 dots high
      [0x1d, 0x76, 0x30, 0x03, 0x01, 0x01, 0x01, 0x00, ...data(257)], // xH: 257 bytes wide, 1 dot high
      [0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x00, 0x01, ...data(256)], // yH: 1 byte wide, 256 dots high
      [0x1d, 0x6b, 0x04, 0x41, 0x31, 0x00], // GS k 4 (CODE39) "A1" NUL
      [0x1d, 0x6b, 0x00, 0x00], // GS k 0 with no data
      [0x1d, 0x6b, 0x06, ...data(255), 0x00], // the longest NUL-ended barcode
      [0x1d, 0x6b, 0x41, 0x03, 0x30, 0x31, 0x32], // GS k 65 (UPC-A) n = 3
      [0x1d, 0x6b, 0x49, 0x02, 0x7b, 0x42], // GS k 73 (CODE128) n = 2
      [0x1d, 0x6b, 0x07], // GS k 7: no such barcode, the command alone
      [0x1d, 0x6b, 0x40], // GS k 64: neither
      [0x1d, 0x6b, 0x4a], // GS k 74: neither
      [0x1c, 0x70, 0x01, 0x30], // FS p n m: print NV image 1
    ];
    expect(parseAll(commands.flat(), [A])).toStrictEqual([...commands.map((c) => unknown(...c)), { type: 'text', text: 'A' }]);
    // One byte at a time: each waits for its last byte.
    const parser = new EscPosParser();
    const out = commands.flat().flatMap((b) => parser.push(Uint8Array.of(b)));
    expect([...out, ...parser.flush()]).toStrictEqual(commands.map((c) => unknown(...c)));
  });

  it('takes a NUL-ended barcode without its NUL as its three command bytes once 256 data bytes have come, and waits until then', () => {
    const noNul = Array.from({ length: 256 }, () => 0x31);
    expect(parseAll([0x1d, 0x6b, 0x04, ...noNul])).toStrictEqual([unknown(0x1d, 0x6b, 0x04), { type: 'text', text: '1'.repeat(256) }]);
    expect(pushOnly([0x1d, 0x6b, 0x04, ...noNul.slice(1)])).toStrictEqual([]);
    expect(pushOnly([0x1d, 0x6b, 0x04, 0x41, 0x00])).toStrictEqual([unknown(0x1d, 0x6b, 0x04, 0x41, 0x00)]);
    expect(pushOnly([0x1d, 0x6b])).toStrictEqual([]);
    expect(pushOnly([0x1d, 0x6b, 0x41])).toStrictEqual([]);
    expect(pushOnly([0x1b, 0x2a, 0x00, 0x01])).toStrictEqual([]);
    expect(pushOnly([0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01])).toStrictEqual([]);
  });

  it('reads GS v without the 0 of a raster image, and ESC * with no columns, as their own bytes', () => {
    expect(parseAll([0x1d, 0x76, 0x31, A])).toStrictEqual([unknown(0x1d, 0x76), { type: 'text', text: '1A' }]);
    expect(parseAll([0x1b, 0x2a, 0x21, 0x00, 0x00, A])).toStrictEqual([unknown(0x1b, 0x2a, 0x21, 0x00, 0x00), { type: 'text', text: 'A' }]);
    expect(parseAll([0x1d, 0x76, 0x30, 0x00, 0x05, 0x00, 0x00, 0x00, A])).toStrictEqual([unknown(0x1d, 0x76, 0x30, 0x00, 0x05, 0x00, 0x00, 0x00), { type: 'text', text: 'A' }]);
  });

  it('returns an image or barcode that ends exactly where the chunk ends, without waiting for more', () => {
    expect(pushOnly([0x1b, 0x2a, 0x00, 0x00, 0x00])).toStrictEqual([unknown(0x1b, 0x2a, 0x00, 0x00, 0x00)]);
    expect(pushOnly([0x1d, 0x76, 0x31])).toStrictEqual([unknown(0x1d, 0x76)]);
    expect(pushOnly([0x1d, 0x76, 0x30, 0x00, 0x00, 0x00, 0x00, 0x00])).toStrictEqual([unknown(0x1d, 0x76, 0x30, 0x00, 0x00, 0x00, 0x00, 0x00)]);
    expect(pushOnly([0x1d, 0x6b, 0x07])).toStrictEqual([unknown(0x1d, 0x6b, 0x07)]);
    expect(pushOnly([0x1d, 0x6b, 0x41, 0x00])).toStrictEqual([unknown(0x1d, 0x6b, 0x41, 0x00)]);
  });

  it('reads *, v and k under another prefix as two-byte commands, not as an image or a barcode', () => {
    expect(parseAll([0x1c, 0x2a, A, 0x0a])).toStrictEqual([unknown(0x1c, 0x2a), { type: 'text', text: 'A' }, { type: 'lineFeed' }]);
    expect(parseAll([0x1b, 0x76, 0x30, 0x0a])).toStrictEqual([unknown(0x1b, 0x76), { type: 'text', text: '0' }, { type: 'lineFeed' }]);
    expect(parseAll([0x1b, 0x6b, 0x31, A, 0x0a])).toStrictEqual([unknown(0x1b, 0x6b), { type: 'text', text: '1A' }, { type: 'lineFeed' }]);
  });

  it('reads every full and partial cut form with its feed', () => {
    expect(
      parseAll([0x1d, 0x56, 0x30, 0x1d, 0x56, 0x31, 0x1d, 0x56, 0x01, 0x1d, 0x56, 0x41, 0x05, 0x1d, 0x56, 0x42, 0x00]),
    ).toStrictEqual([
      { type: 'cut', mode: 'full' },
      { type: 'cut', mode: 'partial' },
      { type: 'cut', mode: 'partial' },
      { type: 'cut', mode: 'full', feedDots: 5 },
      { type: 'cut', mode: 'partial', feedDots: 0 },
    ]);
  });

  it('ignores a carriage return', () => {
    expect(parseAll([A, 0x0d, 0x0a, 0x0d])).toStrictEqual([{ type: 'text', text: 'A' }, { type: 'lineFeed' }]);
  });
});

describe('ESC/POS parser: the QR function guards', () => {
  it('reads a QR store longer than 255 bytes (pH counts 256)', () => {
    const payload = Array.from({ length: 297 }, (_, k) => 0x30 + (k % 10));
    // pL pH = 300 = 0x012c: cn fn m and the 297 bytes.
    const out = parseAll([0x1d, 0x28, 0x6b, 0x2c, 0x01, 0x31, 0x50, 0x30, ...payload, A]);
    expect(out).toStrictEqual([
      { type: 'qr', fn: 0x50, data: Uint8Array.from([0x30, ...payload]) },
      { type: 'text', text: 'A' },
    ]);
  });

  it('refuses GS ( commands that are not a QR function, or too short to name one', () => {
    expect(
      parseAll(
        [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x30, 0x41, 0x03], // GS ( k for PDF417 (cn 0x30)
        [0x1d, 0x28, 0x4d, 0x02, 0x00, 0x31, 0x01], // GS ( M: load settings, n = 0x31
        [0x1d, 0x28, 0x6b, 0x01, 0x00, 0x31], // cn without a function
        [0x1d, 0x28, 0x6b, 0x00, 0x00], // no parameters at all
      ),
    ).toStrictEqual([
      unknown(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x30, 0x41, 0x03),
      unknown(0x1d, 0x28, 0x4d, 0x02, 0x00, 0x31, 0x01),
      unknown(0x1d, 0x28, 0x6b, 0x01, 0x00, 0x31),
      unknown(0x1d, 0x28, 0x6b, 0x00, 0x00),
    ]);
  });

  it('reads the shortest QR function, with no data', () => {
    expect(parseAll([0x1d, 0x28, 0x6b, 0x02, 0x00, 0x31, 0x51])).toStrictEqual([
      { type: 'qr', fn: 0x51, data: new Uint8Array(0) },
    ]);
  });
});

describe('ESC/POS parser: commands complete at the end of a chunk', () => {
  it('returns a command that ends exactly where the chunk ends, without waiting for more', () => {
    expect(pushOnly([0x1b, 0x40])).toStrictEqual([{ type: 'init' }]);
    expect(pushOnly([0x1d, 0x56, 0x00])).toStrictEqual([{ type: 'cut', mode: 'full' }]);
    expect(pushOnly([0x1d, 0x28, 0x6b, 0x00, 0x00])).toStrictEqual([unknown(0x1d, 0x28, 0x6b, 0x00, 0x00)]);
  });

  it('returns a command cut off at flush as unknown bytes', () => {
    expect(parseAll([A, 0x1d, 0x56])).toStrictEqual([{ type: 'text', text: 'A' }, unknown(0x1d, 0x56)]);
    expect(parseAll([0x1b])).toStrictEqual([unknown(0x1b)]);
  });
});

describe('ESC/POS parser: Chinese text split into two- and four-byte characters', () => {
  it('keeps a control byte after a two-byte character apart from it', () => {
    // 中 = D6 D0; read as a four-byte character it would swallow "A" and the line feed.
    expect(parseAll([0xd6, 0xd0, A, 0x0a])).toStrictEqual([{ type: 'text', text: '中A' }, { type: 'lineFeed' }]);
  });

  it('returns a whole character at the end of a chunk as text, not pending', () => {
    expect(parseAll([0xd6, 0xd0])).toStrictEqual([{ type: 'text', text: '中' }]);
    expect(parseAll([0x81, 0x39, 0xee, 0x39])).toStrictEqual([{ type: 'text', text: '㐀' }]);
  });

  it('reads a four-byte character split across chunks', () => {
    expect(parseAll([0x81, 0x39], [0xee, 0x39, 0x0a])).toStrictEqual([{ type: 'text', text: '㐀' }, { type: 'lineFeed' }]);
  });

  it('returns a character cut off at flush as unknown bytes, at both ends of the four-byte range', () => {
    // Second byte 0x30 and 0x39 both mark a four-byte character; two of its bytes are not a character.
    expect(parseAll([0x81, 0x30, 0x81])).toStrictEqual([unknown(0x81, 0x30, 0x81)]);
    expect(parseAll([0x81, 0x39, 0xee])).toStrictEqual([unknown(0x81, 0x39, 0xee)]);
    expect(parseAll([0xd6])).toStrictEqual([unknown(0xd6)]);
  });

  it('reads bytes one by one after FS . and as characters again after ESC @', () => {
    // A lone lead byte: kept as text in single-byte mode, held as a cut-off character in Chinese mode.
    expect(parseAll([0x1c, 0x2e, 0xd6], [0x1b, 0x40, 0xd6])).toStrictEqual([
      { type: 'chineseMode', on: false },
      { type: 'text', text: '\ufffd' }, // a lone lead byte, decoded as the replacement character
      { type: 'init' },
      unknown(0xd6),
    ]);
  });
});

describe('ESC/POS parser: a broken Chinese character does not swallow what follows', () => {
  it('takes a lead byte alone when a line feed or command comes next', () => {
    expect(parseAll([0xd6, 0x0a, A, 0x0a])).toStrictEqual([
      { type: 'text', text: '\ufffd' },
      { type: 'lineFeed' },
      { type: 'text', text: 'A' },
      { type: 'lineFeed' },
    ]);
    expect(parseAll([0xd6, 0x1b, 0x40, A])).toStrictEqual([{ type: 'text', text: '\ufffd' }, { type: 'init' }, { type: 'text', text: 'A' }]);
  });

  it('takes a lead byte alone when a control byte comes inside a four-byte character', () => {
    expect(parseAll([0x81, 0x30, 0x0a])).toStrictEqual([{ type: 'text', text: '\ufffd0' }, { type: 'lineFeed' }]);
    expect(parseAll([0x81, 0x30, 0x81, 0x1d, 0x56, 0x00])).toStrictEqual([
      { type: 'text', text: '\ufffd0\ufffd' },
      { type: 'cut', mode: 'full' },
    ]);
  });

  it('reads a four-byte character at the end of the stream whole', () => {
    expect(parseAll([0x81, 0x30, 0x81, 0x30])).toStrictEqual([{ type: 'text', text: '\u0080' }]);
  });

  it('reads a second byte just below the digits as a two-byte pair, not a four-byte character cut off', () => {
    expect(parseAll([0xd6, 0x2f])).toStrictEqual([{ type: 'text', text: '\ufffd/' }]);
  });

  it('takes only 0x81..0xFE as lead bytes', () => {
    // 0x80 alone is the euro sign; 0xFF is no character; a lead byte at the stream's end is a character cut off.
    expect(parseAll([0x80])).toStrictEqual([{ type: 'text', text: '€' }]);
    expect(parseAll([0xff])).toStrictEqual([{ type: 'text', text: '\ufffd' }]);
    expect(parseAll([0x81])).toStrictEqual([unknown(0x81)]);
    expect(parseAll([0xfe])).toStrictEqual([unknown(0xfe)]);
  });
});
