import { cancelCardBlock, cardBlockState, recordCardBlock } from '../../src/county/card-blocks';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The county's card blocks (card-blocks.ts) called directly, to the millisecond: blocked until the lift time and
 * lifted at it, a cancellation only while the block holds and only once, a new report replacing every part of the old
 * block. card-blocks.test.ts covers the same through the gateway, a day at a time.
 */
const ID_A = '110101199003070012';
const ID_B = '110101198512120023';
const BLOCKED = '2026-12-01T08:00:00.000Z';
const LIFTS = '2026-12-11T08:00:00.000Z';
const ms = (iso: string, plus = 0) => new Date(Date.parse(iso) + plus);

describe('card blocks on the county database', () => {
  let county: CountyDatabase;
  const row = (id: string) => county.query.selectFrom('card_blocks').selectAll().where('id_number', '=', id).executeTakeFirst();

  beforeAll(async () => {
    county = await openTestCountyDatabase('card-blocks-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('answers none for a card never blocked', async () => {
    expect(await cardBlockState(county.query, ID_B, ms(BLOCKED))).toEqual({ state: 'none', blockedAt: null, liftsAt: null, liftedAt: null });
  });

  it('holds a block until its lift time and lifts it at that millisecond', async () => {
    await recordCardBlock(county.query, { idNumber: ID_A, itemId: 'item-1', blockedAt: BLOCKED, liftsAt: LIFTS });
    expect(await cardBlockState(county.query, ID_A, ms(BLOCKED))).toEqual({ state: 'blocked', blockedAt: BLOCKED, liftsAt: LIFTS, liftedAt: null });
    expect(await cardBlockState(county.query, ID_A, ms(LIFTS, -1))).toEqual({ state: 'blocked', blockedAt: BLOCKED, liftsAt: LIFTS, liftedAt: null });
    expect(await cardBlockState(county.query, ID_A, ms(LIFTS))).toEqual({ state: 'lifted', blockedAt: BLOCKED, liftsAt: LIFTS, liftedAt: LIFTS });
    expect(await cardBlockState(county.query, ID_B, ms(BLOCKED))).toMatchObject({ state: 'none' });
  });

  it('cancels a block only while it holds, once, and answers it cancelled from then on', async () => {
    expect(await cancelCardBlock(county.query, ID_A, LIFTS)).toBe(false);
    expect(await cancelCardBlock(county.query, ID_B, BLOCKED)).toBe(false);
    const at = ms(LIFTS, -1).toISOString();
    expect(await cancelCardBlock(county.query, ID_A, at)).toBe(true);
    expect(await cancelCardBlock(county.query, ID_A, at)).toBe(false);
    expect((await row(ID_A))!.cancelled_at).toBe(at);
    for (const now of [ms(LIFTS, -1), ms(LIFTS, 1)]) expect(await cardBlockState(county.query, ID_A, now)).toEqual({ state: 'cancelled', blockedAt: BLOCKED, liftsAt: LIFTS, liftedAt: at });
  });

  it('replaces the block with a new report: its item, both times, and no cancellation', async () => {
    const again = { idNumber: ID_A, itemId: 'item-2', blockedAt: '2026-12-20T08:00:00.000Z', liftsAt: '2026-12-30T08:00:00.000Z' };
    await recordCardBlock(county.query, again);
    expect(await row(ID_A)).toEqual({ id_number: ID_A, item_id: 'item-2', blocked_at: again.blockedAt, lifts_at: again.liftsAt, cancelled_at: null });
    expect(await cardBlockState(county.query, ID_A, ms(again.liftsAt, -1))).toEqual({ state: 'blocked', blockedAt: again.blockedAt, liftsAt: again.liftsAt, liftedAt: null });
    expect(await county.query.selectFrom('card_blocks').select('id_number').execute()).toEqual([{ id_number: ID_A }]);
  });
});
