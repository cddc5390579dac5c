import { KioskError } from '../../src/shared/contract/errors';
import type { CallContext, Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { ApplicationsService } from '../../src/main/services/applications';
import { FaceCaptures } from '../../src/main/services/face-captures';
import { ProxyService, type ProxyRecord, type ProxySession } from '../../src/main/services/proxy';
import { claimBatch } from '../../src/main/store/outbox';
import { getSubmission } from '../../src/main/store/submissions';
import type { CountyDatabase, CountyQuery } from '../../src/county/db/connection';
import { openTestCountyDatabase } from '../support/county-database';
import { intakeBatch } from '../../src/county/county-state';
import { CONSENT_SLIP_MATERIAL } from '../../src/shared/domain/proxy';
import type { ResidentIdentity } from '../../src/shared/domain/identity';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import { batchItem } from '../support/county-items';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { openTestStore, sampleIdentity, tempDataDir } from '../support/store-fixtures';

/**
 * 代理办 (issue 9 item 5) through the core's own services: an agent read from their ID card, a relation, the
 * resident's consent, and the submission that follows stamped `proxy` with the clerk as operator and the agent's
 * record in what travels to the county. Items that forbid a proxy refuse it before any card is read.
 */

const log = createMemoryLogger().logger;
const NOW = new Date('2026-11-29T09:00:00Z');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64');
const SLIP = Buffer.from('signed consent slip photo').toString('base64');
const validJob05 = { leaveReason: 'contractEnded', leftOn: '2026-10-31', education: 'junior', phone: '13812345678', address: '北格镇张花村东街18号', promise: true };
const job05 = { itemCode: 'JOB-05', form: validJob05, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg' as const, dataBase64: JPEG }] };
const CLERK: Connection['staff'] = { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] };

function setup(options: { agent?: ResidentIdentity; pin?: string; cardHolder?: string } = {}) {
  const store = openTestStore(tempDataDir());
  const resident: ResidentIdentity = { ...sampleIdentity(0), source: 'socialSecurityCard' };
  let current: ResidentIdentity | null = resident;
  let proxy: ProxyRecord | null = null;
  let agentReads = 0;
  const session: ProxySession = {
    current: () => current,
    evidence: () => ({ source: current?.source ?? null, facePassed: false }),
    proxy: () => (current ? proxy : null),
    setProxy: (record) => (proxy = record),
    readOtherIdCard: async () => {
      agentReads += 1;
      return options.agent ?? sampleIdentity(1);
    },
  };
  const catalog = new CatalogService({ level: 'demonstration', log });
  const audits: string[] = [];
  const proxies = new ProxyService({
    session,
    catalog,
    now: () => NOW,
    readCardHolder: async () => options.cardHolder ?? resident.idNumber,
    verifyPin: async (pin) => (pin === (options.pin ?? '123456') ? { ok: true } : { ok: false, outcome: 'pinWrong', triesLeft: 2 }),
    audit: (entry) => audits.push(`${entry.action} ${entry.operatorId} ${entry.subject}`),
  });
  const applications = new ApplicationsService({ store, catalog, session, faceCaptures: new FaceCaptures({ now: () => NOW }), afterSubmit: () => undefined, now: () => NOW });
  const ctx = (staff?: Connection['staff']): CallContext => ({ connection: { id: 'c', carrier: 'internal', ...(staff ? { staff } : {}) }, roles: new Set(['public', 'resident', ...(staff ? ['clerk' as const] : [])]), log });
  const refusal = async (run: () => unknown): Promise<KioskError> => {
    try {
      await run();
    } catch (error) {
      return error as KioskError;
    }
    throw new Error('expected a refusal');
  };
  return { store, resident, session, proxies, applications, ctx, refusal, audits, agentReads: () => agentReads, endVisit: () => (current = null) };
}

function sentPayload(store: ReturnType<typeof setup>['store']): { payload: SubmissionPayload } {
  const [item] = claimBatch(store.db, store.key, 10, 10_000_000);
  return { payload: item!.payload as SubmissionPayload };
}

describe('proxy applications (代理办)', () => {
  it('an agent with a signed consent slip: stamped proxy with the clerk, the agent, relation and the slip travel to the county', async () => {
    const t = setup();
    const begun = await t.proxies.begin({ itemCode: 'JOB-05', relation: 'child' }, t.ctx(CLERK));
    expect(begun).toMatchObject({ itemCode: 'JOB-05', relation: 'child', consent: null });
    expect(begun.agentMaskedIdNumber).not.toContain(sampleIdentity(1).idNumber.slice(4, 14));
    await expect(t.proxies.consent({ kind: 'signedSlip', mime: 'image/jpeg', imageBase64: SLIP }, t.ctx(CLERK))).resolves.toMatchObject({ outcome: 'ok', proxy: { consent: 'signedSlip' } });

    const receipt = await t.applications.submitChecked(job05, t.ctx(CLERK));
    expect(getSubmission(t.store.db, receipt.submissionId)).toMatchObject({ channel: 'proxy', operatorId: 'clerk-li' });
    const item = sentPayload(t.store);
    const agent = sampleIdentity(1);
    expect(item.payload).toMatchObject({
      serviceMode: 'proxy',
      operatorId: 'clerk-li',
      resident: { idNumber: t.resident.idNumber, source: 'socialSecurityCard' },
      proxy: { agent: { idNumber: agent.idNumber, name: agent.name, source: 'idCard' }, relation: 'child', consent: 'signedSlip' },
    });
    const slip = item.payload.attachments.find((a) => a.materialCode === CONSENT_SLIP_MATERIAL);
    expect(slip?.sha256).toBe(item.payload.proxy?.consentSlipSha256);
    // The slip's bytes are kept (encrypted) with the submission's pages, so the sync uploads them with the rest.
    const kept = t.store.db.prepare('SELECT sha256 FROM attachments WHERE submission_id = ?').all(receipt.submissionId) as Array<{ sha256: string }>;
    expect(kept.map((k) => k.sha256)).toContain(slip!.sha256);
    expect(t.audits.join('\n')).toMatch(/proxy\.begin clerk-li/);
    expect(t.audits.join('\n')).not.toContain(t.resident.idNumber);
  });

  it("the resident's own card and PIN as consent; a wrong PIN records nothing", async () => {
    const t = setup();
    await t.proxies.begin({ itemCode: 'JOB-05', relation: 'villageCadre' }, t.ctx(CLERK));
    await expect(t.proxies.consent({ kind: 'cardAndPin', pin: '000000' }, t.ctx(CLERK))).resolves.toEqual({ outcome: 'pinWrong', triesLeft: 2 });
    expect(t.session.proxy()?.consent).toBeNull();
    expect((await t.refusal(() => t.applications.submitChecked(job05, t.ctx(CLERK)))).details).toMatchObject({ reason: 'proxyConsent' });
    await t.proxies.consent({ kind: 'cardAndPin', pin: '123456' }, t.ctx(CLERK));
    await t.applications.submitChecked(job05, t.ctx(CLERK));
    expect(sentPayload(t.store).payload.proxy).toMatchObject({ relation: 'villageCadre', consent: 'cardAndPin' });
  });

  it('a card in the reader that is not the resident’s is no consent', async () => {
    const t = setup({ cardHolder: sampleIdentity(2).idNumber });
    await t.proxies.begin({ itemCode: 'JOB-05', relation: 'spouse' }, t.ctx(CLERK));
    expect((await t.refusal(() => t.proxies.consent({ kind: 'cardAndPin', pin: '123456' }, t.ctx(CLERK)))).details).toMatchObject({ reason: 'cardHolder' });
    expect(t.session.proxy()?.consent).toBeNull();
  });

  it.each([
    ['INS-04', 'certification proves the resident in person'],
    ['DEMO-02', 'a new face model is the resident’s own face'],
    ['CARD-02', 'card class'],
    ['INS-10', 'identity-change class'],
  ])('%s refuses a proxy in words before any card is read (%s)', async (itemCode) => {
    const t = setup();
    const error = await t.refusal(() => t.proxies.begin({ itemCode, relation: 'child' }, t.ctx(CLERK)));
    expect(error).toMatchObject({ code: 'identity_insufficient', details: { reason: 'proxy', messageKey: 'catalog:identity.shortfall.proxy' } });
    expect(t.agentReads()).toBe(0);
    expect(t.session.proxy()).toBeNull();
  });

  it('the agent is neither the resident nor a minor', async () => {
    const self = setup({ agent: { ...sampleIdentity(0), source: 'idCard' } });
    expect((await self.refusal(() => self.proxies.begin({ itemCode: 'JOB-05', relation: 'child' }, self.ctx(CLERK)))).details).toMatchObject({ reason: 'agentIsResident' });
    const minor = setup({ agent: { ...sampleIdentity(1), birthDate: '2010-01-01' } });
    expect((await minor.refusal(() => minor.proxies.begin({ itemCode: 'JOB-05', relation: 'sibling' }, minor.ctx(CLERK)))).details).toMatchObject({ reason: 'agentMinor' });
  });

  it('only a clerk records a proxy, and a proxy without a clerk’s login hands nothing in', async () => {
    const t = setup();
    expect((await t.refusal(() => t.proxies.begin({ itemCode: 'JOB-05', relation: 'child' }, t.ctx()))).code).toBe('forbidden');
    await t.proxies.begin({ itemCode: 'JOB-05', relation: 'child' }, t.ctx(CLERK));
    await t.proxies.consent({ kind: 'signedSlip', mime: 'image/jpeg', imageBase64: SLIP }, t.ctx(CLERK));
    // The same visit on a connection without the clerk's login (a resident alone) cannot use it.
    expect((await t.refusal(() => t.applications.submitChecked(job05, t.ctx()))).code).toBe('forbidden');
    expect(claimBatch(t.store.db, t.store.key, 10, 10_000_000)).toHaveLength(0);
  });

  it('ends with the visit', async () => {
    const t = setup();
    await t.proxies.begin({ itemCode: 'JOB-05', relation: 'child' }, t.ctx(CLERK));
    t.endVisit();
    expect(t.proxies.current()).toBeNull();
  });
});

describe('the county takes a proxy record only with a proxy application', () => {
  let database: CountyDatabase;
  let db: CountyQuery;
  beforeAll(async () => {
    database = await openTestCountyDatabase();
    db = database.query;
  });
  afterAll(async () => database.close());
  const resident = SAMPLE_RESIDENTS[0]!;
  const proxy = { agent: { idNumber: sampleIdentity(1).idNumber, name: sampleIdentity(1).name, source: 'idCard' as const }, relation: 'child' as const, consent: 'cardAndPin' as const };

  it('refuses serviceMode proxy without an agent, and an agent on a non-proxy application', async () => {
    const bare = batchItem(resident, 'JOB-05');
    bare.payload = { ...bare.payload, serviceMode: 'proxy', operatorId: 'clerk-li' };
    const stray = batchItem(resident, 'JOB-05');
    stray.payload = { ...stray.payload, proxy };
    const good = batchItem(resident, 'JOB-05');
    good.payload = { ...good.payload, serviceMode: 'proxy', operatorId: 'clerk-li', proxy };
    expect((await intakeBatch(db, 'kiosk-1', [bare, stray, good], NOW)).map((r) => r.reason ?? r.status)).toEqual(['proxyRecordMismatch', 'proxyRecordMismatch', 'accepted']);
    const stored = await db.selectFrom('items').select('payload').where('id', '=', good.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.payload)).toMatchObject({ serviceMode: 'proxy', proxy });
  });
});
