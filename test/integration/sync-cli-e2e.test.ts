import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { DEMO_SITE_CONFIG } from '../../src/main/config/load-site-config';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET, DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { tempDataDir } from '../support/store-fixtures';
import { until } from '../support/until';

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN = 'e2e-admin-token';

/** Starts one of the project's CLIs from source and resolves with the URL from its "<what> ready: URL" line. */
function startCli(script: string, args: string[], ready: RegExp): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
}

function connect(kioskUrl: string) {
  const url = new URL(kioskUrl);
  const ws = new WebSocket(`ws://${url.host}/api`, { headers: { authorization: `Bearer ${url.searchParams.get('token') ?? ''}` } });
  const events: Array<{ event: string; data: Record<string, unknown> }> = [];
  const pending = new Map<number, (m: { result?: unknown; error?: { code: string } }) => void>();
  let id = 0;
  ws.on('message', (raw) => {
    const m = JSON.parse(raw.toString()) as { id?: number; event?: string; data?: Record<string, unknown>; result?: unknown; error?: { code: string } };
    if (m.event) events.push({ event: m.event, data: m.data ?? {} });
    else pending.get(m.id!)?.(m);
  });
  const call = (method: string, params: unknown = {}) =>
    new Promise<{ result?: unknown; error?: { code: string } }>((resolve) => {
      id += 1;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { ws, events, call, opened: new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject))) };
}

function localDay(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('kiosk --simulate and county --seed demo, each its own process', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGTERM');
  });

  it('a submission made through the API appears at the county once; a config change at the county reaches the kiosk', async () => {
    const countyDataDir = tempDataDir('e2e-county-');
    const county = await startCli('src/county/cli.ts', ['--data-dir', countyDataDir, '--seed', 'demo', '--admin-token', ADMIN], /county ready: (\S+)/);
    children.push(county.child);
    const configFile = path.join(tempDataDir('e2e-config-'), 'site.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: DEMO_KIOSK_ID, secret: DEMO_KIOSK_SECRET, development: true, configPublicKeyFile: path.join(countyDataDir, 'config-signing.pub.pem'), syncIntervalSeconds: 5 } }));
    const kioskDataDir = tempDataDir('e2e-kiosk-');
    const started = await startCli('src/main/browser-host/cli.ts', ['--no-browser', '--simulate', '--config', configFile, '--data-dir', kioskDataDir], /kiosk ready: (\S+)/);
    // The launch URL (with its token) is in the data dir, never on stdout.
    const kiosk = { ...started, url: fs.readFileSync(path.join(kioskDataDir, 'launch-url'), 'utf8').trim() };
    children.push(kiosk.child);
    const api = connect(kiosk.url);
    await api.opened;
    const admin = async (method: string, p: string, body?: unknown) => {
      const res = await fetch(`${county.url}${p}`, { method, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return (await res.json()) as Record<string, number>;
    };

    expect((await api.call('dev.idCard.insert', { residentIndex: 0 })).error).toBeUndefined();
    expect((await api.call('session.identify', { source: 'idCard' })).error).toBeUndefined();
    const submitted = await api.call('applications.submit', {
      itemCode: 'JOB-01',
      serviceMode: 'self',
      form: { education: 'junior', phone: '13812345678', address: '北格镇张花村东街18号', wantedJob: '保洁员', wantedPlace: 'county', availableFrom: localDay() },
      attachments: [],
    });
    expect(submitted.error).toBeUndefined();
    expect(submitted.result).toMatchObject({ delivery: 'queued', trackingNumber: expect.any(String) });

    // The kiosk sends it by itself (kicked by the submit); the county holds it once.
    await until(async () => (await admin('GET', '/admin/v1/stats')).items === 1, 20_000);
    await until(async () => ((await api.call('sync.status')).result as { acknowledged: number }).acknowledged === 1, 20_000);
    const clerk = await api.call('staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li });
    expect(clerk.error).toBeUndefined();
    expect((await api.call('sync.now')).result).toMatchObject({ ok: true, sent: 0 });
    expect(await admin('GET', '/admin/v1/stats')).toMatchObject({ items: 1, distinctIds: 1 });

    const { version } = await admin('PUT', '/admin/v1/config/announcements', [
      { id: 'e2e', title: { 'zh-CN': '停电通知', en: 'Power cut notice' }, body: { 'zh-CN': '明天上午停电。', en: 'No power tomorrow morning.' } },
    ]);
    await api.call('sync.now');
    await until(() => api.events.find((e) => e.event === 'config.changed' && e.data.part === 'announcements' && e.data.version === version), 20_000);
    api.ws.close();
  }, 90_000);
});
