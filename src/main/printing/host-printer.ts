import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KioskError } from '../../shared/contract/errors';
import type { PdfSpooler } from '../../devices/printer/document-printer';

/** Prints a finished PDF on an operating-system printer (the document printer's spooler). The Electron shell may
 *  supply its own (webContents.print). */
export type HostPrinter = PdfSpooler;

/**
 * CUPS `lp` (Linux, and the browser host): the PDF goes through a private temp file that is removed afterwards,
 * because it can hold personal data. `lpCommand` is configurable for tests and for hosts with lp elsewhere.
 */
export class LpHostPrinter implements HostPrinter {
  constructor(
    private readonly lpCommand = process.env.KIOSK_LP ?? 'lp',
    private readonly timeoutMs = 30_000,
  ) {}

  async printPdf(pdf: Uint8Array, options: { printerName: string; title: string }): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf, { mode: 0o600 });
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(this.lpCommand, ['-d', options.printerName, '-t', options.title.slice(0, 60), '-o', 'media=A4', file], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new KioskError('device_timeout', { details: { printer: options.printerName } }));
        }, this.timeoutMs);
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new KioskError('device_not_configured', { details: { printer: options.printerName, reason: 'lpMissing' }, cause: error }));
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve();
          else reject(new KioskError('device_error', { details: { printer: options.printerName, exitCode: code ?? -1, stderr: stderr.trim().slice(0, 200) } }));
        });
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
