import { openCountyDatabase, type CountyDatabase, type CountyQuery } from '../../src/county/db/connection';
import { allRows, compiledOnce, firstRow, insertRows, rawSql } from '../../src/county/db/raw';
import { closeTestCountyDatabase, countyTestEngine, openTestCountyDatabase } from '../support/county-database';
import { testStores } from '../support/store-fixtures';

/**
 * The county's hand-written SQL (db/raw.ts) on the test engine: `?` placeholders turned into the engine's parameters
 * ($1, $2, ... on PostgreSQL), the multi-row INSERT whose text is kept per table, columns, row count, conflict column,
 * returned column and engine, and a built query compiled once per engine. Every test reads back what was stored.
 */
const onPostgres = countyTestEngine === 'postgres' ? describe : describe.skip;

const lookup = (kiosk: string, outcome: string, extra: { id_number_masked?: string | undefined; session_id?: string | undefined } = {}) => ({
  at: '2026-12-01T08:00:00.000Z',
  kiosk_id: kiosk,
  item_code: 'LOOK-01',
  ...extra,
  outcome,
});
const point = (kiosk: string, division: string) => ({ kiosk_id: kiosk, division_code: division, township: 'T1', name_zh: `村${division}`, name_en: `Point ${division}`, level: 'village' });

describe(`the county's raw SQL (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  let q: CountyQuery;
  beforeAll(async () => {
    county = await openTestCountyDatabase('county-raw-');
    q = county.query;
  });
  afterAll(() => closeTestCountyDatabase(county));

  const kiosks = (prefix: string) =>
    q.selectFrom('kiosks').select(['id', 'secret']).where('id', 'like', `${prefix}%`).orderBy('id').execute();
  const lookups = (kiosk: string) =>
    q.selectFrom('lookup_log').select(['kiosk_id', 'item_code', 'id_number_masked', 'session_id', 'outcome']).where('kiosk_id', '=', kiosk).orderBy('seq').execute();

  describe('rawSql, allRows and firstRow', () => {
    beforeAll(async () => {
      await q.insertInto('kiosks').values([1, 2, 3, 4].map((n) => ({ id: `r-${n}`, secret: `secret-${n}` }))).execute();
    });

    it("turns each ? into the engine's own parameter, in order", () => {
      const compiled = rawSql('SELECT id FROM kiosks WHERE id = ? OR secret = ? ORDER BY id', ['r-1', 'secret-3']).compile(q);
      expect(compiled.sql).toBe(
        countyTestEngine === 'postgres' ? 'SELECT id FROM kiosks WHERE id = $1 OR secret = $2 ORDER BY id' : 'SELECT id FROM kiosks WHERE id = ? OR secret = ? ORDER BY id',
      );
      expect(compiled.parameters).toEqual(['r-1', 'secret-3']);
      const bare = rawSql('SELECT 1', []).compile(q);
      expect([bare.sql, bare.parameters]).toEqual(['SELECT 1', []]);
    });

    it('runs the text with its parameters in place and answers every row, or the first', async () => {
      expect(await allRows(q, "SELECT id, secret FROM kiosks WHERE id LIKE 'r-%' AND (id = ? OR secret = ? OR id = ?) ORDER BY id", ['r-4', 'secret-2', 'r-1'])).toEqual([
        { id: 'r-1', secret: 'secret-1' },
        { id: 'r-2', secret: 'secret-2' },
        { id: 'r-4', secret: 'secret-4' },
      ]);
      expect(await allRows(q, "SELECT id FROM kiosks WHERE id LIKE 'r-%' ORDER BY id DESC")).toEqual([{ id: 'r-4' }, { id: 'r-3' }, { id: 'r-2' }, { id: 'r-1' }]);
      expect(await firstRow(q, "SELECT id FROM kiosks WHERE id LIKE 'r-%' AND id > ? ORDER BY id", ['r-2'])).toEqual({ id: 'r-3' });
      expect(await firstRow(q, "SELECT id FROM kiosks WHERE id LIKE 'r-%' ORDER BY id")).toEqual({ id: 'r-1' });
      expect(await firstRow(q, 'SELECT id FROM kiosks WHERE id = ?', ['r-9'])).toBeUndefined();
    });

    it('refuses a text whose placeholders and parameters differ in number, before running it', async () => {
      expect(() => rawSql('SELECT id FROM kiosks WHERE id = ? OR id = ?', ['r-1'])).toThrow(new Error('SQL has 2 placeholders but 1 parameters'));
      expect(() => rawSql('SELECT id FROM kiosks', ['r-1'])).toThrow(new Error('SQL has 0 placeholders but 1 parameters'));
      await expect(allRows(q, 'SELECT id FROM kiosks WHERE id = ?')).rejects.toThrow(new Error('SQL has 1 placeholders but 0 parameters'));
    });
  });

  describe('insertRows', () => {
    it('stores nothing and answers no rows for an empty batch', async () => {
      expect(await insertRows(q, 'kiosks', [])).toEqual([]);
      expect(await insertRows(q, 'lookup_log', [], { returning: 'outcome' })).toEqual([]);
    });

    it('stores every row with each value in its own column, and again with new values in the same shape', async () => {
      expect(await insertRows(q, 'kiosks', [1, 2, 3].map((n) => ({ id: `i-${n}`, secret: `s-${n}` })))).toEqual([]);
      // The same table, columns and row count: the kept text, this call's values.
      await insertRows(q, 'kiosks', [4, 5, 6].map((n) => ({ id: `i-${n}`, secret: `s-${n}` })));
      // The columns named in another order are another text.
      await insertRows(q, 'kiosks', [7, 8, 9].map((n) => ({ secret: `s-${n}`, id: `i-${n}` })));
      expect(await kiosks('i-')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ id: `i-${n}`, secret: `s-${n}` })));
    });

    it('keeps a text per row count and per table', async () => {
      await insertRows(q, 'kiosks', [{ id: 'n-1', secret: 'one' }]);
      await insertRows(q, 'kiosks', [
        { id: 'n-2', secret: 'two' },
        { id: 'n-3', secret: 'three' },
      ]);
      await insertRows(q, 'kiosks', [{ id: 'n-4', secret: 'four' }]);
      await insertRows(q, 'residents', [{ id_number: 'n-5', body: 'five' }]);
      await insertRows(q, 'counters', [{ name: 'n-6', value: 6 }]);
      expect(await kiosks('n-')).toEqual([
        { id: 'n-1', secret: 'one' },
        { id: 'n-2', secret: 'two' },
        { id: 'n-3', secret: 'three' },
        { id: 'n-4', secret: 'four' },
      ]);
      expect(await q.selectFrom('residents').selectAll().where('id_number', '=', 'n-5').execute()).toEqual([{ id_number: 'n-5', body: 'five' }]);
      expect(await q.selectFrom('counters').selectAll().where('name', '=', 'n-6').execute()).toEqual([{ name: 'n-6', value: 6 }]);
    });

    it("stores a missing or undefined value as NULL, the first row's columns naming the columns of every row", async () => {
      await insertRows(q, 'lookup_log', [
        lookup('kiosk-null', 'found', { id_number_masked: '1101**********0012', session_id: undefined }),
        lookup('kiosk-null', 'none'),
        lookup('kiosk-null', 'found', { id_number_masked: '1101**********0023', session_id: 'session-3' }),
      ]);
      expect(await lookups('kiosk-null')).toEqual([
        { kiosk_id: 'kiosk-null', item_code: 'LOOK-01', id_number_masked: '1101**********0012', session_id: null, outcome: 'found' },
        { kiosk_id: 'kiosk-null', item_code: 'LOOK-01', id_number_masked: null, session_id: null, outcome: 'none' },
        { kiosk_id: 'kiosk-null', item_code: 'LOOK-01', id_number_masked: '1101**********0023', session_id: 'session-3', outcome: 'found' },
      ]);
    });

    it('answers the returned column of each row stored, and nothing without `returning`', async () => {
      expect(await insertRows(q, 'lookup_log', [lookup('kiosk-ret', 'first'), lookup('kiosk-ret', 'second')], { returning: 'outcome' })).toEqual([
        { outcome: 'first' },
        { outcome: 'second' },
      ]);
      // The same shape returning another column is another text.
      expect(await insertRows(q, 'lookup_log', [lookup('kiosk-ret', 'third'), lookup('kiosk-ret', 'fourth')], { returning: 'item_code' })).toEqual([
        { item_code: 'LOOK-01' },
        { item_code: 'LOOK-01' },
      ]);
      expect(await insertRows(q, 'lookup_log', [lookup('kiosk-ret', 'fifth'), lookup('kiosk-ret', 'sixth')])).toEqual([]);
      expect((await lookups('kiosk-ret')).map((r) => r.outcome)).toEqual(['first', 'second', 'third', 'fourth', 'fifth', 'sixth']);
    });

    it('skips the rows whose conflict column is taken, on the column named, and answers only the rows stored', async () => {
      await insertRows(q, 'points', [point('kiosk-p1', '140105000001')]);
      const stored = await insertRows(q, 'points', [point('kiosk-p1', '140105000002'), point('kiosk-p2', '140105000003')], { skipConflictOn: 'kiosk_id', returning: 'kiosk_id' });
      expect(stored).toEqual([{ kiosk_id: 'kiosk-p2' }]);
      // Same table, columns and count, another conflict column: another text.
      expect(await insertRows(q, 'points', [point('kiosk-p3', '140105000001'), point('kiosk-p4', '140105000004')], { skipConflictOn: 'division_code', returning: 'kiosk_id' })).toEqual([
        { kiosk_id: 'kiosk-p4' },
      ]);
      const points = await q.selectFrom('points').select(['kiosk_id', 'division_code']).where('kiosk_id', 'like', 'kiosk-p%').orderBy('kiosk_id').execute();
      expect(points).toEqual([
        { kiosk_id: 'kiosk-p1', division_code: '140105000001' },
        { kiosk_id: 'kiosk-p2', division_code: '140105000003' },
        { kiosk_id: 'kiosk-p4', division_code: '140105000004' },
      ]);
    });

    it('refuses a taken key without a conflict column, storing none of the batch', async () => {
      await insertRows(q, 'kiosks', [{ id: 'c-1', secret: 'first' }]);
      const refusal = await insertRows(q, 'kiosks', [
        { id: 'c-2', secret: 'second' },
        { id: 'c-1', secret: 'again' },
      ]).then(
        () => 'stored',
        (error: unknown) => String((error as { message?: unknown }).message),
      );
      expect(refusal).toMatch(/unique|duplicate/i);
      expect(await kiosks('c-')).toEqual([{ id: 'c-1', secret: 'first' }]);
    });
  });

  describe('compiledOnce', () => {
    beforeAll(async () => {
      await q.insertInto('kiosks').values([1, 2].map((n) => ({ id: `o-${n}`, secret: `once-${n}` }))).execute();
    });

    it('builds the query once and runs it with each call’s parameters', async () => {
      const build = jest.fn((db: CountyQuery) => db.selectFrom('kiosks').select('secret').where('id', '=', ''));
      const secretOf = compiledOnce(build);
      expect(await secretOf(q, ['o-1'])).toEqual([{ secret: 'once-1' }]);
      expect(await secretOf(q, ['o-2'])).toEqual([{ secret: 'once-2' }]);
      expect(await secretOf(q, ['o-3'])).toEqual([]);
      expect(build).toHaveBeenCalledTimes(1);
    });

    it('refuses parameters that differ in number from the built query’s', async () => {
      const secretOf = compiledOnce((db) => db.selectFrom('kiosks').select('secret').where('id', '=', ''));
      await expect(secretOf(q, ['o-1', 'o-2'])).rejects.toThrow(new Error('query takes 1 parameters, given 2'));
      await expect(secretOf(q, [])).rejects.toThrow(new Error('query takes 1 parameters, given 0'));
    });
  });

  onPostgres('beside a SQLite county in the same process', () => {
    let local: CountyDatabase;
    const { dir } = testStores('county-raw-local-');
    beforeAll(async () => {
      local = await openCountyDatabase({ dataDir: dir() });
    });
    afterAll(() => local.close());

    it('keeps the insert text of each engine apart', async () => {
      for (const [n, db] of [q, local.query, q, local.query].entries()) {
        await insertRows(db, 'kiosks', [
          { id: `e-${n}a`, secret: `engine-${n}a` },
          { id: `e-${n}b`, secret: `engine-${n}b` },
        ]);
      }
      const ids = (db: CountyQuery) => db.selectFrom('kiosks').select('secret').where('id', 'like', 'e-%').orderBy('id').execute();
      expect(await ids(q)).toEqual([{ secret: 'engine-0a' }, { secret: 'engine-0b' }, { secret: 'engine-2a' }, { secret: 'engine-2b' }]);
      expect(await ids(local.query)).toEqual([{ secret: 'engine-1a' }, { secret: 'engine-1b' }, { secret: 'engine-3a' }, { secret: 'engine-3b' }]);
    });

    it('compiles a built query once per engine', async () => {
      await local.query.insertInto('kiosks').values({ id: 'o-1', secret: 'local-1' }).execute();
      const build = jest.fn((db: CountyQuery) => db.selectFrom('kiosks').select('secret').where('id', '=', ''));
      const secretOf = compiledOnce(build);
      for (let round = 0; round < 2; round++) {
        expect(await secretOf(q, ['o-1'])).toEqual([{ secret: 'once-1' }]);
        expect(await secretOf(local.query, ['o-1'])).toEqual([{ secret: 'local-1' }]);
      }
      expect(build).toHaveBeenCalledTimes(2);
    });
  });
});
