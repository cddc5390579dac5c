import { intakeBatch, registerKiosk, type ItemResult } from '../../src/county/county-state';
import { openCountyDatabase, type CountyDatabase } from '../../src/county/db/connection';
import { checkIdNumber } from '../../src/shared/domain/id-number';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { batchItem } from '../support/county-items';
import { countyTestEngine, freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(120_000);

// Two gateways on one PostgreSQL, each with its own connection pool (as two processes behind a load balancer would
// have): 50 kiosks send the same 1,000 items (20 each) to both at once, twice. Each item must be stored once, and
// accepted exactly once over all answers. On SQLite (one process holds the file) the test runs the same intake twice
// through one database.
describe(`two gateways on one database (${countyTestEngine})`, () => {
  let a: CountyDatabase;
  let b: CountyDatabase;
  beforeAll(async () => {
    const url = await freshCountyDatabase();
    const dataDir = tempDataDir('two-gateways-');
    a = await openCountyDatabase({ dataDir, ...(url ? { database: url } : {}) });
    b = url ? await openCountyDatabase({ dataDir: tempDataDir('two-gateways-b-'), database: url }) : a;
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('stores each of 1,000 items once under 50 concurrent kiosks sending them twice to both gateways', async () => {
    const citizens = SAMPLE_RESIDENTS.filter((r) => checkIdNumber(r.idNumber).ok);
    const kiosks = Array.from({ length: 50 }, (_, k) => `kiosk-${String(k).padStart(2, '0')}`);
    for (const id of kiosks) await registerKiosk(a.query, id, `secret-${id}-0123456789`);
    const batches = kiosks.map((kioskId, k) => ({
      kioskId,
      items: Array.from({ length: 20 }, (_, i) => batchItem(citizens[(k + i) % citizens.length]!, 'JOB-05')),
    }));
    const now = new Date();
    const rounds = await Promise.all(
      batches.flatMap(({ kioskId, items }) => [a, b, a, b].map((gateway) => intakeBatch(gateway.query, kioskId, items, now))),
    );
    const results: ItemResult[] = rounds.flat();
    expect(results).toHaveLength(4_000);
    const accepted = results.filter((r) => r.status === 'accepted');
    expect(accepted).toHaveLength(1_000);
    expect(new Set(accepted.map((r) => r.id)).size).toBe(1_000);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(3_000);
    const stored = await a.query.selectFrom('items').select(['id', 'kiosk_id']).execute();
    expect(stored).toHaveLength(1_000);
    const sent = new Map(batches.flatMap(({ kioskId, items }) => items.map((i) => [i.id, kioskId] as const)));
    for (const row of stored) expect(row.kiosk_id).toBe(sent.get(row.id));
    // One first outcome per item, each with its own delivery cursor.
    const outcomes = await b.query.selectFrom('outcomes').select(['item_id', 'cursor']).execute();
    expect(outcomes).toHaveLength(1_000);
    expect(new Set(outcomes.map((o) => o.cursor)).size).toBe(1_000);
  });
});
