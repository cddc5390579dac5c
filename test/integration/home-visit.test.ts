import path from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import { TEST_KIOSK, countyPayloads, restartTestCounty, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';
import { JOB_FORM, until } from '../support/clerk-work';

jest.setTimeout(60_000);

const GROUPS = ['第一村民小组', '第二村民小组'];

/**
 * Home-visit mode (issue 9 item 4) over the real core, outbox and reference county: the laptop syncs once before
 * leaving (the staff list and catalogue come down), then works with the county gone: a clerk logs in offline, names
 * the resident's village group, hands in JOB-01 stamped homeVisit; the laptop is shut down and started again; back
 * online, the county stores the record once, stamped homeVisit with the clerk's id and the village group.
 */
describe('home-visit laptop: prepared online, offline at the resident, synced when back', () => {
  let county: TestCounty;
  let core: KioskCore | undefined;
  const dataDir = tempDataDir('kiosk-homevisit-');
  const keeper = () => new FileKeyKeeper(path.join(dataDir, 'keys', 'kek'));
  const start = async (countyUrl: string) => {
    const config = parseSiteConfig({
      ...DEMO_SITE_CONFIG,
      kiosk: { ...(DEMO_SITE_CONFIG as { kiosk: object }).kiosk, station: 'homeVisit', villageGroups: GROUPS },
      county: { url: countyUrl, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, configPublicKeyFile: county.configPublicKeyFile, syncIntervalSeconds: 5 },
    });
    return createKioskCore({ config, dataDir, simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', keyKeeper: keeper(), controlSocket: false });
  };
  const call = async (c: Connection, method: string, params: unknown = {}) => {
    const outcome = await core!.dispatcher.dispatch(c, method, params);
    return outcome;
  };
  const ok = async (c: Connection, method: string, params: unknown = {}) => {
    const outcome = await call(c, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };

  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  it('is refused as a config without village groups', () => {
    expect(() => parseSiteConfig({ ...DEMO_SITE_CONFIG, kiosk: { station: 'homeVisit' } })).toThrow(/village groups/);
  });

  it('captures offline, survives a restart, and reaches the county stamped homeVisit with the clerk and village group', async () => {
    const countyPort = Number(new URL(county.url).port);
    // Before leaving: one sync round brings the staff list down.
    core = await start(county.url);
    const screen = core.newConnection('internal');
    await until(async () => ((await call(screen, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li! })) as { result?: unknown }).result);
    // Ready to leave: staff list and catalogue from a fresh round, nothing queued, the county reachable.
    const ready = await until(async () => {
      const r = (await ok(screen, 'homeVisit.readyToLeave')) as { ready: boolean; checks: Array<{ id: string; ok: boolean }> };
      return r.ready ? r : undefined;
    });
    expect(ready.checks.map((c) => [c.id, c.ok])).toEqual([['staffList', true], ['catalog', true], ['queueEmpty', true], ['countyReachable', true]]);
    expect(await call(core.newConnection('internal'), 'homeVisit.readyToLeave')).toMatchObject({ error: { code: 'forbidden' } });
    await ok(screen, 'staff.logout');
    await county.close();

    // At the resident's home, no network.
    expect(await call(screen, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li! })).toEqual({ result: { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] } });
    const resident = SAMPLE_RESIDENTS[3]!;
    await ok(screen, 'dev.idCard.insert', { residentIndex: 3 });
    await ok(screen, 'session.identify', { source: 'idCard' });
    const submit = { itemCode: 'JOB-01', form: JOB_FORM, attachments: [] };
    // No village group yet: refused, nothing queued.
    expect(await call(screen, 'applications.submit', submit)).toMatchObject({ error: { code: 'validation_failed', details: { fields: [{ field: 'villageGroup' }] } } });
    expect(await call(screen, 'homeVisit.chooseVillageGroup', { villageGroup: '第九村民小组' })).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await ok(screen, 'homeVisit.chooseVillageGroup', { villageGroup: GROUPS[1] })).toEqual({ villageGroup: GROUPS[1] });
    const receipt = (await ok(screen, 'applications.submit', submit)) as { submissionId: string; trackingNumber: string; submittedAt: string };
    // A question asked at the same home is an inquiry of the visit: it names the village group too.
    const inquiry = await ok(screen, 'inquiries.open', { origin: 'homeVisit', itemCode: 'INS-01', due: 'threeDays' });
    expect(inquiry).toMatchObject({ origin: 'homeVisit', channel: 'homeVisit', operatorId: 'clerk-li', villageGroup: GROUPS[1] });
    expect((await ok(screen, 'inquiries.list')).inquiries).toEqual([expect.objectContaining({ id: inquiry.id, villageGroup: GROUPS[1] })]);
    expect(receipt).toMatchObject({ delivery: 'queued' });
    // Not ready to go anywhere now: something waits to be sent and the county cannot be reached.
    const away = (await ok(screen, 'homeVisit.readyToLeave')) as { ready: boolean; checks: Array<{ id: string; ok: boolean; count?: number }> };
    expect(away.ready).toBe(false);
    expect(away.checks.filter((c) => !c.ok)).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'queueEmpty', count: 1 })]));

    // The same laptop without a clerk's login: the resident alone cannot choose a group or make a homeVisit record.
    const alone = core.newConnection('internal');
    expect(await call(alone, 'homeVisit.chooseVillageGroup', { villageGroup: GROUPS[0] })).toMatchObject({ error: { code: 'forbidden' } });

    // Encrypted at rest: the store holds neither the ID number, the name nor the village group in clear.
    await core.close();
    core = undefined;
    const raw = new Database(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    try {
      const row = raw.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE id = ?').get(receipt.submissionId);
      expect(row).toEqual({ channel: 'homeVisit', operatorId: 'clerk-li' });
      const dump = ['outbox', 'submissions', 'inquiries'].map((table) => JSON.stringify(raw.prepare(`SELECT * FROM ${table}`).all())).join('');
      expect(raw.prepare('SELECT village_group_enc IS NOT NULL AS sealed FROM inquiries').all()).toEqual([{ sealed: 1 }]);
      for (const secret of [resident.idNumber, resident.name, GROUPS[1]!]) expect(dump).not.toContain(secret);
    } finally {
      raw.close();
    }

    // Back in the office days later: the laptop starts again, the county is reachable again on its address.
    county = await restartTestCounty(county, countyPort);
    core = await start(county.url);
    const payload = await until<SubmissionPayload>(async () => (await countyPayloads(county.query)).get(receipt.submissionId));
    expect(payload).toEqual({
      submissionId: receipt.submissionId,
      trackingNumber: receipt.trackingNumber,
      itemCode: 'JOB-01',
      serviceMode: 'homeVisit',
      operatorId: 'clerk-li',
      villageGroup: GROUPS[1],
      submittedAt: receipt.submittedAt,
      resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'idCard' },
      form: JOB_FORM,
      attachments: [],
    });
    expect((await countyPayloads(county.query)).size).toBe(1);
  });
});
