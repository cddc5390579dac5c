import { z } from 'zod';
import type { CountyQuery } from './db/connection';

/**
 * The county's record of temporarily blocked social security cards (CARD-02). A loss report blocks the card until
 * the published period has passed; then it lifts by itself, because whether a block holds is decided against the
 * clock whenever it is read, never by a job that might not run. A cancelled loss report lifts it early.
 */

export const CardBlockStateSchema = z.object({
  /** blocked: nobody can use the card; lifted: the period passed; cancelled: the resident cancelled it; none: never blocked. */
  state: z.enum(['blocked', 'lifted', 'cancelled', 'none']),
  blockedAt: z.string().nullable(),
  liftsAt: z.string().nullable(),
  /** When the block stopped holding (the lift time, or the cancellation); null while it holds. */
  liftedAt: z.string().nullable(),
});
export type CardBlockState = z.infer<typeof CardBlockStateSchema>;

/** Blocks the resident's card from `blockedAt` until `liftsAt`; a new loss report replaces an earlier block. */
export async function recordCardBlock(q: CountyQuery, block: { idNumber: string; itemId: string; blockedAt: string; liftsAt: string }): Promise<void> {
  await q
    .insertInto('card_blocks')
    .values({ id_number: block.idNumber, item_id: block.itemId, blocked_at: block.blockedAt, lifts_at: block.liftsAt, cancelled_at: null })
    .onConflict((c) =>
      c.column('id_number').doUpdateSet((e) => ({
        item_id: e.ref('excluded.item_id'),
        blocked_at: e.ref('excluded.blocked_at'),
        lifts_at: e.ref('excluded.lifts_at'),
        cancelled_at: null,
      })),
    )
    .execute();
}

/** Lifts a block that still holds at `at` (a cancelled loss report); true when there was one. */
export async function cancelCardBlock(q: CountyQuery, idNumber: string, at: string): Promise<boolean> {
  const result = await q
    .updateTable('card_blocks')
    .set({ cancelled_at: at })
    .where('id_number', '=', idNumber)
    .where('cancelled_at', 'is', null)
    .where('lifts_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The card's block as it stands at `now`. */
export async function cardBlockState(q: CountyQuery, idNumber: string, now: Date): Promise<CardBlockState> {
  const row = await q.selectFrom('card_blocks').selectAll().where('id_number', '=', idNumber).executeTakeFirst();
  if (!row) return { state: 'none', blockedAt: null, liftsAt: null, liftedAt: null };
  const base = { blockedAt: row.blocked_at, liftsAt: row.lifts_at };
  if (row.cancelled_at) return { state: 'cancelled', ...base, liftedAt: row.cancelled_at };
  return Date.parse(row.lifts_at) <= now.getTime() ? { state: 'lifted', ...base, liftedAt: row.lifts_at } : { state: 'blocked', ...base, liftedAt: null };
}
