import { publishConfigPart, registerKiosk } from '../../src/county/county-state';
import { methods, type MethodName } from '../../src/shared/contract';
import { registerPoint } from '../../src/county/console/points';
import { insertStaff } from '../../src/county/console/staff-register';
import { replaceVillageDuties } from '../../src/county/village-list';
import { DEMO_STAFF_PASSWORDS, demoStaff } from '../../src/county/demo-seed';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { ClerkDay } from '../../src/shared/contract/methods/clerk-day';
import { TEST_KIOSK, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';
import { JOB_FORM, until } from '../support/clerk-work';

jest.setTimeout(90_000);

const A = { ...TEST_KIOSK, division: '140105001201' };
const B = { id: 'kiosk-test-2', secret: 'other-secret-0123456789abcdef01234567', division: '140105002203' };

/**
 * Per-point staff scope (issue 9, "a clerk can never act outside their scope"), with the real county and two real
 * kiosk cores at two villages of different townships: clerk-li serves point A only, clerk-zhao point B only. Each
 * point's kiosk receives only its own clerks, so the other point's clerk cannot log in there (and so can neither
 * act nor read anything); the county gives a point's village list only to that point's kiosk and only for a clerk
 * whose scope covers it; one point's records never show at the other.
 */
describe('a clerk of one point cannot act at, or see, another point', () => {
  let county: TestCounty;
  const cores: KioskCore[] = [];
  const startCore = (kiosk: { id: string; secret: string }) =>
    createKioskCore({
      config: parseSiteConfig({
        ...DEMO_SITE_CONFIG,
        county: { url: county.url, kioskId: kiosk.id, secret: kiosk.secret, development: true, configPublicKeyFile: county.configPublicKeyFile, syncIntervalSeconds: 5 },
      }),
      dataDir: tempDataDir('kiosk-scope-'),
      simulate: true,
      log: createMemoryLogger().logger,
      appVersion: '0.0.0-test',
      controlSocket: false,
    }).then((core) => {
      cores.push(core);
      return core;
    });
  const outcome = (core: KioskCore, c: Connection, method: string, params: unknown = {}) => core.dispatcher.dispatch(c, method, params);
  const ok = async <T = Record<string, unknown>>(core: KioskCore, c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const o = await outcome(core, c, method, params);
    if ('error' in o) throw new Error(`${method}: ${JSON.stringify(o.error)}`);
    return o.result as T;
  };
  const login = (core: KioskCore, c: Connection, username: 'li' | 'zhao') => outcome(core, c, 'staff.login', { username, password: DEMO_STAFF_PASSWORDS[username]! });

  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    await registerKiosk(county.query, B.id, B.secret);
    await registerPoint(county.query, { kioskId: A.id, divisionCode: A.division, name: { 'zh-CN': '东庄村', en: 'Dongzhuang' }, level: 'village' });
    await registerPoint(county.query, { kioskId: B.id, divisionCode: B.division, name: { 'zh-CN': '南庄村', en: 'Nanzhuang' }, level: 'village' });
    const [li, zhao] = demoStaff();
    await insertStaff(county.query, { ...li!, scope: { kind: 'points', points: [A.division] } }, Date.now());
    await insertStaff(county.query, { ...zhao!, scope: { kind: 'points', points: [B.division] } }, Date.now());
    await replaceVillageDuties(county.query, A.division, [{ kind: 'pinLocked', idNumber: SAMPLE_RESIDENTS[4]!.idNumber, name: SAMPLE_RESIDENTS[4]!.name, date: '2026-11-20' }]);
    await replaceVillageDuties(county.query, B.division, [{ kind: 'certificationDue', idNumber: SAMPLE_RESIDENTS[5]!.idNumber, name: SAMPLE_RESIDENTS[5]!.name, date: '2026-11-30' }]);
  });
  afterAll(async () => {
    for (const core of cores) await core.close();
    await county?.close();
  });

  it("logs each clerk in at their own point only, and keeps each point's records and village list to itself", async () => {
    const [kioskA, kioskB] = await Promise.all([startCore(A), startCore(B)]);
    const liAtA = kioskA.newConnection('internal');
    const zhaoAtB = kioskB.newConnection('internal');
    // Each kiosk's first sync round brings its own staff list.
    await until(async () => ('result' in (await login(kioskA, liAtA, 'li')) ? true : undefined));
    await until(async () => ('result' in (await login(kioskB, zhaoAtB, 'zhao')) ? true : undefined));

    // The other point's clerk is not among this kiosk's accounts: the right password is refused like a wrong one.
    expect(await login(kioskA, kioskA.newConnection('internal'), 'zhao')).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect(await login(kioskB, kioskB.newConnection('internal'), 'li')).toMatchObject({ error: { code: 'invalid_credentials' } });

    // Work at A: an assisted application and an inquiry, both li's.
    await ok(kioskA, liAtA, 'dev.idCard.insert', { residentIndex: 3 });
    await ok(kioskA, liAtA, 'session.identify', { source: 'idCard' });
    const receipt = await ok<{ trackingNumber: string }>(kioskA, liAtA, 'applications.submit', { itemCode: 'JOB-01', form: JOB_FORM, attachments: [] });
    await ok(kioskA, liAtA, 'dev.idCard.remove');
    await ok(kioskA, liAtA, 'inquiries.open', { origin: 'phone', topic: '问养老金', due: 'today' });
    expect((await ok<ClerkDay>(kioskA, liAtA, 'clerkDay.today')).submissions.items.map((s) => s.trackingNumber)).toEqual([receipt.trackingNumber]);

    // Nothing of A's shows at B, to B's clerk.
    expect(await ok(kioskB, zhaoAtB, 'inquiries.list')).toEqual({ inquiries: [] });
    expect(await ok<ClerkDay>(kioskB, zhaoAtB, 'clerkDay.today')).toMatchObject({ submissions: { total: 0, items: [] }, inquiries: { opened: 0, open: 0 } });
    expect(await outcome(kioskB, zhaoAtB, 'applications.status', { trackingNumber: receipt.trackingNumber })).toMatchObject({ error: { code: 'not_found' } });

    // Village lists: each clerk gets their own point's, through their own kiosk.
    const listA = await ok<{ divisionCode: string; entries: Array<{ name: string }> }>(kioskA, liAtA, 'clerkDay.villageList');
    const listB = await ok<{ divisionCode: string; entries: Array<{ name: string }> }>(kioskB, zhaoAtB, 'clerkDay.villageList');
    expect([listA.divisionCode, listA.entries.map((e) => e.name)]).toEqual([A.division, [SAMPLE_RESIDENTS[4]!.name]]);
    expect([listB.divisionCode, listB.entries.map((e) => e.name)]).toEqual([B.division, [SAMPLE_RESIDENTS[5]!.name]]);

    // At the county, whatever a kiosk claims: kiosk A naming B's clerk, or B naming A's, gets nothing.
    const clientA = new HttpCountyClient({ baseUrl: county.url, kioskId: A.id, secret: A.secret });
    const clientB = new HttpCountyClient({ baseUrl: county.url, kioskId: B.id, secret: B.secret });
    try {
      await expect(clientA.villageList('clerk-zhao')).rejects.toMatchObject({ status: 403, reason: 'staff_out_of_scope' });
      await expect(clientB.villageList('clerk-li')).rejects.toMatchObject({ status: 403, reason: 'staff_out_of_scope' });
      await expect(clientA.villageList('tech-sun')).rejects.toMatchObject({ status: 403, reason: 'staff_out_of_scope' });
      expect((await clientA.villageList('clerk-li')).divisionCode).toBe(A.division);
      // Every read and every refusal is in the county's audit, filed under the village's township.
      const trail = await county.query.selectFrom('audit_log').select(['actor_id', 'action', 'target', 'township']).where('action', 'like', 'villageList.%').orderBy('seq').execute();
      expect(trail.map((r) => [r.actor_id, r.action, r.target, r.township])).toEqual([
        ['clerk-li', 'villageList.read', A.division, A.division.slice(0, 9)],
        ['clerk-zhao', 'villageList.read', B.division, B.division.slice(0, 9)],
        ['clerk-zhao', 'villageList.refused', A.division, A.division.slice(0, 9)],
        ['clerk-li', 'villageList.refused', B.division, B.division.slice(0, 9)],
        ['tech-sun', 'villageList.refused', A.division, A.division.slice(0, 9)],
        ['clerk-li', 'villageList.read', A.division, A.division.slice(0, 9)],
      ]);
    } finally {
      clientA.close();
      clientB.close();
    }

    // The county moves li to point B: A's next config round ends her login there, and from then on every method only
    // a clerk may call is refused on that screen, before any handler runs.
    // B's config version before the move: li is waited for at B by its next staff list, not by trying her password
    // over and over (each try at a kiosk that does not know her yet counts towards her lockout there).
    const versionAtB = async () => (await ok<{ configVersion: number }>(kioskB, kioskB.newConnection('internal'), 'sync.status')).configVersion;
    const beforeMove = await versionAtB();
    await county.query.updateTable('staff_register').set({ scope: JSON.stringify({ kind: 'points', points: [B.division] }) }).where('id', '=', 'clerk-li').execute();
    await publishConfigPart(county.query, 'staff', demoStaff());
    await until(async () => ((await ok<{ staff: unknown }>(kioskA, liAtA, 'staff.me')).staff === null ? true : undefined));
    const clerkOnly = (Object.keys(methods) as MethodName[]).filter((m) => {
      const access: readonly string[] = methods[m].access;
      return access.includes('clerk') && !access.includes('public') && !access.includes('resident');
    });
    expect(clerkOnly).toEqual(expect.arrayContaining(['clerkDay.today', 'clerkDay.villageList', 'inquiries.list', 'applications.rejected', 'sync.now']));
    for (const method of clerkOnly) expect({ method, outcome: await outcome(kioskA, liAtA, method, {}) }).toMatchObject({ method, outcome: { error: { code: 'forbidden' } } });
    expect(await login(kioskA, kioskA.newConnection('internal'), 'li')).toMatchObject({ error: { code: 'invalid_credentials' } });
    // ... and she now logs in at B, where her inquiry of A is still not to be seen.
    await until(async () => ((await versionAtB()) > beforeMove ? true : undefined));
    expect(await login(kioskB, kioskB.newConnection('internal'), 'li')).toHaveProperty('result');
  });
});
