import { KioskError } from '../../src/shared/contract/errors';
import type { CallContext, Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { FaceCaptures } from '../../src/main/services/face-captures';
import { ApplicationsService, type ResidentSource } from '../../src/main/services/applications';
import { recentAudit } from '../../src/main/store/audit';
import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import { getSubmission } from '../../src/main/store/submissions';
import { SubmitInputSchema } from '../../src/shared/contract/methods/applications';
import type { ResidentIdentity } from '../../src/shared/domain/identity';
import { openTestStore, sampleIdentity, tempDataDir } from '../support/store-fixtures';

const log = createMemoryLogger().logger;
const NOW = new Date('2026-11-29T09:00:00Z');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64');

const validJob05 = {
  leaveReason: 'contractEnded',
  leftOn: '2026-10-31',
  education: 'junior',
  phone: '13812345678',
  address: '北格镇张花村东街18号',
  promise: true,
};

function setup() {
  const store = openTestStore(tempDataDir());
  let resident: ResidentIdentity | null = sampleIdentity(0);
  // Stands in for the resident session service: the resident a card read would have identified.
  const session: ResidentSource = { current: () => resident, evidence: () => ({ source: resident?.source ?? null, facePassed: resident !== null }) };
  let queued = 0;
  const service = new ApplicationsService({ store, catalog: new CatalogService({ level: 'demonstration', log }), session, faceCaptures: new FaceCaptures({ now: () => NOW }), afterSubmit: () => (queued += 1), now: () => NOW });
  const ctx = (staff?: Connection['staff']): CallContext => ({ connection: { id: 'c', carrier: 'internal', ...(staff ? { staff } : {}) }, roles: new Set(['public', 'resident']), log });
  return { store, service, ctx, queued: () => queued, endSession: () => (resident = null), switchResident: (next: ResidentIdentity) => (resident = next) };
}

describe('applications.submit rules', () => {
  it('commits a valid self-service application with its material and tells the sync client', () => {
    const { store, service, ctx, queued } = setup();
    const result = service.submit({ itemCode: 'JOB-05', form: validJob05, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg', dataBase64: JPEG }] }, ctx());
    expect(result).toMatchObject({ delivery: 'queued', submittedAt: NOW.toISOString() });
    expect(getSubmission(store.db, result.submissionId)).toMatchObject({ status: 'queued', operatorId: null, channel: 'self' });
    expect(queued()).toBe(1);
    const [item] = claimBatch(store.db, store.key, 1, 1e6);
    expect((item!.payload as { attachments: unknown[] }).attachments).toHaveLength(1);
  });

  it('keeps only the answers the resident could see: a date typed before the reason hid its field is not stored', () => {
    const { store, service, ctx } = setup();
    // leftOn is only asked when the reason involves leaving a job; "never employed" hides it (and the proof).
    const form = { ...validJob05, leaveReason: 'neverEmployed', leftOn: '2026-10-31' };
    service.submit({ itemCode: 'JOB-05', form, attachments: [] }, ctx());
    const [item] = claimBatch(store.db, store.key, 1, 1e6);
    expect(JSON.stringify(item!.payload)).toContain('neverEmployed');
    expect(JSON.stringify(item!.payload)).not.toContain('leftOn');
  });

  it('stamps the channel and operator from the connection: a resident alone is self whatever the screen sends', () => {
    const { store, service, ctx } = setup();
    const input = { itemCode: 'JOB-05', form: validJob05, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg' as const, dataBase64: JPEG }] };
    // The screen cannot ask for a channel: the contract drops the field before the core sees it.
    const parsed = SubmitInputSchema.parse({ ...input, serviceMode: 'assisted', channel: 'window' });
    expect(parsed).not.toHaveProperty('serviceMode');
    expect(parsed).not.toHaveProperty('channel');
    const alone = service.submit(parsed, ctx());
    expect(getSubmission(store.db, alone.submissionId)).toMatchObject({ operatorId: null, channel: 'self' });
    const technician = service.submit(input, ctx({ id: 'tech-wang', displayName: '王工', roles: ['technician'] }));
    expect(getSubmission(store.db, technician.submissionId)).toMatchObject({ operatorId: null, channel: 'self' });
    const assisted = service.submit(input, ctx({ id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] }));
    expect(getSubmission(store.db, assisted.submissionId)).toMatchObject({ operatorId: 'clerk-li', channel: 'assisted' });
    expect(recentAudit(store.db, 1)[0]).toMatchObject({ operatorId: 'clerk-li', channel: 'assisted' });
    const atWindow = service.submit(input, ctx({ id: 'clerk-li', displayName: '李秀英', roles: ['clerk'], channel: 'window' }));
    expect(getSubmission(store.db, atWindow.submissionId)).toMatchObject({ operatorId: 'clerk-li', channel: 'window' });
    const rows = store.db.prepare('SELECT channel, operator_id AS operatorId FROM submissions ORDER BY submitted_at, id').all();
    expect(rows).toEqual(expect.arrayContaining([{ channel: 'assisted', operatorId: 'clerk-li' }, { channel: 'window', operatorId: 'clerk-li' }]));
    const [, , third] = claimBatch(store.db, store.key, 10, 1e7);
    expect(third!.payload).toMatchObject({ serviceMode: 'assisted', operatorId: 'clerk-li' });
  });

  it('refuses bad forms, missing or foreign materials, a missing face check, lookups and unknown items', () => {
    const { service, ctx, endSession, store } = setup();
    const attempt = (input: Parameters<ApplicationsService['submit']>[0]) => {
      try {
        service.submit(input, ctx());
        return null;
      } catch (error) {
        return error as KioskError;
      }
    };
    const badPhone = attempt({ itemCode: 'JOB-05', form: { ...validJob05, phone: '123' }, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg', dataBase64: JPEG }] });
    expect(badPhone?.code).toBe('validation_failed');
    expect(badPhone?.details?.fields).toEqual([expect.objectContaining({ field: 'phone' })]);
    // Unemployment registration needs no termination letter (photographed if the resident has it); land lost needs its proof.
    const missing = attempt({ itemCode: 'JOB-05', form: { ...validJob05, leaveReason: 'landLost' }, attachments: [] });
    expect(missing?.details?.fields).toEqual([{ field: 'attachments.landRequisitionProof', messageKey: 'sync:validation.materialMissing' }]);
    // The land requisition proof is needed only when land was lost; here it does not belong.
    const foreign = attempt({ itemCode: 'JOB-05', form: validJob05, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg', dataBase64: JPEG }, { materialCode: 'passport', mime: 'image/jpeg', dataBase64: JPEG }] });
    expect(foreign?.details?.fields).toEqual([expect.objectContaining({ field: 'attachments.passport', messageKey: 'sync:validation.unknownMaterial' })]);
    const noFace = attempt({ itemCode: 'INS-11', form: { bankName: 'rcc', bankAccount: '6217000010001234567', reason: 'cardLost', phone: '13812345678', promise: true }, attachments: [{ materialCode: 'bankCard', mime: 'image/jpeg', dataBase64: JPEG }] });
    expect((noFace?.details?.fields as Array<{ field: string }>).map((f) => f.field)).toContain('face');
    expect(attempt({ itemCode: 'INS-06', form: {}, attachments: [] })?.code).toBe('invalid_params');
    expect(attempt({ itemCode: 'NOPE-01', form: {}, attachments: [] })?.code).toBe('not_found');
    endSession();
    expect(attempt({ itemCode: 'JOB-05', form: validJob05, attachments: [] })?.code).toBe('session_required');
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n).toBe(0);
  });

  it('lists a submission the county rejected, with its reason, until a clerk resolves it (once, audited)', () => {
    const { store, service, ctx } = setup();
    const input = { itemCode: 'JOB-05', form: validJob05, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg' as const, dataBase64: JPEG }] };
    const kept = service.submit(input, ctx());
    const refused = service.submit({ ...input, form: { ...validJob05, phone: '13900000000' } }, ctx());
    const batch = claimBatch(store.db, store.key, 10, 1e7);
    const refusedItem = batch.find((b) => b.submissionId === refused.submissionId)!;
    settleBatch(store.db, [{ id: batch.find((b) => b.submissionId === kept.submissionId)!.id, outcome: 'acknowledged' }, { id: refusedItem.id, outcome: 'rejected', reason: 'invalidIdNumber' }], NOW.toISOString());
    expect(service.rejected().items).toEqual([{ submissionId: refused.submissionId, outboxId: refusedItem.id, createdAt: expect.any(String), reason: 'invalidIdNumber' }]);
    expect(() => service.resolve(refusedItem.id, ctx())).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const clerk = ctx({ id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] });
    expect(service.resolve(refusedItem.id, clerk)).toEqual({ resolved: true });
    expect(recentAudit(store.db, 1)[0]).toMatchObject({ action: 'rejection.resolved', operatorId: 'clerk-li' });
    expect(service.rejected().items).toEqual([]);
    expect(service.resolve(refusedItem.id, clerk)).toEqual({ resolved: false }); // resolved once
    expect(service.resolve(batch.find((b) => b.submissionId === kept.submissionId)!.id, clerk)).toEqual({ resolved: false }); // not rejected
  });

  it("lists only the resident's own submissions: two residents, each sees theirs and never the other's", () => {
    const { service, ctx, switchResident } = setup();
    const submit = () => service.submit({ itemCode: 'JOB-05', form: validJob05, attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg', dataBase64: JPEG }] }, ctx()).submissionId;
    const first = [submit(), submit()];
    switchResident(sampleIdentity(1));
    const second = [submit()];
    expect(service.mine(10).submissions.map((s) => s.submissionId)).toEqual(second);
    switchResident(sampleIdentity(0));
    expect(service.mine(10).submissions.map((s) => s.submissionId).sort()).toEqual([...first].sort());
    switchResident(sampleIdentity(3));
    expect(service.mine(10).submissions).toEqual([]);
  });
});
