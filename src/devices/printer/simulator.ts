import fs from 'node:fs';
import { EscPosParser, type EscPosCommand } from './escpos-parser';
import { textColumns } from './receipt-document';

/** One printed line as the paper would show it. */
export interface TranscriptLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  double: boolean;
}

export interface PrinterSimulatorState {
  paper: 'present' | 'low' | 'out';
  coverOpen: boolean;
  /** Lines still printable before the roll runs out (null = plenty): drives the paper-out-mid-job tests. */
  linesLeft: number | null;
}

export interface PrinterSimulatorOptions {
  /** Characters per line of the simulated paper (48 for 80 mm). */
  columns?: number;
  /** Append the raw bytes received to `<capturePath>.bin` and the transcript to `<capturePath>.txt`. */
  capturePath?: string;
}

/**
 * The receipt printer's side of ESC/POS, in software: answers real-time status requests from its paper and cover
 * state, prints text into a transcript (what the paper would show), and stops printing when the paper runs out or
 * the cover opens, exactly as a thermal printer drops what it cannot print. Tests and the developer panel pull the
 * paper, open the cover, or make the roll run out after N lines.
 */
export class ReceiptPrinterSimulator {
  private readonly parser = new EscPosParser();
  private readonly outputListeners = new Set<(bytes: Uint8Array) => void>();
  private readonly lines: TranscriptLine[] = [];
  private readonly raw: Buffer[] = [];
  private readonly columns: number;
  private style = { align: 'left' as TranscriptLine['align'], bold: false, double: false };
  private current = '';
  private state: PrinterSimulatorState = { paper: 'present', coverOpen: false, linesLeft: null };
  private stoppedNoticeWritten = false;
  private qrPending: Uint8Array | null = null;

  constructor(private readonly options: PrinterSimulatorOptions = {}) {
    this.columns = options.columns ?? 48;
  }

  /** Bytes from the host. */
  receive(chunk: Uint8Array): void {
    this.raw.push(Buffer.from(chunk));
    if (this.options.capturePath) fs.appendFileSync(`${this.options.capturePath}.bin`, chunk);
    for (const command of this.parser.push(chunk)) this.apply(command);
  }

  /** Bytes the printer sends back (status answers). */
  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  getState(): PrinterSimulatorState {
    return { ...this.state };
  }

  setPaper(paper: PrinterSimulatorState['paper']): void {
    this.state.paper = paper;
    if (paper !== 'out') {
      this.state.linesLeft = null;
      this.stoppedNoticeWritten = false;
    }
  }

  setCoverOpen(open: boolean): void {
    this.state.coverOpen = open;
    if (!open) this.stoppedNoticeWritten = false;
  }

  /** The roll runs out after `lines` more printed lines. */
  runOutAfterLines(lines: number): void {
    this.state.linesLeft = Math.max(0, Math.floor(lines));
  }

  /** The paper as a person would read it: aligned lines, QR codes and cuts marked. */
  transcript(): string {
    return this.lines.map((l) => this.render(l)).join('\n');
  }

  transcriptLines(): TranscriptLine[] {
    return this.lines.map((l) => ({ ...l }));
  }

  rawBytes(): Buffer {
    return Buffer.concat(this.raw);
  }

  /** Forgets everything printed (the developer panel's "tear off"). */
  clear(): void {
    this.lines.length = 0;
    this.raw.length = 0;
  }

  private canPrint(): boolean {
    return this.state.paper !== 'out' && !this.state.coverOpen;
  }

  private statusByte(n: number): number {
    const out = this.state.paper === 'out';
    const stopped = out || this.state.coverOpen;
    switch (n) {
      case 1:
        return 0x12 | (stopped ? 0x08 : 0) | (stopped ? 0x20 : 0);
      case 2:
        return 0x12 | (this.state.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0);
      case 3:
        return 0x12;
      case 4:
        return 0x12 | (this.state.paper === 'low' ? 0x0c : 0) | (out ? 0x60 : 0);
      default:
        return 0x12;
    }
  }

  private emit(bytes: Uint8Array): void {
    for (const listener of this.outputListeners) listener(bytes);
  }

  private apply(command: EscPosCommand): void {
    switch (command.type) {
      case 'statusRequest':
        this.emit(Uint8Array.of(this.statusByte(command.n)));
        return;
      case 'init':
        this.style = { align: 'left', bold: false, double: false };
        this.current = '';
        return;
      case 'bold':
        this.style.bold = command.on;
        return;
      case 'align':
        this.style.align = command.value;
        return;
      case 'size':
        this.style.double = command.width > 1 || command.height > 1;
        return;
      case 'text':
        this.current += command.text;
        return;
      case 'lineFeed':
        this.printLine(this.current);
        this.current = '';
        return;
      case 'feed':
        if (this.current) this.printLine(this.current);
        this.current = '';
        for (let i = 0; i < command.lines; i++) this.printLine('');
        return;
      case 'qr':
        if (command.fn === 0x50) this.qrPending = command.data.slice(1);
        if (command.fn === 0x51 && this.qrPending) {
          this.printLine(`[QR ${Buffer.from(this.qrPending).toString('latin1')}]`);
          this.qrPending = null;
        }
        return;
      case 'cut':
        if (this.current) this.printLine(this.current);
        this.current = '';
        if (this.canPrint()) this.push({ text: `-- ${command.mode} cut --`, align: 'center', bold: false, double: false });
        return;
      case 'chineseMode':
      case 'chineseDouble':
      case 'unknown':
        return;
    }
  }

  private printLine(text: string): void {
    if (!this.canPrint()) {
      if (!this.stoppedNoticeWritten) {
        this.stoppedNoticeWritten = true;
        this.push({ text: `[printer stopped: ${this.state.coverOpen ? 'cover open' : 'paper out'}]`, align: 'left', bold: false, double: false });
      }
      return;
    }
    this.push({ text, ...this.style });
    if (this.state.linesLeft !== null) {
      this.state.linesLeft -= 1;
      if (this.state.linesLeft <= 0) {
        this.state.paper = 'out';
        this.state.linesLeft = null;
      }
    }
  }

  private push(line: TranscriptLine): void {
    this.lines.push(line);
    if (this.options.capturePath) fs.appendFileSync(`${this.options.capturePath}.txt`, `${this.render(line)}\n`);
  }

  private render(line: TranscriptLine): string {
    const width = line.double ? Math.floor(this.columns / 2) : this.columns;
    const pad = Math.max(0, width - textColumns(line.text));
    const body = line.align === 'center' ? ' '.repeat(Math.floor(pad / 2)) + line.text : line.align === 'right' ? ' '.repeat(pad) + line.text : line.text;
    const marks = `${line.bold ? 'B' : ' '}${line.double ? 'D' : ' '}|`;
    return `${marks}${body}`.trimEnd();
  }
}
