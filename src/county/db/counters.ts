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
