import net from 'node:net';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { currentOutcome } from '../../src/county/outcomes';
import type { CountyServer } from '../../src/county/server';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

const resident = SAMPLE_RESIDENTS[0]!;

/** A port nothing listens on: the county is down. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function coreAt(url: string): Promise<KioskCore> {
  const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, syncIntervalSeconds: 3600 } });
  return createKioskCore({ config, dataDir: tempDataDir('kiosk-immediate-'), simulate: true, log: createMemoryLogger().logger, appVersion: 't' });
}

type Submitted = { result?: { delivery: string; trackingNumber: string; submissionId: string; outcome?: { state: string; blockedAt?: string } }; error?: unknown };

async function reportLoss(core: KioskCore, itemCode = 'CARD-02', form: Record<string, unknown> = { operation: 'reportLoss', phone: '13800000000' }): Promise<Submitted> {
  const conn = core.newConnection('internal');
  conn.staff = { id: 'clerk-li', displayName: 'Li', roles: ['clerk'] };
  // A card item (risk class card): the holder's ID card on the reader and a live face, never a typed number.
  await core.dispatcher.dispatch(conn, 'dev.idCard.insert', { residentIndex: resident.index });
  await core.dispatcher.dispatch(conn, 'session.identify', { source: 'idCard' });
  const face = ((await core.dispatcher.dispatch(conn, 'face.capture', { purpose: 'certification' })) as { result: { captureId: string } }).result;
  return (await core.dispatcher.dispatch(conn, 'applications.submit', { itemCode, form, attachments: [], face })) as Submitted;
}

describe('items that cannot wait: a card loss report is sent at once and says blocked only when the county did', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('online: the answer carries the county time the card was blocked, and the county holds the report', async () => {
    const core = await coreAt(county.url);
    try {
      const before = Date.now();
      const answer = await reportLoss(core);
      expect(answer.result).toMatchObject({ delivery: 'answered', outcome: { state: 'done', blockedAt: expect.any(String) } });
      const blockedAt = Date.parse(answer.result!.outcome!.blockedAt!);
      expect(blockedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(await currentOutcome(county.query, answer.result!.submissionId)).toMatchObject({ state: 'done', blockedAt: answer.result!.outcome!.blockedAt });
    } finally {
      await core.close();
    }
  });

  it('offline: recorded and queued, with no outcome (the screen then says not yet blocked and gives the hotline)', async () => {
    const offline = await coreAt(`http://127.0.0.1:${await deadPort()}`);
    try {
      const answer = await reportLoss(offline);
      expect(answer.result).toMatchObject({ delivery: 'queued' });
      expect(answer.result!.outcome).toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});
