import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { itemReadiness } from '../../src/shared/catalog/readiness';
import type { CountyServer } from '../../src/county/server';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

type Answer = { result?: { rows: Array<Record<string, string>>; fetchedAt: string; cachedAt?: string }; error?: { code: string } };

describe('listings cached on the kiosk with their age: ready offline only while a young enough copy exists', () => {
  let county: CountyServer;
  let core: KioskCore;
  let clock = new Date();
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, syncIntervalSeconds: 3600 } });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-listings-'), simulate: true, log: createMemoryLogger().logger, appVersion: 't', now: () => clock });
  });
  afterAll(async () => {
    await core.close();
    await county.close().catch(() => undefined);
  });

  const run = async (params: Record<string, string>) => (await core.dispatcher.dispatch(core.newConnection('internal'), 'queries.run', { itemCode: 'JOB-02', params })) as Answer;
  const offlineReady = async () => ((await core.dispatcher.dispatch(core.newConnection('internal'), 'queries.offlineReady', {})) as { result: { items: Array<{ itemCode: string }> } }).result.items.map((i) => i.itemCode);

  it('the county answers each filter differently; the kiosk keeps the answer, shows it offline with its age, and lets it expire', async () => {
    expect(await offlineReady()).toEqual([]);
    const countyJobs = (await run({ area: 'county' })).result!;
    const provinceJobs = (await run({ area: 'province', industry: 'logistics' })).result!;
    expect(countyJobs.rows.map((r) => r.employer)).not.toEqual(provinceJobs.rows.map((r) => r.employer));
    expect(provinceJobs.rows.map((r) => r.employer)).toEqual(['晋中物流园']);
    expect(countyJobs.cachedAt).toBeUndefined();
    expect(await offlineReady()).toEqual(['JOB-02']);

    await county.close();
    clock = new Date(clock.getTime() + 3 * 3_600_000);
    const cached = (await run({ area: 'county' })).result!;
    expect(cached.rows).toEqual(countyJobs.rows);
    expect(cached.cachedAt).toBe(countyJobs.fetchedAt);
    // A filter never asked while online has no copy: the resident is told plainly the county cannot be reached.
    expect((await run({ area: 'province' })).error).toMatchObject({ code: 'county_unreachable' });

    const job02 = defaultCatalog().items.find((i) => i.code === 'JOB-02')!;
    expect(itemReadiness(job02, [], false, 'self', true).state).toBe('ready');
    expect(itemReadiness(job02, [], false, 'self', false)).toMatchObject({ state: 'unavailable', reasons: [{ kind: 'county' }] });

    // Past the catalogue's limit the copy is neither shown nor counted as ready.
    clock = new Date(clock.getTime() + job02.offlineCacheMaxHours * 3_600_000);
    expect(await offlineReady()).toEqual([]);
    expect((await run({ area: 'county' })).error).toMatchObject({ code: 'county_unreachable' });
  });
});
