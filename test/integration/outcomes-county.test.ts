import { intakeBatch } from '../../src/county/county-state';
import { currentOutcome, outcomesSince, recordOutcome, UnknownApplicationError } from '../../src/county/outcomes';
import type { CountyDatabase } from '../../src/county/db/connection';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';
import { batchItem, testUuid } from '../support/county-items';

const AT = new Date('2026-11-30T08:00:00.000Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);
const words = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const RECEIVED = words('县里已收到您的申请。', 'The county has received your application.');

/**
 * An application's outcome at the county (store level, on the test engine): the back-office tests move outcomes
 * through the gateway; here each field a change carries, what it keeps from the step before, and the kiosk's pages.
 */
describe(`outcomes at the county (${countyTestEngine})`, () => {
  let db: CountyDatabase;
  beforeAll(async () => {
    db = await openTestCountyDatabase('county-outcomes-');
  });
  afterAll(() => db.close());
  const apply = async (kioskId: string) => {
    const item = batchItem(SAMPLE_RESIDENTS[0]!, 'JOB-05', { at: AT.toISOString() });
    expect(await intakeBatch(db.query, kioskId, [item], AT)).toEqual([{ id: item.id, status: 'accepted' }]);
    return item;
  };
  const cursorOf = async (id: string) => (await db.query.selectFrom('outcomes').select('cursor').where('item_id', '=', id).executeTakeFirstOrThrow()).cursor;

  it('raises seq by one per change, appends the step, and keeps only what the change carries or what lasts', async () => {
    const item = await apply('kiosk-a');
    const blocked = { certification: { passed: true, validUntil: '2027-11-30' }, blockedAt: later(1).toISOString(), blockLiftsAt: later(5).toISOString() };
    const returned = await recordOutcome(db.query, item.id, { state: 'returned', text: words('缺材料。', 'Missing papers.'), missing: { text: words('户口本', 'household register'), materials: ['household-register'] }, ...blocked }, later(1));
    expect(returned).toStrictEqual({
      itemId: item.id,
      trackingNumber: item.payload.trackingNumber,
      seq: 2,
      state: 'returned',
      at: later(1).toISOString(),
      missing: { text: words('户口本', 'household register'), materials: ['household-register'] },
      ...blocked,
      steps: [
        { at: AT.toISOString(), state: 'accepted', text: RECEIVED },
        { at: later(1).toISOString(), state: 'returned', text: words('缺材料。', 'Missing papers.') },
      ],
    });
    // The next change: the certification and the card block last; what was missing does not.
    const refused = await recordOutcome(db.query, item.id, { state: 'refused', text: words('不予受理。', 'Refused.'), reason: words('不符合条件', 'Not eligible') }, later(2));
    expect(refused).toStrictEqual({
      itemId: item.id,
      trackingNumber: item.payload.trackingNumber,
      seq: 3,
      state: 'refused',
      at: later(2).toISOString(),
      reason: words('不符合条件', 'Not eligible'),
      ...blocked,
      steps: [...returned.steps, { at: later(2).toISOString(), state: 'refused', text: words('不予受理。', 'Refused.') }],
    });
    // A change carrying its own certification and block replaces the earlier ones; a reason does not last either.
    const renewed = { certification: { passed: false }, blockedAt: later(3).toISOString(), blockLiftsAt: later(9).toISOString() };
    const done = await recordOutcome(db.query, item.id, { state: 'done', text: words('办结。', 'Done.'), ...renewed }, later(3));
    expect(done).toMatchObject({ seq: 4, state: 'done', ...renewed });
    expect(done).not.toHaveProperty('reason');
    expect(await currentOutcome(db.query, item.id)).toStrictEqual(done);
    expect(await db.query.selectFrom('outcomes').select(['seq', 'state', 'kiosk_id']).where('item_id', '=', item.id).executeTakeFirst()).toStrictEqual({ seq: 4, state: 'done', kiosk_id: 'kiosk-a' });
  });

  it('starts at seq 1 from the stored application when it has no outcome yet, for the kiosk that sent it', async () => {
    const item = await apply('kiosk-b');
    await db.query.deleteFrom('outcomes').where('item_id', '=', item.id).execute();
    const first = await recordOutcome(db.query, item.id, { state: 'inProgress', text: words('办理中。', 'In progress.') }, later(1));
    expect(first).toStrictEqual({ itemId: item.id, trackingNumber: item.payload.trackingNumber, seq: 1, state: 'inProgress', at: later(1).toISOString(), steps: [{ at: later(1).toISOString(), state: 'inProgress', text: words('办理中。', 'In progress.') }] });
    expect((await outcomesSince(db.query, 'kiosk-b', 0)).outcomes).toStrictEqual([first]);
  });

  it('keeps the last 50 steps of a long case', async () => {
    const item = await apply('kiosk-a');
    let last;
    for (let i = 1; i <= 52; i++) last = await recordOutcome(db.query, item.id, { state: 'inProgress', text: words(`第${i}步`, `step ${i}`) }, later(i));
    expect(last!.seq).toBe(53);
    expect(last!.steps).toHaveLength(50);
    expect(last!.steps[0]!.text.en).toBe('step 3');
    expect(last!.steps[49]!.text.en).toBe('step 52');
  });

  it('refuses an application it never received, and knows no outcome of it', async () => {
    const id = testUuid();
    const error = await recordOutcome(db.query, id, { state: 'done', text: words('办结。', 'Done.') }, AT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownApplicationError);
    expect(error).toMatchObject({ itemId: id, message: `no application ${id}` });
    expect(await currentOutcome(db.query, id)).toBeNull();
  });

  it("pages a kiosk's changed outcomes in cursor order, each once in its latest state, and only its own", async () => {
    const [a, b, c] = [await apply('kiosk-p'), await apply('kiosk-p'), await apply('kiosk-p')];
    await apply('kiosk-q');
    await recordOutcome(db.query, a.id, { state: 'inProgress', text: words('办理中。', 'In progress.') }, later(1));
    // Cursors now: b, c, then a (moved again).
    const all = await outcomesSince(db.query, 'kiosk-p', 0);
    expect(all.outcomes.map((o) => [o.itemId, o.state])).toEqual([
      [b.id, 'accepted'],
      [c.id, 'accepted'],
      [a.id, 'inProgress'],
    ]);
    expect(all).toMatchObject({ cursor: await cursorOf(a.id), more: false });
    const first = await outcomesSince(db.query, 'kiosk-p', 0, 2);
    expect(first.outcomes.map((o) => o.itemId)).toEqual([b.id, c.id]);
    expect(first).toMatchObject({ cursor: await cursorOf(c.id), more: true });
    const second = await outcomesSince(db.query, 'kiosk-p', first.cursor, 2);
    expect(second).toStrictEqual({ cursor: await cursorOf(a.id), outcomes: [await currentOutcome(db.query, a.id)], more: false });
    // Exactly a page's worth left: no more.
    expect((await outcomesSince(db.query, 'kiosk-p', first.cursor, 1)).more).toBe(false);
    // Nothing new: the cursor stays where the kiosk is.
    expect(await outcomesSince(db.query, 'kiosk-p', second.cursor)).toStrictEqual({ cursor: second.cursor, outcomes: [], more: false });
    expect(await outcomesSince(db.query, 'kiosk-none', 7)).toStrictEqual({ cursor: 7, outcomes: [], more: false });
  });
});
