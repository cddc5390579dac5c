import { sql } from 'kysely';
import type { CountyQuery } from './connection';

/**
 * The next value of a named counter (config versions, outcome cursors): one upsert that returns the new value, so
 * two gateway processes on one PostgreSQL never hand out the same number (the row is locked until commit).
 */
export function nextCounter(q: CountyQuery, name: string): Promise<number> {
  return advanceCounter(q, name, 1);
}

/** Takes `by` numbers at once; returns the last of them (the first is last - by + 1). */
export async function advanceCounter(q: CountyQuery, name: string, by: number): Promise<number> {
  const row = await q
    .insertInto('counters')
    .values({ name, value: by })
    .onConflict((c) => c.column('name').doUpdateSet((e) => ({ value: e('counters.value', '+', by) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function currentCounter(q: CountyQuery, name: string): Promise<number> {
  return (await q.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst())?.value ?? 0;
}

/** The county's config version: one counter bumped by every config or ticket change. */
export const nextConfigVersion = (q: CountyQuery) => nextCounter(q, 'config');
export const currentConfigVersion = (q: CountyQuery) => currentCounter(q, 'config');

/**
 * Takes `by` delivery cursors of one kiosk's outcomes; returns the last (the first is last - by + 1). A kiosk reads
 * only its own outcomes (cursor > since), so each kiosk has its own counter: the row lock that keeps a kiosk's cursors
 * in commit order is then held only against that kiosk's other writers, and two kiosks' intakes on PostgreSQL commit
 * side by side (one shared counter made every intake wait for the one before it to commit). A kiosk's first use starts
 * above the county-wide counter that handed out every cursor before, so no kiosk ever misses a change.
 */
export async function advanceOutcomeCursor(q: CountyQuery, kioskId: string, by: number): Promise<number> {
  const row = await q
    .insertInto('counters')
    .values({ name: `outcomes:${kioskId}`, value: sql<number>`coalesce((select c.value from counters c where c.name = ${'outcomes'}), 0) + ${by}` })
    .onConflict((c) => c.column('name').doUpdateSet((e) => ({ value: e('counters.value', '+', by) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
