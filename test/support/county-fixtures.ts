import { registerKiosk } from '../../src/county/county-state';
import { seedDemo } from '../../src/county/demo-seed';
import { startCountyServer, type CountyServer } from '../../src/county/server';
import { tempDataDir } from './store-fixtures';

export const TEST_KIOSK = { id: 'kiosk-test-1', secret: 'test-secret-0123456789abcdef0123456789' };

/** A reference county in this process on a free port, seeded with the demo data and the test kiosk. */
export async function startTestCounty(options: { now?: () => Date; catalog?: unknown } = {}): Promise<CountyServer> {
  const county = await startCountyServer({ dataDir: tempDataDir('county-'), adminToken: 'admin-test-token', ...(options.now ? { now: options.now } : {}) });
  seedDemo(county.db, options.catalog === undefined ? {} : { catalog: options.catalog });
  registerKiosk(county.db, TEST_KIOSK.id, TEST_KIOSK.secret);
  return county;
}
