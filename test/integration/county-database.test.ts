import Database from 'better-sqlite3';
import path from 'node:path';
import { sql } from 'kysely';
import { openCountyDatabase } from '../../src/county/db/connection';
import { countyTestEngine, freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

const item = (id: string) => ({
  id,
  kiosk_id: 'k1',
  kind: 'submission',
  resident_ref: null,
  created_at: '2026-01-01T00:00:00.000Z',
  item_code: 'INS-01',
  tracking_number: 'T1',
  payload: '{}',
  received_at: '2026-01-01T00:00:00.000Z',
  application_id: null,
});

jest.setTimeout(30_000);

describe(`county database (${countyTestEngine})`, () => {
  it('creates every table once, opens again without change, and stores an idempotency key only once', async () => {
    const dataDir = tempDataDir('county-db-');
    const url = await freshCountyDatabase();
    const first = await openCountyDatabase({ dataDir, ...(url ? { database: url } : {}) });
    expect(first.engine).toBe(countyTestEngine);
    await first.close();
    const db = await openCountyDatabase({ dataDir, ...(url ? { database: url } : {}) });
    try {
      const tables = (await db.query.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['items', 'outcomes', 'kiosks', 'staff_register', 'audit_log', 'fault_moves', 'point_reports']));
      const stored = await db.query.insertInto('items').values(item('a')).onConflict((c) => c.column('id').doNothing()).returning('arrival').executeTakeFirst();
      const again = await db.query.insertInto('items').values(item('a')).onConflict((c) => c.column('id').doNothing()).returning('arrival').executeTakeFirst();
      expect(stored?.arrival).toBe(1);
      expect(again).toBeUndefined();
      // The unique constraint itself, not the conflict clause, refuses a second row.
      // Read the refusal's message, not its class: better-sqlite3's native part builds its errors with the class of the
      // first test file that loaded it in this Jest worker, so `toThrow` (an instanceof check) misses them in later files.
      const refusal = await db.query.insertInto('items').values(item('a')).execute().then(
        () => 'stored twice',
        (error: unknown) => String((error as { message?: unknown }).message),
      );
      expect(refusal).toMatch(/unique/i);
      const counted = await db.query.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(counted.n).toBe(1);
      // Epoch milliseconds come back as numbers on both engines.
      await db.query.insertInto('console_sessions').values({ id_hash: 'h', staff_id: 's', csrf: 'c', created_at: 1_800_000_000_000, last_seen: 1_800_000_000_001 }).execute();
      expect((await db.query.selectFrom('console_sessions').select('last_seen').executeTakeFirstOrThrow()).last_seen).toBe(1_800_000_000_001);
      expect(await sql<{ one: number }>`select 1 as one`.execute(db.query)).toBeDefined();
    } finally {
      await db.close();
    }
  });

  if (countyTestEngine === 'sqlite') {
    it('keeps a county file made before the migrations and adds the columns it lacks', async () => {
      const dataDir = tempDataDir('county-db-old-');
      const old = new Database(path.join(dataDir, 'county.sqlite'));
      old.exec(`CREATE TABLE items (arrival INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kiosk_id TEXT NOT NULL, kind TEXT NOT NULL,
        resident_ref TEXT, created_at TEXT NOT NULL, item_code TEXT NOT NULL, tracking_number TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL)`);
      old.prepare("INSERT INTO items (id, kiosk_id, kind, created_at, item_code, tracking_number, payload, received_at) VALUES ('old', 'k1', 'submission', 't', 'INS-01', 'T0', '{}', 't')").run();
      old.close();
      const db = await openCountyDatabase({ dataDir });
      try {
        const rows = await db.query.selectFrom('items').select(['id', 'application_id', 'handed_at']).execute();
        expect(rows).toEqual([{ id: 'old', application_id: null, handed_at: null }]);
      } finally {
        await db.close();
      }
    });
  }
});
