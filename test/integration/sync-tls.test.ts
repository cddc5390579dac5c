import { registerKiosk } from '../../src/county/county-state';
import { seedDemo } from '../../src/county/demo-seed';
import { startCountyServer, type CountyServer } from '../../src/county/server';
import { CountyError } from '../../src/main/sync/county-client';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { freshCountyDatabase } from '../support/county-database';
import { TEST_KIOSK } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';
import { makeCertificate } from '../support/tls-certificate';

describe('TLS to the county with a pinned CA', () => {
  let county: CountyServer;
  let countyCert: Buffer;
  let otherCert: Buffer;
  beforeAll(async () => {
    const dir = tempDataDir('tls-');
    const own = makeCertificate(dir, 'county');
    countyCert = own.cert;
    otherCert = makeCertificate(dir, 'someone-else').cert;
    const database = await freshCountyDatabase();
    county = await startCountyServer({ dataDir: tempDataDir('county-tls-'), ...(database ? { database } : {}), tls: { key: own.key, cert: own.cert } });
    await seedDemo(county.query);
    await registerKiosk(county.query, TEST_KIOSK.id, TEST_KIOSK.secret);
  });
  afterAll(() => county.close());

  const client = (ca?: Buffer) => new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, timeoutMs: 3000, ...(ca ? { ca } : {}) });

  it('talks to the county whose certificate comes from the pinned CA', async () => {
    expect(county.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const c = client(countyCert);
    expect((await c.pullConfig(0))?.staff?.body.length).toBe(3);
    c.close();
  });

  it('refuses a county certificate from any other CA, and an unpinned self-signed one', async () => {
    for (const ca of [otherCert, undefined]) {
      const c = client(ca);
      const failure = await c.pullConfig(0).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(CountyError);
      expect((failure as CountyError).reason).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
      c.close();
    }
  });
});
