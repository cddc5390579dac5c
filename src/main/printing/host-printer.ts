import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KioskError } from '../../shared/contract/errors';
import type { PdfSpooler } from '../../devices/printer/document-printer';
import { UNREACHABLE_MESSAGE } from '../../devices/printer/system-printer-driver';

/** Prints a finished PDF on an operating-system printer (the document printer's spooler). The Electron shell may
 *  supply its own (webContents.print). */
export type HostPrinter = PdfSpooler;

export interface LpHostPrinterOptions {
  /** CUPS's commands; configurable for hosts with them elsewhere. */
  lpCommand?: string;
  lpstatCommand?: string;
  cancelCommand?: string;
  /** How long lp itself may take to hand the file to CUPS. */
  timeoutMs?: number;
  /** How long CUPS may take to pass the job to the printer before the kiosk takes it back. */
  jobDeadlineMs?: number;
  /** How often the job is looked at while it is under way. */
  watchEveryMs?: number;
}

const run = (command: string, args: string[], timeoutMs = 10_000) =>
  new Promise<{ ok: boolean; out: string }>((resolve) => {
    execFile(command, args, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => resolve({ ok: !error, out: `${stdout}${stderr}` }));
  });

/**
 * CUPS `lp` (Linux, and the browser host): the PDF goes through a private temp file that is removed afterwards,
 * because it can hold personal data. A job counts as printed only once CUPS has passed it to the printer: CUPS keeps
 * a job whose printer is gone and prints it when the printer is back, maybe hours later for the next person at the
 * kiosk. So the job is watched until it leaves the queue; when the printer does not answer (the backend says so) or
 * the deadline passes, the kiosk cancels it and says so, and nothing comes out later.
 */
export class LpHostPrinter implements HostPrinter {
  private readonly lp: string;
  private readonly lpstat: string;
  private readonly cancel: string;

  constructor(private readonly options: LpHostPrinterOptions = {}) {
    this.lp = options.lpCommand ?? process.env.KIOSK_LP ?? 'lp';
    this.lpstat = options.lpstatCommand ?? process.env.KIOSK_LPSTAT ?? 'lpstat';
    this.cancel = options.cancelCommand ?? 'cancel';
  }

  async printPdf(pdf: Uint8Array, options: { printerName: string; title: string }): Promise<void> {
    const job = await this.submit(pdf, options);
    if (job) await this.watch(job, options.printerName);
  }

  /** Hands the PDF to CUPS; returns the job id CUPS gave it ("a4-12"), or null when lp did not name one. */
  private async submit(pdf: Uint8Array, options: { printerName: string; title: string }): Promise<string | null> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf, { mode: 0o600 });
    try {
      return await new Promise<string | null>((resolve, reject) => {
        const child = spawn(this.lp, ['-d', options.printerName, '-t', options.title.slice(0, 60), '-o', 'media=A4', file], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-500)));
        child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new KioskError('device_timeout', { details: { printer: options.printerName } }));
        }, this.options.timeoutMs ?? 30_000);
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new KioskError('device_not_configured', { details: { printer: options.printerName, reason: 'lpMissing' }, cause: error }));
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(/request id is (\S+)/.exec(stdout)?.[1] ?? null);
          else reject(new KioskError('device_error', { details: { printer: options.printerName, exitCode: code ?? -1, stderr: stderr.trim().slice(0, 200) } }));
        });
      });
    } finally {
      // CUPS has its own copy once lp returns.
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Waits until the job has left CUPS's queue of unfinished jobs; takes it back when the printer is not there. */
  private async watch(job: string, printerName: string): Promise<void> {
    const deadline = Date.now() + (this.options.jobDeadlineMs ?? 60_000);
    for (;;) {
      const pending = await run(this.lpstat, ['-W', 'not-completed', '-o', printerName]);
      if (pending.ok && !pending.out.split('\n').some((l) => l.split(/\s+/)[0] === job)) return;
      const queue = await run(this.lpstat, ['-p', printerName]);
      const unreachable = UNREACHABLE_MESSAGE.test(queue.out);
      if (unreachable || Date.now() > deadline) {
        await run(this.cancel, [job]);
        throw new KioskError('device_offline', { details: { printer: printerName, job, reason: unreachable ? 'unreachable' : 'notPrintedInTime', cancelled: true } });
      }
      await new Promise((r) => setTimeout(r, this.options.watchEveryMs ?? 250));
    }
  }
}
