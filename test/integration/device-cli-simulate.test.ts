import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { until } from '../support/until';

jest.setTimeout(60_000);

/**
 * The kiosk as a technician starts it (`cli.ts --no-browser --simulate`), reached like a screen reaches it (WebSocket
 * with the launch token and origin): the developer panel's dev.idCard.insert puts a sample card on the embedded
 * simulator, card.inserted arrives, session.identify makes the session know the resident; removal is noticed.
 */
describe('--simulate kiosk process: sample ID card through the WebSocket carrier', () => {
  let child: ChildProcess;
  let ws: WebSocket;
  const events: Array<{ event: string; data: Record<string, unknown> }> = [];
  let nextId = 1;
  const pending = new Map<number, (m: Record<string, unknown>) => void>();

  beforeAll(async () => {
    const root = path.resolve(__dirname, '..', '..');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-sim-'));
    const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main/browser-host/cli.ts', '--no-browser', '--simulate', '--data-dir', dataDir], {
      cwd: root,
      env: { ...process.env, KIOSK_RENDERER_DIR: renderer, KIOSK_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no "kiosk ready" line: ${out}`)), 45_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/kiosk ready: /.test(out)) {
          clearTimeout(timer);
          resolve(fs.readFileSync(path.join(dataDir, 'launch-url'), 'utf8').trim());
        }
      });
    });
    const page = new URL(url);
    ws = new WebSocket(`ws://${page.host}/api`, { headers: { authorization: `Bearer ${page.searchParams.get('token')}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as Record<string, unknown>;
      if (typeof m.event === 'string') events.push({ event: m.event, data: m.data as Record<string, unknown> });
      else if (typeof m.id === 'number') pending.get(m.id)?.(m);
    });
  });

  afterAll(async () => {
    ws?.close();
    if (child && child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
  });

  const call = (method: string, params: unknown = {}) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  it('knows the resident after the panel inserts a sample card, and notices the removal', async () => {
    const samples = await call('dev.samples');
    expect((samples.result as { residents: unknown[] }).residents.length).toBeGreaterThanOrEqual(8);
    expect(await call('dev.idCard.insert', { residentIndex: 5 })).toEqual(expect.objectContaining({ result: { ok: true } }));
    await until(() => events.some((e) => e.event === 'card.inserted' && e.data.kind === 'idCard'));
    const identified = await call('session.identify', { source: 'idCard' });
    expect(identified.result).toEqual({ maskedName: '刘*兰', maskedIdNumber: expect.stringMatching(/^1410\*{10}\d{3}[\dX]$/), source: 'idCard' });
    expect(events.some((e) => e.event === 'session.changed' && e.data.state === 'identified')).toBe(true);
    expect((await call('system.caller')).result).toEqual({ roles: expect.arrayContaining(['public', 'resident']) });
    await call('dev.idCard.remove');
    await until(() => events.some((e) => e.event === 'card.removed' && e.data.kind === 'idCard'));
    const devices = (await call('devices.list')).result as { devices: Array<{ kind: string; media: string }> };
    expect(devices.devices.find((d) => d.kind === 'idCardReader')?.media).toBe('absent');
  });
});
