import path from 'node:path';
import WebSocket from 'ws';
import { hashPassword } from '../../src/county/passwords';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import type { Connection } from '../../src/main/dispatcher';
import { isLanAddress } from '../../src/main/lan/lan-address';
import { signLink } from '../../src/main/lan/link-auth';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { applyConfigParts } from '../../src/main/store/config-versions';
import { openTestStore, tempDataDir } from '../support/store-fixtures';
import { until } from '../support/until';

jest.setTimeout(60_000);

const PASSWORD = 'Correct-Horse-9';

/** A core in its own data dir with two clerk accounts, as a station of the point (kiosk with a LAN listener, or window PC). */
async function startStation(station: 'kiosk' | 'window'): Promise<{ core: KioskCore; events: Array<{ event: string; data: Record<string, unknown> }> }> {
  const dataDir = tempDataDir(`kiosk-${station}-`);
  const keeper = path.join(dataDir, 'keys', 'kek');
  const seed = openTestStore(dataDir);
  const passwordHash = hashPassword(PASSWORD);
  applyConfigParts(seed.db, [{ part: 'staff', version: 1, body: [
    { id: 'clerk-li', username: 'li', displayName: '李秀英', roles: ['clerk'], passwordHash, disabled: false },
    { id: 'clerk-zhao', username: 'zhao', displayName: '赵建国', roles: ['clerk'], passwordHash, disabled: false },
  ] }], new Date().toISOString(), seed.key);
  seed.close();
  const base = DEMO_SITE_CONFIG as { kiosk: object };
  const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, kiosk: { ...base.kiosk, station }, ...(station === 'kiosk' ? { lan: { host: '127.0.0.1', port: 0 } } : {}) });
  const core = await createKioskCore({ config, dataDir, simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', keyKeeper: new FileKeyKeeper(keeper), controlSocket: false });
  const events: Array<{ event: string; data: Record<string, unknown> }> = [];
  core.events.subscribe((event, data) => events.push({ event, data: data as Record<string, unknown> }));
  return { core, events };
}

/**
 * LAN pairing of the window PC with the village kiosk (issue 9 items 3 and 8), two real cores in one process: the
 * kiosk's clerk shows a code, the window PC trades it for a key once, and from then on the kiosk's help calls reach
 * the window PC's clerk, whose "I'll go" is what the resident's screen hears. The link refuses bad signatures, old
 * times, replays and strangers; a window PC cannot take a call in the name of a clerk not logged in there.
 */
describe('LAN pairing: kiosk and window PC', () => {
  let kiosk: Awaited<ReturnType<typeof startStation>>;
  let windowPc: Awaited<ReturnType<typeof startStation>>;
  let address = '';
  const call = async (core: KioskCore, c: Connection, method: string, params: unknown = {}) => core.dispatcher.dispatch(c, method, params);
  const ok = async (core: KioskCore, c: Connection, method: string, params: unknown = {}) => {
    const outcome = await call(core, c, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };
  const clerkOn = async (core: KioskCore, username: string) => {
    const c = core.newConnection('internal');
    await ok(core, c, 'staff.login', { username, password: PASSWORD });
    return c;
  };
  const newCode = async () => {
    const clerk = await clerkOn(kiosk.core, 'zhao');
    const code = (await ok(kiosk.core, clerk, 'pairing.newCode')) as { code: string; address: string };
    await ok(kiosk.core, clerk, 'staff.logout');
    return code;
  };
  /** Pairs the test itself as a second window PC (through the same door), for the link's refusals. */
  const pairAsTest = async () => {
    const { code } = await newCode();
    const res = await fetch(`http://${address}/lan/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'test bench' }) });
    return (await res.json()) as { peerId: string; key: string };
  };
  const openLink = (headers: Record<string, string>) =>
    new Promise<WebSocket | number>((resolve) => {
      const ws = new WebSocket(`ws://${address}/lan/v1/link`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(-1));
    });
  const headersOf = (c: ReturnType<typeof signLink>) => ({ 'x-pair-id': c.peerId, 'x-pair-time': c.time, 'x-pair-nonce': c.nonce, 'x-pair-signature': c.signature });

  beforeAll(async () => {
    kiosk = await startStation('kiosk');
    windowPc = await startStation('window');
  });
  afterAll(async () => {
    await windowPc?.core.close();
    await kiosk?.core.close();
  });

  it('answers only LAN addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.20', '169.254.3.4', '::1', 'fd12::1', 'fe80::1', '::ffff:192.168.0.2']) expect([a, isLanAddress(a)]).toEqual([a, true]);
    for (const a of ['8.8.8.8', '172.32.0.1', '100.64.0.1', '2001:db8::1', '::ffff:8.8.8.8', undefined]) expect([a, isLanAddress(a)]).toEqual([a, false]);
  });

  it('pairs once with the code shown on the kiosk: a wrong code and a spent code are refused', async () => {
    const resident = kiosk.core.newConnection('internal');
    expect(await call(kiosk.core, resident, 'pairing.newCode')).toMatchObject({ error: { code: 'forbidden' } });
    const shown = await newCode();
    address = shown.address;
    expect(shown.code).toMatch(/^\d{8}$/);
    const li = await clerkOn(windowPc.core, 'li');
    const wrong = String((Number(shown.code) + 1) % 100_000_000).padStart(8, '0');
    expect(await call(windowPc.core, li, 'pairing.pair', { address, code: wrong })).toMatchObject({ error: { code: 'pairing_refused' } });
    expect(await ok(windowPc.core, li, 'pairing.pair', { address, code: shown.code })).toMatchObject({ kioskName: expect.any(String) });
    expect(await call(windowPc.core, li, 'pairing.pair', { address, code: shown.code })).toMatchObject({ error: { code: 'pairing_refused' } });
    expect(await call(windowPc.core, li, 'pairing.pair', { address: '127.0.0.1:1', code: shown.code })).toMatchObject({ error: { code: 'peer_unreachable' } });
    // The link comes up by itself and the kiosk sees the window PC's clerk.
    const kioskClerk = await clerkOn(kiosk.core, 'zhao');
    await until(async () => ((await ok(kiosk.core, kioskClerk, 'pairing.status')) as { peers: Array<{ connected: boolean }> }).peers.some((p) => p.connected));
    expect(await ok(windowPc.core, li, 'pairing.status')).toMatchObject({ role: 'window', kiosk: { address, connected: true } });
    await ok(kiosk.core, kioskClerk, 'staff.logout');
    await ok(windowPc.core, li, 'staff.logout');
  });

  it("a resident's help call reaches the window PC's clerk; the resident hears only a real take", async () => {
    const li = await clerkOn(windowPc.core, 'li');
    const resident = kiosk.core.newConnection('internal');
    // The window PC tells the kiosk within a second who is logged in there.
    const asked = await until(async () => {
      const r = (await ok(kiosk.core, resident, 'help.request', { screen: 'home' })) as { delivered: boolean; callId: string; clerks: string[] };
      return r.delivered ? r : undefined;
    });
    expect(asked.clerks).toEqual(['李秀英']);
    await until(() => windowPc.events.some((e) => e.event === 'help.requested' && e.data.callId === asked.callId));
    expect(kiosk.events.some((e) => e.event === 'help.answered' && e.data.callId === asked.callId)).toBe(false);

    expect(await ok(windowPc.core, li, 'help.answer', { callId: asked.callId })).toEqual({ taken: true, ownerName: '李秀英' });
    expect(kiosk.events.filter((e) => e.event === 'help.answered' && e.data.callId === asked.callId).map((e) => e.data.clerkName)).toEqual(['李秀英']);
    await until(() => windowPc.events.some((e) => e.event === 'help.answered' && e.data.callId === asked.callId));
    // The kiosk's register: the call is the window clerk's (首问负责).
    const zhao = await clerkOn(kiosk.core, 'zhao');
    const register = (await ok(kiosk.core, zhao, 'inquiries.list', {})) as { inquiries: Array<{ id: string; ownerId: string | null }> };
    expect(register.inquiries.find((i) => i.id === asked.callId)).toMatchObject({ ownerId: 'clerk-li' });
    // A second take (any screen) does not take it again.
    expect(await ok(kiosk.core, zhao, 'help.answer', { callId: asked.callId })).toEqual({ taken: false, ownerName: '李秀英' });
    await ok(kiosk.core, zhao, 'staff.logout');

    // The window clerk logs out: the kiosk no longer claims anyone was told.
    await ok(windowPc.core, li, 'staff.logout');
    await new Promise((r) => setTimeout(r, 2100)); // past the burst guard, and one presence round
    const nobody = (await ok(kiosk.core, resident, 'help.request', { screen: 'home' })) as { delivered: boolean };
    expect(nobody.delivered).toBe(false);
  });

  it('refuses a link with a bad signature, an old time, a replayed nonce or an unknown id', async () => {
    const peer = await pairAsTest();
    const key = Buffer.from(peer.key, 'base64');
    const good = signLink(key, peer.peerId, new Date());
    expect(await openLink({ ...headersOf(good), 'x-pair-signature': signLink(Buffer.alloc(32, 7), peer.peerId, new Date()).signature })).toBe(401);
    expect(await openLink(headersOf(signLink(key, peer.peerId, new Date(Date.now() - 10 * 60_000))))).toBe(401);
    expect(await openLink(headersOf(signLink(key, '00000000-0000-4000-8000-000000000000', new Date())))).toBe(401);
    expect(await openLink({})).toBe(401);
    const first = await openLink(headersOf(good));
    expect(first).toBeInstanceOf(WebSocket);
    (first as WebSocket).close();
    expect(await openLink(headersOf(good))).toBe(401);
  });

  it('a paired PC cannot take a call in the name of a clerk not logged in there', async () => {
    const peer = await pairAsTest();
    const opened = await openLink(headersOf(signLink(Buffer.from(peer.key, 'base64'), peer.peerId, new Date())));
    const ws = opened as WebSocket;
    const messages: Array<Record<string, unknown>> = [];
    ws.on('message', (raw) => messages.push(JSON.parse(String(raw)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'presence', clerks: [] }));
    await new Promise((r) => setTimeout(r, 2100));
    const resident = kiosk.core.newConnection('internal');
    const asked = (await ok(kiosk.core, resident, 'help.request', { screen: 'home' })) as { callId: string };
    await until(() => messages.some((m) => m.type === 'help.requested' && m.callId === asked.callId));
    ws.send(JSON.stringify({ type: 'help.answer', requestId: 1, callId: asked.callId, clerk: { id: 'clerk-li', displayName: '李秀英' } }));
    await until(() => messages.find((m) => m.type === 'help.answerResult'));
    expect(messages.find((m) => m.type === 'help.answerResult')).toMatchObject({ taken: false, refused: 'clerkNotLoggedIn' });
    expect(kiosk.events.some((e) => e.event === 'help.answered' && e.data.callId === asked.callId)).toBe(false);
    ws.close();
  });
  it("unpairing on the kiosk revokes the window PC's key: its open link is cut and the key opens nothing again", async () => {
    const peer = await pairAsTest();
    const key = Buffer.from(peer.key, 'base64');
    const ws = (await openLink(headersOf(signLink(key, peer.peerId, new Date())))) as WebSocket;
    const closed = new Promise<void>((r) => ws.once('close', () => r()));
    const clerk = await clerkOn(kiosk.core, 'zhao');
    const before = (await ok(kiosk.core, clerk, 'pairing.status')) as { peers: Array<{ id: string; connected: boolean }> };
    expect(before.peers.find((p) => p.id === peer.peerId)).toMatchObject({ connected: true });
    // A resident cannot unpair; the clerk can.
    expect(await call(kiosk.core, kiosk.core.newConnection('internal'), 'pairing.unpair', { peerId: peer.peerId })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await ok(kiosk.core, clerk, 'pairing.unpair', { peerId: peer.peerId })).toEqual({ unpaired: true });
    await closed;
    const after = (await ok(kiosk.core, clerk, 'pairing.status')) as { peers: Array<{ id: string }> };
    expect(after.peers.map((p) => p.id)).not.toContain(peer.peerId);
    // Freshly signed with the revoked key (new time, new nonce): refused (the link's check reads the sealed store).
    expect(await openLink(headersOf(signLink(key, peer.peerId, new Date())))).toBe(401);
    expect(await call(kiosk.core, clerk, 'pairing.unpair', { peerId: peer.peerId })).toMatchObject({ error: { code: 'not_found' } });
    await ok(kiosk.core, clerk, 'staff.logout');
  });
});
