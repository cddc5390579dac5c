import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { backoffDelay, type BackoffPolicy } from '../../src/main/sync/backoff';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { seededRandom, startFaultProxy } from '../support/fault-proxy';
import { TEST_KIOSK, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

/**
 * The backoff is waited out, not only computed: the engine's own loop runs against a county that answers 503, and
 * each retry reaches the county no sooner than the jittered delay the seeded generator chose for it.
 */
describe('sync backoff with jitter, waited out by the running loop', () => {
  let county: TestCounty;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('retries after min(cap, base * 2^n) halved-to-full, as drawn, never sooner', async () => {
    const seed = Number(process.env.BACKOFF_SEED ?? Date.now() % 2 ** 31);
    const draw = seededRandom(seed);
    const drawn: number[] = [];
    const random = () => {
      const r = draw();
      drawn.push(r);
      return r;
    };
    const arrivals: number[] = [];
    let enough: () => void = () => undefined;
    const sixRounds = new Promise<void>((resolve) => (enough = resolve));
    const proxy = await startFaultProxy(county.url, () => {
      arrivals.push(performance.now());
      if (arrivals.length === 6) enough();
      return 'status503';
    });
    const policy: BackoffPolicy = { baseMs: 60, capMs: 300 };
    const store = openTestStore(tempDataDir());
    store.submit(sampleSubmission(0, { itemCode: 'JOB-05' }), new Date());
    const engine = new SyncEngine({
      store,
      client: new HttpCountyClient({ baseUrl: proxy.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, timeoutMs: 2000 }),
      kioskId: TEST_KIOSK.id,
      appVersion: 'test',
      log: createMemoryLogger().logger,
      random,
      backoff: policy,
    });
    engine.start();
    await sixRounds;
    await engine.stop();
    await proxy.close();
    store.close();

    // One request per failed round; the wait before round k+1 is the k-th draw applied to failure count k.
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    const expected = gaps.map((_, i) => backoffDelay(i + 1, policy, () => drawn[i]!));
    const report = `seed ${seed} (BACKOFF_SEED replays): gaps ${gaps.map(Math.round).join(',')} ms, drawn delays ${expected.join(',')} ms`;
    for (const [i, gap] of gaps.entries()) expect({ report, round: i + 2, waitedAtLeastTheDelay: gap >= expected[i]! - 2 }).toEqual({ report, round: i + 2, waitedAtLeastTheDelay: true });
    // The delays follow the policy: within [ceiling/2, ceiling], the ceiling doubling up to the cap.
    for (const [i, d] of expected.entries()) {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** i);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
    expect(drawn.length).toBeGreaterThanOrEqual(5);
  });

  it('jitter spreads a village of kiosks instead of retrying in step', () => {
    const random = seededRandom(7);
    const delays = Array.from({ length: 100 }, () => backoffDelay(3, { baseMs: 2000, capMs: 300_000 }, random));
    expect(new Set(delays).size).toBeGreaterThan(80);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(4000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8000);
    expect(backoffDelay(40, { baseMs: 2000, capMs: 300_000 }, () => 0.999)).toBeLessThanOrEqual(300_000);
  });
});
