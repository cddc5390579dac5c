import fc from 'fast-check';
import * as esc from './escpos';
import { EscPosParser } from './escpos-parser';
import { resolvePrinterProfile } from './profile';
import { type EncodedReceipt, encodeReceipt, textColumns, wrapText } from './receipt-document';
import { ReceiptPrinterSimulator } from './simulator';

describe('receipt layout', () => {
  it('wraps CJK at character boundaries with two columns per character', () => {
    expect(wrapText('一二三四五六七', 6)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('hello world foo', 11)).toEqual(['hello world', 'foo']);
    expect(wrapText('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('prints no blank line for spaces left over at a paragraph end, and keeps a blank paragraph blank', () => {
    expect(wrapText('ab   ', 4)).toEqual(['ab']);
    expect(wrapText('ab   \ncd', 4)).toEqual(['ab', 'cd']);
    expect(wrapText('ab\n\ncd', 4)).toEqual(['ab', '', 'cd']);
    expect(wrapText('', 4)).toEqual(['']);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '中', '9', '\n'), maxLength: 120 }), fc.integer({ min: 4, max: 32 }), (text, width) => {
        // A blank line only where the text has a blank paragraph.
        const blankParagraphs = text.split('\n').filter((p) => p.trim() === '').length;
        expect(wrapText(text, width).filter((l) => l === '').length).toBe(blankParagraphs);
      }),
    );
  });

  it('never produces a line wider than the paper', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '中', 'X', '9', '文', '\n'), maxLength: 200 }), fc.integer({ min: 4, max: 48 }), (text, width) => {
        for (const line of wrapText(text, width)) expect(textColumns(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('encodes a receipt whose bytes the printer side parses back to the same text, in any chunking', () => {
    const profile = resolvePrinterProfile('generic-58mm', {});
    const { bytes, unprintable } = encodeReceipt(
      { blocks: [{ kind: 'text', text: '回执 𠀀', bold: true }, { kind: 'pair', label: '编号', value: 'A-1' }, { kind: 'qr', data: 'A-1' }] },
      profile,
    );
    expect(unprintable).toEqual(['𠀀']);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 50 }), (sizes) => {
        const parser = new EscPosParser();
        const texts: string[] = [];
        let offset = 0;
        let i = 0;
        while (offset < bytes.length) {
          const size = sizes[i++ % sizes.length]!;
          for (const c of parser.push(bytes.subarray(offset, offset + size))) if (c.type === 'text') texts.push(c.text);
          offset += size;
        }
        expect(texts.join('|')).toBe(`回执 ?|编号${' '.repeat(32 - 4 - 3)}A-1`);
      }),
    );
  });

  it('the simulator renders the receipt; a receipt without a cutter has no cut', () => {
    const sim = new ReceiptPrinterSimulator({ columns: 32 });
    sim.receive(encodeReceipt({ blocks: [{ kind: 'text', text: '居中', align: 'center', size: 'double' }] }, resolvePrinterProfile('generic-58mm', {})).bytes);
    expect(sim.transcript().split('\n')[0]).toBe(' D|      居中');
    expect(sim.transcript()).not.toContain('cut');
  });

  it('garbage bytes never throw in the printer-side parser', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        const parser = new EscPosParser();
        parser.push(garbage);
        parser.flush();
      }),
    );
  });
});

describe('receipt layout, exactly', () => {
  const LF = Uint8Array.of(esc.LF);
  const gb = (s: string) => esc.encodeText(s, 'gb18030');
  /** The receipt's parts in order: its bytes are their concatenation, and it may be split after any of them. */
  function expectParts(got: EncodedReceipt, parts: Uint8Array[]) {
    expect(Buffer.from(got.bytes)).toEqual(Buffer.from(esc.concatBytes(parts)));
    let offset = 0;
    expect(got.safeSplits).toEqual(parts.map((p) => (offset += p.length)));
  }
  // 16 columns (the schema's least), no Chinese-mode command, a full cut, one line fed before it.
  const narrow = resolvePrinterProfile('generic-58mm', { columns: 16, chineseModeCommand: false, cutter: 'full', feedLinesBeforeCut: 1 });

  it('counts one column below U+0080 and two from it', () => {
    expect(textColumns('\u007f')).toBe(1);
    expect(textColumns('\u0080')).toBe(2);
    expect(textColumns('a中b')).toBe(4);
    expect(textColumns('')).toBe(0);
  });

  it('wraps at the width itself, not before, and never starts a line with the space it broke at', () => {
    expect(wrapText('abcd efgh', 9)).toEqual(['abcd efgh']);
    expect(wrapText('abcd efgh', 8)).toEqual(['abcd', 'efgh']);
    expect(wrapText('abcd  efgh', 5)).toEqual(['abcd', 'efgh']);
    expect(wrapText('中文字', 6)).toEqual(['中文字']);
    expect(wrapText('中文字', 5)).toEqual(['中文', '字']);
  });

  it('keeps paragraphs apart, an empty one as an empty line, and trims only line ends', () => {
    expect(wrapText('  ab\n\ncd ', 10)).toEqual(['  ab', '', 'cd']);
    expect(wrapText('', 10)).toEqual(['']);
    expect(wrapText('   \nab', 2)).toEqual(['', 'ab']);
  });

  it('hard-breaks a token longer than a line, after what the line already holds', () => {
    expect(wrapText('no 1234567890', 4)).toEqual(['no', '1234', '5678', '90']);
    expect(wrapText('x中中中', 4)).toEqual(['x中', '中中']);
    expect(wrapText('a-b-c-d-e-f', 5)).toEqual(['a-b-c', '-d-e-', 'f']);
  });

  it('a plain text block: initialise, left, the wrapped lines, the feed and the cut, each a safe split', () => {
    const got = encodeReceipt({ blocks: [{ kind: 'text', text: 'receipt for the resident' }] }, narrow);
    expectParts(got, [esc.initialise(), esc.align('left'), gb('receipt for the'), LF, gb('resident'), LF, esc.feedLines(1), esc.cut('full')]);
    expect(got.unprintable).toEqual([]);
  });

  it('a bold double-size centred block wraps at half the columns and switches both back off', () => {
    const got = encodeReceipt({ blocks: [{ kind: 'text', text: '社会保障卡申领回执', align: 'center', bold: true, size: 'double' }] }, narrow);
    expectParts(got, [
      esc.initialise(),
      esc.align('center'),
      esc.bold(true),
      esc.characterSize(2, 2),
      esc.chineseDoubleSize(true),
      gb('社会保障'),
      LF,
      gb('卡申领回'),
      LF,
      gb('执'),
      LF,
      esc.characterSize(1, 1),
      esc.chineseDoubleSize(false),
      esc.bold(false),
      esc.feedLines(1),
      esc.cut('full'),
    ]);
  });

  it('a pair on one line with the value right-aligned, down to a gap of one column', () => {
    const oneGap = encodeReceipt({ blocks: [{ kind: 'pair', label: '编号', value: 'A-123456789' }] }, narrow); // 4 + 1 + 11 = 16
    expectParts(oneGap, [esc.initialise(), esc.align('left'), gb('编号 A-123456789'), LF, esc.feedLines(1), esc.cut('full')]);
  });

  it('a pair that does not fit: the label, then the value right-aligned on its own lines, then back to left', () => {
    const got = encodeReceipt({ blocks: [{ kind: 'pair', label: '编号', value: 'A-1234567890' }] }, narrow); // 4 + 12 = 16: no gap
    expectParts(got, [esc.initialise(), esc.align('left'), gb('编号'), LF, esc.align('right'), gb('A-1234567890'), LF, esc.align('left'), esc.feedLines(1), esc.cut('full')]);
    const long = encodeReceipt({ blocks: [{ kind: 'pair', label: '办理事项名称', value: '城乡居民基本养老保险' }] }, narrow);
    expectParts(long, [esc.initialise(), esc.align('left'), gb('办理事项名称'), LF, esc.align('right'), gb('城乡居民基本养老'), LF, gb('保险'), LF, esc.align('left'), esc.feedLines(1), esc.cut('full')]);
  });

  it('a rule across the paper, a feed, and a QR code centred, or its text when the printer has no QR command', () => {
    const withQr = encodeReceipt({ blocks: [{ kind: 'rule' }, { kind: 'feed', lines: 2 }, { kind: 'qr', data: 'R-1' }] }, narrow);
    expectParts(withQr, [
      esc.initialise(),
      esc.align('left'),
      gb('-'.repeat(16)),
      LF,
      esc.feedLines(2),
      esc.align('center'),
      esc.qrCode('R-1', { moduleSize: narrow.qrModuleSize, errorCorrection: 'M' }),
      LF,
      esc.align('left'),
      esc.feedLines(1),
      esc.cut('full'),
    ]);
    const noQr = encodeReceipt({ blocks: [{ kind: 'qr', data: 'R-1' }] }, { ...narrow, qr: false });
    expectParts(noQr, [esc.initialise(), esc.align('center'), gb('R-1'), LF, esc.align('left'), esc.feedLines(1), esc.cut('full')]);
  });

  it('sends Chinese mode when the profile says so, a partial cut, and no cut without a cutter', () => {
    const partial = encodeReceipt({ blocks: [] }, { ...narrow, chineseModeCommand: true, cutter: 'partial', feedLinesBeforeCut: 3 });
    expectParts(partial, [esc.initialise(), esc.chineseMode(true), esc.feedLines(3), esc.cut('partial')]);
    expectParts(encodeReceipt({ blocks: [] }, { ...narrow, cutter: 'none' }), [esc.initialise(), esc.feedLines(1)]);
  });

  it('prints a character outside two-byte GB as ? in every kind of block and names it once; keeps two-byte ones', () => {
    const got = encodeReceipt(
      {
        blocks: [
          { kind: 'text', text: '𠀀王€' },
          { kind: 'pair', label: '姓名𠀀', value: '😀' },
        ],
      },
      narrow,
    );
    expectParts(got, [esc.initialise(), esc.align('left'), gb('?王€'), LF, esc.align('left'), gb(`姓名?${' '.repeat(16 - 5 - 1)}?`), LF, esc.feedLines(1), esc.cut('full')]);
    expect(got.unprintable).toEqual(['𠀀', '😀']);
  });

  it('takes U+0080, the first character past ASCII (four bytes in GB18030), as unprintable', () => {
    const got = encodeReceipt({ blocks: [{ kind: 'text', text: 'a\u0080' }] }, narrow);
    expectParts(got, [esc.initialise(), esc.align('left'), gb('a?'), LF, esc.feedLines(1), esc.cut('full')]);
    expect(got.unprintable).toEqual(['\u0080']);
  });
});
