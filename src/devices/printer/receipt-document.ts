import iconv from 'iconv-lite';
import * as esc from './escpos';
import type { PrinterProfile } from './profile';

/**
 * A receipt as data, independent of the printer: templates (src/main/printing) build one, `encodeReceipt` turns it
 * into ESC/POS for a given printer profile. Keeping the layout here means a 58 mm and an 80 mm printer wrap the same
 * receipt correctly without the templates knowing the width.
 */
export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: esc.Align; bold?: boolean; size?: 'normal' | 'double' }
  | { kind: 'pair'; label: string; value: string }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number };

export interface ReceiptDocument {
  blocks: ReceiptBlock[];
}

export interface EncodedReceipt {
  bytes: Uint8Array;
  /** Offsets where the bytes may be split between writes: never inside a command, so a real-time status request
   *  sent between two writes is never taken as a command's data. Ascending, ends with bytes.length. */
  safeSplits: number[];
  /** Characters the printer font probably lacks (printed as '?'); the caller tells the clerk. */
  unprintable: string[];
}

/** Display columns of one character in the normal font: GB two-byte characters are double width. */
export function columnsOf(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  return 2;
}

export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += columnsOf(ch);
  return n;
}

/** Wraps text to lines of at most `width` columns, breaking between characters (CJK has no spaces) and at words for Latin text. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const paragraphStart = lines.length;
    let line = '';
    let used = 0;
    const tokens = paragraph.match(/[\x21-\x7e]+|\s|./gu) ?? [];
    for (const token of tokens) {
      const w = textColumns(token);
      if (used + w <= width) {
        line += token;
        used += w;
        continue;
      }
      if (line.trim().length > 0) lines.push(line.trimEnd());
      line = '';
      used = 0;
      if (/^\s$/.test(token)) continue;
      if (w <= width) {
        line = token;
        used = w;
        continue;
      }
      // A token longer than a line (a long number or URL): hard-break it.
      for (const ch of token) {
        const cw = columnsOf(ch);
        if (used + cw > width) {
          lines.push(line);
          line = '';
          used = 0;
        }
        line += ch;
        used += cw;
      }
    }
    // An empty paragraph is a blank line on purpose; spaces left over after a paragraph's last word are not.
    if (line.trim().length > 0 || lines.length === paragraphStart) lines.push(line.trimEnd());
  }
  return lines;
}

/** Replaces characters outside two-byte GB with '?' (the printer font would print garbage). */
function printable(text: string, unprintable: Set<string>): string {
  let out = '';
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) >= 0x80 && iconv.encode(ch, 'gb18030').length !== 2) {
      unprintable.add(ch);
      out += '?';
    } else {
      out += ch;
    }
  }
  return out;
}

export function encodeReceipt(doc: ReceiptDocument, profile: PrinterProfile): EncodedReceipt {
  const parts: Uint8Array[] = [esc.initialise()];
  if (profile.chineseModeCommand) parts.push(esc.chineseMode(true));
  const unprintable = new Set<string>();
  const text = (s: string) => esc.encodeText(printable(s, unprintable), profile.codePage);
  const newline = Uint8Array.of(esc.LF);

  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'text': {
        const double = block.size === 'double';
        const width = double ? Math.floor(profile.columns / 2) : profile.columns;
        parts.push(esc.align(block.align ?? 'left'));
        if (block.bold) parts.push(esc.bold(true));
        if (double) parts.push(esc.characterSize(2, 2), esc.chineseDoubleSize(true));
        for (const line of wrapText(block.text, width)) parts.push(text(line), newline);
        if (double) parts.push(esc.characterSize(1, 1), esc.chineseDoubleSize(false));
        if (block.bold) parts.push(esc.bold(false));
        break;
      }
      case 'pair': {
        // "label  value" with the value right-aligned when both fit on one line, else the value on its own lines.
        parts.push(esc.align('left'));
        const label = printable(block.label, unprintable);
        const value = printable(block.value, unprintable);
        const gap = profile.columns - textColumns(label) - textColumns(value);
        if (gap >= 1) {
          parts.push(text(label + ' '.repeat(gap) + value), newline);
        } else {
          for (const line of wrapText(label, profile.columns)) parts.push(text(line), newline);
          parts.push(esc.align('right'));
          for (const line of wrapText(value, profile.columns)) parts.push(text(line), newline);
          parts.push(esc.align('left'));
        }
        break;
      }
      case 'rule':
        parts.push(esc.align('left'), text('-'.repeat(profile.columns)), newline);
        break;
      case 'qr':
        parts.push(esc.align('center'));
        if (profile.qr) parts.push(esc.qrCode(block.data, { moduleSize: profile.qrModuleSize, errorCorrection: 'M' }), newline);
        else parts.push(text(block.data), newline);
        parts.push(esc.align('left'));
        break;
      case 'feed':
        parts.push(esc.feedLines(block.lines));
        break;
    }
  }
  parts.push(esc.feedLines(profile.feedLinesBeforeCut));
  if (profile.cutter !== 'none') parts.push(esc.cut(profile.cutter));
  const safeSplits: number[] = [];
  let offset = 0;
  for (const part of parts) {
    offset += part.length;
    safeSplits.push(offset);
  }
  return { bytes: esc.concatBytes(parts), safeSplits, unprintable: [...unprintable] };
}
