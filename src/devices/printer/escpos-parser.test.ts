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
