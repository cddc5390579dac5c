import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { applyOutcomes, outcomeOf } from '../../src/main/store/outcomes';
import { KioskStore } from '../../src/main/store/kiosk-store';
import { defaultKekFile, FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { checkOutcomesPage, type ItemOutcome } from '../../src/shared/sync/outcomes';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import type { CountyServer } from '../../src/county/server';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

const resident = SAMPLE_RESIDENTS[0]!;
const ADMIN = { authorization: 'Bearer admin-test-token', 'content-type': 'application/json' };
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

type Status = { state: string; outcome: ItemOutcome | null; trackingNumber: string; submissionId: string };

describe('outcomes flow down to the kiosk: kept per application, applied once, never overwritten by an older one', () => {
  let county: CountyServer;
  let core: KioskCore;
  let dataDir: string;
  const events: Array<{ event: string; data: unknown }> = [];
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    dataDir = tempDataDir('kiosk-outcomes-');
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, syncIntervalSeconds: 3600 } });
    core = await createKioskCore({ config, dataDir, simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test' });
    core.events.subscribe((event, data) => events.push({ event, data }));
    // The first round (at start) brings the staff list the clerks log in with.
    // Awaited as the event itself (the loop before it polled and fell through after 10 s without failing).
    await new Promise<void>((resolve) => {
      if (events.some((e) => e.event === 'config.changed' && (e.data as { part: string }).part === 'staff')) return resolve();
      core.events.subscribe((event, data) => {
        if (event === 'config.changed' && (data as { part: string }).part === 'staff') resolve();
      });
    });
  });
  afterAll(async () => {
    await core.close();
    await county.close();
  });

  async function call<T>(conn: ReturnType<KioskCore['newConnection']>, method: string, params: unknown): Promise<T> {
    const answer = (await core.dispatcher.dispatch(conn, method as never, params as never)) as { result?: T; error?: unknown };
    if (answer.error) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
    return answer.result as T;
  }

  async function admin(path: string, body: unknown) {
    const res = await fetch(`${county.url}/admin/v1${path}`, { method: 'POST', headers: ADMIN, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ outcome: ItemOutcome }>;
  }

  async function syncRound(conn: ReturnType<KioskCore['newConnection']>) {
    await call(conn, 'sync.now', {});
    await county.relay.tick();
    await call(conn, 'sync.now', {});
  }

  it('an application returned for a missing material is completed at the kiosk, sent again as the same application, and ends done', async () => {
    const conn = core.newConnection('internal');
    await call(conn, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li });
    await call(conn, 'session.identifyTyped', { idNumber: resident.idNumber, name: resident.name, reason: 'cardUnreadable' });
    const receipt = await call<{ submissionId: string; trackingNumber: string }>(conn, 'applications.submit', {
      // (A change of details such as INS-10 now needs the resident's own ID card and face, never a typed number.)
      itemCode: 'JOB-08',
      form: { difficultyType: 'disabled', familySize: 3, phone: '13800000000', promise: true },
      attachments: [{ materialCode: 'disabilityCertificate', mime: 'image/jpeg', dataBase64: JPEG.toString('base64') }],
    });
    await syncRound(conn);
    expect((await call<Status>(conn, 'applications.status', { trackingNumber: receipt.trackingNumber })).outcome).toMatchObject({ state: 'accepted', seq: 1 });

    // A county clerk takes it and asks for a clearer page of the disability certificate.
    await admin(`/back-office/applications/${receipt.submissionId}/take`, { clerkId: 'county-zhou' });
    await admin(`/back-office/applications/${receipt.submissionId}/return`, { clerkId: 'county-zhou', materials: ['disabilityCertificate'], note: { 'zh-CN': '残疾人证照片看不清。', en: 'The disability certificate photo is unreadable.' } });
    await syncRound(conn);
    const returned = await call<{ submissions: Status[] }>(conn, 'applications.mine', {});
    expect(returned.submissions[0]!.outcome).toMatchObject({ state: 'returned', seq: 3, missing: { materials: ['disabilityCertificate'] } });
    expect(returned.submissions[0]!.outcome!.missing!.text['zh-CN']).toContain('残疾人证照片看不清。');
    expect(events.some((e) => e.event === 'applications.outcome' && (e.data as { state: string }).state === 'returned')).toBe(true);

    // Without the material it asked for, nothing is sent.
    await expect(call(conn, 'applications.resend', { submissionId: receipt.submissionId, attachments: [] })).rejects.toThrow(/validation_failed/);
    const again = await call<{ trackingNumber: string; submissionId: string }>(conn, 'applications.resend', {
      submissionId: receipt.submissionId,
      attachments: [{ materialCode: 'disabilityCertificate', mime: 'image/jpeg', dataBase64: Buffer.concat([JPEG, Buffer.from('clear')]).toString('base64') }],
    });
    expect(again.trackingNumber).toBe(receipt.trackingNumber);
    expect(again.submissionId).not.toBe(receipt.submissionId);
    await syncRound(conn);
    expect((await call<Status>(conn, 'applications.status', { submissionId: receipt.submissionId })).outcome).toMatchObject({ state: 'inProgress' });
    // The resend is part of the application, not a request of its own.
    expect((await call<{ submissions: Status[] }>(conn, 'applications.mine', {})).submissions.map((s) => s.submissionId)).toEqual([receipt.submissionId]);

    await admin(`/back-office/applications/${receipt.submissionId}/take`, { clerkId: 'county-zhou' });
    await admin(`/back-office/applications/${receipt.submissionId}/finish`, { clerkId: 'county-zhou' });
    await syncRound(conn);
    const done = (await call<Status>(conn, 'applications.status', { trackingNumber: receipt.trackingNumber })).outcome!;
    expect(done.state).toBe('done');
    expect(done.steps.map((s) => s.state)).toEqual(['accepted', 'inProgress', 'returned', 'inProgress', 'inProgress', 'done']);
    // The county stored the resend as the same application, once.
    expect(await county.query.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).where('application_id', '=', receipt.submissionId).executeTakeFirst()).toEqual({ n: 1 });
  });

  it('a resident alone sees only their own application; a clerk finds any by tracking number', async () => {
    const conn = core.newConnection('internal');
    await call(conn, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li });
    await call(conn, 'session.identifyTyped', { idNumber: resident.idNumber, name: resident.name, reason: 'cardUnreadable' });
    const mine = await call<{ submissions: Status[] }>(conn, 'applications.mine', {});
    const tracking = mine.submissions[0]!.trackingNumber;
    await call(conn, 'staff.logout', {});
    const other = SAMPLE_RESIDENTS[2]!;
    // Another resident, identified on this connection (the resident role belongs to it), the clerk logged out.
    const clerk = core.newConnection('internal');
    await call(clerk, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li });
    await call(clerk, 'session.identifyTyped', { idNumber: other.idNumber, name: other.name, reason: 'cardUnreadable' });
    await call(clerk, 'staff.logout', {});
    await expect(call(clerk, 'applications.status', { trackingNumber: tracking })).rejects.toThrow(/not_found/);
    await call(clerk, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li });
    expect((await call<Status>(clerk, 'applications.status', { trackingNumber: tracking })).outcome!.state).toBe('done');
  });

  it('applies each outcome once; an older one arriving late, an unknown id or a malformed entry changes nothing', () => {
    const store = KioskStore.open({ dataDir, keeper: new FileKeyKeeper(defaultKekFile(dataDir).file) });
    try {
      const id = (store.db.prepare('SELECT id FROM submissions WHERE application_id IS NULL LIMIT 1').get() as { id: string }).id;
      const held = outcomeOf(store.db, id)!;
      const older: ItemOutcome = { ...held, seq: held.seq - 1, state: 'returned' };
      expect(applyOutcomes(store.db, [older], 999, new Date().toISOString())).toEqual({ applied: [], cases: [], stale: 1, unknown: 0 });
      expect(applyOutcomes(store.db, [held], 999, new Date().toISOString())).toEqual({ applied: [], cases: [], stale: 1, unknown: 0 });
      expect(outcomeOf(store.db, id)).toEqual(held);
      const page = checkOutcomesPage({ cursor: 5, more: false, outcomes: [{ ...held, seq: 'x' }, { ...held, itemId: '0196f000-0000-7000-8000-00000000abcd' }, held, { ...held, seq: held.seq + 1, state: 'refused' }] });
      expect(page.refused).toBe(2);
      expect(page.outcomes.map((o) => [o.itemId, o.seq])).toEqual([['0196f000-0000-7000-8000-00000000abcd', held.seq], [id, held.seq + 1]]);
      expect(applyOutcomes(store.db, page.outcomes, 5, new Date().toISOString())).toEqual({ applied: [{ submissionId: id, state: 'refused' }], cases: [], stale: 0, unknown: 1 });
    } finally {
      store.close();
    }
  });
});
