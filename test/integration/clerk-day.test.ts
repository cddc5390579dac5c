import { publishConfigPart } from '../../src/county/county-state';
import { registerPoint } from '../../src/county/console/points';
import { insertStaff } from '../../src/county/console/staff-register';
import { replaceVillageDuties } from '../../src/county/village-list';
import { DEMO_STAFF_PASSWORDS, demoStaff } from '../../src/county/demo-seed';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { ClerkDay } from '../../src/shared/contract/methods/clerk-day';
import { TEST_KIOSK, restartTestCounty, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';
import { JOB_FORM, until } from '../support/clerk-work';

jest.setTimeout(90_000);

const POINT = '140105001201';

/**
 * The clerk's day (issue 9 item 10) over the real core, outbox and reference county: the clerk's own work of the
 * day (an assisted submission, an inquiry, a help call taken), the queue, an item the county rejected (the item was
 * withdrawn from the county's catalogue while the application waited offline) dealt with, and the village list the
 * county keeps for this point.
 */
describe("the clerk's day", () => {
  let county: TestCounty;
  let core: KioskCore | undefined;
  const dataDir = tempDataDir('kiosk-clerkday-');
  const start = (countyUrl: string) =>
    createKioskCore({
      config: parseSiteConfig({
        ...DEMO_SITE_CONFIG,
        county: { url: countyUrl, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, configPublicKeyFile: county.configPublicKeyFile, syncIntervalSeconds: 5 },
      }),
      dataDir,
      simulate: true,
      log: createMemoryLogger().logger,
      appVersion: '0.0.0-test',
      controlSocket: false,
    });
  const call = (c: Connection, method: string, params: unknown = {}) => core!.dispatcher.dispatch(c, method, params);
  const ok = async <T = Record<string, unknown>>(c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await call(c, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };

  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    await registerPoint(county.query, { kioskId: TEST_KIOSK.id, divisionCode: POINT, name: { 'zh-CN': '东庄村服务点', en: 'Dongzhuang' }, level: 'village' });
    const [li, zhao] = demoStaff();
    await insertStaff(county.query, { ...li!, scope: { kind: 'points', points: [POINT] } }, Date.now());
    await insertStaff(county.query, { ...zhao!, scope: { kind: 'points', points: [POINT] } }, Date.now());
    const r = SAMPLE_RESIDENTS;
    await replaceVillageDuties(county.query, POINT, [
      { kind: 'pinLocked', idNumber: r[4]!.idNumber, name: r[4]!.name, date: '2026-11-20' },
      { kind: 'certificationDue', idNumber: r[5]!.idNumber, name: r[5]!.name, date: '2026-11-30' },
      { kind: 'certificationDue', idNumber: r[1]!.idNumber, name: r[1]!.name, date: '2026-11-30' },
    ]);
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  it("shows only the clerk's own work of the day, the queue, the county's rejections with a way to deal with them, and the village list", async () => {
    const countyPort = Number(new URL(county.url).port);
    core = await start(county.url);
    const li = core.newConnection('internal');
    const zhao = core.newConnection('internal');
    const resident = core.newConnection('internal');
    // What the core tells the screens about the day's records (the clerk's day reloads on records.changed only).
    const told: string[] = [];
    core.events.subscribe((event, data) => {
      if (event === 'records.changed') told.push(`records:${(data as { cause: string }).cause}`);
      if (event === 'sync.progress') told.push('progress');
    });
    const recordsTold = () => told.filter((t) => t.startsWith('records:'));
    await until(async () => ((await call(li, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li! })) as { result?: unknown }).result);
    await ok(zhao, 'staff.login', { username: 'zhao', password: DEMO_STAFF_PASSWORDS.zhao! });

    // A resident alone may not read a clerk's day or the village list.
    expect(await call(resident, 'clerkDay.today', {})).toMatchObject({ error: { code: 'forbidden' } });
    expect(await call(resident, 'clerkDay.villageList', {})).toMatchObject({ error: { code: 'forbidden' } });

    // The village list: this point's, from the county, names for the clerk and ID numbers masked.
    const village = await ok<{ divisionCode: string; entries: Array<{ kind: string; name: string; idMasked: string }> }>(li, 'clerkDay.villageList', {});
    expect(village.divisionCode).toBe(POINT);
    expect(village.entries.map((e) => [e.kind, e.name])).toEqual([
      ['certificationDue', SAMPLE_RESIDENTS[1]!.name],
      ['certificationDue', SAMPLE_RESIDENTS[5]!.name],
      ['pinLocked', SAMPLE_RESIDENTS[4]!.name],
    ]);
    expect(JSON.stringify(village)).not.toContain(SAMPLE_RESIDENTS[4]!.idNumber);
    expect(village.entries[2]!.idMasked).toBe(`${SAMPLE_RESIDENTS[4]!.idNumber.slice(0, 4)}**********${SAMPLE_RESIDENTS[4]!.idNumber.slice(-4)}`);

    // The day's work, made while the county is away: li helps a resident hand in JOB-01, records an inquiry, takes a help call.
    await county.close();
    await ok(li, 'dev.idCard.insert', { residentIndex: 3 });
    await ok(li, 'session.identify', { source: 'idCard' });
    told.length = 0;
    const receipt = await ok<{ submissionId: string; trackingNumber: string }>(li, 'applications.submit', { itemCode: 'JOB-01', form: JOB_FORM, attachments: [] });
    expect(recordsTold()).toEqual(['records:queued']);
    // A 全程代办 case li opens for the same resident, and one zhao opens: li's day holds li's case only.
    const liCase = await ok<{ id: string; caseNumber: string }>(li, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 10, materials: [] });
    const zhaoCase = await ok<{ id: string; caseNumber: string }>(zhao, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 10, materials: [] });
    await ok(li, 'dev.idCard.remove');
    told.length = 0;
    await ok(li, 'inquiries.open', { origin: 'phone', itemCode: 'INS-01', due: 'today' });
    expect(recordsTold()).toEqual(['records:inquiry']);
    const helpCall = await ok<{ callId: string }>(resident, 'help.request', { screen: 'home' });
    await ok(li, 'help.answer', { callId: helpCall.callId });
    // A second call later (presses within 2 s are one call): nobody takes it yet.
    await new Promise((r) => setTimeout(r, 2100));
    await ok(resident, 'help.request', { screen: 'home' });

    const day = await ok<ClerkDay>(li, 'clerkDay.today', {});
    expect(day.submissions).toEqual({ total: 1, items: [expect.objectContaining({ submissionId: receipt.submissionId, trackingNumber: receipt.trackingNumber, itemCode: 'JOB-01', channel: 'assisted', status: 'queued' })] });
    expect(day.inquiries).toEqual({ opened: 2, closed: 0, open: 2, overdue: 0 });
    expect(day.helpCalls).toEqual({ received: 2, taken: 1 });
    expect(day.queue).toMatchObject({ pending: 1, online: false });
    expect(day.rejected).toEqual([]);
    expect(day.cases).toEqual([{ caseId: liCase.id, caseNumber: liCase.caseNumber, itemCode: 'JOB-08', state: 'opened', dueAt: expect.any(String), overdue: false, touchedToday: true }]);
    expect((await ok<ClerkDay>(zhao, 'clerkDay.today', {})).cases.map((c) => c.caseNumber)).toEqual([zhaoCase.caseNumber]);
    // The other clerk of the point sees their own (empty) day, not li's work, and the same point's help calls.
    expect(await ok<ClerkDay>(zhao, 'clerkDay.today', {})).toMatchObject({ submissions: { total: 0, items: [] }, inquiries: { opened: 0, open: 0 }, helpCalls: { received: 2, taken: 0 } });
    // Offline, the list fetched this morning still serves (with when it was fetched); a refresh says offline only when there is none.
    expect(await ok(li, 'clerkDay.villageList', { refresh: true })).toEqual(village);
    expect(await call(zhao, 'clerkDay.villageList', {})).toMatchObject({ error: { code: 'county_unreachable' } });

    // Back online, the county has withdrawn JOB-01 meanwhile: it rejects the waiting application.
    county = await restartTestCounty(county, countyPort);
    const catalog = defaultCatalog();
    await publishConfigPart(county.query, 'catalog', { ...catalog, items: catalog.items.filter((i) => i.code !== 'JOB-01') });
    told.length = 0;
    await ok(li, 'sync.now');
    // The county refused the waiting application: a record changed, and the screens are told so.
    expect(recordsTold()).toContain('records:settled');
    const afterSync = await until(async () => {
      const d = await ok<ClerkDay>(li, 'clerkDay.today', {});
      return d.rejected.length > 0 ? d : undefined;
    });
    expect(afterSync.rejected).toEqual([expect.objectContaining({ submissionId: receipt.submissionId, trackingNumber: receipt.trackingNumber, itemCode: 'JOB-01', reason: 'unknownItem' })]);
    expect(afterSync.submissions.items[0]).toMatchObject({ status: 'rejected' });
    expect(afterSync.queue).toMatchObject({ pending: 0, online: true });
    // A round with nothing to send and nothing settled: the queue's progress, and no word of changed records.
    told.length = 0;
    await ok(li, 'sync.now');
    expect(told).toContain('progress');
    expect(recordsTold()).toEqual([]);

    // Dealing with it (the clerk called the resident back): it leaves the list and stays on record with who did it.
    expect(await ok(li, 'applications.resolveRejected', { outboxId: afterSync.rejected[0]!.outboxId })).toEqual({ resolved: true });
    expect((await ok<ClerkDay>(li, 'clerkDay.today', {})).rejected).toEqual([]);

    // Logged out, the day is closed to that screen.
    await ok(li, 'staff.logout');
    expect(await call(li, 'clerkDay.today', {})).toMatchObject({ error: { code: 'forbidden' } });
  });
});
