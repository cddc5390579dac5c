import { createHmac } from 'node:crypto';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { registerKiosk } from '../../src/county/county-state';
import type { CountyDatabase } from '../../src/county/db/connection';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import { countyCatalogue, intakeReport, pointReportVersions, reportSignatureValid, townshipMonth } from '../../src/county/point-reports';
import { reportSigner } from '../../src/main/report/report-signature';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { MonthlyFigures } from '../../src/shared/report/monthly-figures';
import { layoutItems } from '../../src/shared/report/report-layout';
import { reportSigningText, type MonthlyReportPayload } from '../../src/shared/report/monthly-report';
import type { MonthlyReportItem } from '../../src/shared/sync/protocol';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { signedReportItem } from '../support/report-fixtures';

/**
 * The county's keeping of the points' monthly reports (point-reports.ts) called directly on a county database: what
 * it refuses and why, what it stores, every version in order, the township's month (received, received late, late,
 * due: each to the millisecond of the deadline), the township totals field by field, and the catalogue the workbook
 * lays items out by. report-submit.test.ts covers the same from a kiosk's screen through the sync.
 * October's reports are due by 2026-11-15T16:00:00.000Z (the end of the 15th at the point, UTC+8).
 */
const DEADLINE = '2026-11-15T16:00:00.000Z';
const at = (iso: string, plus = 0) => new Date(Date.parse(iso) + plus);
const before = (iso: string) => at(iso, -1).toISOString();
const [, DONGZHUANG, NANZHUANG] = DEMO_POINTS as [unknown, (typeof DEMO_POINTS)[number], (typeof DEMO_POINTS)[number]];
const secretOf = (kioskId: string) => (kioskId === DEMO_KIOSK_ID ? DEMO_KIOSK_SECRET : DEMO_POINTS.find((p) => p.kioskId === kioskId)!.secret);

/** A point's signed report as its kiosk sends it, with `change` applied before signing (figures, notes, names). */
function report(kioskId: string, month: string, version: number, submittedAt: string, change: (p: MonthlyReportPayload) => MonthlyReportPayload = (p) => p): MonthlyReportItem {
  const item = signedReportItem(kioskId, month, version, submittedAt, { 'JOB-01': 1 }) as MonthlyReportItem;
  const { signature: _old, ...changed } = change(item.payload);
  return { ...item, payload: { ...changed, signature: reportSigner(secretOf(kioskId))(reportSigningText(changed)) } };
}

/** Every count of a point's figures (all but month, items and devices) numbered by `n`: 1 to 19 in field order. */
const counts = (n: (k: number) => number) => ({
  queries: { self: n(1), assisted: n(2), window: n(3), homeVisit: n(4), proxy: n(5) },
  prints: { receipt: n(6), certificate: n(7), notification: n(8), queryResult: n(9) },
  inquiries: { opened: n(10), closed: n(11) },
  cases: { opened: n(12), done: n(13), overdue: n(14) },
  helpCalls: n(15),
  faults: { opened: n(16), closed: n(17) },
  officeMinutes: n(18),
  distinctResidents: n(19),
});
/** Figures in which every count differs (base * 100 + its number), so each field's sum is its own. */
function figures(month: string, base: number, items: MonthlyFigures['items']): MonthlyFigures {
  return { month, items, devices: [{ deviceId: 'receipt-printer', kind: 'receiptPrinter', usableMinutes: 1 }], ...counts((k) => base * 100 + k) };
}
const channels = (self: number, assisted: number, window: number, homeVisit: number, proxy: number) => ({ self, assisted, window, homeVisit, proxy });

describe("the points' monthly reports at the county", () => {
  let county: CountyDatabase;
  const rows = () => county.query.selectFrom('point_reports').selectAll().orderBy('item_id').execute();

  beforeAll(async () => {
    county = await openTestCountyDatabase('point-reports-');
    // Registered out of order: the township's list is sorted, not the register's order.
    await registerKiosk(county.query, NANZHUANG.kioskId, NANZHUANG.secret);
    await registerKiosk(county.query, DONGZHUANG.kioskId, DONGZHUANG.secret);
  });
  afterAll(() => closeTestCountyDatabase(county));

  it("checks a report's signature with the kiosk's own key: unknown kiosks, other keys, short and changed signatures are false", async () => {
    const good = report(DONGZHUANG.kioskId, '2026-09', 1, '2026-10-03T02:00:00.000Z').payload;
    expect(await reportSignatureValid(county.query, good)).toBe(true);
    // Signed with a key made from the request secret directly (no report-key derivation): not the report key.
    const { signature: _s, ...unsigned } = good;
    const rawKey = createHmac('sha256', DONGZHUANG.secret).update(reportSigningText(unsigned)).digest('hex');
    expect(await reportSignatureValid(county.query, { ...good, signature: rawKey })).toBe(false);
    expect(await reportSignatureValid(county.query, { ...good, notes: 'changed after signing' })).toBe(false);
    expect(await reportSignatureValid(county.query, { ...good, signature: good.signature.slice(0, 62) })).toBe(false);
    expect(await reportSignatureValid(county.query, { ...good, signature: '' })).toBe(false);
    // Another registered kiosk's key over the same text.
    expect(await reportSignatureValid(county.query, { ...good, signature: reportSigner(NANZHUANG.secret)(reportSigningText(unsigned)) })).toBe(false);
    const stranger = report(DEMO_KIOSK_ID, '2026-09', 1, '2026-10-03T02:00:00.000Z').payload;
    expect(await reportSignatureValid(county.query, stranger)).toBe(false);
    expect(await rows()).toEqual([]);
  });

  it('keeps an accepted report whole; refuses, with the reason and storing nothing, a report in another name, a bad signature, a version taken', async () => {
    const received = at('2026-10-05T03:00:00.000Z');
    const first = report(DONGZHUANG.kioskId, '2026-09', 1, '2026-10-03T02:00:00.000Z');
    expect(await intakeReport(county.query, DONGZHUANG.kioskId, first, received)).toEqual({ id: first.id, status: 'accepted' });
    expect(await rows()).toEqual([
      { item_id: first.id, kiosk_id: DONGZHUANG.kioskId, month: '2026-09', version: 1, submitted_at: '2026-10-03T02:00:00.000Z', received_at: received.toISOString(), body: JSON.stringify(first.payload) },
    ]);
    // The same item again from its kiosk: a duplicate; from another kiosk: refused, the id is taken.
    expect(await intakeReport(county.query, DONGZHUANG.kioskId, first, at('2026-10-06T00:00:00Z'))).toEqual({ id: first.id, status: 'duplicate' });
    expect(await intakeReport(county.query, NANZHUANG.kioskId, first, received)).toEqual({ id: first.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' });
    // Nanzhuang's own report, correctly signed by Nanzhuang, sent in Dongzhuang's batch.
    const theirs = report(NANZHUANG.kioskId, '2026-09', 1, '2026-10-03T02:00:00.000Z');
    expect(await intakeReport(county.query, DONGZHUANG.kioskId, theirs, received)).toEqual({ id: theirs.id, status: 'rejected', reason: 'reportOfAnotherKiosk' });
    const forged = { ...report(DONGZHUANG.kioskId, '2026-09', 2, '2026-10-04T02:00:00.000Z') };
    forged.payload = { ...forged.payload, notes: 'changed after signing' };
    expect(await intakeReport(county.query, DONGZHUANG.kioskId, forged, received)).toEqual({ id: forged.id, status: 'rejected', reason: 'badReportSignature' });
    // Version 1 of September is held under another id; version 1 of October and Nanzhuang's version 1 are not.
    const again = report(DONGZHUANG.kioskId, '2026-09', 1, '2026-10-04T02:00:00.000Z');
    expect(await intakeReport(county.query, DONGZHUANG.kioskId, again, received)).toEqual({ id: again.id, status: 'rejected', reason: 'versionTaken' });
    expect((await rows()).map((r) => r.item_id)).toEqual([first.id]);
    const october = report(DONGZHUANG.kioskId, '2026-10', 1, '2026-11-03T02:00:00.000Z');
    expect(await intakeReport(county.query, DONGZHUANG.kioskId, october, received)).toMatchObject({ status: 'accepted' });
    expect(await intakeReport(county.query, NANZHUANG.kioskId, theirs, received)).toMatchObject({ status: 'accepted' });
    expect((await rows()).map((r) => [r.kiosk_id, r.month, r.version]).sort()).toEqual([
      [DONGZHUANG.kioskId, '2026-09', 1],
      [DONGZHUANG.kioskId, '2026-10', 1],
      [NANZHUANG.kioskId, '2026-09', 1],
    ]);
  });

  it("gives a point's versions of a month oldest version first, whatever order they arrived in, with when each arrived", async () => {
    const third = report(DONGZHUANG.kioskId, '2026-09', 3, '2026-10-09T02:00:00.000Z', (p) => ({ ...p, notes: 'v3' }));
    const second = report(DONGZHUANG.kioskId, '2026-09', 2, '2026-10-08T02:00:00.000Z', (p) => ({ ...p, notes: 'v2' }));
    await intakeReport(county.query, DONGZHUANG.kioskId, third, at('2026-10-10T00:00:00.000Z'));
    await intakeReport(county.query, DONGZHUANG.kioskId, second, at('2026-10-11T00:00:00.000Z'));
    const versions = await pointReportVersions(county.query, DONGZHUANG.kioskId, '2026-09');
    expect(versions.map((v) => [v.report.version, v.report.notes, v.receivedAt])).toEqual([
      [1, '', '2026-10-05T03:00:00.000Z'],
      [2, 'v2', '2026-10-11T00:00:00.000Z'],
      [3, 'v3', '2026-10-10T00:00:00.000Z'],
    ]);
    expect(versions[2]!.report).toEqual(third.payload);
    expect(await pointReportVersions(county.query, NANZHUANG.kioskId, '2026-10')).toEqual([]);
    expect(await pointReportVersions(county.query, 'no-such-kiosk', '2026-09')).toEqual([]);
  });

  describe("the township's month", () => {
    const month = '2026-10';
    // Demo kiosk: reported October and is no longer registered; it still has a row. Another stray kiosk reported only
    // September: not a row of October.
    beforeAll(async () => {
      await registerKiosk(county.query, DEMO_KIOSK_ID, DEMO_KIOSK_SECRET);
      const ok = await intakeReport(county.query, DEMO_KIOSK_ID, report(DEMO_KIOSK_ID, month, 1, before(DEADLINE)), at(DEADLINE, 60_000));
      expect(ok.status).toBe('accepted');
      await county.query.deleteFrom('kiosks').where('id', '=', DEMO_KIOSK_ID).execute();
      await county.query
        .insertInto('point_reports')
        .values({ item_id: 'stray-september', kiosk_id: 'a-stray-kiosk', month: '2026-09', version: 1, submitted_at: '2026-10-01T00:00:00.000Z', received_at: '2026-10-01T00:00:00.000Z', body: '{}' })
        .execute();
    });

    it('lists every registered point and every point that reported, sorted; a point that sent nothing is due until the deadline and late from it', async () => {
      const due = await townshipMonth(county.query, month, at(DEADLINE, -1));
      expect(due.month).toBe(month);
      expect(due.deadline).toBe(DEADLINE);
      expect(due.points.map((p) => [p.kioskId, p.state, p.versions])).toEqual([
        [DEMO_KIOSK_ID, 'received', 1],
        [DONGZHUANG.kioskId, 'received', 1],
        [NANZHUANG.kioskId, 'due', 0],
      ]);
      expect(due.points[2]).toEqual({ kioskId: NANZHUANG.kioskId, siteName: null, state: 'due', latest: null, firstSubmittedAt: null, versions: 0 });
      const late = await townshipMonth(county.query, month, at(DEADLINE));
      expect(late.points.map((p) => p.state)).toEqual(['received', 'received', 'late']);
    });

    it('judges a report by its first version: submitted a millisecond before the deadline is received, at it received late; names and figures are the latest', async () => {
      const late = report(NANZHUANG.kioskId, month, 1, DEADLINE, (p) => ({ ...p, siteName: { 'zh-CN': '南庄村（旧名）', en: 'Old name' } }));
      await intakeReport(county.query, NANZHUANG.kioskId, late, at(DEADLINE, 1000));
      const renamed = { 'zh-CN': '南庄村服务点', en: 'Nanzhuang' };
      await intakeReport(county.query, NANZHUANG.kioskId, report(NANZHUANG.kioskId, month, 2, before(DEADLINE), (p) => ({ ...p, siteName: renamed, notes: 'v2' })), at(DEADLINE, 2000));
      const last = report(NANZHUANG.kioskId, month, 3, '2026-11-20T00:00:00.000Z', (p) => ({ ...p, siteName: renamed, notes: 'v3' }));
      await intakeReport(county.query, NANZHUANG.kioskId, last, at('2026-11-20T00:00:01.000Z'));
      const view = await townshipMonth(county.query, month, at('2026-11-21T00:00:00.000Z'));
      const row = view.points.find((p) => p.kioskId === NANZHUANG.kioskId)!;
      expect(row).toEqual({
        kioskId: NANZHUANG.kioskId,
        siteName: renamed,
        state: 'receivedLate',
        latest: { report: last.payload, receivedAt: '2026-11-20T00:00:01.000Z' },
        firstSubmittedAt: DEADLINE,
        versions: 3,
      });
      const onTime = view.points.find((p) => p.kioskId === DEMO_KIOSK_ID)!;
      expect(onTime).toMatchObject({ state: 'received', firstSubmittedAt: before(DEADLINE), siteName: DEMO_POINTS[0]!.name });
    });

    it("sums the latest figures of every point that reported, field by field, items merged by code and sorted; `only` limits it to those points", async () => {
      const dong = figures(month, 1, [
        { itemCode: 'JOB-01', byChannel: channels(1, 2, 3, 4, 5) },
        { itemCode: 'CARD-01', byChannel: channels(10, 20, 30, 40, 50) },
      ]);
      const nan = figures(month, 2, [{ itemCode: 'JOB-01', byChannel: channels(100, 200, 300, 400, 500) }]);
      const demo = figures(month, 4, [{ itemCode: 'INS-02', byChannel: channels(7, 0, 0, 0, 1) }]);
      await intakeReport(county.query, DONGZHUANG.kioskId, report(DONGZHUANG.kioskId, month, 2, '2026-11-21T00:00:00.000Z', (p) => ({ ...p, figures: dong })), at('2026-11-21T00:00:00.000Z'));
      await intakeReport(county.query, NANZHUANG.kioskId, report(NANZHUANG.kioskId, month, 4, '2026-11-21T00:00:00.000Z', (p) => ({ ...p, figures: nan })), at('2026-11-21T00:00:00.000Z'));
      await county.query.insertInto('kiosks').values({ id: DEMO_KIOSK_ID, secret: DEMO_KIOSK_SECRET }).execute();
      await intakeReport(county.query, DEMO_KIOSK_ID, report(DEMO_KIOSK_ID, month, 2, '2026-11-21T00:00:00.000Z', (p) => ({ ...p, figures: demo })), at('2026-11-21T00:00:00.000Z'));
      const sum = (k: number) => 100 * (1 + 2 + 4) + 3 * k;
      const view = await townshipMonth(county.query, month, at('2026-11-22T00:00:00.000Z'));
      expect(view.totals).toEqual({
        items: [
          { itemCode: 'CARD-01', byChannel: channels(10, 20, 30, 40, 50) },
          { itemCode: 'INS-02', byChannel: channels(7, 0, 0, 0, 1) },
          { itemCode: 'JOB-01', byChannel: channels(101, 202, 303, 404, 505) },
        ],
        figures: counts(sum),
      });
      // Only Nanzhuang (a township's own points): its row alone, and its figures alone in the totals.
      const only = await townshipMonth(county.query, month, at('2026-11-22T00:00:00.000Z'), [NANZHUANG.kioskId]);
      expect(only.points.map((p) => [p.kioskId, p.versions])).toEqual([[NANZHUANG.kioskId, 4]]);
      expect(only.totals.items).toEqual(nan.items);
      expect(only.totals.figures.helpCalls).toBe(215);
      // A point in `only` that is not registered and sent nothing is still a row (due or late by the clock).
      const unknown = await townshipMonth(county.query, month, at(DEADLINE, -1), ['not-registered']);
      expect(unknown.points).toEqual([{ kioskId: 'not-registered', siteName: null, state: 'due', latest: null, firstSubmittedAt: null, versions: 0 }]);
      expect(unknown.totals).toEqual({ items: [], figures: expect.objectContaining({ helpCalls: 0, prints: { receipt: 0, certificate: 0, notification: 0, queryResult: 0 } }) });
    });
  });

  it('lays items out by the catalogue the county published, or by the shipped one when none or an unreadable one is stored', async () => {
    const shipped = layoutItems(defaultCatalog().items);
    expect(await countyCatalogue(county.query)).toEqual(shipped);
    const catalog = defaultCatalog();
    const published = { ...catalog, items: [...catalog.items].reverse().slice(0, 3) };
    await county.query.insertInto('config_parts').values({ part: 'catalog', version: 7, body: JSON.stringify(published) }).execute();
    const laid = await countyCatalogue(county.query);
    expect(laid).toEqual(layoutItems(published.items));
    expect(laid).not.toEqual(shipped);
    await county.query.updateTable('config_parts').set({ body: JSON.stringify({ items: 'not a list' }) }).where('part', '=', 'catalog').execute();
    expect(await countyCatalogue(county.query)).toEqual(shipped);
    // Another part's row is not the catalogue.
    await county.query.deleteFrom('config_parts').where('part', '=', 'catalog').execute();
    await county.query.insertInto('config_parts').values({ part: 'site', version: 8, body: JSON.stringify(published) }).execute();
    expect(await countyCatalogue(county.query)).toEqual(shipped);
  });
});
