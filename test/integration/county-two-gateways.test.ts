import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { registerKiosk, type ItemResult } from '../../src/county/county-state';
import { openCountyDatabase, type CountyDatabase } from '../../src/county/db/connection';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { checkIdNumber } from '../../src/shared/domain/id-number';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { batchItem } from '../support/county-items';
import { countyTestEngine, freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');

/** A county gateway OS process (test/support/intake-gateway-child.ts) on `database`; resolves with its URL. */
function gatewayProcess(database: string): { url: Promise<string>; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/intake-gateway-child.ts', database, tempDataDir('intake-gateway-')], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then((code) => reject(new Error(`gateway exited ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

// Two gateway processes on one PostgreSQL (as two behind a load balancer): 50 kiosks send the same 1,000 items (20
// each) over HTTP to both at once, twice. Each item must be stored once and accepted exactly once over all answers.
// In the same burst each kiosk sends 5 items of its own to one gateway only, so both processes are certainly writing
// while the contested items race (which process wins a contested item is the scheduler's choice: asserting that each
// won some failed on CI's quiet 2 cores). On SQLite one process holds the file and takes every send.
describe(`two gateway processes on one database (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  let database: string;
  beforeAll(async () => {
    const dataDir = tempDataDir('two-gateways-');
    database = (await freshCountyDatabase()) ?? path.join(dataDir, 'county.sqlite');
    county = await openCountyDatabase({ dataDir, database });
  });
  afterAll(() => county.close());

  it('stores each of 1,000 items once under 50 concurrent kiosks sending them twice to both gateways', async () => {
    const citizens = SAMPLE_RESIDENTS.filter((r) => checkIdNumber(r.idNumber).ok);
    const kiosks = Array.from({ length: 50 }, (_, k) => ({ id: `kiosk-${String(k).padStart(2, '0')}`, secret: `secret-kiosk-${k}-0123456789abcdef` }));
    for (const k of kiosks) await registerKiosk(county.query, k.id, k.secret);
    const sent = kiosks.map((kiosk, k) => ({ kiosk, items: Array.from({ length: 20 }, (_, i) => batchItem(citizens[(k + i) % citizens.length]!, 'JOB-05')) }));
    const own = kiosks.map((kiosk, k) => ({ kiosk, items: Array.from({ length: 5 }, (_, i) => batchItem(citizens[(k + i) % citizens.length]!, 'JOB-05')) }));

    const gateways = countyTestEngine === 'postgres' ? [gatewayProcess(database), gatewayProcess(database)] : [gatewayProcess(database)];
    try {
      const urls = await Promise.all(gateways.map((g) => g.url));
      const [a, b] = [urls[0]!, urls[urls.length - 1]!];
      // Both processes warmed first with batches they refuse (an ID number whose check digit is wrong: nothing stored),
      // so the race below is between two warm gateways, not one warm and one still compiling (which then stored nothing).
      const badCitizen = { ...citizens[0]!, idNumber: citizens[0]!.idNumber.slice(0, 17) + (citizens[0]!.idNumber.endsWith('0') ? '1' : '0') };
      for (const url of urls) {
        const client = new HttpCountyClient({ baseUrl: url, kioskId: kiosks[0]!.id, secret: kiosks[0]!.secret, timeoutMs: 60_000 });
        try {
          for (let i = 0; i < 20; i++) expect((await client.sendBatch([batchItem(badCitizen, 'JOB-05')])).results.map((r) => r.status)).toEqual(['rejected']);
        } finally {
          client.close();
        }
      }
      const send = async (baseUrl: string, kiosk: (typeof kiosks)[number], items: typeof sent[number]['items'], contested: boolean) => {
        const client = new HttpCountyClient({ baseUrl, kioskId: kiosk.id, secret: kiosk.secret, timeoutMs: 120_000 });
        try {
          return { baseUrl, contested, results: (await client.sendBatch(items)).results };
        } finally {
          client.close();
        }
      };
      const answers = await Promise.all([
        // Half the kiosks reach b first: with every kiosk reaching a first, a warm a under load won every race.
        ...sent.flatMap(({ kiosk, items }, k) => (k % 2 === 0 ? [a, b, a, b] : [b, a, b, a]).map((baseUrl) => send(baseUrl, kiosk, items, true))),
        ...own.map(({ kiosk, items }, k) => send(k % 2 === 0 ? a : b, kiosk, items, false)),
      ]);
      const results: ItemResult[] = answers.filter((x) => x.contested).flatMap((x) => x.results);
      expect(results).toHaveLength(4_000);
      const accepted = results.filter((r) => r.status === 'accepted');
      expect({ accepted: accepted.length, distinct: new Set(accepted.map((r) => r.id)).size }).toEqual({ accepted: 1_000, distinct: 1_000 });
      expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(3_000);
      // Each process stored the items sent to it alone: both were writing during the race (on SQLite a is b).
      const ownAccepted = (url: string) => answers.filter((x) => !x.contested && x.baseUrl === url).flatMap((x) => x.results).filter((r) => r.status === 'accepted').length;
      if (countyTestEngine === 'postgres') expect([ownAccepted(a), ownAccepted(b)]).toEqual([125, 125]);
      else expect(ownAccepted(a)).toBe(250);
    } finally {
      await Promise.all(gateways.map((g) => g.stop()));
    }

    const stored = await county.query.selectFrom('items').select(['id', 'kiosk_id']).execute();
    expect(stored).toHaveLength(1_250);
    const owner = new Map([...sent, ...own].flatMap(({ kiosk, items }) => items.map((i) => [i.id, kiosk.id] as const)));
    for (const row of stored) expect(row.kiosk_id).toBe(owner.get(row.id));
    // One first outcome per item, each with its own delivery cursor among its kiosk's outcomes (cursors are per kiosk).
    const outcomes = await county.query.selectFrom('outcomes').select(['item_id', 'kiosk_id', 'cursor']).execute();
    expect(outcomes).toHaveLength(1_250);
    expect(new Set(outcomes.map((o) => `${o.kiosk_id}:${o.cursor}`)).size).toBe(1_250);
    // The delivery log says what each answer was: one row per answer, 'accepted' once per item.
    const deliveries = (await county.query.selectFrom('deliveries').select(['item_id', 'outcome']).execute()).filter((d) => owner.has(d.item_id));
    expect(deliveries).toHaveLength(4_250);
    expect(deliveries.filter((d) => d.outcome === 'accepted')).toHaveLength(1_250);
  });
});
