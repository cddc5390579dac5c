import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { configPublicKeyPem, signConfigResponse } from '../../src/county/config-signing';
import type { CountyServer } from '../../src/county/server';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { getConfigPart } from '../../src/main/store/config-versions';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { openTestStore, tempDataDir } from '../support/store-fixtures';
import fs from 'node:fs';

const { logger: log } = createMemoryLogger();

/** Issue 14 item 7: config pushed to kiosks is signed at the county and checked on the kiosk before it is applied. */
describe('signed config', () => {
  let county: CountyServer & { configPublicKeyFile: string };
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('the reference county signs every part, and a kiosk with its public key applies them', async () => {
    const store = openTestStore(tempDataDir());
    const client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, configPublicKey: fs.readFileSync(county.configPublicKeyFile, 'utf8') });
    const engine = new SyncEngine({ store, client, kioskId: TEST_KIOSK.id, appVersion: 't', log });
    expect(await engine.runRound()).toMatchObject({ ok: true });
    expect((getConfigPart(store.db, 'staff', store.key)?.body as unknown[]).length).toBe(3);
    client.close();
    store.close();
  });

  /** A county (or anyone between) answering what the test says. */
  async function answering(config: unknown): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer((req, res) => {
      req.resume();
      const body = req.url?.startsWith('/v1/outcomes') ? { cursor: 0, outcomes: [], more: false } : config;
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }) };
  }

  const evilStaff = [{ id: 'evil', username: 'evil', displayName: 'Evil', roles: ['technician' as const], passwordHash: `scrypt$ln=17,r=8,p=1$${'A'.repeat(24)}$${'B'.repeat(44)}`, disabled: false }];
  const countyKeyDir = tempDataDir('county-keys-');

  it.each([
    ['unsigned', () => ({ version: 9, staff: { version: 9, body: evilStaff }, tickets: [] })],
    ['signed by another key', () => signConfigResponse({ version: 9, staff: { version: 9, body: evilStaff }, tickets: [] }, tempDataDir('other-key-'))],
    [
      'signed, then its body changed',
      () => {
        const signed = signConfigResponse({ version: 9, staff: { version: 9, body: [] }, tickets: [] }, countyKeyDir) as { staff: { body: unknown } };
        signed.staff.body = evilStaff;
        return signed;
      },
    ],
    [
      'signed for another part',
      () => {
        const signed = signConfigResponse({ version: 9, announcements: { version: 9, body: [] }, tickets: [] }, countyKeyDir) as Record<string, unknown>;
        return { version: 9, staff: { version: 9, body: [], signature: (signed.announcements as { signature: string }).signature }, tickets: [] };
      },
    ],
  ])('a config answer %s is refused and nothing is applied', async (_name, make) => {
    const fake = await answering(make());
    const store = openTestStore(tempDataDir());
    const client = new HttpCountyClient({ baseUrl: fake.url, kioskId: 'k', secret: 's'.repeat(32), configPublicKey: configPublicKeyPem(countyKeyDir) });
    await expect(client.pullConfig(0)).rejects.toMatchObject({ reason: 'bad_config_signature:staff' });
    const engine = new SyncEngine({ store, client, kioskId: 'k', appVersion: 't', log });
    expect(await engine.runRound()).toMatchObject({ ok: false, error: 'bad_config_signature:staff' });
    expect(getConfigPart(store.db, 'staff', store.key)).toBeNull();
    client.close();
    store.close();
    await fake.close();
  });
});
