import { createHash, randomUUID } from 'node:crypto';
import { putAttachmentChunk } from '../../src/county/attachments';
import { engineOf, type CountyDatabase } from '../../src/county/db/connection';
import {
  configSince,
  countyStats,
  intakeBatch,
  InvalidBodyError,
  lastHeartbeat,
  publishConfigPart,
  recordFaults,
  recordHeartbeat,
  storedItems,
  updateFault,
} from '../../src/county/county-state';
import { recordOutcome } from '../../src/county/outcomes';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { BatchItem, Heartbeat, SubmissionItem } from '../../src/shared/sync/protocol';
import { openTestCountyDatabase } from '../support/county-database';
import { batchItem } from '../support/county-items';
import { tempDataDir } from '../support/store-fixtures';

/**
 * The county's intake and config state called directly (the gateway tests drive it through HTTP, and reach only
 * part of it): each kind of batch item goes to its own intake, a duplicate is answered before any other check, the
 * proxy record must match the service mode, an application sent again must be this kiosk's, of the same item and
 * returned; the config each kiosk pulls (its own staff and site settings, its own tickets in every state), the
 * heartbeat kept, a clerk's answer to a ticket, and the counts. Written from the mutation run of county-state.ts
 * (docs/testing.md): each test kills survivors the gateway tests left.
 */

const KIOSK = 'kiosk-intake-1';
const OTHER = 'kiosk-intake-2';
const resident = SAMPLE_RESIDENTS[0]!;
const AT = new Date('2026-11-30T08:00:00.000Z');
const HASH = 'scrypt$' + 'A'.repeat(22) + '$' + 'B'.repeat(43);

/** An application of JOB-05 for the first sample resident, its scans by hash, as a kiosk sends it. */
function submission(payload: Partial<SubmissionItem['payload']> = {}, attachments: string[] = [], residentRef = 'ref-a'): SubmissionItem {
  return batchItem(resident, 'JOB-05', { at: '2026-11-30T07:59:00.000Z', form: { phone: '13800000000' }, materials: attachments.map((sha256) => ({ code: 'm', sha256 })), residentRef, payload });
}

describe('county intake and config state', () => {
  let db: CountyDatabase;
  beforeEach(async () => {
    db = await openTestCountyDatabase('county-intake-');
  });
  afterEach(async () => {
    await db.close();
  });
  const q = () => db.query;
  const outcomeOf = async (id: string) => q().selectFrom('outcomes').select(['seq', 'state', 'body', 'cursor', 'kiosk_id']).where('item_id', '=', id).executeTakeFirst();

  it("stores a batch in order with one 'accepted' outcome each, cursors counting on from the kiosk's last", async () => {
    const first = [submission(), submission()];
    const second = [submission(), submission(), submission()];
    expect(await intakeBatch(q(), KIOSK, first, AT)).toEqual(first.map((i) => ({ id: i.id, status: 'accepted' })));
    expect(await intakeBatch(q(), KIOSK, second, AT)).toEqual(second.map((i) => ({ id: i.id, status: 'accepted' })));
    const at = AT.toISOString();
    const rows = await Promise.all([...first, ...second].map((i) => outcomeOf(i.id)));
    expect(rows.map((r) => r!.cursor)).toEqual([1, 2, 3, 4, 5]);
    const item = second[1]!;
    expect(await outcomeOf(item.id)).toEqual({
      seq: 1,
      state: 'accepted',
      kiosk_id: KIOSK,
      cursor: 4,
      body: JSON.stringify({
        itemId: item.id,
        trackingNumber: item.payload.trackingNumber,
        seq: 1,
        state: 'accepted',
        at,
        steps: [{ at, state: 'accepted', text: { 'zh-CN': '县里已收到您的申请。', en: 'The county has received your application.' } }],
      }),
    });
    expect((await storedItems(q())).map((i) => i.id)).toEqual([...first, ...second].map((i) => i.id));
    expect(await countyStats(q())).toEqual({ items: 5, distinctIds: 5, deliveries: 5, duplicatesRefused: 0, attachmentsComplete: 0 });
  });

  it('stores each column as sent: the payload is its JSON text, odd text included, and a broken character never stalls a batch', async () => {
    // Quotes, backslashes, text that looks like an escape, a character outside the BMP (a surrogate pair), control
    // characters: the PostgreSQL store sends the batch as one JSON value, which must give back the very text a
    // parameter per value gave.
    const odd = 'a"b\\c \\ud800 \\\\ud83d 𠀀 \n\t\u0001 县';
    const item = submission({ form: { note: odd, n: 1.5, ok: true, none: null }, trackingNumber: `T-${odd.slice(0, 30)}` }, [], `ref-${odd}`);
    // A lone surrogate half (a broken character) in the text columns and in the payload.
    const broken = submission({ form: { note: 'x\ud800y' }, trackingNumber: 'T\udc00-1' }, [], 'ref-\ud83d');
    expect(await intakeBatch(q(), KIOSK, [item, broken], AT)).toEqual([item, broken].map((i) => ({ id: i.id, status: 'accepted' })));
    const rowOf = (id: string) =>
      q().selectFrom('items').select(['kiosk_id', 'kind', 'resident_ref', 'created_at', 'item_code', 'tracking_number', 'payload', 'received_at', 'application_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await rowOf(item.id)).toEqual({
      kiosk_id: KIOSK,
      kind: 'submission',
      resident_ref: item.residentRef,
      created_at: item.createdAt,
      item_code: 'JOB-05',
      tracking_number: item.payload.trackingNumber,
      payload: JSON.stringify(item.payload),
      received_at: AT.toISOString(),
      application_id: null,
    });
    expect(JSON.parse((await outcomeOf(item.id))!.body).trackingNumber).toBe(item.payload.trackingNumber);
    // The payload keeps the half escaped in its JSON text; a text column holds the replacement character (on
    // PostgreSQL exactly what Node's UTF-8 made of it for a text parameter: one U+FFFD per half).
    const row = await rowOf(broken.id);
    expect(row.payload).toBe(JSON.stringify(broken.payload));
    expect(JSON.parse(row.payload)).toEqual(broken.payload);
    expect(row.tracking_number).toMatch(/^T\ufffd+-1$/);
    expect(row.resident_ref).toMatch(/^ref-\ufffd+$/);
    if (engineOf(q()) === 'postgres') expect([row.tracking_number, row.resident_ref]).toEqual(['T\ufffd-1', 'ref-\ufffd']);
  });

  it("answers an item seen before as duplicate (this kiosk's) or taken (another's) before any other check", async () => {
    const stored = submission({}, [], 'ref-held');
    const theirs = submission();
    expect(await intakeBatch(q(), KIOSK, [stored], AT)).toEqual([{ id: stored.id, status: 'accepted' }]);
    expect(await intakeBatch(q(), OTHER, [theirs], AT)).toEqual([{ id: theirs.id, status: 'accepted' }]);
    // The resident's earlier item waits for a scan: a later new item of theirs is held, but one the county already
    // has is answered as it is; so is another kiosk's id.
    const waiting = submission({}, [createHash('sha256').update('not yet').digest('hex')], 'ref-held');
    const later = submission({}, [], 'ref-held');
    expect(await intakeBatch(q(), KIOSK, [waiting, stored, { ...theirs, residentRef: 'ref-held' }, later], AT)).toEqual([
      { id: waiting.id, status: 'retry', reason: `attachmentMissing:${waiting.attachments[0]!.slice(0, 12)}` },
      { id: stored.id, status: 'duplicate' },
      { id: theirs.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' },
      { id: later.id, status: 'retry', reason: 'earlierItemOfResidentPending' },
    ]);
    expect(await countyStats(q())).toMatchObject({ items: 2, duplicatesRefused: 1, deliveries: 6 });
  });

  it("claims the scans of the items it stored, once each, and only this kiosk's", async () => {
    const dir = tempDataDir('county-intake-files-');
    const scan = Buffer.from('a scan of a page');
    const sha = createHash('sha256').update(scan).digest('hex');
    for (const kiosk of [KIOSK, OTHER]) expect(await putAttachmentChunk(q(), dir, kiosk, sha, 0, scan.length, scan)).toMatchObject({ ok: true, complete: true });
    const claimed = async () => (await q().selectFrom('kiosk_attachments').select(['kiosk_id', 'claimed']).orderBy('kiosk_id').execute()).map((r) => [r.kiosk_id, Number(r.claimed)]);
    expect(await claimed()).toEqual([[KIOSK, 0], [OTHER, 0]]);
    // Two items of one resident with the same page: both stored, the file claimed once.
    const [a, b] = [submission({}, [sha]), submission({}, [sha])];
    expect(await intakeBatch(q(), KIOSK, [a, b], AT)).toEqual([a, b].map((i) => ({ id: i.id, status: 'accepted' })));
    expect(await claimed()).toEqual([[KIOSK, 1], [OTHER, 0]]);
    expect(await countyStats(q())).toEqual({ items: 2, distinctIds: 2, deliveries: 2, duplicatesRefused: 0, attachmentsComplete: 2 });
  });

  it('claims the scans of a batch that follows one without scans (each kind of batch its own statement)', async () => {
    const dir = tempDataDir('county-intake-files-');
    const scan = Buffer.from('a scan sent after a batch without one');
    const sha = createHash('sha256').update(scan).digest('hex');
    expect(await putAttachmentChunk(q(), dir, KIOSK, sha, 0, scan.length, scan)).toMatchObject({ ok: true, complete: true });
    const claimed = async () => Number((await q().selectFrom('kiosk_attachments').select('claimed').where('kiosk_id', '=', KIOSK).executeTakeFirstOrThrow()).claimed);
    // In one process, as a gateway serves its kiosks: a batch without scans first, so its statement is made first.
    await intakeBatch(q(), KIOSK, [submission()], AT);
    expect(await claimed()).toBe(0);
    await intakeBatch(q(), KIOSK, [submission({}, [sha])], AT);
    expect(await claimed()).toBe(1);
    expect(await countyStats(q())).toMatchObject({ items: 2, attachmentsComplete: 1 });
  });

  it('a proxy record goes with a proxy application and only with one', async () => {
    const proxy = { agent: { name: 'Agent' } } as unknown as NonNullable<SubmissionItem['payload']['proxy']>;
    const selfWithProxy = submission({ proxy });
    const proxyWithout = submission({ serviceMode: 'proxy' });
    const good = submission({ serviceMode: 'proxy', proxy });
    // The ID number's check character is wrong (the schema checks only its shape).
    const badId = submission({ resident: { ...submission().payload.resident, idNumber: resident.idNumber.slice(0, 17) + (resident.idNumber.endsWith('0') ? '1' : '0') } });
    expect(await intakeBatch(q(), KIOSK, [selfWithProxy, proxyWithout, good, badId], AT)).toEqual([
      { id: selfWithProxy.id, status: 'rejected', reason: 'proxyRecordMismatch' },
      { id: proxyWithout.id, status: 'rejected', reason: 'proxyRecordMismatch' },
      { id: good.id, status: 'accepted' },
      { id: badId.id, status: 'rejected', reason: 'invalidIdNumber' },
    ]);
  });

  it("an application sent again must name this kiosk's original of the same item, returned; it gets no second 'accepted'", async () => {
    const original = submission();
    const theirs = submission();
    await intakeBatch(q(), KIOSK, [original], AT);
    await intakeBatch(q(), OTHER, [theirs], AT);
    const again = (applicationId: string, over: Partial<SubmissionItem['payload']> = {}) => submission({ applicationId, ...over });
    const early = again(original.id);
    const unknown = again(randomUUID());
    const otherKiosks = again(theirs.id);
    const otherItem = again(original.id, { itemCode: 'JOB-04' });
    expect(await intakeBatch(q(), KIOSK, [early, unknown, otherKiosks, otherItem], AT)).toEqual([
      { id: early.id, status: 'rejected', reason: 'applicationNotReturned' },
      { id: unknown.id, status: 'rejected', reason: 'unknownApplication' },
      { id: otherKiosks.id, status: 'rejected', reason: 'unknownApplication' },
      { id: otherItem.id, status: 'rejected', reason: 'unknownApplication' },
    ]);
    await q().updateTable('outcomes').set({ state: 'returned' }).where('item_id', '=', original.id).execute();
    const resend = again(original.id);
    expect(await intakeBatch(q(), KIOSK, [resend], AT)).toEqual([{ id: resend.id, status: 'accepted' }]);
    const row = await q().selectFrom('items').select(['application_id', 'kiosk_id']).where('id', '=', resend.id).executeTakeFirst();
    expect(row).toEqual({ application_id: original.id, kiosk_id: KIOSK });
    // The original's outcome carries the application on; the resend has none of its own.
    expect(await outcomeOf(resend.id)).toBeUndefined();
    // A resend names the original, never another resend.
    const ofResend = again(resend.id);
    expect(await intakeBatch(q(), KIOSK, [ofResend], AT)).toEqual([{ id: ofResend.id, status: 'rejected', reason: 'unknownApplication' }]);
  });

  it('monthly reports, site records, cases and case steps each go to their own intake, never read as applications', async () => {
    const base = { createdAt: '2026-11-30T07:59:00.000Z', attachments: [] };
    const items = [
      { ...base, id: randomUUID(), kind: 'monthlyReport', residentRef: null, payload: {} },
      { ...base, id: randomUUID(), kind: 'siteRecord', residentRef: null, payload: {} },
      { ...base, id: randomUUID(), kind: 'case', residentRef: 'ref-c', payload: { caseId: randomUUID(), resident: { idNumber: resident.idNumber }, channel: 'self' } },
      { ...base, id: randomUUID(), kind: 'caseStep', residentRef: 'ref-c', payload: { caseId: randomUUID(), step: { id: randomUUID() } } },
    ] as unknown as BatchItem[];
    const results = await intakeBatch(q(), KIOSK, items, AT);
    // Each answer is its own intake's (read as an application, each would throw on the missing resident).
    expect(results).toEqual([
      { id: items[0]!.id, status: 'rejected', reason: 'reportOfAnotherKiosk' },
      { id: items[1]!.id, status: 'rejected', reason: 'recordOfAnotherKiosk' },
      { id: items[2]!.id, status: 'rejected', reason: 'caseWithoutClerk' },
      { id: items[3]!.id, status: 'rejected', reason: 'unknownCase' },
    ]);
    // No application stored: no outcome written, and the kiosk's outcome cursor not moved.
    expect(await q().selectFrom('outcomes').select('item_id').execute()).toEqual([]);
  });

  it('an application beside a report in one batch (the transaction path) gets its accepted outcome and cursor; every item its delivery', async () => {
    const report = (): BatchItem => ({ createdAt: '2026-11-30T07:59:00.000Z', attachments: [], id: randomUUID(), kind: 'monthlyReport', residentRef: null, payload: {} }) as unknown as BatchItem;
    const [a, b, c] = [submission(), submission(), submission()];
    const [r1, r2] = [report(), report()];
    const refused = (id: string) => ({ id, status: 'rejected', reason: 'reportOfAnotherKiosk' });
    // An application alone first (the one-statement path on PostgreSQL): the mixed batches count on from its cursor.
    const alone = submission();
    await intakeBatch(q(), KIOSK, [alone], AT);
    expect(await intakeBatch(q(), KIOSK, [a, r1, b], AT)).toEqual([{ id: a.id, status: 'accepted' }, refused(r1.id), { id: b.id, status: 'accepted' }]);
    expect(await intakeBatch(q(), KIOSK, [r2, c], AT)).toEqual([refused(r2.id), { id: c.id, status: 'accepted' }]);
    const at = AT.toISOString();
    expect((await Promise.all([alone, a, b, c].map((i) => outcomeOf(i.id)))).map((r) => r!.cursor)).toEqual([1, 2, 3, 4]);
    // And a later outcome counts on from the mixed batches' (one counter per kiosk on every path).
    await recordOutcome(q(), a.id, { state: 'inProgress', text: { 'zh-CN': '办理中。', en: 'In progress.' } }, AT);
    expect((await q().selectFrom('outcomes').select('cursor').where('item_id', '=', a.id).where('seq', '=', 2).executeTakeFirstOrThrow()).cursor).toBe(5);
    expect(await outcomeOf(b.id)).toEqual({
      seq: 1,
      state: 'accepted',
      kiosk_id: KIOSK,
      cursor: 3,
      body: JSON.stringify({ itemId: b.id, trackingNumber: b.payload.trackingNumber, seq: 1, state: 'accepted', at, steps: [{ at, state: 'accepted', text: { 'zh-CN': '县里已收到您的申请。', en: 'The county has received your application.' } }] }),
    });
    const deliveries = await q().selectFrom('deliveries').select(['kiosk_id', 'item_id', 'outcome', 'at']).execute();
    const sorted = (rows: Array<{ item_id: string }>) => [...rows].sort((x, y) => x.item_id.localeCompare(y.item_id));
    expect(sorted(deliveries)).toEqual(
      sorted([alone, a, r1, b, r2, c].map((i) => ({ kiosk_id: KIOSK, item_id: i.id, outcome: i === r1 || i === r2 ? 'rejected' : 'accepted', at }))),
    );
  });

  it("a later outcome of an application takes the kiosk's next cursor after the intake's (one counter per kiosk on both paths)", async () => {
    const [a, b] = [submission(), submission()];
    await intakeBatch(q(), KIOSK, [a, b], AT);
    await recordOutcome(q(), a.id, { state: 'inProgress', text: { 'zh-CN': '办理中。', en: 'In progress.' } }, AT);
    expect(await Promise.all([a, b].map(async (i) => (await outcomeOf(i.id))!.cursor))).toEqual([3, 2]);
  });

  it('takes any item code before a catalogue is published, and only its codes after', async () => {
    const unknown = () => batchItem(resident, 'ZZZ-99', { at: '2026-11-30T07:59:00.000Z' });
    const before = unknown();
    expect(await intakeBatch(q(), KIOSK, [before], AT)).toEqual([{ id: before.id, status: 'accepted' }]);
    await publishConfigPart(q(), 'catalog', defaultCatalog());
    const [after, known] = [unknown(), submission()];
    expect(await intakeBatch(q(), KIOSK, [after, known], AT)).toEqual([{ id: after.id, status: 'rejected', reason: 'unknownItem' }, { id: known.id, status: 'accepted' }]);
  });

  it('a published part goes under the next version; the catalogue carries that version; a bad body names its field', async () => {
    expect(await publishConfigPart(q(), 'announcements', [])).toBe(1);
    const catalog = defaultCatalog();
    expect(await publishConfigPart(q(), 'catalog', { ...catalog, version: 77 })).toBe(2);
    const config = await configSince(q(), KIOSK, 0);
    expect(config).toMatchObject({ version: 2, tickets: [], announcements: { version: 1, body: [] }, catalog: { version: 2, body: { version: 2 } } });
    const bad = await publishConfigPart(q(), 'staff', [{ id: 's1' }]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidBodyError);
    expect(bad).toMatchObject({ field: '0.username', message: 'invalid body at 0.username' });
    expect(await configSince(q(), KIOSK, 2)).toBeNull();
  });

  it("a kiosk at a point gets only the staff whose scope covers it and its point's site settings; others the lists as published", async () => {
    await q().insertInto('points').values({ kiosk_id: KIOSK, division_code: '420102001001', township: '420102001', name_zh: '村', name_en: 'Village', level: 'village' }).execute();
    const staff = (id: string) => ({ id, username: id, displayName: id, roles: ['clerk'], passwordHash: HASH, disabled: false });
    for (const [id, scope] of [
      ['near', { kind: 'township', township: '420102001' }],
      ['far', { kind: 'township', township: '420102002' }],
    ] as const) {
      await q()
        .insertInto('staff_register')
        .values({ id, username: id, display_name: id, roles: '["clerk"]', scope: JSON.stringify(scope), scope_township: scope.township, password_hash: HASH, disabled: 0, created_at: 0, updated_at: 0 })
        .execute();
    }
    await publishConfigPart(q(), 'staff', [staff('near'), staff('far'), staff('unregistered')]);
    await publishConfigPart(q(), 'site', { onDuty: 'Li', retentionDays: 30 });
    await publishConfigPart(q(), 'announcements', []);
    await q().insertInto('point_site_settings').values({ kiosk_id: KIOSK, body: JSON.stringify({ retentionDays: 90 }) }).execute();
    const mine = await configSince(q(), KIOSK, 0);
    expect(mine!.staff!.body).toEqual([staff('near'), staff('unregistered')]);
    expect(mine!.site!.body).toEqual({ onDuty: 'Li', retentionDays: 90 });
    // Only the site part takes the point's settings.
    expect(mine!.announcements!.body).toEqual([]);
    const theirs = await configSince(q(), OTHER, 0);
    expect(theirs!.staff!.body).toEqual([staff('near'), staff('far'), staff('unregistered')]);
    expect(theirs!.site!.body).toEqual({ onDuty: 'Li', retentionDays: 30 });
  });

  it("a kiosk pulls its own tickets in every state, with the county's note, level and moves; a clerk's answer is pulled once", async () => {
    const move = (action: string, at: string) => ({ at, action, level: 'point', by: 'tech', note: `${action} here` });
    const ticket = (id: string, moves?: unknown[]) => ({ id, openedAt: '2026-11-30T07:00:00.000Z', deviceId: 'receipt-printer', summary: `jam ${id}`, ...(moves ? { moves } : {}) });
    await recordFaults(q(), KIOSK, [
      ticket('t-open', [move('note', '2026-11-30T07:10:00.000Z')]),
      ticket('t-closed', [move('resolve', '2026-11-30T07:20:00.000Z')]),
      ticket('t-ack'),
      ticket('t-plain'),
    ] as never);
    await recordFaults(q(), OTHER, [ticket('t-theirs', [move('note', '2026-11-30T07:10:00.000Z')])] as never);
    const before = (await configSince(q(), KIOSK, 0))!.version;
    expect(await updateFault(q(), 't-ack', 'acknowledged', 'on the way')).toBe(true);
    const answered = (await configSince(q(), KIOSK, 0))!.version;
    expect(await updateFault(q(), 'no-such-ticket', 'closed', null)).toBe(false);
    const config = await configSince(q(), KIOSK, 0);
    // An answer to no ticket changes nothing a kiosk would pull again.
    expect(config!.version).toBe(answered);
    // t-plain had no move the county keeps, so nothing of it has changed since it arrived; t-theirs is another kiosk's.
    const moved = (action: string, at: string) => ({ level: 'point', moves: [{ ...move(action, at) }] });
    expect([...config!.tickets].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 't-ack', state: 'acknowledged', note: 'on the way' },
      { id: 't-closed', state: 'closed', ...moved('resolve', '2026-11-30T07:20:00.000Z') },
      { id: 't-open', state: 'open', ...moved('note', '2026-11-30T07:10:00.000Z') },
    ]);
    expect((await configSince(q(), KIOSK, before))!.tickets.map((t) => t.id)).toEqual(['t-ack']);
  });

  it('keeps the last heartbeat of each kiosk', async () => {
    const beat = (queueDepth: number) => ({ kioskId: KIOSK, at: AT.toISOString(), appVersion: '1', configVersion: 3, queueDepth, rejected: 0, oldestPendingAt: null, devices: [], catalogVersion: 2 }) as Heartbeat;
    expect(await lastHeartbeat(q(), KIOSK)).toBeNull();
    await recordHeartbeat(q(), KIOSK, beat(4), AT);
    await recordHeartbeat(q(), KIOSK, beat(1), new Date(AT.getTime() + 1000));
    expect(await lastHeartbeat(q(), KIOSK)).toEqual(beat(1));
    expect(await q().selectFrom('heartbeats').select(['kiosk_id', 'at']).execute()).toEqual([{ kiosk_id: KIOSK, at: '2026-11-30T08:00:01.000Z' }]);
    expect(await lastHeartbeat(q(), OTHER)).toBeNull();
  });
});
