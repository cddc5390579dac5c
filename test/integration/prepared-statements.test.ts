import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { withPreparedStatements } from '../../src/county/db/prepared-statements';
import { freshCountyDatabase } from '../support/county-database';

/**
 * db/prepared-statements.ts is PostgreSQL's alone (SQLite keeps its statements in db/statement-cache.ts): it runs in the
 * PostgreSQL pass of the county suite and is skipped on SQLite, where there is no server to prepare on.
 */
const onPostgres = process.env.COUNTY_TEST_DATABASE ? describe : describe.skip;

onPostgres('named prepared statements on PostgreSQL', () => {
  let db: Kysely<Record<string, never>>;
  const prepared = async () =>
    (await db.executeQuery<{ name: string; statement: string }>(CompiledQuery.raw('select name, statement from pg_prepared_statements order by name'))).rows;

  beforeEach(async () => {
    // One connection, so every statement below meets the same session's prepared statements.
    const pool = new pg.Pool({ connectionString: await freshCountyDatabase(), max: 1 });
    db = new Kysely({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool, 2) }) });
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('prepares a text once and reuses it', async () => {
    for (let i = 0; i < 5; i++) expect((await db.executeQuery<{ v: number }>(CompiledQuery.raw('select $1::int + 1 as v', [i]))).rows).toEqual([{ v: i + 1 }]);
    expect((await prepared()).map((p) => p.statement)).toEqual(['select $1::int + 1 as v']);
  });

  it('keeps at most the limit per connection, dropping the least recently used, and answers right after each drop, in a transaction too', async () => {
    const texts = ['select $1::int + 1 as v', 'select $1::int + 2 as v', 'select $1::int + 3 as v'];
    for (let round = 0; round < 3; round++) {
      for (const [i, text] of texts.entries()) expect((await db.executeQuery<{ v: number }>(CompiledQuery.raw(text, [10]))).rows).toEqual([{ v: 11 + i }]);
    }
    expect((await prepared()).map((p) => p.statement)).toEqual([texts[1], texts[2]]);
    await db.transaction().execute(async (trx) => {
      for (const [i, text] of texts.entries()) expect((await trx.executeQuery<{ v: number }>(CompiledQuery.raw(text, [20]))).rows).toEqual([{ v: 21 + i }]);
    });
    expect(await prepared()).toHaveLength(2);
  });

  it('leaves a text selecting * unnamed (its columns could change under a cached plan) and one without parameters too', async () => {
    await db.executeQuery(CompiledQuery.raw('select * from (select $1::int as v) t', [1]));
    await db.executeQuery(CompiledQuery.raw('select t.* from (select $1::int as v) t', [1]));
    await db.executeQuery(CompiledQuery.raw('select 1 as v'));
    expect(await prepared()).toEqual([]);
    await db.executeQuery(CompiledQuery.raw('select count(*) from (select $1::int as v) t', [1]));
    expect((await prepared()).map((p) => p.statement)).toEqual(['select count(*) from (select $1::int as v) t']);
  });

  it('leaves an insert returning * unnamed too: it still answers after another gateway adds a column', async () => {
    await db.executeQuery(CompiledQuery.raw('create table login_rows (a int)'));
    const insert = CompiledQuery.raw('insert into login_rows (a) values ($1) returning *', [1]);
    expect((await db.executeQuery(insert)).rows).toEqual([{ a: 1 }]);
    // Another gateway process migrates: a prepared statement now fails ("cached plan must not change result type").
    await db.executeQuery(CompiledQuery.raw('alter table login_rows add column b int'));
    expect((await db.executeQuery(insert)).rows).toEqual([{ a: 1, b: null }]);
    expect(await prepared()).toEqual([]);
  });
});
