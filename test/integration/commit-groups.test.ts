import { CommitGroups } from '../../src/county/db/commit-groups';
import type { CountyDatabase, CountyQuery } from '../../src/county/db/connection';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

// Intake's group commit (src/county/db/commit-groups.ts): on SQLite calls that arrive together share one transaction,
// and a call that throws fails only itself; on PostgreSQL each call has its own transaction.
describe(`commit groups (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  beforeAll(async () => {
    county = await openTestCountyDatabase('commit-groups-');
  });
  afterAll(() => county.close());

  const kiosks = (q: CountyQuery) => q.selectFrom('kiosks').select('id').orderBy('id').execute();

  it('runs calls that arrive together in one transaction, each answered only after it committed', async () => {
    const groups = new CommitGroups(county.query);
    const seen: CountyQuery[] = [];
    const add = (id: string) =>
      groups.run(1, async (trx) => {
        seen.push(trx);
        await trx.insertInto('kiosks').values({ id, secret: `secret-${id}` }).execute();
        return id;
      });
    expect(await Promise.all([add('g-1'), add('g-2'), add('g-3')])).toEqual(['g-1', 'g-2', 'g-3']);
    expect((await kiosks(county.query)).map((k) => k.id)).toEqual(['g-1', 'g-2', 'g-3']);
    expect(new Set(seen).size).toBe(countyTestEngine === 'sqlite' ? 1 : 3);
  });

  it('fails only the call that throws: the others of its group are stored', async () => {
    const groups = new CommitGroups(county.query);
    const add = (id: string, fail = false) =>
      groups.run(1, async (trx) => {
        await trx.insertInto('kiosks').values({ id, secret: `secret-${id}` }).execute();
        if (fail) throw new Error(`refused ${id}`);
        return id;
      });
    const settled = await Promise.allSettled([add('h-1'), add('h-2', true), add('h-3')]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await kiosks(county.query)).map((k) => k.id).filter((id) => id.startsWith('h-'))).toEqual(['h-1', 'h-3']);
  });

  it('keeps a group within its size and still takes a call larger than the limit', async () => {
    const groups = new CommitGroups(county.query, 2);
    const seen: CountyQuery[] = [];
    const add = (id: string, size: number) =>
      groups.run(size, async (trx) => {
        seen.push(trx);
        await trx.insertInto('kiosks').values({ id, secret: `secret-${id}` }).execute();
      });
    await Promise.all([add('i-1', 1), add('i-2', 1), add('i-3', 5), add('i-4', 1)]);
    expect((await kiosks(county.query)).map((k) => k.id).filter((id) => id.startsWith('i-'))).toEqual(['i-1', 'i-2', 'i-3', 'i-4']);
    if (countyTestEngine === 'sqlite') expect([seen[0] === seen[1], seen[1] === seen[2], seen[2] === seen[3]]).toEqual([true, false, false]);
  });
  it('takes calls again once a group has committed, and groups the calls that arrived while it committed', async () => {
    const groups = new CommitGroups(county.query);
    const seen: Record<string, CountyQuery> = {};
    const add = (id: string, during?: () => void) =>
      groups.run(1, async (trx) => {
        seen[id] = trx;
        during?.();
        await trx.insertInto('kiosks').values({ id, secret: `secret-${id}` }).execute();
        return id;
      });
    const later: Promise<string>[] = [];
    expect(await add('j-1', () => later.push(add('j-2'), add('j-3')))).toBe('j-1');
    expect(await Promise.all(later)).toEqual(['j-2', 'j-3']);
    // The same instance, after everything before has settled: it must not still count itself as committing.
    expect(await add('j-4')).toBe('j-4');
    expect((await kiosks(county.query)).map((k) => k.id).filter((id) => id.startsWith('j-'))).toEqual(['j-1', 'j-2', 'j-3', 'j-4']);
    if (countyTestEngine === 'sqlite') expect([seen['j-1'] === seen['j-2'], seen['j-2'] === seen['j-3'], seen['j-3'] === seen['j-4']]).toEqual([false, true, false]);
  });

  it('groups the calls that arrived while a group committed, over several turns of the event loop, into one', async () => {
    const groups = new CommitGroups(county.query);
    const seen: Record<string, CountyQuery> = {};
    const add = (id: string, during?: () => Promise<void>) =>
      groups.run(1, async (trx) => {
        seen[id] = trx;
        await during?.();
        await trx.insertInto('kiosks').values({ id, secret: `secret-${id}` }).execute();
        return id;
      });
    const later: Promise<string>[] = [];
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    expect(
      await add('m-1', async () => {
        later.push(add('m-2'));
        await nextTurn();
        await nextTurn();
        later.push(add('m-3'));
      }),
    ).toBe('m-1');
    expect(await Promise.all(later)).toEqual(['m-2', 'm-3']);
    expect((await kiosks(county.query)).map((k) => k.id).filter((id) => id.startsWith('m-'))).toEqual(['m-1', 'm-2', 'm-3']);
    if (countyTestEngine === 'sqlite') expect([seen['m-1'] === seen['m-2'], seen['m-2'] === seen['m-3']]).toEqual([false, true]);
  });

  it('runs a call that fails alone only once, and stores nothing of it', async () => {
    const groups = new CommitGroups(county.query);
    let attempts = 0;
    const refused = await groups
      .run(1, async (trx) => {
        attempts += 1;
        await trx.insertInto('kiosks').values({ id: 'n-1', secret: 'secret-n-1' }).execute();
        throw new Error('refused n-1');
      })
      .then(
        () => 'stored',
        (error: Error) => error.message,
      );
    expect([refused, attempts]).toEqual(['refused n-1', 1]);
    expect((await kiosks(county.query)).map((k) => k.id).filter((id) => id.startsWith('n-'))).toEqual([]);
  });

  it('schedules nothing more once every call has settled', async () => {
    const groups = new CommitGroups(county.query);
    await Promise.all(['p-1', 'p-2'].map((id) => groups.run(1, (trx) => trx.insertInto('kiosks').values({ id, secret: `secret-${id}` }).execute())));
    const realSetImmediate = global.setImmediate;
    const turns = jest.spyOn(global, 'setImmediate');
    try {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => realSetImmediate(resolve));
      expect(turns).not.toHaveBeenCalled();
    } finally {
      turns.mockRestore();
    }
  });
});
