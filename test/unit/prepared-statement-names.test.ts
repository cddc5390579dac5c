import type pg from 'pg';
import { withPreparedStatements } from '../../src/county/db/prepared-statements';

/**
 * Which statements db/prepared-statements.ts names, and which names it drops, seen from a recording pg pool: the
 * choice happens before anything reaches PostgreSQL, so this runs without a server (prepared-statements.test.ts runs
 * the same wrapper against a real PostgreSQL, in the PostgreSQL pass only). Each call the wrapper makes on a client
 * is recorded as the client received it.
 */
type Call = { text: string; name?: string; values?: unknown[] };

function recordingPool(options: { failDeallocate?: boolean } = {}) {
  const ended: boolean[] = [];
  const released: Array<boolean | undefined> = [];
  const makeClient = (calls: Call[]) =>
    ({
      query: (config: string | { name: string; text: string; values: unknown[] }, values?: unknown[]) => {
        if (typeof config === 'string') {
          calls.push(values === undefined ? { text: config } : { text: config, values });
          if (options.failDeallocate && config.startsWith('deallocate')) return Promise.reject(new Error('prepared statement does not exist'));
        } else calls.push({ name: config.name, text: config.text, values: config.values });
        return Promise.resolve({ rows: [], rowCount: 0, command: 'SELECT', fields: [] });
      },
      release: (destroy?: boolean) => void released.push(destroy),
    }) as unknown as pg.PoolClient;
  const callsA: Call[] = [];
  const callsB: Call[] = [];
  const clients = [makeClient(callsA), makeClient(callsB)];
  let next = 0;
  const pool = {
    connect: async () => clients[next++ % 2]!,
    end: async () => void ended.push(true),
  } as unknown as pg.Pool;
  return { pool, callsA, callsB, ended, released };
}

describe('named prepared statements: which texts get a name', () => {
  it('names a parameterized text once and reuses the name; a text without parameters stays unnamed', async () => {
    const { pool, callsA } = recordingPool();
    const client = await withPreparedStatements(pool).connect();
    await client.query('select $1::int + 1 as v', [1]);
    await client.query('select $1::int + 1 as v', [2]);
    await client.query('select 1 as v', []);
    expect(callsA).toEqual([
      { name: 'county_1', text: 'select $1::int + 1 as v', values: [1] },
      { name: 'county_1', text: 'select $1::int + 1 as v', values: [2] },
      { text: 'select 1 as v', values: [] },
    ]);
  });

  it('leaves unnamed every text whose result columns follow a table, however it is spelled', async () => {
    const { pool, callsA } = recordingPool();
    const client = await withPreparedStatements(pool).connect();
    const unnamed = [
      'select * from kiosks where id = $1',
      'SELECT\n  * FROM kiosks WHERE id = $1',
      'insert into kiosks (id) values ($1) returning *',
      'update kiosks set secret = $1 RETURNING  *',
      'select k.* from kiosks k where id = $1',
      'select id, * from kiosks where id = $1',
      'select id,* from kiosks where id = $1',
      'select id, *, secret from kiosks where id = $1',
    ];
    for (const text of unnamed) await client.query(text, ['k-1']);
    expect(callsA.filter((c) => c.name !== undefined).map((c) => c.text)).toEqual([]);
    // Unnamed, but still with their parameters.
    expect(callsA).toEqual(unnamed.map((text) => ({ text, values: ['k-1'] })));
    const named = ['select count(*) from kiosks where id = $1', 'select id * 2 from t where id = $1', 'select a, * fromage from t where id = $1', 'select a.b from t where id = $1'];
    for (const text of named) await client.query(text, ['k-1']);
    expect(callsA.filter((c) => c.name !== undefined).map((c) => c.text)).toEqual(named);
  });
});

describe('named prepared statements: names per connection', () => {
  it('keeps at most the limit per connection, deallocating the least recently used first', async () => {
    const { pool, callsA } = recordingPool();
    const client = await withPreparedStatements(pool, 2).connect();
    const q = (n: number) => client.query(`select $1::int + ${n}`, [n]);
    await q(1); // county_1
    await q(2); // county_2
    await q(1); // used again: 2 is now the least recently used
    await q(3); // county_3: drops county_2
    await q(1); // still prepared
    await q(2); // county_4: drops county_3
    expect(callsA.map((c) => (c.name ? `${c.name} ${c.text}` : c.text))).toEqual([
      'county_1 select $1::int + 1',
      'county_2 select $1::int + 2',
      'county_1 select $1::int + 1',
      'deallocate county_2',
      'county_3 select $1::int + 3',
      'county_1 select $1::int + 1',
      'deallocate county_3',
      'county_4 select $1::int + 2',
    ]);
  });

  it('keeps the default limit of 200 a connection', async () => {
    const { pool, callsA } = recordingPool();
    const client = await withPreparedStatements(pool).connect();
    for (let n = 1; n <= 200; n++) await client.query(`select $1::int + ${n}`, [n]);
    expect(callsA.filter((c) => c.text.startsWith('deallocate'))).toEqual([]);
    await client.query('select $1::int + 201', [201]);
    expect(callsA.filter((c) => c.text.startsWith('deallocate'))).toEqual([{ text: 'deallocate county_1' }]);
    // Names count on in base 36, never reused.
    expect(callsA.at(-1)).toEqual({ name: 'county_5l', text: 'select $1::int + 201', values: [201] });
  });

  it('keeps one wrapper and one set of names per client, and never gives two texts one name', async () => {
    const { pool, callsA, callsB } = recordingPool();
    const prepared = withPreparedStatements(pool);
    const a = await prepared.connect();
    const b = await prepared.connect();
    expect(await prepared.connect()).toBe(a);
    await a.query('select $1::int', [1]);
    await b.query('select $1::int', [1]);
    await b.query('select $1::text', ['x']);
    await a.query('select $1::int', [1]);
    expect(callsA.map((c) => c.name)).toEqual(['county_1', 'county_1']);
    expect(callsB.map((c) => c.name)).toEqual(['county_2', 'county_3']);
  });

  it('lets a failed DEALLOCATE pass (the name is never used again), and passes release and end through', async () => {
    const { pool, callsA, released, ended } = recordingPool({ failDeallocate: true });
    const prepared = withPreparedStatements(pool, 1);
    const client = await prepared.connect();
    await client.query('select $1::int + 1', [1]);
    await client.query('select $1::int + 2', [2]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(callsA.map((c) => c.name ?? c.text)).toEqual(['county_1', 'deallocate county_1', 'county_2']);
    client.release();
    (client.release as (destroy?: boolean) => void)(true);
    expect(released).toEqual([undefined, true]);
    await prepared.end();
    expect(ended).toEqual([true]);
  });
});
