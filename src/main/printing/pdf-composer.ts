import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/** A4 in PDF points. */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const FOOTER = 48;

/** The CJK font shipped in assets/fonts (see its README for source and licence). */
export function cjkFontPath(): string {
  if (process.env.KIOSK_CJK_FONT) return process.env.KIOSK_CJK_FONT;
  // src/main/printing -> repo root; dist/main/printing -> repo root: both are three levels up.
  return path.resolve(__dirname, '..', '..', '..', 'assets', 'fonts', 'DroidSansFallbackFull.ttf');
}

let fontBytes: Buffer | null = null;
function loadCjkFont(): Buffer {
  fontBytes ??= fs.readFileSync(cjkFontPath());
  return fontBytes;
}

/**
 * fontkit with a memo: parsing the 4 MB CJK font is most of a document's cost, and the parsed font is only read
 * (each document makes its own subset from it), so it is parsed once per process.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (buffer: Uint8Array, postscriptName?: string) => {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    const cached = parsedFonts.get(buffer);
    if (cached) return cached;
    const font = fontkit.create(buffer);
    parsedFonts.set(buffer, font);
    return font;
  },
};

interface Fonts {
  cjk: PDFFont;
  latin: PDFFont;
  latinBold: PDFFont;
  cjkSet: Set<number>;
}

type Run = { text: string; font: PDFFont };

/**
 * Lays out an A4 document top to bottom with automatic page breaks: headings, paragraphs, label/value pairs,
 * lists and a QR code, in Chinese and English. Chinese glyphs come from the embedded CJK font (subset to the
 * characters used), Latin from Helvetica (the CJK font has none); each text is split into runs by font.
 */
export class PdfComposer {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  static async create(meta: { title: string; subject?: string }): Promise<PdfComposer> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(cachingFontkit);
    const cjk = await doc.embedFont(loadCjkFont(), { subset: true });
    const latin = await doc.embedFont(StandardFonts.Helvetica);
    const latinBold = await doc.embedFont(StandardFonts.HelveticaBold);
    doc.setTitle(meta.title);
    if (meta.subject) doc.setSubject(meta.subject);
    doc.setProducer('village-kiosk');
    doc.setCreator('village-kiosk');
    return new PdfComposer(doc, { cjk, latin, latinBold, cjkSet: new Set(cjk.getCharacterSet()) });
  }

  get pageCount(): number {
    return this.pages.length;
  }

  heading(text: string, size = 20): void {
    this.space(size * 0.6);
    this.paragraph(text, { size, bold: true, align: 'center' });
    this.space(size * 0.4);
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; align?: 'left' | 'center'; indent?: number } = {}): void {
    const size = options.size ?? 12;
    const indent = options.indent ?? 0;
    const width = A4[0] - 2 * MARGIN - indent;
    for (const line of this.wrap(text, size, width, options.bold ?? false)) {
      this.ensure(size * 1.5);
      const lineWidth = this.widthOf(line, size, options.bold ?? false);
      const x = options.align === 'center' ? (A4[0] - lineWidth) / 2 : MARGIN + indent;
      this.drawLine(line, x, this.y - size, size, options.bold ?? false);
      this.y -= size * 1.5;
    }
  }

  pair(label: string, value: string, size = 12): void {
    const labelWidth = 130;
    const valueWidth = A4[0] - 2 * MARGIN - labelWidth;
    const lines = this.wrap(value, size, valueWidth, false);
    this.ensure(size * 1.5 * Math.min(lines.length, 3));
    this.drawLine(label, MARGIN, this.y - size, size, true);
    for (const line of lines) {
      this.ensure(size * 1.5);
      this.drawLine(line, MARGIN + labelWidth, this.y - size, size, false);
      this.y -= size * 1.5;
    }
  }

  list(heading: string, entries: string[], size = 12): void {
    if (entries.length === 0) return;
    this.space(4);
    this.paragraph(heading, { size: size + 1, bold: true });
    entries.forEach((entry, i) => this.paragraph(`${i + 1}. ${entry}`, { size, indent: 14 }));
  }

  /**
   * A table with a bold header row, repeated at the top of every page it runs onto. Widths in points; a cell too
   * wide for its column is cut with an ellipsis (tables carry figures, the full names are in the catalogue).
   */
  table(columns: ReadonlyArray<{ header: string; width: number; align?: 'left' | 'right' }>, rows: ReadonlyArray<{ cells: readonly string[]; bold?: boolean }>, size = 9): void {
    const height = size * 1.7;
    const drawRow = (cells: readonly string[], bold: boolean) => {
      let x = MARGIN;
      columns.forEach((col, i) => {
        const text = this.fit(cells[i] ?? '', col.width - 4, size, bold);
        const w = this.widthOf(text, size, bold);
        this.drawLine(text, col.align === 'right' ? x + col.width - 2 - w : x + 2, this.y - size * 1.2, size, bold);
        x += col.width;
      });
      this.y -= height;
    };
    const header = () => {
      drawRow(columns.map((c) => c.header), true);
      const width = columns.reduce((sum, c) => sum + c.width, 0);
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: MARGIN + width, y: this.y + 2 }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
    };
    this.ensure(height * 2);
    header();
    for (const row of rows) {
      if (this.y - height < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      drawRow(row.cells, row.bold ?? false);
    }
  }

  private fit(text: string, width: number, size: number, bold: boolean): string {
    if (this.widthOf(text, size, bold) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && this.widthOf(`${chars.join('')}...`, size, bold) > width) chars.pop();
    return `${chars.join('')}...`;
  }

  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.7, color: rgb(0.3, 0.3, 0.3) });
    this.y -= 6;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A QR code drawn as vector squares (prints sharp at any DPI), with a caption under it. */
  qr(data: string, caption: string, sizePoints = 96): void {
    const code = QRCode.create(data, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const quiet = 4;
    const cell = sizePoints / (n + 2 * quiet);
    this.ensure(sizePoints + 30);
    const left = A4[0] - MARGIN - sizePoints;
    const top = this.y;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        if (!code.modules.get(row, col)) continue;
        this.page.drawRectangle({ x: left + (col + quiet) * cell, y: top - (row + quiet + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
      }
    }
    const captionSize = 9;
    const w = this.widthOf(caption, captionSize, false);
    this.drawLine(caption, Math.max(MARGIN, left + sizePoints - w), top - sizePoints - captionSize - 2, captionSize, false);
    this.y = top - sizePoints - captionSize - 10;
  }

  /** Writes the footer (page x of y, and any fixed text) on every page, then the file. */
  async save(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = footer(i + 1, total);
      const size = 9;
      const w = this.widthOf(text, size, false);
      const current = this.page;
      this.page = page;
      this.drawLine(text, (A4[0] - w) / 2, FOOTER - 20, size, false);
      this.page = current;
    });
    return this.doc.save();
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  private runs(text: string, bold: boolean): Run[] {
    const runs: Run[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // Helvetica (WinAnsi) takes printable ASCII; everything else goes to the CJK font, or '?' if it lacks it.
      const latin = cp >= 0x20 && cp < 0x7f;
      const font = latin ? (bold ? this.fonts.latinBold : this.fonts.latin) : this.fonts.cjk;
      const glyph = latin || this.fonts.cjkSet.has(cp) ? ch : '?';
      const useFont = glyph === '?' && !latin ? (bold ? this.fonts.latinBold : this.fonts.latin) : font;
      const last = runs[runs.length - 1];
      if (last && last.font === useFont) last.text += glyph;
      else runs.push({ text: glyph, font: useFont });
    }
    return runs;
  }

  private widthOf(text: string, size: number, bold: boolean): number {
    return this.runs(text, bold).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  private drawLine(text: string, x: number, y: number, size: number, bold: boolean): void {
    let cursor = x;
    for (const run of this.runs(text, bold)) {
      this.page.drawText(run.text, { x: cursor, y, size, font: run.font, color: rgb(0, 0, 0) });
      // The CJK font has no bold face: a second pass a hair to the right reads as bold on paper.
      if (bold && run.font === this.fonts.cjk) this.page.drawText(run.text, { x: cursor + size * 0.03, y, size, font: run.font, color: rgb(0, 0, 0) });
      cursor += run.font.widthOfTextAtSize(run.text, size);
    }
  }

  /** Breaks between CJK characters anywhere and between Latin words at spaces. */
  private wrap(text: string, size: number, width: number, bold: boolean): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      const tokens = paragraph.match(/[\x21-\x7e]+|\s|./gu) ?? [''];
      let line = '';
      for (const token of tokens) {
        const candidate = line + token;
        if (this.widthOf(candidate, size, bold) <= width) {
          line = candidate;
          continue;
        }
        if (line.trim()) lines.push(line.trimEnd());
        line = /^\s$/.test(token) ? '' : token;
        while (this.widthOf(line, size, bold) > width && line.length > 1) {
          // A single token wider than the line (long number): hard-break it.
          let cut = line.length - 1;
          while (cut > 1 && this.widthOf(line.slice(0, cut), size, bold) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }
}
