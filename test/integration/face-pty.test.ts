import { SAMPLE_FACE_JPEG_BASE64 } from '../../src/devices/face/sample-image';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { KioskError } from '../../src/shared/contract/errors';
import { FaceModuleDriver } from '../../src/devices/face/driver';
import type { ProgressStep } from '../../src/devices/face/protocol';
import { ReconnectingTransport } from '../../src/devices/transports/reconnecting-transport';
import { SerialTransport } from '../../src/devices/transports/serial-transport';
import { until } from '../support/until';

jest.setTimeout(30_000);

/** The face module driver on a real pty pair, the module simulator in another process (frames cross the OS). */
describe('face module over a pty pair', () => {
  const root = path.resolve(__dirname, '..', '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-face-pty-'));
  let socat: ChildProcess;
  let sim: ChildProcess;
  let driver: FaceModuleDriver;
  const replies: Array<(v: Record<string, unknown>) => void> = [];
  const command = (line: string) => new Promise<Record<string, unknown>>((resolve) => (replies.push(resolve), sim.stdin!.write(`${line}\n`)));

  beforeAll(async () => {
    socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${dir}/host`, `pty,raw,echo=0,link=${dir}/module`], { stdio: 'ignore' });
    for (let i = 0; i < 250 && !(fs.existsSync(`${dir}/host`) && fs.existsSync(`${dir}/module`)); i++) await new Promise((r) => setTimeout(r, 20));
    sim = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/devices/face/serve-simulator.ts'), '--port', `${dir}/module`, '--step-ms', '20'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    readline.createInterface({ input: sim.stdout! }).on('line', (line) => replies.shift()?.(JSON.parse(line) as Record<string, unknown>));
    await new Promise<Record<string, unknown>>((resolve) => replies.push(resolve));
    driver = new FaceModuleDriver({ id: 'face', transport: new SerialTransport({ path: `${dir}/host`, baudRate: 115200 }), simulated: false, answerTimeoutMs: 500 });
    await driver.start();
  });
  afterAll(async () => {
    await driver?.stop();
    sim?.stdin?.end();
    await new Promise((r) => (sim ? sim.once('exit', r) : r(undefined)));
    socat?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a session passes: progress, scores, and the whole JPEG in chunks', async () => {
    expect(driver.status().state).toBe('online');
    const steps: ProgressStep[] = [];
    const result = await driver.capture({ purpose: 'certification', timeoutSeconds: 5, onProgress: (s) => steps.push(s) });
    expect(steps).toContain('capturing');
    // Byte for byte the simulator's image: every chunk of the transfer in place, none lost or zeroed.
    expect(Buffer.from(result.jpeg).equals(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64'))).toBe(true);
    expect(result.livenessScore).toBeGreaterThan(0.9);
  });

  it('spoof is liveness_failed; a silent module is device_timeout', async () => {
    await command('next spoof');
    await expect(driver.capture({ purpose: 'certification', timeoutSeconds: 5 })).rejects.toMatchObject({ code: 'liveness_failed', details: { reason: 'spoof' } });
    await command('next silent');
    const error = (await driver.capture({ purpose: 'certification', timeoutSeconds: 1 }).catch((e: unknown) => e)) as KioskError;
    expect(error.code).toBe('device_timeout');
    await command('next pass');
  });
});

/** The module unplugged and plugged back in, opened as the device manager opens it (a port that is opened again). */
describe('face module unplugged and plugged back in', () => {
  const root = path.resolve(__dirname, '..', '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-face-replug-'));
  /** socat's pair and the module simulator on its far end: "the module plugged in". */
  async function plugIn(): Promise<() => Promise<void>> {
    const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${dir}/host`, `pty,raw,echo=0,link=${dir}/module`], { stdio: 'ignore' });
    await until(() => fs.existsSync(`${dir}/host`) && fs.existsSync(`${dir}/module`), 5000);
    const sim = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/devices/face/serve-simulator.ts'), '--port', `${dir}/module`, '--step-ms', '20'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => readline.createInterface({ input: sim.stdout! }).once('line', () => resolve()));
    return async () => {
      sim.stdin!.end();
      await new Promise((r) => sim.once('exit', r));
      socat.kill();
      await until(() => !fs.existsSync(`${dir}/host`), 5000);
    };
  }
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('goes offline when the line goes and captures again after replug, without a restart', async () => {
    let unplug = await plugIn();
    const transport = new ReconnectingTransport(() => new SerialTransport({ path: `${dir}/host`, baudRate: 115200 }), 'face', { minDelayMs: 50, maxDelayMs: 200 });
    const driver = new FaceModuleDriver({ id: 'face', transport, link: transport, simulated: false, answerTimeoutMs: 500 });
    try {
      await driver.start();
      await until(() => driver.status().state === 'online', 15_000);
      await unplug();
      await until(() => driver.status().state === 'offline', 15_000);
      await expect(driver.capture({ purpose: 'certification', timeoutSeconds: 1 })).rejects.toMatchObject({ code: expect.stringMatching(/^device_(offline|timeout|error)$/) });
      unplug = await plugIn();
      await until(() => driver.status().state === 'online', 15_000);
      const result = await driver.capture({ purpose: 'certification', timeoutSeconds: 5 });
      expect(Buffer.from(result.jpeg).equals(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64'))).toBe(true);
    } finally {
      await driver.stop();
      await unplug();
    }
  });
});
