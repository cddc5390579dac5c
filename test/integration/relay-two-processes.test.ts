import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { intakeBatch, registerKiosk } from '../../src/county/county-state';
import { openCountyDatabase, type CountyDatabase } from '../../src/county/db/connection';
import { checkIdNumber } from '../../src/shared/domain/id-number';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { batchItem } from '../support/county-items';
import { countyTestEngine, freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');
const ITEMS = 1_000;

/** A gateway process (test/support/relay-gateway-child.ts) on the same database. */
function gateway(database: string): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<{ pid: number; delivered: string[] }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/relay-gateway-child.ts', database, tempDataDir('relay-gateway-')], { cwd: root });
  const lines = readline.createInterface({ input: child.stdout });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<{ pid: number; delivered: string[] }>((resolve, reject) => {
    lines.on('line', (line) => (line === 'ready' ? markReady() : resolve(JSON.parse(line) as { pid: number; delivered: string[] })));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`gateway exited ${code}: ${stderr}`))));
  });
  return { child, ready, done };
}

// Two gateway processes hand the same store's items to the back office at once: each item is claimed by one of them
// (FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite), none twice, none left behind.
describe(`the back-office hand-over across two gateway processes (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  let database: string;
  beforeAll(async () => {
    const dataDir = tempDataDir('relay-two-');
    database = (await freshCountyDatabase()) ?? path.join(dataDir, 'county.sqlite');
    county = await openCountyDatabase({ dataDir, database });
  });
  afterAll(() => county.close());

  it(`hands each of ${ITEMS} stored items to the back office exactly once`, async () => {
    const citizens = SAMPLE_RESIDENTS.filter((r) => checkIdNumber(r.idNumber).ok);
    await registerKiosk(county.query, 'kiosk-relay', 'secret-kiosk-relay-0123456789');
    for (let b = 0; b < ITEMS; b += 100) {
      const items = Array.from({ length: 100 }, (_, i) => batchItem(citizens[(b + i) % citizens.length]!, 'JOB-05'));
      await intakeBatch(county.query, 'kiosk-relay', items, new Date());
    }
    const stored = (await county.query.selectFrom('items').select('id').execute()).map((r) => r.id);
    expect(stored).toHaveLength(ITEMS);

    const gateways = [gateway(database), gateway(database)];
    await Promise.all(gateways.map((g) => g.ready));
    for (const g of gateways) g.child.stdin.end('go\n');
    const [a, b] = await Promise.all(gateways.map((g) => g.done));

    // On PostgreSQL both processes really work side by side (each hands over part of the store). On SQLite one writer
    // holds the file at a time, and one process may find everything claimed by the time it gets the lock.
    if (countyTestEngine === 'postgres') {
      expect(a!.delivered.length).toBeGreaterThan(0);
      expect(b!.delivered.length).toBeGreaterThan(0);
    }
    // ...and between them every item went over once: no double claim, nothing lost.
    const all = [...a!.delivered, ...b!.delivered];
    expect({ handedOverTwice: all.length - new Set(all).size }).toEqual({ handedOverTwice: 0 });
    expect(all.sort()).toEqual([...stored].sort());
    expect(await county.query.selectFrom('items').select('id').where('handed_at', 'is', null).execute()).toEqual([]);
    const cases = await county.query.selectFrom('back_office_cases').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(cases.n)).toBe(ITEMS);
    // The back office recorded each application's steps once: every item has the same outcomes as every other.
    const perItem = await county.query.selectFrom('outcomes').select(['item_id', (e) => e.fn.countAll<number>().as('n')]).groupBy('item_id').execute();
    expect(perItem).toHaveLength(ITEMS);
    expect(new Set(perItem.map((r) => Number(r.n))).size).toBe(1);
  });
});
