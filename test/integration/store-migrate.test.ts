import Database from 'better-sqlite3';
import { DatabaseTooNewError, migrate } from '../../src/main/store/migrate';
import type { Migration } from '../../src/main/store/migrations/migration';

// Three small steps of a made-up schema: each leaves a trace, and running one twice fails (CREATE TABLE again).
const STEPS: Migration[] = [
  { version: 1, name: 'first', up: "CREATE TABLE one (x TEXT); INSERT INTO one VALUES ('1');" },
  { version: 2, name: 'second', up: "CREATE TABLE two (x TEXT); INSERT INTO one VALUES ('2');" },
  { version: 3, name: 'third', up: "CREATE TABLE three (x TEXT); INSERT INTO one VALUES ('3');" },
];
const tables = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
const trace = (db: Database.Database) => (db.prepare('SELECT x FROM one').all() as Array<{ x: string }>).map((r) => r.x);
const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

/** The start-up migration (store level): the kiosk's real steps are in store-submit.test.ts; here each rule of the runner. */
describe('migrate', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  it('runs every step on a new database, in order, and records the last version', () => {
    expect(migrate(db, STEPS)).toStrictEqual({ from: 0, to: 3 });
    expect(tables(db)).toEqual(['one', 'three', 'two']);
    expect(trace(db)).toEqual(['1', '2', '3']);
    expect(version(db)).toBe(3);
  });

  it('runs only the steps after the version found, and nothing on an up-to-date database', () => {
    expect(migrate(db, STEPS.slice(0, 1))).toStrictEqual({ from: 0, to: 1 });
    expect(version(db)).toBe(1);
    expect(migrate(db, STEPS)).toStrictEqual({ from: 1, to: 3 });
    expect(trace(db)).toEqual(['1', '2', '3']);
    expect(migrate(db, STEPS)).toStrictEqual({ from: 3, to: 3 });
    expect(trace(db)).toEqual(['1', '2', '3']);
    expect(version(db)).toBe(3);
  });

  it('runs all steps or none: a failing step leaves the database as it was found', () => {
    migrate(db, STEPS.slice(0, 1));
    const broken: Migration = { version: 3, name: 'broken', up: 'CREATE TABLE four (x TEXT); INSERT INTO nowhere VALUES (1);' };
    expect(() => migrate(db, [...STEPS.slice(0, 2), broken])).toThrow(/no such table: nowhere/);
    expect(tables(db)).toEqual(['one']);
    expect(trace(db)).toEqual(['1']);
    expect(version(db)).toBe(1);
  });

  it('refuses a database from a newer kiosk and leaves it untouched', () => {
    migrate(db, STEPS);
    let error: unknown;
    try {
      migrate(db, STEPS.slice(0, 2));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toMatchObject({ name: 'DatabaseTooNewError', found: 3, supported: 2 });
    expect((error as Error).message).toBe('the database is at schema version 3, but this kiosk knows only up to 2; install the newer kiosk version (or restore a backup) instead of downgrading');
    expect(version(db)).toBe(3);
  });

  it('refuses steps whose versions are not 1, 2, 3... before touching the database', () => {
    expect(() => migrate(db, [STEPS[0]!, STEPS[2]!])).toThrow('migration third has version 3, expected 2');
    expect(() => migrate(db, [STEPS[1]!])).toThrow('migration second has version 2, expected 1');
    expect(() => migrate(db, [STEPS[0]!, STEPS[0]!])).toThrow('migration first has version 1, expected 2');
    expect(tables(db)).toEqual([]);
    expect(version(db)).toBe(0);
  });
});
