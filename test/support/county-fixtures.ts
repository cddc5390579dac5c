import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentFile } from '../../src/county/attachments';
import { registerKiosk } from '../../src/county/county-state';
import type { CountyQuery } from '../../src/county/db/connection';
import { seedDemo } from '../../src/county/demo-seed';
import { startCountyServer, type CountyServer, type CountyServerOptions } from '../../src/county/server';
import type { NewSubmission, StoredSubmission } from '../../src/main/store/submissions';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import { tempDataDir } from './store-fixtures';
import { freshCountyDatabase } from './county-database';

export const TEST_KIOSK = { id: 'kiosk-test-1', secret: 'test-secret-0123456789abcdef0123456789' };

/**
 * `configPublicKeyFile`: the county's config signing public key, for a kiosk's county.configPublicKeyFile.
 * `databaseUrl`: the PostgreSQL URL it runs on (undefined on SQLite), so a test can start the same county again.
 */
export type TestCounty = CountyServer & { readonly dataDir: string; readonly configPublicKeyFile: string; readonly databaseUrl: string | undefined };

/** A reference county in this process on a free port, seeded with the demo data and the test kiosk. */
export async function startTestCounty(options: { now?: () => Date; catalog?: unknown } = {}): Promise<TestCounty> {
  const dataDir = tempDataDir('county-');
  const database = await freshCountyDatabase();
  const county = await startCountyServer({ dataDir, ...(database ? { database } : {}), adminToken: 'admin-test-token', ...(options.now ? { now: options.now } : {}) });
  await seedDemo(county.query, options.catalog === undefined ? {} : { catalog: options.catalog });
  await registerKiosk(county.query, TEST_KIOSK.id, TEST_KIOSK.secret);
  return Object.assign(county, { dataDir, databaseUrl: database, configPublicKeyFile: path.join(dataDir, 'config-signing.pub.pem') });
}

/**
 * A reference county like startTestCounty's but without the demo seed (its three scrypt hashes take seconds on a busy
 * machine, paid again by each mutant of a mutation run): the test kiosk registered, the hand-over run only by
 * `relay.tick()`, the console without its page. For route tests that bring only the rows they need.
 */
export async function startUnseededCounty(options: Partial<Omit<CountyServerOptions, 'dataDir' | 'database'>> = {}): Promise<TestCounty> {
  const dataDir = tempDataDir('county-');
  const database = await freshCountyDatabase();
  const county = await startCountyServer({ dataDir, ...(database ? { database } : {}), adminToken: 'admin-test-token', backOfficeIntervalMs: 0, console: { staticDir: '/nonexistent' }, ...options });
  await registerKiosk(county.query, TEST_KIOSK.id, TEST_KIOSK.secret);
  return Object.assign(county, { dataDir, databaseUrl: database, configPublicKeyFile: path.join(dataDir, 'config-signing.pub.pem') });
}

/** The same county started again after `close()` (same data dir, same database, same port): back online. */
export async function restartTestCounty(county: TestCounty, port: number): Promise<TestCounty> {
  const { dataDir, databaseUrl, configPublicKeyFile } = county;
  const again = await startCountyServer({ dataDir, ...(databaseUrl ? { database: databaseUrl } : {}), port, adminToken: 'admin-test-token' });
  return Object.assign(again, { dataDir, databaseUrl, configPublicKeyFile });
}

/** The payload the county stored for each item, by item id: what a clerk at the county will work from. */
export async function countyPayloads(q: CountyQuery): Promise<Map<string, SubmissionPayload>> {
  const rows = await q.selectFrom('items').select(['id', 'payload']).execute();
  return new Map(rows.map((r) => [r.id, JSON.parse(r.payload) as SubmissionPayload]));
}

/** The bytes of an attachment the county holds complete from the test kiosk (throws if it has none). */
export function countyAttachment(county: TestCounty, sha256: string, kioskId = TEST_KIOSK.id): Buffer {
  return fs.readFileSync(attachmentFile(path.join(county.dataDir, 'attachments'), kioskId, sha256));
}

/**
 * Asserts that the county stored this submission as the kiosk's store took it, field by field (identity, form,
 * channel, operator, tracking number, time, every attachment's hash, material, type and size) and each
 * attachment's bytes as they were captured. A blank form, a wrong name or a missing page fails here.
 */
export async function expectStoredAsSubmitted(county: TestCounty, input: NewSubmission, receipt: StoredSubmission): Promise<void> {
  const payload = (await countyPayloads(county.query)).get(receipt.submissionId);
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  const { idNumber, name, sex, birthDate, source } = input.resident;
  expect(payload).toEqual({
    submissionId: receipt.submissionId,
    trackingNumber: receipt.trackingNumber,
    itemCode: input.itemCode,
    serviceMode: input.channel,
    operatorId: input.operatorId,
    submittedAt: receipt.submittedAt,
    resident: { idNumber, name, sex, birthDate, source },
    form: input.form,
    attachments: input.attachments.map((a) => ({ sha256: sha(a.data), materialCode: a.materialCode, mime: a.mime, size: a.data.length })),
    ...(input.face ? { face: { sha256: sha(input.face.image), livenessScore: input.face.livenessScore, qualityScore: input.face.qualityScore } } : {}),
  });
  for (const a of input.attachments) expect(countyAttachment(county, sha(a.data)).equals(a.data)).toBe(true);
}
