import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { networkEndpoint, parseLpstat, SystemPrinterDriver } from './system-printer-driver';

describe('A4 printer queue status (lpstat)', () => {
  it('reads idle, printing, disabled and unknown queues', () => {
    expect(parseLpstat('printer a4 is idle.  enabled since Sun 29 Nov 2026\n', 'a4')).toEqual({ state: 'online' });
    expect(parseLpstat('printer a4 now printing a4-12.  enabled since ...\n', 'a4')).toEqual({ state: 'busy' });
    expect(parseLpstat('printer a4 disabled since Sun 29 Nov 2026 -\n\tPaused\n', 'a4')).toEqual({ state: 'offline', detailKey: 'printers:documentPrinter.disabled' });
    expect(parseLpstat('lpstat: Invalid destination name in list "a4".\n', 'a4')).toEqual({ state: 'notConfigured', detailKey: 'printers:documentPrinter.unknownQueue' });
    expect(parseLpstat('printer a40 is idle.\n', 'a4').state).toBe('notConfigured');
    // The backend's words under the queue line: the printer does not answer.
    expect(parseLpstat('printer a4 now printing a4-2.  enabled since today\n\tThe printer may not exist or is unavailable at this time.\n', 'a4')).toEqual({ state: 'offline', detailKey: 'printers:documentPrinter.unreachable' });
    expect(parseLpstat('printer a4 now printing a4-2.  enabled since today\n\tSpooling job, 40% done.\n', 'a4')).toEqual({ state: 'busy' });
  });

  it('finds a network printer behind the queue (lpstat -v) and leaves local ones to CUPS', () => {
    expect(networkEndpoint('printer a4 is idle.\ndevice for a4: ipp://192.168.1.20/ipp/print\n', 'a4')).toEqual({ host: '192.168.1.20', port: 631 });
    expect(networkEndpoint('device for a4: socket://10.0.0.5:9101\n', 'a4')).toEqual({ host: '10.0.0.5', port: 9101 });
    expect(networkEndpoint('device for a4: usb://HP/LaserJet?serial=1\n', 'a4')).toBeNull();
    expect(networkEndpoint('device for a40: ipp://x/\n', 'a4')).toBeNull();
  });

  it('the driver runs lpstat and reports the change; a missing lpstat is offline with its message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpstat-'));
    const fake = path.join(dir, 'lpstat');
    fs.writeFileSync(fake, '#!/bin/sh\necho "printer $2 is idle.  enabled since today"\n', { mode: 0o755 });
    const driver = new SystemPrinterDriver({ id: 'a4', printerName: 'office', lpstatCommand: fake });
    await driver.start();
    expect(driver.status()).toMatchObject({ kind: 'documentPrinter', state: 'online' });
    expect((await driver.selfTest()).ok).toBe(true);
    await driver.stop();
    const missing = new SystemPrinterDriver({ id: 'a4', printerName: 'office', lpstatCommand: path.join(dir, 'nope') });
    await missing.refresh();
    expect(missing.status()).toMatchObject({ state: 'offline', detailKey: 'printers:documentPrinter.noCups' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
