import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { OutcomesResponseSchema, type ItemOutcome } from '../../src/shared/sync/outcomes';
import { publishConfigPart, registerKiosk } from '../../src/county/county-state';
import { outcomesSince } from '../../src/county/outcomes';
import type { CountyServer } from '../../src/county/server';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { RequestSigner } from '../../src/main/sync/request-signer';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { batchItem, sha256 } from '../support/county-items';

const [wang, li] = [SAMPLE_RESIDENTS[0]!, SAMPLE_RESIDENTS[1]!]; // 1968 (under 60), 1949 (over 60)
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin answers are read field by field in each test
type AdminBody = Record<string, any>;
const ADMIN = { authorization: 'Bearer admin-test-token', 'content-type': 'application/json' };

describe('back office: applications move through their states and the outcomes reach the kiosk that sent them', () => {
  let county: CountyServer;
  let client: HttpCountyClient;
  let clock = new Date('2026-11-30T09:00:00.000Z');
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog(), now: () => clock });
    client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, now: () => clock.getTime() });
  });
  afterAll(async () => {
    client.close();
    await county.close();
  });

  /** Everything the kiosk would receive from the start, latest state per application. */
  async function outcomes(kiosk: { id: string; secret: string } = TEST_KIOSK): Promise<Map<string, ItemOutcome>> {
    const signer = new RequestSigner(kiosk.id, kiosk.secret, () => clock.getTime());
    const all = new Map<string, ItemOutcome>();
    let since = 0;
    for (;;) {
      const path = `/v1/outcomes?since=${since}`;
      const res = await fetch(`${county.url}${path}`, { headers: signer.headers('GET', path, undefined) });
      const page = OutcomesResponseSchema.parse(await res.json());
      for (const o of page.outcomes) all.set(o.itemId, o);
      since = page.cursor;
      if (!page.more) return all;
    }
  }

  async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: AdminBody }> {
    const res = await fetch(`${county.url}/admin/v1${path}`, { method, headers: ADMIN, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: await res.json() };
  }

  async function send(...items: ReturnType<typeof batchItem>[]) {
    const answer = await client.sendBatch(items);
    await county.relay.tick();
    return answer;
  }

  it('a low-risk application is accepted, in progress, then done automatically after its time', async () => {
    const item = batchItem(wang, 'JOB-01', { form: { phone: '13800000000' } });
    expect((await send(item)).results[0]!.status).toBe('accepted');
    expect((await outcomes()).get(item.id)).toMatchObject({ state: 'inProgress', seq: 2 });
    clock = new Date(clock.getTime() + 31 * 60_000);
    await county.relay.tick();
    const done = (await outcomes()).get(item.id)!;
    expect(done).toMatchObject({ state: 'done', seq: 3, trackingNumber: item.payload.trackingNumber });
    expect(done.steps.map((s) => s.state)).toEqual(['accepted', 'inProgress', 'done']);
    expect(done.steps[2]!.text).toEqual({ 'zh-CN': '您的「求职登记」已办结。', en: 'Your Job-seeker registration is complete.' });
  });

  it('finishes an application once when hand-overs run at once (two gateways, or the timer beside a sync)', async () => {
    const item = batchItem(wang, 'JOB-01', { form: { phone: '13800000001' } });
    expect((await send(item)).results[0]!.status).toBe('accepted');
    clock = new Date(clock.getTime() + 31 * 60_000);
    const { backOffice, sink } = county.relay;
    await Promise.all([backOffice.advance(clock, sink), backOffice.advance(clock, sink), county.relay.tick()]);
    expect((await outcomes()).get(item.id)!.steps.map((s) => s.state)).toEqual(['accepted', 'inProgress', 'done']);
  });

  it('returns an application missing a required material, in words, and takes it back when it is sent again as the same application', async () => {
    const item = batchItem(wang, 'JOB-05', { form: { leaveReason: 'landLost' } });
    await send(item);
    const returned = (await outcomes()).get(item.id)!;
    expect(returned.state).toBe('returned');
    // (The termination letter is optional for registration; the land requisition proof is required when land was lost.)
    expect(returned.missing).toEqual({
      materials: ['landRequisitionProof'],
      text: { 'zh-CN': '请补充：土地征收证明。', en: 'Please add: Proof of farmland requisition.' },
    });
    // The point scans the paper and sends the application again: a new delivery id, the same application.
    const page = Buffer.from('land requisition proof scan');
    await client.uploadChunk(sha256(page), 0, page.length, page);
    const again = batchItem(wang, 'JOB-05', { form: { leaveReason: 'landLost' }, materials: [{ code: 'landRequisitionProof', sha256: sha256(page) }], applicationId: item.id, trackingNumber: item.payload.trackingNumber });
    expect((await send(again)).results[0]!.status).toBe('accepted');
    const resumed = (await outcomes()).get(item.id)!;
    expect(resumed).toMatchObject({ state: 'inProgress', trackingNumber: item.payload.trackingNumber });
    expect((await outcomes()).has(again.id)).toBe(false);
    clock = new Date(clock.getTime() + 31 * 60_000);
    await county.relay.tick();
    expect((await outcomes()).get(item.id)!.steps.map((s) => s.state)).toEqual(['accepted', 'returned', 'inProgress', 'done']);
    // Sending again an application that is not returned is refused item by item.
    const late = batchItem(wang, 'JOB-05', { applicationId: item.id, materials: [{ code: 'landRequisitionProof', sha256: sha256(page) }] });
    expect((await send(late)).results[0]).toMatchObject({ status: 'rejected', reason: 'applicationNotReturned' });
  });

  it('refuses by the eligibility the law sets, saying why', async () => {
    const page = Buffer.from('household booklet');
    const bank = Buffer.from('bank card');
    for (const p of [page, bank]) await client.uploadChunk(sha256(p), 0, p.length, p);
    const materials = [{ code: 'householdBooklet', sha256: sha256(page) }, { code: 'bankCard', sha256: sha256(bank) }];
    const young = batchItem(wang, 'INS-03', { materials });
    const old = batchItem(li, 'INS-03', { materials });
    await send(young, old);
    const all = await outcomes();
    expect(all.get(young.id)).toMatchObject({ state: 'refused', reason: { 'zh-CN': '未满60周岁，暂不能领取城乡居民养老金。' } });
    // The older resident's claim is high risk: it waits for a county clerk.
    expect(all.get(old.id)).toMatchObject({ state: 'accepted' });
  });

  it('a county clerk takes, returns, finishes or refuses through the admin API, one clerk at a time', async () => {
    const docs = ['disabilityCertificate', 'allowanceCertificate'];
    const item = batchItem(wang, 'JOB-08', { form: {} });
    await send(item);
    const desk = await admin('GET', '/back-office/desk?state=waiting');
    const mine = desk.body.items.find((d: { applicationId: string }) => d.applicationId === item.id);
    expect(mine).toMatchObject({ desk: 'clerk', state: 'waiting', itemCode: 'JOB-08' });
    expect(JSON.stringify(desk.body)).not.toContain(wang.idNumber);
    expect(JSON.stringify(desk.body)).not.toContain(wang.name);

    expect((await admin('POST', `/back-office/applications/${item.id}/finish`, { clerkId: 'county-zhou' })).body).toEqual({ error: 'wrong_state' });
    expect((await admin('POST', `/back-office/applications/${item.id}/take`, { clerkId: 'county-zhou' })).status).toBe(200);
    expect(await admin('POST', `/back-office/applications/${item.id}/take`, { clerkId: 'county-wu' })).toEqual({ status: 409, body: { error: 'taken_by_other' } });
    expect((await admin('POST', `/back-office/applications/${item.id}/return`, { clerkId: 'county-zhou', materials: ['passport'] })).body).toEqual({ error: 'unknown_material' });
    const returned = await admin('POST', `/back-office/applications/${item.id}/return`, {
      clerkId: 'county-zhou',
      materials: docs,
      note: { 'zh-CN': '证件需在有效期内。', en: 'They must be in date.' },
    });
    expect(returned.body.outcome).toMatchObject({ state: 'returned', missing: { materials: docs } });
    expect(returned.body.outcome.missing.text.en).toBe('Please add: Disability certificate, Minimum living allowance certificate. They must be in date.');
    expect((await outcomes()).get(item.id)!.state).toBe('returned');

    const lic = Buffer.from('licence');
    const card = Buffer.from('card');
    for (const p of [lic, card]) await client.uploadChunk(sha256(p), 0, p.length, p);
    const ok = batchItem(li, 'JOB-13', { materials: [{ code: 'businessLicence', sha256: sha256(lic) }, { code: 'bankCard', sha256: sha256(card) }] });
    await send(ok);
    await admin('POST', `/back-office/applications/${ok.id}/take`, { clerkId: 'county-wu' });
    const refused = await admin('POST', `/back-office/applications/${ok.id}/refuse`, { clerkId: 'county-wu', reason: { 'zh-CN': '营业执照注册未满一年。', en: 'The business has been registered for less than a year.' } });
    expect(refused.body.outcome).toMatchObject({ state: 'refused', reason: { en: 'The business has been registered for less than a year.' } });
    expect((await admin('POST', `/back-office/applications/${ok.id}/finish`, { clerkId: 'county-wu' })).body).toEqual({ error: 'wrong_state' });

    const finishMe = batchItem(li, 'JOB-13', { materials: [{ code: 'businessLicence', sha256: sha256(lic) }, { code: 'bankCard', sha256: sha256(card) }] });
    await send(finishMe);
    await admin('POST', `/back-office/applications/${finishMe.id}/take`, { clerkId: 'county-wu' });
    expect((await admin('POST', `/back-office/applications/${finishMe.id}/finish`, { clerkId: 'county-wu' })).body.outcome.state).toBe('done');
    const detail = await admin('GET', `/back-office/applications/${finishMe.id}`);
    expect(detail.body.item).toMatchObject({ state: 'done', clerkId: 'county-wu' });
    expect(detail.body.outcome.steps.map((s: { state: string }) => s.state)).toEqual(['accepted', 'inProgress', 'done']);
    expect((await admin('POST', '/back-office/applications/0196f000-0000-7000-8000-00000000dead/take', { clerkId: 'x' })).status).toBe(404);
  });

  it('a card loss report is done with the time the card was blocked; a face re-model is recorded', async () => {
    const loss = batchItem(wang, 'CARD-02', { form: { operation: 'reportLoss' } });
    const face = Buffer.from('face jpeg');
    await client.uploadChunk(sha256(face), 0, face.length, face);
    const remodel = batchItem(wang, 'DEMO-02', { face: { sha256: sha256(face), livenessScore: 0.95, qualityScore: 0.9 } });
    const certify = batchItem(li, 'INS-04', { face: { sha256: sha256(face), livenessScore: 0.5, qualityScore: 0.9 } });
    await send(loss, remodel, certify);
    const all = await outcomes();
    expect(all.get(loss.id)).toMatchObject({ state: 'done', blockedAt: clock.toISOString() });
    expect(all.get(remodel.id)!.state).toBe('done');
    expect(await county.query.selectFrom('face_models').select('face_sha256').where('id_number', '=', wang.idNumber).executeTakeFirst()).toEqual({ face_sha256: sha256(face) });
    expect(all.get(certify.id)).toMatchObject({ state: 'done', certification: { passed: false } });
    // The shipped block period until the county publishes its own.
    expect(all.get(loss.id)!.blockLiftsAt).toBe(new Date(clock.getTime() + 15 * 86_400_000).toISOString());
  });

  it("lifts a temporary card block after the county's published period, and says when in both languages", async () => {
    const catalog = defaultCatalog();
    await publishConfigPart(county.query, 'catalog', { ...catalog, settings: { ...catalog.settings, cardBlockDays: { value: 7, setOn: '2026-12-01' } } });
    const loss = batchItem(wang, 'CARD-02', { form: { operation: 'reportLoss' } });
    await send(loss);
    const outcome = (await outcomes()).get(loss.id)!;
    const liftsAt = new Date(clock.getTime() + 7 * 86_400_000);
    expect(outcome).toMatchObject({ state: 'done', blockedAt: clock.toISOString(), blockLiftsAt: liftsAt.toISOString() });
    const day = new Date(liftsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(outcome.steps.at(-1)!.text).toEqual({ 'zh-CN': `社保卡已临时挂失，他人无法使用；7 天后（${day}）自动解除。`, en: `The card is blocked: nobody else can use it. The block lifts by itself after 7 days (${day}).` });
    await publishConfigPart(county.query, 'catalog', catalog);
  });

  it('a kiosk receives only its own outcomes, page by page, and a second hand-over changes nothing', async () => {
    const other = { id: 'kiosk-outcomes-2', secret: 'outcomes-secret-0123456789abcdef012345' };
    await registerKiosk(county.query, other.id, other.secret);
    expect((await outcomes(other)).size).toBe(0);
    const mine = await outcomes();
    expect(mine.size).toBeGreaterThanOrEqual(8);
    // Paged by cursor: two at a time gives the same latest states.
    const paged = new Map<string, number>();
    for (let since = 0, more = true; more; ) {
      const page = await outcomesSince(county.query, TEST_KIOSK.id, since, 2);
      for (const o of page.outcomes) paged.set(o.itemId, o.seq);
      [since, more] = [page.cursor, page.more];
    }
    expect(paged).toEqual(new Map([...mine].map(([id, o]) => [id, o.seq])));
    // Handing over twice changes nothing (the relay and the back office are idempotent by delivery id).
    const deskStates = async () => (await admin('GET', '/back-office/desk')).body.items.map((d: { applicationId: string; state: string }) => `${d.applicationId}:${d.state}`);
    const before = { seqs: [...(await outcomes()).values()].map((o) => o.seq), desk: await deskStates() };
    expect(before.desk.some((d: string) => d.endsWith(':returned'))).toBe(true);
    await county.query.updateTable('items').set({ handed_at: null }).execute();
    await county.relay.tick();
    expect({ seqs: [...(await outcomes()).values()].map((o) => o.seq), desk: await deskStates() }).toEqual(before);
  });
});
