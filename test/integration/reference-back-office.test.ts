import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { BackOfficeRelay } from '../../src/county/back-office/relay';
import type { BackOffice, BackOfficeItem, ClerkAction, OutcomeSink } from '../../src/county/back-office/port';
import { cardBlockState } from '../../src/county/card-blocks';
import { intakeBatch, publishConfigPart } from '../../src/county/county-state';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { OutcomeChange } from '../../src/county/outcomes';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { maskResident } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import { openTestCountyDatabase } from '../support/county-database';
import { batchItem, testUuid } from '../support/county-items';

/**
 * The reference back office and the relay called directly (the gateway tests reach them only through whole HTTP
 * rounds, and check states more than words): the clerk desk's filters and who may act on what, each outcome's exact
 * words, a second round's materials, every card operation and certification, the published catalogue's names, and
 * the relay's claims, rounds, shared runs, errors and timers. Written from the mutation run of reference-back-office.ts
 * and relay.ts (docs/testing.md): each test kills survivors the gateway tests left.
 */

const wang = SAMPLE_RESIDENTS[0]!; // born 1968
const AT = new Date('2026-11-30T09:00:00.000Z');
const KIOSK = 'kiosk-desk-1';

/** Records each change with the time it was reported at. */
class LogSink implements OutcomeSink {
  readonly log: Array<{ id: string; change: OutcomeChange; at: string }> = [];
  async record(id: string, change: OutcomeChange, at: Date): Promise<void> {
    this.log.push({ id, change, at: at.toISOString() });
  }
  of(id: string): OutcomeChange[] {
    return this.log.filter((e) => e.id === id).map((e) => e.change);
  }
}

function delivery(
  itemCode: string,
  options: { form?: SubmissionPayload['form']; materials?: string[]; face?: SubmissionPayload['face']; round?: number; applicationId?: string; at?: Date; resident?: number } = {},
): BackOfficeItem {
  const deliveryId = testUuid();
  const applicationId = options.applicationId ?? deliveryId;
  const materials = (options.materials ?? []).map((code, i) => ({ code, sha256: `${String(i).padStart(2, '0')}${'a'.repeat(62)}` }));
  const item = batchItem(SAMPLE_RESIDENTS[options.resident ?? 0]!, itemCode, { id: deliveryId, form: options.form ?? {}, materials, ...(options.face ? { face: options.face } : {}) });
  return { applicationId, deliveryId, round: options.round ?? 1, kioskId: KIOSK, itemCode, trackingNumber: `T-${applicationId.slice(-8)}`, receivedAt: options.at ?? AT, payload: item.payload };
}

const words = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

describe('the reference back office, called directly', () => {
  let db: CountyDatabase;
  let office: ReferenceBackOffice;
  let sink: LogSink;
  beforeEach(async () => {
    db = await openTestCountyDatabase('reference-back-office-');
    office = new ReferenceBackOffice(db.query);
    sink = new LogSink();
  });
  afterEach(async () => {
    await db.close();
  });

  it('an automatic application: its desk row in full, in progress at once, done when due and not a moment before', async () => {
    const d = delivery('JOB-01', { form: { phone: '13800000000' } });
    await office.receive(d, sink);
    expect(await office.deskItem(d.applicationId)).toEqual({
      applicationId: d.applicationId,
      trackingNumber: d.trackingNumber,
      itemCode: 'JOB-01',
      kioskId: KIOSK,
      desk: 'automatic',
      state: 'automatic',
      round: 1,
      clerkId: null,
      dueAt: '2026-11-30T09:30:00.000Z',
      residentMasked: maskResident(wang),
      receivedAt: AT.toISOString(),
    });
    expect(sink.log).toEqual([{ id: d.applicationId, change: { state: 'inProgress', text: words('正在办理您的「求职登记」。', 'Your Job-seeker registration is being processed.') }, at: AT.toISOString() }]);
    await office.advance(new Date('2026-11-30T09:29:59.999Z'), sink);
    expect(sink.log).toHaveLength(1);
    await office.advance(minutes(30), sink);
    expect(sink.log[1]).toEqual({ id: d.applicationId, change: { state: 'done', text: words('您的「求职登记」已办结。', 'Your Job-seeker registration is complete.') }, at: minutes(30).toISOString() });
    expect(await office.deskItem(d.applicationId)).toMatchObject({ state: 'done', clerkId: null });
    await office.advance(minutes(90), sink);
    expect(sink.log).toHaveLength(2);
    expect(await office.deskItem(testUuid())).toBeNull();
  });

  it("a clerk's desk: by state, by clerk, in arrival order, at most `limit`; who may act on what", async () => {
    const [a, b, c] = [delivery('JOB-08', { at: minutes(1) }), delivery('JOB-08', { at: minutes(2) }), delivery('JOB-08', { at: minutes(3) })];
    const automatic = delivery('JOB-01', { at: minutes(0) });
    await office.receiveAll([c, a, automatic, b], sink);
    expect(sink.of(a.applicationId)).toEqual([]); // accepted (by the intake), waiting for a clerk: nothing more yet
    expect(await office.deskItem(a.applicationId)).toMatchObject({ desk: 'clerk', state: 'waiting', dueAt: null, clerkId: null });
    const ids = (items: Array<{ applicationId: string }>) => items.map((i) => i.applicationId);
    expect(ids(await office.desk())).toEqual([automatic, a, b, c].map((d) => d.applicationId));
    expect(ids(await office.desk({ state: 'waiting' }))).toEqual([a, b, c].map((d) => d.applicationId));
    expect(ids(await office.desk({ limit: 2 }))).toEqual([automatic, a].map((d) => d.applicationId));

    const act = (d: BackOfficeItem, action: ClerkAction, at = minutes(10)) => office.act(d.applicationId, action, sink, at);
    const refusedWith = async (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });
    await refusedWith(office.act(testUuid(), { action: 'take', clerkId: 'county-zhou' }, sink, AT), 'unknown_application');
    await refusedWith(act(automatic, { action: 'take', clerkId: 'county-zhou' }), 'wrong_state');
    await refusedWith(act(a, { action: 'finish', clerkId: 'county-zhou' }), 'wrong_state');

    expect(await act(b, { action: 'take', clerkId: 'county-zhou' })).toEqual({ ...(await office.deskItem(b.applicationId)), state: 'taken', clerkId: 'county-zhou' });
    expect(sink.log).toEqual([
      expect.anything(),
      { id: b.applicationId, change: { state: 'inProgress', text: words('县经办人员正在办理您的「就业困难人员认定申请」。', 'A county clerk is working on your Employment-difficulty status.') }, at: minutes(10).toISOString() },
    ]);
    // Taking it again is answered with the same item and reports nothing.
    expect(await act(b, { action: 'take', clerkId: 'county-zhou' })).toMatchObject({ state: 'taken', clerkId: 'county-zhou' });
    expect(sink.of(b.applicationId)).toHaveLength(1);
    expect(ids(await office.desk({ clerkId: 'county-zhou' }))).toEqual([b.applicationId]);
    await refusedWith(act(b, { action: 'take', clerkId: 'county-wu' }), 'taken_by_other');
    await refusedWith(act(b, { action: 'return', clerkId: 'county-wu', materials: ['disabilityCertificate'] }), 'taken_by_other');
    await refusedWith(act(b, { action: 'finish', clerkId: 'county-wu' }), 'taken_by_other');
    await refusedWith(act(b, { action: 'refuse', clerkId: 'county-wu', reason: words('不', 'No') }), 'taken_by_other');
    // A return names at least one material, each of this item's own.
    await refusedWith(act(b, { action: 'return', clerkId: 'county-zhou', materials: [] }), 'unknown_material');
    await refusedWith(act(b, { action: 'return', clerkId: 'county-zhou', materials: ['disabilityCertificate', 'passport'] }), 'unknown_material');
    expect(await act(b, { action: 'return', clerkId: 'county-zhou', materials: ['allowanceCertificate'] })).toMatchObject({ state: 'returned', clerkId: 'county-zhou' });
    const returnedText = words('请补充：最低生活保障证。', 'Please add: Minimum living allowance certificate.');
    expect(sink.of(b.applicationId)[1]).toEqual({ state: 'returned', missing: { text: returnedText, materials: ['allowanceCertificate'] }, text: returnedText });
    // Two materials: each language's own separator.
    const two = delivery('JOB-08', { at: minutes(4) });
    await office.receive(two, sink);
    await act(two, { action: 'take', clerkId: 'county-zhou' });
    await act(two, { action: 'return', clerkId: 'county-zhou', materials: ['landRequisitionProof', 'disabilityCertificate'] });
    expect(sink.of(two.applicationId)[1]!.missing).toEqual({
      text: words('请补充：残疾人证、土地征收证明。', 'Please add: Disability certificate, Proof of farmland requisition.'),
      materials: ['disabilityCertificate', 'landRequisitionProof'],
    });
    // A returned application waits for the resident, not for a clerk.
    await refusedWith(act(b, { action: 'take', clerkId: 'county-zhou' }), 'wrong_state');

    await act(c, { action: 'take', clerkId: 'county-wu' });
    const note = words('请于下周一领取。', 'Collect it next Monday.');
    expect(await act(c, { action: 'finish', clerkId: 'county-wu', note })).toMatchObject({ state: 'done', clerkId: 'county-wu' });
    expect(sink.of(c.applicationId)[1]).toEqual({ state: 'done', text: words('您的「就业困难人员认定申请」已办结。请于下周一领取。', 'Your Employment-difficulty status is complete. Collect it next Monday.') });
    await refusedWith(act(c, { action: 'take', clerkId: 'county-wu' }), 'wrong_state');

    await act(a, { action: 'take', clerkId: 'county-wu' });
    const reason = words('材料不符。', 'The papers do not match.');
    expect(await act(a, { action: 'refuse', clerkId: 'county-wu', reason })).toMatchObject({ state: 'refused', clerkId: 'county-wu' });
    expect(sink.of(a.applicationId)[1]).toEqual({ state: 'refused', reason, text: words('您的「就业困难人员认定申请」未获批准。', 'Your Employment-difficulty status was not approved.') });
    expect(ids(await office.desk({ clerkId: 'county-wu' }))).toEqual([a, c].map((d) => d.applicationId));
    expect(ids(await office.desk({ clerkId: 'county-zhou', state: 'returned' }))).toEqual([b.applicationId, two.applicationId]);
  });

  it('a clerk finishing without a note says only that it is complete; an item the catalogue does not know is named by its code', async () => {
    const d = delivery('ZZZ-99');
    await office.receive(d, sink);
    expect(await office.deskItem(d.applicationId)).toMatchObject({ desk: 'clerk', state: 'waiting' });
    await office.act(d.applicationId, { action: 'take', clerkId: 'county-zhou' }, sink, AT);
    // It has no materials to ask for.
    await expect(office.act(d.applicationId, { action: 'return', clerkId: 'county-zhou', materials: ['passport'] }, sink, AT)).rejects.toMatchObject({ code: 'unknown_material' });
    await office.act(d.applicationId, { action: 'finish', clerkId: 'county-zhou' }, sink, AT);
    expect(sink.of(d.applicationId)).toEqual([
      { state: 'inProgress', text: words('县经办人员正在办理您的「ZZZ-99」。', 'A county clerk is working on your ZZZ-99.') },
      { state: 'done', text: words('您的「ZZZ-99」已办结。', 'Your ZZZ-99 is complete.') },
    ]);
  });

  it('an application sent again: both rounds\' materials count; a repeat, an older round or a second arrival changes nothing', async () => {
    // Automatic desk: returned at once for the proof, then in progress again, due 30 minutes after the second round.
    const first = delivery('JOB-05', { form: { leaveReason: 'landLost' } });
    await office.receive(first, sink);
    const proof = words('请补充：土地征收证明。', 'Please add: Proof of farmland requisition.');
    expect(sink.of(first.applicationId)).toEqual([{ state: 'returned', missing: { text: proof, materials: ['landRequisitionProof'] }, text: proof }]);
    expect(await office.deskItem(first.applicationId)).toMatchObject({ state: 'returned', desk: 'automatic' });
    const second = { ...delivery('JOB-05', { form: { leaveReason: 'landLost' }, materials: ['landRequisitionProof'], applicationId: first.applicationId, round: 2, at: minutes(60) }) };
    await office.receive({ ...second, round: 1 }, sink); // an older round
    await office.receive({ ...second, deliveryId: first.deliveryId }, sink); // the first delivery again
    expect(sink.of(first.applicationId)).toHaveLength(1);
    await office.receive(second, sink);
    expect(sink.log.at(-1)).toEqual({ id: first.applicationId, change: { state: 'inProgress', text: words('补充的材料已收到，继续办理。', 'The missing material has arrived; the application goes on.') }, at: minutes(60).toISOString() });
    expect(sink.of(first.applicationId)).toHaveLength(2);
    expect(await office.deskItem(first.applicationId)).toMatchObject({ state: 'automatic', round: 2, dueAt: minutes(90).toISOString(), trackingNumber: first.trackingNumber });
    await office.receive({ ...second, deliveryId: testUuid(), round: 3 }, sink); // not returned now: ignored
    expect(sink.of(first.applicationId)).toHaveLength(2);

    // Clerk desk: the licence came in round 1, the bank card in round 2; together nothing is missing.
    const form = { payTo: 'otherAccount' };
    const one = delivery('JOB-13', { form, materials: ['businessLicence'] });
    await office.receive(one, sink);
    expect(sink.of(one.applicationId).map((c) => c.missing?.materials)).toEqual([['bankCard']]);
    const two = delivery('JOB-13', { form, materials: ['bankCard'], applicationId: one.applicationId, round: 2, at: minutes(5) });
    await office.receive(two, sink);
    expect(sink.of(one.applicationId).map((c) => c.state)).toEqual(['returned', 'inProgress']);
    expect(await office.deskItem(one.applicationId)).toMatchObject({ state: 'waiting', round: 2, desk: 'clerk' });
    const stored = await db.query.selectFrom('back_office_cases').select(['materials', 'last_delivery']).where('item_id', '=', one.applicationId).executeTakeFirstOrThrow();
    expect([JSON.parse(stored.materials), stored.last_delivery]).toEqual([['businessLicence', 'bankCard'], two.deliveryId]);

    // Returned by a clerk: the application comes back to the desk still marked with that clerk.
    await office.act(one.applicationId, { action: 'take', clerkId: 'county-zhou' }, sink, minutes(6));
    await office.act(one.applicationId, { action: 'return', clerkId: 'county-zhou', materials: ['bankCard'], note: words('卡号看不清。', 'The number is unreadable.') }, sink, minutes(7));
    const asked = words('请补充：银行卡或存折（有卡号的一面）。卡号看不清。', 'Please add: Bank card or passbook (the side with the number). The number is unreadable.');
    expect(sink.of(one.applicationId).at(-1)).toEqual({ state: 'returned', missing: { text: asked, materials: ['bankCard'] }, text: asked });
    await office.receive(delivery('JOB-13', { form, materials: ['bankCard'], applicationId: one.applicationId, round: 3, at: minutes(8) }), sink);
    expect(await office.deskItem(one.applicationId)).toMatchObject({ state: 'waiting', round: 3, clerkId: 'county-zhou' });
  });

  it('card operations are done at once, each in its own words; a loss report blocks the card and its cancellation lifts it', async () => {
    const loss = delivery('CARD-02', { form: { operation: 'reportLoss' } });
    await office.receive(loss, sink);
    const liftsAt = '2026-12-15T09:00:00.000Z';
    expect(sink.of(loss.applicationId)).toEqual([
      { state: 'inProgress', text: words('正在办理您的「社会保障卡临时挂失与解挂」。', 'Your Report a lost card, or cancel the report is being processed.') },
      { state: 'done', blockedAt: AT.toISOString(), blockLiftsAt: liftsAt, text: words('社保卡已临时挂失，他人无法使用；15 天后（2026-12-15）自动解除。', 'The card is blocked: nobody else can use it. The block lifts by itself after 15 days (2026-12-15).') },
    ]);
    expect(await office.deskItem(loss.applicationId)).toMatchObject({ state: 'done', desk: 'automatic', dueAt: AT.toISOString() });
    expect(await cardBlockState(db.query, wang.idNumber, minutes(30))).toEqual({ state: 'blocked', blockedAt: AT.toISOString(), liftsAt, liftedAt: null });

    // Reported at 20:00 UTC: the block lifts at 04:00 Beijing time, which is the next day there.
    const evening = delivery('CARD-02', { form: { operation: 'reportLoss' }, at: new Date('2026-11-30T20:00:00.000Z'), resident: 1 });
    await office.receive(evening, sink);
    expect(sink.of(evening.applicationId).at(-1)!.text.en).toBe('The card is blocked: nobody else can use it. The block lifts by itself after 15 days (2026-12-16).');

    const cancel = delivery('CARD-02', { form: { operation: 'cancelLossReport' }, at: minutes(60) });
    await office.receive(cancel, sink);
    expect(sink.of(cancel.applicationId)[1]).toEqual({ state: 'done', text: words('已解除挂失，社保卡可以正常使用。', 'The loss report is cancelled: the card works again.') });
    expect(await cardBlockState(db.query, wang.idNumber, minutes(90))).toMatchObject({ state: 'cancelled', liftedAt: minutes(60).toISOString() });

    const done = async (form: SubmissionPayload['form']) => {
      const d = delivery('CARD-03', { form });
      await office.receive(d, sink);
      return sink.of(d.applicationId).at(-1);
    };
    expect(await done({ operation: 'activate' })).toEqual({ state: 'done', text: words('县里已登记社保卡启用。', 'The county has recorded the card as activated.') });
    expect(await done({ operation: 'changePin' })).toEqual({ state: 'done', text: words('县里已记录密码修改（密码只保存在卡内）。', 'The county has recorded the PIN change (the PIN lives only on the card).') });
    expect(await done({ operation: 'resetPin' })).toEqual({
      state: 'done',
      text: words('县里已同意重置密码。请带本人身份证和社保卡到服务窗口设置新密码。', 'The county has approved the PIN reset. Bring your ID card and social security card to the service window to set a new PIN.'),
    });
    expect(await done({})).toEqual({ state: 'refused', reason: words('未说明要办理的卡业务。', 'The card operation was not stated.'), text: words('卡业务未办理。', 'The card operation was not done.') });
  });

  it('a certification passes at the thresholds themselves, for a year; below either, or without a face, it does not; a re-model is stored', async () => {
    const certify = async (face?: { livenessScore: number; qualityScore: number }) => {
      const d = delivery('INS-04', face ? { face: { sha256: 'f'.repeat(64), ...face } } : {});
      await office.receive(d, sink);
      return sink.of(d.applicationId).at(-1);
    };
    expect(await certify({ livenessScore: 0.8, qualityScore: 0.6 })).toEqual({ state: 'done', certification: { passed: true, validUntil: '2027-11-30' }, text: words('认证通过，有效期至2027-11-30。', 'Certified; valid until 2027-11-30.') });
    const failed = { state: 'done', certification: { passed: false }, text: words('认证未通过，请到乡镇窗口人工认证。', 'Not certified: please go to the township window for an in-person check.') };
    expect(await certify({ livenessScore: 0.79, qualityScore: 0.9 })).toEqual(failed);
    expect(await certify({ livenessScore: 0.95, qualityScore: 0.59 })).toEqual(failed);
    expect(await certify()).toEqual({ state: 'refused', reason: words('没有收到人脸照片。', 'No face photo arrived.'), text: words('认证未完成。', 'The certification was not completed.') });

    const remodel = delivery('DEMO-02', { face: { sha256: 'e'.repeat(64), livenessScore: 0.95, qualityScore: 0.9 } });
    await office.receive(remodel, sink);
    expect(sink.of(remodel.applicationId).at(-1)).toEqual({ state: 'done', text: words('新的认证人脸模型已记录，以后按新模型认证。', 'The new face model is recorded; later certifications use it.') });
    expect(await db.query.selectFrom('face_models').selectAll().execute()).toEqual([{ id_number: wang.idNumber, face_sha256: 'e'.repeat(64), item_id: remodel.applicationId, at: AT.toISOString() }]);
  });

  it('asks only for a material that is required and shown by the form', async () => {
    // JOB-05 "dismissed": the termination letter is shown but optional; the land proof is required but not shown.
    const d = delivery('JOB-05', { form: { leaveReason: 'dismissed' } });
    await office.receive(d, sink);
    expect(sink.of(d.applicationId).map((c) => c.state)).toEqual(['inProgress']);
    expect(await office.deskItem(d.applicationId)).toMatchObject({ state: 'automatic' });
  });

  it('refusal by age leaves the case refused at the desk', async () => {
    const d = delivery('INS-03', { materials: ['householdBooklet', 'bankCard'] });
    await office.receive(d, sink);
    expect(sink.of(d.applicationId)).toEqual([
      { state: 'refused', reason: words('未满60周岁，暂不能领取城乡居民养老金。', 'Under 60: the resident pension cannot be drawn yet.'), text: words('您的「城乡居民养老保险待遇申领」未获批准。', 'Your Resident pension claim was not approved.') },
    ]);
    expect(await office.deskItem(d.applicationId)).toMatchObject({ state: 'refused', desk: 'clerk' });
  });

  it("names items by the county's published catalogue, read again when a new version is published; an unreadable one falls back to the shipped one", async () => {
    const renamed = (en: string) => {
      const catalog = defaultCatalog();
      return { ...catalog, items: catalog.items.map((i) => (i.code === 'JOB-01' ? { ...i, name: words(`${en}登记`, en) } : i)) };
    };
    const named = async () => {
      const d = delivery('JOB-01');
      await office.receive(d, sink);
      return sink.of(d.applicationId)[0]!.text.en;
    };
    expect(await named()).toBe('Your Job-seeker registration is being processed.');
    await publishConfigPart(db.query, 'catalog', renamed('Job search'));
    expect(await named()).toBe('Your Job search is being processed.');
    await publishConfigPart(db.query, 'catalog', renamed('Work wanted'));
    expect(await named()).toBe('Your Work wanted is being processed.');
    await db.query.updateTable('config_parts').set({ version: 999, body: JSON.stringify({ items: 'unreadable' }) }).where('part', '=', 'catalog').execute();
    expect(await named()).toBe('Your Job-seeker registration is being processed.');
  });
});

describe('the relay hands stored items over', () => {
  let db: CountyDatabase;
  const NOW = new Date('2026-11-30T10:00:00.000Z');
  beforeEach(async () => {
    db = await openTestCountyDatabase('back-office-relay-');
  });
  afterEach(async () => {
    jest.useRealTimers();
    await db.close();
  });

  /** A back office that records what it was given (singly, or all at once when `all`). */
  function recording(all: boolean, onReceive: (item: BackOfficeItem) => void = () => undefined) {
    const calls: BackOfficeItem[][] = [];
    const advanced: Date[] = [];
    const office: BackOffice = {
      name: 'recording',
      receive: async (item) => {
        calls.push([item]);
        onReceive(item);
      },
      advance: async (now) => {
        advanced.push(now);
      },
      ...(all ? { receiveAll: async (items: readonly BackOfficeItem[]) => void calls.push([...items]) } : {}),
    };
    return { office, calls, advanced };
  }

  /**
   * Lets the relay's database work run (it needs no timers) until `done`, at most `ms` of real time (process.hrtime:
   * not faked below). PostgreSQL answers over a socket, so turns alone would not be enough.
   */
  async function until(done: () => boolean, ms = 5000): Promise<void> {
    const end = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
    while (!done() && process.hrtime.bigint() < end) await new Promise((r) => setImmediate(r));
  }
  /** Long enough for a hand-over that should not happen to have happened. */
  const settle = () => until(() => false, 100);

  async function store(n: number) {
    const items = Array.from({ length: n }, (_, i) => batchItem(wang, 'JOB-01', { form: { phone: `1380000000${i}` } }));
    await intakeBatch(db.query, KIOSK, items, AT);
    return items;
  }

  it('singly, in arrival order, each as the back office expects it, once', async () => {
    const items = await store(3);
    const { office, calls } = recording(false);
    const relay = new BackOfficeRelay(db.query, office, () => NOW);
    const [first, second] = await Promise.all([relay.handOver(), relay.handOver()]);
    expect([first, second]).toEqual([3, 3]); // the second caller shares the run in progress
    expect(calls.map((c) => c.length)).toEqual([1, 1, 1]);
    expect(calls.map((c) => c[0])).toEqual(
      items.map((i) => ({ applicationId: i.id, deliveryId: i.id, round: 1, kioskId: KIOSK, itemCode: 'JOB-01', trackingNumber: i.payload.trackingNumber, receivedAt: AT, payload: i.payload })),
    );
    expect(await db.query.selectFrom('items').select('handed_at').distinct().execute()).toEqual([{ handed_at: NOW.toISOString() }]);
    expect(await relay.handOver()).toBe(0);
  });

  it('singly, each in its own transaction: an item the back office refuses holds back itself and those after it, never those before', async () => {
    const items = await store(3);
    const { office, calls } = recording(false, (item) => {
      if (item.deliveryId === items[1]!.id && calls.length === 2) throw new Error('not now');
    });
    const relay = new BackOfficeRelay(db.query, office, () => NOW);
    await expect(relay.handOver()).rejects.toThrow('not now');
    const handed = await db.query.selectFrom('items').select(['id', 'handed_at']).orderBy('arrival').execute();
    expect(handed).toEqual([{ id: items[0]!.id, handed_at: NOW.toISOString() }, { id: items[1]!.id, handed_at: null }, { id: items[2]!.id, handed_at: null }]);
    expect(await relay.handOver()).toBe(2);
    expect(calls.map((c) => c[0]!.deliveryId)).toEqual([items[0]!.id, items[1]!.id, items[1]!.id, items[2]!.id]);
  });

  it('all at once to a back office that takes several', async () => {
    const items = await store(3);
    const { office, calls } = recording(true);
    expect(await new BackOfficeRelay(db.query, office, () => NOW).handOver()).toBe(3);
    expect(calls.map((c) => c.map((i) => i.deliveryId))).toEqual([items.map((i) => i.id)]);
  });

  it("an application sent again goes over as its next round, under the first sending's id and tracking number", async () => {
    const reference = new ReferenceBackOffice(db.query);
    const first = batchItem(wang, 'JOB-05', { form: { leaveReason: 'landLost' } });
    await intakeBatch(db.query, KIOSK, [first], AT);
    const relay = new BackOfficeRelay(db.query, reference, () => NOW);
    await relay.handOver(); // returned: the proof is missing
    const again = batchItem(wang, 'JOB-05', { form: { leaveReason: 'landLost' }, applicationId: first.id });
    expect(await intakeBatch(db.query, KIOSK, [again], minutes(5))).toEqual([{ id: again.id, status: 'accepted' }]);
    const { office, calls } = recording(false);
    expect(await new BackOfficeRelay(db.query, office, () => NOW).handOver()).toBe(1);
    expect(calls[0]![0]).toMatchObject({ applicationId: first.id, deliveryId: again.id, round: 2, trackingNumber: first.payload.trackingNumber, receivedAt: minutes(5) });
  });

  it('a tick hands over, then advances to now; a failure goes to onError and the tick still resolves', async () => {
    await store(1);
    const { office, calls, advanced } = recording(false);
    await new BackOfficeRelay(db.query, office, () => NOW).tick();
    expect([calls.length, advanced]).toEqual([1, [NOW]]);
    await store(1);
    const errors: unknown[] = [];
    const broken = new Error('back office down');
    const failing = new BackOfficeRelay(db.query, { ...office, receive: async () => Promise.reject(broken) }, () => NOW, (e) => errors.push(e));
    await failing.tick();
    expect(errors).toEqual([broken]);
    // The failed claim was not kept: the item is handed over again.
    expect(await new BackOfficeRelay(db.query, office, () => NOW).handOver()).toBe(1);
  });

  it('soon() does nothing until started, then hands over once per burst after its delay; start ticks on its interval; stop ends both', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime'] });
    await store(2);
    let received!: () => void;
    const handed = new Promise<void>((resolve) => (received = resolve));
    const { office, calls, advanced } = recording(false, () => received());
    const relay = new BackOfficeRelay(db.query, office, () => NOW);
    // (Counted by what the back office saw, not by timers: PostgreSQL's pool keeps timers of its own.)
    relay.soon(10);
    jest.advanceTimersByTime(100);
    await settle();
    expect(calls).toHaveLength(0); // not started: nothing runs behind a caller's back
    relay.start(3000);
    relay.soon(10);
    relay.soon(10);
    jest.advanceTimersByTime(9);
    await settle();
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(1);
    await handed;
    await until(() => advanced.length === 1); // that tick's advance
    await settle();
    expect([calls.length, advanced.length]).toEqual([2, 1]); // both items, one hand-over for the burst
    await store(1);
    relay.soon(10); // the burst is over: the next one is scheduled again
    jest.advanceTimersByTime(10);
    await until(() => advanced.length === 2);
    expect(calls).toHaveLength(3);
    relay.start(1000); // started again: the 3 s interval is gone
    relay.soon(50);
    relay.stop();
    jest.advanceTimersByTime(5000);
    await settle();
    expect(advanced).toHaveLength(2); // stopped: neither the interval nor the pending hand-over ran
    relay.start(1000);
    jest.advanceTimersByTime(999);
    await settle();
    expect(advanced).toHaveLength(2);
    jest.advanceTimersByTime(1);
    await until(() => advanced.length === 3);
    expect(advanced).toEqual([NOW, NOW, NOW]);
    relay.stop();
  });
});
