import fs from 'node:fs';
import { openCountyDatabase, type CountyDatabase, type CountyQuery } from '../../src/county/db/connection';
import { inOpenTransaction, inTransaction, retryingConflicts } from '../../src/county/db/transaction';
import { freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

/**
 * The county's transactions (db/transaction.ts): work reached from inside a transaction joins it (on SQLite a second
 * one would wait for ever), work on another database or after the transaction ended does not, a throw keeps nothing,
 * and PostgreSQL's deadlock and serialization answers are tried again, up to eight attempts, and nothing else is.
 */
describe('county transactions', () => {
  const opened: Array<{ db: CountyDatabase; dir: string }> = [];
  let county: CountyDatabase;
  let other: CountyDatabase;
  const open = async (prefix: string) => {
    const dir = tempDataDir(prefix);
    const database = await freshCountyDatabase();
    const db = await openCountyDatabase({ dataDir: dir, ...(database ? { database } : {}) });
    opened.push({ db, dir });
    return db;
  };
  const kiosks = (q: CountyQuery) =>
    q
      .selectFrom('kiosks')
      .select('id')
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => r.id));

  beforeAll(async () => {
    county = await open('county-trx-');
    other = await open('county-trx-other-');
  });
  afterAll(async () => {
    for (const { db, dir } of opened) {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('joins the open transaction from code reached inside it, and from a transaction handed in', async () => {
    const seen: CountyQuery[] = [];
    await inTransaction(county.query, async (trx) => {
      seen.push(trx);
      expect(inOpenTransaction(county.query)).toBe(true);
      expect(inOpenTransaction(trx)).toBe(true);
      await inTransaction(county.query, async (inner) => {
        seen.push(inner);
        await inner.insertInto('kiosks').values({ id: 'join-1', secret: 's' }).execute();
      });
      await inTransaction(trx, async (inner) => {
        seen.push(inner);
      });
    });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    expect(seen[0]).not.toBe(county.query);
    expect(await kiosks(county.query)).toEqual(['join-1']);
    expect(inOpenTransaction(county.query)).toBe(false);
  });

  it('keeps nothing of a transaction that throws, including what joined it', async () => {
    await expect(
      inTransaction(county.query, async (trx) => {
        await trx.insertInto('kiosks').values({ id: 'gone-1', secret: 's' }).execute();
        await inTransaction(county.query, (inner) => inner.insertInto('kiosks').values({ id: 'gone-2', secret: 's' }).execute());
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await kiosks(county.query)).toEqual(['join-1']);
  });

  it("does not join another database's transaction", async () => {
    await inTransaction(county.query, async (trx) => {
      expect(inOpenTransaction(other.query)).toBe(false);
      await inTransaction(other.query, async (otherTrx) => {
        expect(otherTrx).not.toBe(trx);
        await otherTrx.insertInto('kiosks').values({ id: 'other-1', secret: 's' }).execute();
      });
    });
    expect(await kiosks(other.query)).toEqual(['other-1']);
    expect(await kiosks(county.query)).toEqual(['join-1']);
  });

  it('opens a transaction of its own for work that runs after the one it started in has ended', async () => {
    let later!: Promise<{ open: boolean; stored: boolean }>;
    await inTransaction(county.query, async () => {
      later = new Promise((resolve, reject) =>
        setTimeout(() => {
          const open = inOpenTransaction(county.query);
          inTransaction(county.query, (trx) => trx.insertInto('kiosks').values({ id: 'later-1', secret: 's' }).execute())
            .then(() => resolve({ open, stored: true }), reject);
        }, 20),
      );
    });
    expect(await later).toEqual({ open: false, stored: true });
    expect(await kiosks(county.query)).toEqual(['join-1', 'later-1']);
  });

  it('tries a deadlock or serialization failure again, up to eight attempts in all', async () => {
    for (const code of ['40P01', '40001']) {
      let calls = 0;
      expect(
        await retryingConflicts(async () => {
          calls += 1;
          if (calls < 8) throw Object.assign(new Error('conflict'), { code });
          return 'done';
        }),
      ).toBe('done');
      expect([code, calls]).toEqual([code, 8]);
      calls = 0;
      const error = Object.assign(new Error('conflict'), { code });
      await expect(
        retryingConflicts(async () => {
          calls += 1;
          throw error;
        }),
      ).rejects.toBe(error);
      expect([code, calls]).toEqual([code, 8]);
    }
  });

  it('waits a random while between attempts, longer each time (up to 10 ms times the attempt)', async () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const timer = jest.spyOn(global, 'setTimeout');
    try {
      let calls = 0;
      await retryingConflicts(async () => {
        calls += 1;
        if (calls < 4) throw Object.assign(new Error('conflict'), { code: '40P01' });
      });
      expect(timer.mock.calls.map((c) => c[1])).toEqual([5, 10, 15]);
    } finally {
      timer.mockRestore();
      random.mockRestore();
    }
  });

  it('gives up at once on any other failure', async () => {
    for (const thrown of [Object.assign(new Error('unique'), { code: '23505' }), Object.assign(new Error('numeric'), { code: 40001 }), new Error('plain'), 'a string']) {
      let calls = 0;
      await expect(
        retryingConflicts(async () => {
          calls += 1;
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      expect(calls).toBe(1);
    }
  });
});
