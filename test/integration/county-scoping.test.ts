import { createHash } from 'node:crypto';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { ResidentIdentity } from '../../src/shared/domain/identity';
import { registerKiosk } from '../../src/county/county-state';
import { MAX_ATTACHMENT_BYTES, MAX_UNCLAIMED_BYTES_PER_KIOSK } from '../../src/county/attachments';
import { MAX_SESSIONS_PER_KIOSK_PER_HOUR, lookupLog } from '../../src/county/resident-sessions';
import type { CountyServer } from '../../src/county/server';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { QueriesService } from '../../src/main/services/queries';
import type { BatchItem } from '../../src/shared/sync/protocol';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';

const [alice, bob] = [SAMPLE_RESIDENTS[0]!, SAMPLE_RESIDENTS[1]!];
const OTHER = { id: 'kiosk-test-2', secret: 'other-secret-0123456789abcdef01234567' };
let seq = 0;
const uuid = () => `0196f000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;

function item(id: string, attachments: string[]): BatchItem {
  return {
    id,
    kind: 'submission',
    createdAt: '2026-11-29T08:00:00.000Z',
    residentRef: `ref-${id}`,
    attachments,
    payload: {
      submissionId: id,
      trackingNumber: `T-${id.slice(-8)}`,
      itemCode: 'JOB-05',
      serviceMode: 'self',
      operatorId: null,
      submittedAt: '2026-11-29T08:00:00.000Z',
      resident: { idNumber: alice.idNumber, name: alice.name, sex: alice.sex, birthDate: alice.birthDate, source: 'idCard' },
      form: {},
      attachments: attachments.map((sha256) => ({ sha256, materialCode: 'm', mime: 'image/jpeg', size: 1 })),
    },
  };
}

function notice(idNumber: string, sessionId = uuid()) {
  return { sessionId, idNumber, source: 'idCard' as const, identifiedAt: new Date().toISOString() };
}

describe('county scoping: each kiosk sees its own attachments and its own residents (issue 14 item 20)', () => {
  let county: CountyServer;
  let a: HttpCountyClient;
  let b: HttpCountyClient;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    await registerKiosk(county.query, OTHER.id, OTHER.secret);
    a = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
    b = new HttpCountyClient({ baseUrl: county.url, kioskId: OTHER.id, secret: OTHER.secret });
  });
  afterAll(async () => {
    a.close();
    b.close();
    await county.close();
  });

  it("a kiosk neither sees nor references another kiosk's attachment", async () => {
    const data = Buffer.from('a scan uploaded by kiosk A '.repeat(50));
    const sha = createHash('sha256').update(data).digest('hex');
    expect(await a.uploadChunk(sha, 0, data.length, data)).toMatchObject({ complete: true });
    expect(await b.attachmentStatus(sha)).toEqual({ sha256: sha, received: 0, complete: false });
    const id = uuid();
    expect((await b.sendBatch([item(id, [sha])])).results[0]).toMatchObject({ status: 'retry', reason: `attachmentMissing:${sha.slice(0, 12)}` });
    // Kiosk B uploading the same bytes itself is fine, and then its item goes in.
    await b.uploadChunk(sha, 0, data.length, data);
    expect((await b.sendBatch([item(id, [sha])])).results[0]).toEqual({ id, status: 'accepted' });
  });

  it('caps one attachment and what a kiosk may hold unclaimed', async () => {
    const sha = createHash('sha256').update('big').digest('hex');
    await expect(a.uploadChunk(sha, 0, MAX_ATTACHMENT_BYTES + 1, Buffer.alloc(16))).rejects.toMatchObject({ status: 413, reason: 'attachment_too_large' });
    // Fill kiosk B's unclaimed allowance with started uploads (rows as the county keeps them), then one more is refused.
    const fill = Array.from({ length: MAX_UNCLAIMED_BYTES_PER_KIOSK / MAX_ATTACHMENT_BYTES }, (_, i) => ({
      kiosk_id: OTHER.id,
      sha256: createHash('sha256').update(`fill-${i}`).digest('hex'),
      total: MAX_ATTACHMENT_BYTES,
      received: 0,
      complete: 0,
      claimed: 0,
    }));
    await county.query.insertInto('kiosk_attachments').values(fill).execute();
    const next = createHash('sha256').update('one more').digest('hex');
    await expect(b.uploadChunk(next, 0, 1024, Buffer.alloc(16))).rejects.toMatchObject({ status: 413, reason: 'upload_quota' });
    // Kiosk A's allowance is its own.
    const small = Buffer.from('small');
    await expect(a.uploadChunk(createHash('sha256').update(small).digest('hex'), 0, small.length, small)).resolves.toMatchObject({ complete: true });
  });

  it('answers personal lookups only for a resident with a live session at the asking kiosk, and logs each', async () => {
    await expect(a.query('INS-06', { idNumber: alice.idNumber, params: {} })).rejects.toMatchObject({ status: 403, reason: 'no_session' });
    const session = notice(alice.idNumber);
    await a.noticeResident(session);
    expect((await a.query('INS-06', { idNumber: alice.idNumber, params: {} })).rows.length).toBeGreaterThan(0);
    // Another kiosk, another resident: no.
    await expect(b.query('INS-06', { idNumber: alice.idNumber, params: {} })).rejects.toMatchObject({ status: 403, reason: 'no_session' });
    await expect(a.query('INS-06', { idNumber: bob.idNumber, params: {} })).rejects.toMatchObject({ status: 403, reason: 'no_session' });
    // The same session id cannot be re-pointed at someone else.
    await expect(a.noticeResident({ ...session, idNumber: bob.idNumber })).rejects.toMatchObject({ status: 409, reason: 'session_taken' });
    // Listings concern nobody and need no session.
    expect((await b.query('JOB-02', { params: {} })).rows.length).toBeGreaterThan(0);
    await a.endResidentSession(session.sessionId);
    await expect(a.query('INS-06', { idNumber: alice.idNumber, params: {} })).rejects.toMatchObject({ status: 403, reason: 'no_session' });

    const log = await lookupLog(county.query);
    expect(log.filter((e) => e.itemCode === 'INS-06').map((e) => [e.kioskId, e.outcome])).toEqual([
      [TEST_KIOSK.id, 'noSession'],
      [TEST_KIOSK.id, 'noSession'],
      [OTHER.id, 'noSession'],
      [TEST_KIOSK.id, 'answered'],
      [TEST_KIOSK.id, 'noSession'],
    ]);
    expect(log.some((e) => e.idNumberMasked === alice.idNumber)).toBe(false);
    expect(log.find((e) => e.outcome === 'answered')!.idNumberMasked).toBe(`${alice.idNumber.slice(0, 4)}**********${alice.idNumber.slice(-4)}`);
  });

  it('limits how many residents a kiosk may open sessions for in an hour', async () => {
    const spare = new HttpCountyClient({ baseUrl: county.url, kioskId: 'kiosk-test-3', secret: 'third-secret-0123456789abcdef0123456' });
    await registerKiosk(county.query, 'kiosk-test-3', 'third-secret-0123456789abcdef0123456');
    for (let i = 0; i < MAX_SESSIONS_PER_KIOSK_PER_HOUR; i++) await spare.noticeResident(notice(alice.idNumber));
    await expect(spare.noticeResident(notice(bob.idNumber))).rejects.toMatchObject({ status: 429, reason: 'too_many_sessions' });
    spare.close();
  });

  it("the kiosk's lookups send the identify notice themselves, again after the county forgot it, and end it with the visit", async () => {
    const identity: ResidentIdentity = { idNumber: bob.idNumber, name: bob.name, sex: bob.sex, birthDate: bob.birthDate, source: 'idCard' };
    let current: ResidentIdentity | null = identity;
    const queries = new QueriesService({ client: a, catalog: { find: (code) => defaultCatalog().items.find((i) => i.code === code) }, session: { current: () => current, evidence: () => ({ source: current?.source ?? null, facePassed: false }) } });
    expect((await queries.run('INS-06', {})).rows.length).toBeGreaterThan(0);
    await county.query.deleteFrom('resident_sessions').execute();
    expect((await queries.run('INS-05', {})).rows.length).toBeGreaterThan(0);
    await queries.visitEnded();
    current = null;
    await expect(a.query('INS-06', { idNumber: bob.idNumber, params: {} })).rejects.toMatchObject({ status: 403, reason: 'no_session' });
  });
});
