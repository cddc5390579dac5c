import { CompiledQuery, sql, type Compilable, type Insertable, type RawBuilder } from 'kysely';
import { engineOf, type CountyQuery } from './connection';
import type { CountyTables } from './tables';

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

/** The most distinct insert texts kept (table × columns × row count × engine; a batch holds at most a few hundred). */
const INSERT_TEXTS_MAX = 1_000;
const insertTexts = new Map<string, string>();

/**
 * One multi-row INSERT whose SQL text is made once per table, columns, row count and engine, then reused: the
 * intake writes three of these a batch, and building them through Kysely's builder (a node per value, frozen, then
 * compiled to text) cost more than SQLite's own work for the rows (profile of bench/county-intake.bench.ts). The rows
 * are typed against the table; every row must carry the first row's columns. `skipConflictOn` adds
 * `ON CONFLICT (column) DO NOTHING`, `returning` a `RETURNING column` (both engines speak both).
 */
export async function insertRows<T extends keyof CountyTables & string, R extends Insertable<CountyTables[T]>>(
  q: CountyQuery,
  table: T,
  rows: readonly R[],
  options: { skipConflictOn?: keyof R & string; returning?: keyof R & string } = {},
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!) as Array<keyof R & string>;
  const engine = engineOf(q);
  const key = `${engine} ${table} ${columns.join(',')} ${rows.length} ${options.skipConflictOn ?? ''} ${options.returning ?? ''}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    let n = 0;
    const row = () => `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows.length }, row).join(', ')}`;
    if (options.skipConflictOn) text += ` on conflict ("${options.skipConflictOn}") do nothing`;
    if (options.returning) text += ` returning "${options.returning}"`;
    if (insertTexts.size >= INSERT_TEXTS_MAX) insertTexts.clear();
    insertTexts.set(key, text);
  }
  const values: unknown[] = [];
  for (const r of rows) for (const c of columns) values.push(r[c] ?? null);
  return (await q.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values))).rows;
}

/**
 * A fixed-shape query built with Kysely and compiled once per engine, then run with each call's parameters (in the
 * order the built query takes them): for a statement on every request, where building and compiling the same
 * query again (a node per part, frozen, visited to text) costs more than the text it gives.
 */
export function compiledOnce<R>(build: (q: CountyQuery) => Compilable<R>): (q: CountyQuery, parameters: readonly unknown[]) => Promise<R[]> {
  const texts = new Map<string, string>();
  return async (q, parameters) => {
    const engine = engineOf(q);
    let text = texts.get(engine);
    if (text === undefined) {
      const compiled = build(q).compile();
      if (compiled.parameters.length !== parameters.length) throw new Error(`query takes ${compiled.parameters.length} parameters, given ${parameters.length}`);
      text = compiled.sql;
      texts.set(engine, text);
    }
    return (await q.executeQuery<R>(CompiledQuery.raw(text, [...parameters]))).rows;
  };
}
