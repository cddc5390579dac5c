import { registerKiosk, storedItems } from '../../src/county/county-state';
import { RequestSigner } from '../../src/main/sync/request-signer';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { SubmissionItem } from '../../src/shared/sync/protocol';
import { startTestCounty, type TestCounty } from '../support/county-fixtures';

/**
 * A kiosk re-keyed or removed while the gateway runs (by `npm run county -- --kiosk ID:SECRET`, or by another gateway
 * process on the same database): its old secret stops working at once. On PostgreSQL the intake checks a batch's
 * signature against the secret it remembers and confirms it in its first read (src/county/kiosk-secrets.ts); every
 * batch here comes after the kiosk's secret was remembered by an accepted one.
 */
const resident = SAMPLE_RESIDENTS[0]!;
const OLD_SECRET = 'rekey-old-secret-0123456789abcdef';
const NEW_SECRET = 'rekey-new-secret-0123456789abcdef';

function itemOf(n: number, kiosk: number): SubmissionItem {
  const id = `0196f000-0000-7000-8${kiosk}00-${String(n).padStart(12, '0')}`;
  return {
    id,
    kind: 'submission',
    createdAt: '2026-11-29T08:00:00.000Z',
    residentRef: `ref-${n}`,
    attachments: [],
    payload: {
      submissionId: id,
      trackingNumber: `20261129-${id.slice(-8)}`,
      itemCode: 'JOB-05',
      serviceMode: 'self',
      operatorId: null,
      submittedAt: '2026-11-29T08:00:00.000Z',
      resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'idCard' },
      form: {},
      attachments: [],
    },
  };
}

describe('a re-keyed or removed kiosk', () => {
  // One county for the file; each test has a kiosk of its own (so its items too).
  let county: TestCounty;
  const KIOSK = { id: '', secret: OLD_SECRET };
  let kiosks = 0;
  beforeAll(async () => {
    county = await startTestCounty();
  });
  afterAll(() => county.close());
  beforeEach(async () => {
    KIOSK.id = `kiosk-rekey-${++kiosks}`;
    await registerKiosk(county.query, KIOSK.id, OLD_SECRET);
  });

  async function send(secret: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const bytes = Buffer.from(JSON.stringify(body));
    const headers = new RequestSigner(KIOSK.id, secret).headers('POST', '/v1/sync/batches', bytes);
    const res = await fetch(`${county.url}/v1/sync/batches`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: bytes });
    return { status: res.status, body: await res.json() };
  }
  const item = (n: number) => itemOf(n, kiosks);
  const batch = (...ns: number[]) => ({ kioskId: KIOSK.id, items: ns.map(item) });
  const storedIds = async () => (await storedItems(county.query)).filter((i) => i.id.includes(`-8${kiosks}00-`)).map((i) => i.id);
  const deliveries = async () => (await county.query.selectFrom('deliveries').select('item_id').where('kiosk_id', '=', KIOSK.id).execute()).map((r) => r.item_id);

  it('is refused with its old secret once re-keyed, stores nothing, and is taken with the new one', async () => {
    expect(await send(KIOSK.secret, batch(1, 2))).toEqual({ status: 200, body: { results: [{ id: item(1).id, status: 'accepted' }, { id: item(2).id, status: 'accepted' }] } });
    expect(await send(KIOSK.secret, batch(3))).toMatchObject({ status: 200 });
    await registerKiosk(county.query, KIOSK.id, NEW_SECRET);

    expect(await send(KIOSK.secret, batch(4, 5))).toEqual({ status: 401, body: { error: 'bad_signature' } });
    expect(await send(KIOSK.secret, batch(6))).toEqual({ status: 401, body: { error: 'bad_signature' } });
    expect(await storedIds()).toEqual([item(1).id, item(2).id, item(3).id]);
    expect(await deliveries()).toHaveLength(3);

    expect(await send(NEW_SECRET, batch(4, 1))).toEqual({ status: 200, body: { results: [{ id: item(4).id, status: 'accepted' }, { id: item(1).id, status: 'duplicate' }] } });
    // And the old one stays refused after the new one was taken.
    expect(await send(KIOSK.secret, batch(7))).toEqual({ status: 401, body: { error: 'bad_signature' } });
    expect(await storedIds()).toEqual([item(1).id, item(2).id, item(3).id, item(4).id]);
  });

  it('is taken with its new secret at once, before any request with the old one', async () => {
    expect(await send(KIOSK.secret, batch(1))).toMatchObject({ status: 200 });
    await registerKiosk(county.query, KIOSK.id, NEW_SECRET);
    expect(await send(NEW_SECRET, batch(2))).toEqual({ status: 200, body: { results: [{ id: item(2).id, status: 'accepted' }] } });
    expect(await send(KIOSK.secret, batch(3))).toEqual({ status: 401, body: { error: 'bad_signature' } });
    expect(await storedIds()).toEqual([item(1).id, item(2).id]);
  });

  it('is refused as unknown once removed, and stores nothing', async () => {
    expect(await send(KIOSK.secret, batch(1))).toMatchObject({ status: 200 });
    await county.query.deleteFrom('kiosks').where('id', '=', KIOSK.id).execute();
    expect(await send(KIOSK.secret, batch(2))).toEqual({ status: 401, body: { error: 'unknown_kiosk' } });
    expect(await storedIds()).toEqual([item(1).id]);
    expect(await deliveries()).toHaveLength(1);
  });

  it('is answered 401 with its old secret, not told what is wrong with its body', async () => {
    expect(await send(KIOSK.secret, batch(1))).toMatchObject({ status: 200 });
    await registerKiosk(county.query, KIOSK.id, NEW_SECRET);
    expect(await send(KIOSK.secret, { kioskId: KIOSK.id, items: [{ ...item(2), createdAt: 'yesterday' }] })).toEqual({ status: 401, body: { error: 'bad_signature' } });
    expect(await send(KIOSK.secret, { kioskId: 'another-kiosk', items: [item(2)] })).toEqual({ status: 401, body: { error: 'bad_signature' } });
    // With the current secret the same bodies are named as before.
    expect(await send(NEW_SECRET, { kioskId: KIOSK.id, items: [{ ...item(2), createdAt: 'yesterday' }] })).toEqual({ status: 400, body: { error: 'invalid_body', field: 'items.0.createdAt' } });
    expect(await send(NEW_SECRET, { kioskId: 'another-kiosk', items: [item(2)] })).toEqual({ status: 400, body: { error: 'invalid_body', field: 'kioskId' } });
  });
});
