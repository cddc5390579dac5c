import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialTransport } from './serial-transport';

/** A write to a port that is not open fails at once; node-serialport alone would hold it until an open that never comes. */
describe('serial transport', () => {
  it('refuses a write after the port was closed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-serial-'));
    const socat = spawn('socat', [`pty,raw,echo=0,link=${dir}/a`, `pty,raw,echo=0,link=${dir}/b`], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 250 && !fs.existsSync(`${dir}/a`); i++) await new Promise((r) => setTimeout(r, 20));
      const transport = new SerialTransport({ path: `${dir}/a`, baudRate: 115200 });
      await transport.open();
      await transport.write(Uint8Array.of(1, 2, 3));
      await transport.close();
      await expect(transport.write(Uint8Array.of(4))).rejects.toThrow(/is not open/);
    } finally {
      socat.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a write to a port never opened', async () => {
    const transport = new SerialTransport({ path: '/dev/null-kiosk-missing', baudRate: 9600 });
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/is not open/);
  });
});
