import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { writeDiagnosticsBundle } from '../../src/main/diagnostics/bundle';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { tempDir } from '../support/core-harness';

jest.setTimeout(60_000);

/** Every personal value of every sample resident, as it could appear in a log, a frame or a figure. */
function personalValues(): string[] {
  return SAMPLE_RESIDENTS.flatMap((r) => [
    r.name,
    r.englishName,
    r.idNumber,
    r.address,
    r.socialSecurityCard.socialSecurityNumber,
    r.socialSecurityCard.cardNumber,
    r.socialSecurityCard.cardIdentificationCode,
  ]).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function unpack(file: string): Map<string, string> {
  const dir = tempDir('kiosk-bundle-open-');
  execFileSync('tar', ['-xzf', file, '-C', dir]);
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('the diagnostics bundle', () => {
  let core: KioskCore;
  let dataDir: string;
  let technician: Connection;
  let screen: Connection;

  beforeAll(async () => {
    dataDir = tempDir('kiosk-diag-');
    // A log that leaked: every sample resident's values in free text and in fields, as a careless line would hold them.
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    fs.writeFileSync(
      path.join(dataDir, 'logs', 'kiosk.1.log'),
      SAMPLE_RESIDENTS.map((r) => JSON.stringify({ level: 30, msg: `read card of ${r.name} ${r.idNumber} at ${r.address ?? ''}`, resident: { name: r.englishName ?? r.name, card: r.socialSecurityCard } })).join('\n'),
    );
    core = await createKioskCore({ config: demoSiteConfig(), dataDir, simulate: true, log: createMemoryLogger().logger, appVersion: 't' });
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-1', displayName: 'T', roles: ['technician'] };
    screen = core.newConnection('internal');
  });
  afterAll(async () => core?.close());

  it('holds logs, config, versions, devices, frames and queue figures, and no personal value of any sample resident', async () => {
    // Real reads first, so the frame logs hold card answers (elided by the drivers).
    for (const [index] of SAMPLE_RESIDENTS.entries()) {
      if (SAMPLE_RESIDENTS[index]!.documentType !== 'residentIdCard') continue;
      await core.dispatcher.dispatch(screen, 'dev.idCard.insert', { residentIndex: index });
      await core.dispatcher.dispatch(screen, 'session.identify', { source: 'idCard' });
      await core.dispatcher.dispatch(screen, 'session.end', { reason: 'finished' });
      await core.dispatcher.dispatch(screen, 'dev.idCard.remove', {});
    }
    const usb = tempDir('kiosk-usb-');
    const outcome = await core.dispatcher.dispatch(technician, 'diagnostics.export', { folder: usb });
    if (!('result' in outcome)) throw new Error(JSON.stringify(outcome));
    const { file, entries } = outcome.result as { file: string; entries: string[] };
    expect(path.dirname(file)).toBe(usb);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(entries).toEqual(expect.arrayContaining(['versions.json', 'config.json', 'devices.json', 'frames.json', 'queue.json', 'logs/kiosk.1.log']));
    const files = unpack(file);
    expect(JSON.parse(files.get('frames.json')!)['id-reader'].length).toBeGreaterThan(0);
    expect(files.get('logs/kiosk.1.log')).toContain('read card of');
    const values = personalValues();
    expect(values.length).toBeGreaterThan(20);
    const found = [...files].flatMap(([name, text]) => values.filter((v) => text.includes(v)).map((v) => `${name}: ${v}`));
    expect(found).toEqual([]);
  });

  it('leaves the county secret out of the config', () => {
    const usb = tempDir('kiosk-usb-');
    const config = { ...demoSiteConfig(), county: { url: 'https://county.example', kioskId: 'k-1', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=' } };
    const { file } = writeDiagnosticsBundle(
      { kioskId: 'k-1', config, versions: () => ({}), devices: () => [], frames: () => ({}), queue: () => ({}), logDir: path.join(usb, 'none'), now: () => new Date() },
      usb,
    );
    const text = unpack(file).get('config.json')!;
    expect(text).not.toContain('c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=');
    expect(JSON.parse(text).county.secret).toBe('(removed)');
  });

  it('refuses a folder that is not there, in words', async () => {
    const outcome = await core.dispatcher.dispatch(technician, 'diagnostics.export', { folder: path.join(dataDir, 'no-such-stick') });
    expect(outcome).toMatchObject({ error: { code: 'invalid_params' } });
    expect(await core.dispatcher.dispatch(screen, 'diagnostics.export', { folder: dataDir })).toMatchObject({ error: { code: 'forbidden' } });
  });
});
