import Database from 'better-sqlite3';
import { withStatementCache } from '../../src/county/db/statement-cache';

/**
 * The county's SQLite statements kept by their text (db/statement-cache.ts) on an in-memory database: a text is
 * compiled once, the least recently used goes past the bound, and closing closes the file.
 */
describe("the county's SQLite statement cache", () => {
  const open = (max?: number) => {
    const sqlite = new Database(':memory:');
    const compiled: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    jest.spyOn(sqlite, 'prepare').mockImplementation((text: string) => {
      compiled.push(text);
      return prepare(text);
    });
    return { sqlite, compiled, cache: withStatementCache(sqlite, max) };
  };

  it('compiles a text once and hands back the same statement, which runs', () => {
    const { compiled, cache } = open();
    const first = cache.prepare('select 1 as one');
    expect(cache.prepare('select 1 as one')).toBe(first);
    expect(compiled).toEqual(['select 1 as one']);
    expect((first as unknown as Database.Statement).get()).toEqual({ one: 1 });
  });

  it('lets the least recently used text go past its bound, keeping one used again meanwhile', () => {
    const { compiled, cache } = open(2);
    cache.prepare('select 1');
    cache.prepare('select 2');
    cache.prepare('select 1'); // used again: now the most recent
    cache.prepare('select 3'); // past the bound: 'select 2' goes
    expect(compiled).toEqual(['select 1', 'select 2', 'select 3']);
    cache.prepare('select 1');
    cache.prepare('select 3');
    expect(compiled).toEqual(['select 1', 'select 2', 'select 3']);
    cache.prepare('select 2');
    expect(compiled).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('keeps 500 texts unless told otherwise', () => {
    const { compiled, cache } = open();
    for (let i = 0; i < 500; i += 1) cache.prepare(`select ${i}`);
    cache.prepare('select 0');
    expect(compiled).toHaveLength(500);
    cache.prepare('select 500'); // 'select 1' is now the least recently used
    cache.prepare('select 0');
    expect(compiled).toHaveLength(501);
    cache.prepare('select 1');
    expect(compiled).toHaveLength(502);
  });

  it('closes the database', () => {
    const { sqlite, cache } = open();
    cache.close();
    expect(sqlite.open).toBe(false);
  });
});
