import { sql, type RawBuilder } from 'kysely';
import type { CountyQuery } from './connection';

/**
 * Hand-written SQL for the console's paged tables (conditions assembled from scope, filters and sort columns), run
 * through the same Kysely connection as everything else: `?` placeholders become the dialect's own parameters ($1 on
 * PostgreSQL). The SQL itself must be the common subset both engines speak (no rowid, no INSERT OR IGNORE).
 */
export function rawSql(text: string, params: readonly unknown[]): RawBuilder<unknown> {
  const pieces = text.split('?');
  if (pieces.length - 1 !== params.length) throw new Error(`SQL has ${pieces.length - 1} placeholders but ${params.length} parameters`);
  let out: RawBuilder<unknown> = sql.raw(pieces[0]!);
  for (let i = 1; i < pieces.length; i++) out = sql`${out}${params[i - 1]}${sql.raw(pieces[i]!)}`;
  return out;
}

export async function allRows<T>(q: CountyQuery, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await rawSql(text, params).execute(q)).rows as T[];
}

export async function firstRow<T>(q: CountyQuery, text: string, params: readonly unknown[] = []): Promise<T | undefined> {
  return (await allRows<T>(q, text, params))[0];
}
