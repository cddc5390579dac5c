import { createHash } from 'node:crypto';
import { recentAudit } from '../../src/main/store/audit';
import { claimBatch } from '../../src/main/store/outbox';
import { getSubmission, readSubmissionDetail, residentRefOf, submissionByTrackingNumber, submissionsOfResident } from '../../src/main/store/submissions';
import { CONSENT_SLIP_MATERIAL } from '../../src/shared/domain/proxy';
import { openTestStore, sampleIdentity, sampleSubmission, tempDataDir } from '../support/store-fixtures';

// What the store seals for the county, compared whole: each optional part (village group, typed reason, face, proxy,
// resend) is present exactly when the submission has it, and nothing else rides along.
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const NOW = new Date('2026-11-29T09:30:00Z');

function sealedPayload(store: ReturnType<typeof openTestStore>, submissionId: string): unknown {
  const item = claimBatch(store.db, store.key, 50, 1e8).find((i) => i.submissionId === submissionId);
  return item?.payload;
}

describe('the sealed submission record', () => {
  it('carries a proxy with a signed slip, the face check, the village group and the typed reason, each exactly once', () => {
    const store = openTestStore(tempDataDir());
    const page = Buffer.from('household register page '.repeat(40));
    const face = Buffer.from('face jpeg bytes '.repeat(30));
    const slip = Buffer.from('signed consent slip '.repeat(30));
    const resident = { ...sampleIdentity(0), source: 'typedByClerk' as const, typedReason: 'cardLost' as const };
    const agent = sampleIdentity(1);
    const input = sampleSubmission(0, {
      channel: 'homeVisit',
      operatorId: 'clerk-li',
      villageGroup: '三组',
      resident,
      attachments: [{ materialCode: 'household-register', mime: 'image/jpeg', data: page }],
      face: { image: face, livenessScore: 0.93, qualityScore: 0.81 },
      proxy: { agent: { idNumber: agent.idNumber, name: agent.name }, relation: 'child', consent: { kind: 'signedSlip', mime: 'image/png', image: slip } },
    });
    const receipt = store.submit(input, NOW);
    // The id is a UUIDv7 of the submission's own time (the outbox and the county order by it), not of the host clock.
    expect(Number.parseInt(receipt.submissionId.replace('-', '').slice(0, 12), 16)).toBe(NOW.getTime());
    expect(store.db.prepare('SELECT kind, submission_id AS submissionId FROM outbox').all()).toEqual([{ kind: 'submission', submissionId: receipt.submissionId }]);

    expect(sealedPayload(store, receipt.submissionId)).toEqual({
      submissionId: receipt.submissionId,
      trackingNumber: receipt.trackingNumber,
      itemCode: 'unemployment-registration',
      serviceMode: 'homeVisit',
      operatorId: 'clerk-li',
      villageGroup: '三组',
      submittedAt: NOW.toISOString(),
      resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'typedByClerk', typedReason: 'cardLost' },
      form: input.form,
      attachments: [
        { sha256: sha(page), materialCode: 'household-register', mime: 'image/jpeg', size: page.length },
        { sha256: sha(slip), materialCode: CONSENT_SLIP_MATERIAL, mime: 'image/png', size: slip.length },
      ],
      face: { sha256: sha(face), livenessScore: 0.93, qualityScore: 0.81 },
      proxy: { agent: { idNumber: agent.idNumber, name: agent.name, source: 'idCard' }, relation: 'child', consent: 'signedSlip', consentSlipSha256: sha(slip) },
    });
    // Page, face and slip are each stored (and later uploaded) as a file of their own.
    expect(store.db.prepare('SELECT material_code AS m, mime, size FROM attachments ORDER BY rowid').all()).toEqual([
      { m: 'household-register', mime: 'image/jpeg', size: page.length },
      { m: 'face', mime: 'image/jpeg', size: face.length },
      { m: CONSENT_SLIP_MATERIAL, mime: 'image/png', size: slip.length },
    ]);
    expect(recentAudit(store.db, 1)[0]).toMatchObject({
      at: NOW.toISOString(),
      action: 'submission.created',
      operatorId: 'clerk-li',
      channel: 'homeVisit',
      detail: { submissionId: receipt.submissionId, trackingNumber: receipt.trackingNumber, itemCode: 'unemployment-registration', attachments: 3 },
    });
    store.close();
  });

  it('leaves out what a plain self-service submission does not have, and a proxy on card and PIN sends no slip', () => {
    const store = openTestStore(tempDataDir());
    const plain = sampleSubmission(2);
    const receipt = store.submit(plain, NOW);
    const payload = sealedPayload(store, receipt.submissionId) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['attachments', 'form', 'itemCode', 'operatorId', 'resident', 'serviceMode', 'submissionId', 'submittedAt', 'trackingNumber']);
    expect(Object.keys(payload.resident as object).sort()).toEqual(['birthDate', 'idNumber', 'name', 'sex', 'source']);

    const agent = sampleIdentity(3);
    const byCard = store.submit(sampleSubmission(1, { channel: 'proxy', operatorId: 'clerk-li', proxy: { agent: { idNumber: agent.idNumber, name: agent.name }, relation: 'spouse', consent: { kind: 'cardAndPin' } } }), NOW);
    const proxied = sealedPayload(store, byCard.submissionId) as Record<string, unknown>;
    expect(proxied.proxy).toEqual({ agent: { idNumber: agent.idNumber, name: agent.name, source: 'idCard' }, relation: 'spouse', consent: 'cardAndPin' });
    expect((proxied.attachments as Array<{ materialCode: string }>).map((a) => a.materialCode)).toEqual(['household-register']);
    expect(proxied).not.toHaveProperty('face');
    store.close();
  });
});

describe('finding submissions again', () => {
  it("lists a resident's own applications newest first up to the limit; a resend keeps its application's tracking number and is not listed apart", () => {
    const store = openTestStore(tempDataDir());
    const at = (minute: number) => new Date(NOW.getTime() + minute * 60_000);
    const first = store.submit(sampleSubmission(0), at(0));
    const second = store.submit(sampleSubmission(0), at(1));
    const other = store.submit(sampleSubmission(1), at(2));
    const third = store.submit(sampleSubmission(0), at(3));
    const resend = store.submit(sampleSubmission(0, { resend: { applicationId: first.submissionId, trackingNumber: first.trackingNumber } }), at(4));

    expect(resend.trackingNumber).toBe(first.trackingNumber);
    expect(getSubmission(store.db, resend.submissionId)).toMatchObject({ applicationId: first.submissionId, trackingNumber: first.trackingNumber });
    expect(getSubmission(store.db, first.submissionId)).toMatchObject({ applicationId: null, purged: false, status: 'queued', acknowledgedAt: null, rejectReason: null });
    expect(sealedPayload(store, resend.submissionId)).toMatchObject({ applicationId: first.submissionId, trackingNumber: first.trackingNumber });

    const ref = store.key.residentRef(sampleIdentity(0).idNumber);
    expect(residentRefOf(store.db, first.submissionId)).toBe(ref);
    expect(residentRefOf(store.db, other.submissionId)).toBe(store.key.residentRef(sampleIdentity(1).idNumber));
    expect(residentRefOf(store.db, 'no-such-submission')).toBeNull();
    expect(submissionsOfResident(store.db, ref, 10).map((s) => s.submissionId)).toEqual([third.submissionId, second.submissionId, first.submissionId]);
    expect(submissionsOfResident(store.db, ref, 2).map((s) => s.submissionId)).toEqual([third.submissionId, second.submissionId]);
    // The tracking number names the application (its first submission), never the resend.
    expect(submissionByTrackingNumber(store.db, first.trackingNumber)?.submissionId).toBe(first.submissionId);
    expect(submissionByTrackingNumber(store.db, 'NO-SUCH')).toBeNull();
    expect(getSubmission(store.db, 'no-such-submission')).toBeNull();
    expect(readSubmissionDetail(store.db, store.key, 'no-such-submission')).toBeNull();
    store.close();
  });
});
