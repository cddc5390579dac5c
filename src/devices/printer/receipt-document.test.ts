import fc from 'fast-check';
import { EscPosParser } from './escpos-parser';
import { resolvePrinterProfile } from './profile';
import { encodeReceipt, textColumns, wrapText } from './receipt-document';
import { ReceiptPrinterSimulator } from './simulator';

describe('receipt layout', () => {
  it('wraps CJK at character boundaries with two columns per character', () => {
    expect(wrapText('一二三四五六七', 6)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('hello world foo', 11)).toEqual(['hello world', 'foo']);
    expect(wrapText('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
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
