import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { KioskError } from '../../shared/contract/errors';
import type { HostPrinter } from '../printing/host-printer';

/**
 * A4 printing inside the Electron shell: the PDF opens in a hidden, sandboxed window (Chromium's PDF viewer) and is
 * printed silently on the named printer with `webContents.print`. The browser host and Linux machines with CUPS may
 * use `lp` instead (LpHostPrinter); this path is for hosts without it (Windows village PCs).
 * The PDF passes through a private temp file that is removed afterwards: it can hold personal data.
 */
export class ElectronHostPrinter implements HostPrinter {
  constructor(private readonly timeoutMs = 60_000) {}

  async printPdf(pdf: Uint8Array, options: { printerName: string; title: string }): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf, { mode: 0o600 });
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, plugins: true, javascript: false, disableBlinkFeatures: 'Auxclick' },
    });
    try {
      await window.loadURL(pathToFileURL(file).href);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new KioskError('device_timeout', { details: { printer: options.printerName } })), this.timeoutMs);
        window.webContents.print(
          { silent: true, deviceName: options.printerName, pageSize: 'A4', printBackground: true, header: options.title.slice(0, 60) },
          (success, failureReason) => {
            clearTimeout(timer);
            if (success) resolve();
            else if (failureReason === 'Print job canceled') reject(new KioskError('cancelled', { details: { printer: options.printerName } }));
            else reject(new KioskError('device_error', { details: { printer: options.printerName, reason: failureReason.slice(0, 200) } }));
          },
        );
      });
    } finally {
      if (!window.isDestroyed()) window.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
