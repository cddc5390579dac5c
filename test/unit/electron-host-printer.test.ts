import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, resetElectronMock } from '../support/electron-mock';
import { ElectronHostPrinter } from '../../src/main/electron/electron-host-printer';

describe('Electron host printer (A4 PDFs through webContents.print)', () => {
  beforeEach(() => resetElectronMock());
  const pdf = Buffer.from('%PDF-1.7\n% test\n');

  it('prints silently on the named A4 printer from a hidden sandboxed window, then removes the temp file', async () => {
    await new ElectronHostPrinter().printPdf(pdf, { printerName: 'HP-A4', title: '参保证明' });
    const window = BrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, nodeIntegration: false, contextIsolation: true, javascript: false } });
    expect(window.webContents.printCalls).toEqual([expect.objectContaining({ silent: true, deviceName: 'HP-A4', pageSize: 'A4' })]);
    const file = fileURLToPath(window.loadedUrls[0]!);
    expect(file).toMatch(/document\.pdf$/);
    expect(fs.existsSync(file)).toBe(false);
    expect(window.isDestroyed()).toBe(true);
  });

  it('turns a failed print into a typed device error and still cleans up', async () => {
    const printer = new ElectronHostPrinter();
    const promise = printer.printPdf(pdf, { printerName: 'HP-A4', title: 't' });
    BrowserWindow.instances[0]!.webContents.printOutcome = { success: false, failureReason: 'Printer is offline' };
    await expect(promise).rejects.toMatchObject({ code: 'device_error', details: { printer: 'HP-A4', reason: 'Printer is offline' } });
    expect(BrowserWindow.instances[0]!.isDestroyed()).toBe(true);
  });
});
