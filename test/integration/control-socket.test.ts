import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { hashPassword } from '../../src/county/passwords';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { run } from '../../src/main/cli/kioskctl';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { applyConfigParts } from '../../src/main/store/config-versions';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

/** kioskctl over the core's own control socket: what the Electron shell gets without the browser host. */
describe('the control socket', () => {
  let core: KioskCore;
  let dataDir: string;
  const PASSWORD = 'Tech-Pass-77';

  beforeAll(async () => {
    dataDir = tempDataDir('kiosk-ctl-');
    // A technician account, as the county's staff list would bring it.
    const store = openTestStore(dataDir);
    applyConfigParts(store.db, [{ part: 'staff', version: 1, body: [{ id: 'tech-sun', username: 'tech', displayName: 'Sun', roles: ['technician'], passwordHash: hashPassword(PASSWORD), disabled: false }] }], new Date().toISOString(), store.key);
    store.close();
    core = await createKioskCore({ config: demoSiteConfig(), dataDir, simulate: true, log: createMemoryLogger().logger, appVersion: 't' });
  });
  afterAll(async () => core?.close());

  it('is a socket only the kiosk user can open, in a directory only the kiosk user can enter', () => {
    const socket = path.join(dataDir, 'kioskctl.sock');
    const stat = fs.statSync(socket);
    expect(stat.isSocket()).toBe(true);
    expect((stat.mode & 0o777).toString(8)).toBe('600');
    expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
  });

  it('kioskctl lists devices, and technician commands need the technician login', async () => {
    const listed = (await run(['devices', 'list', '--data-dir', dataDir])) as { devices: Array<{ id: string }> };
    expect(listed.devices.map((d) => d.id)).toEqual(expect.arrayContaining(['id-reader', 'receipt-printer']));
    await expect(run(['devices', 'test', 'id-reader', '--data-dir', dataDir])).rejects.toThrow(/forbidden/);
    process.env.KIOSK_PASSWORD = PASSWORD;
    try {
      const test = (await run(['devices', 'test', 'id-reader', '--data-dir', dataDir, '--user', 'tech'])) as { ok: boolean; steps: unknown[] };
      expect(test.ok).toBe(true);
      const frames = (await run(['devices', 'frames', 'id-reader', '--data-dir', dataDir, '--user', 'tech'])) as { frames: unknown[] };
      expect(frames.frames.length).toBeGreaterThan(0);
      expect(await run(['faults', '--data-dir', dataDir, '--user', 'tech'])).toMatchObject({ tickets: expect.any(Array) });
    } finally {
      delete process.env.KIOSK_PASSWORD;
    }
  });

  it('answers garbage in words and keeps serving; an overlong line is refused', async () => {
    const socket = net.connect(path.join(dataDir, 'kioskctl.sock'));
    socket.setEncoding('utf8');
    const lines: string[] = [];
    let buffer = '';
    socket.on('data', (c: string) => {
      buffer += c;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        lines.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
    await new Promise((r) => socket.once('connect', r));
    socket.write('not json\n{"id":7,"method":"system.ping","params":{}}\n');
    // Both answers, not a pause: the bad line must not stop the good one behind it.
    for (let i = 0; i < 500 && lines.length < 2; i += 1) await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: null, error: { code: 'invalid_request' } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ id: 7, result: { now: expect.any(String) } });
    const closed = new Promise((r) => socket.once('close', r));
    socket.write('x'.repeat(70 * 1024));
    await closed;
    expect(JSON.parse(lines[2]!)).toMatchObject({ error: { code: 'invalid_request', details: { reason: 'tooLong' } } });
    expect(await run(['devices', 'list', '--data-dir', dataDir])).toMatchObject({ devices: expect.any(Array) });
  });
});
