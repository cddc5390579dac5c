import { KioskError } from '../../shared/contract/errors';
import type { MethodInput, MethodResult } from '../../shared/contract';
import type { CatalogItem } from '../../shared/catalog/schema';
import { answeredValues, isFieldVisible, validateForm } from '../../shared/catalog/validate-form';
import { faceCheckNeeded } from '../../shared/catalog/risk-class';
import { accountHolderProblem, needsCardInHand, requireIdentityFor, requireOwnCard, type VisitIdentity } from './identity-guard';
import type { CallContext, HandlerMap } from '../dispatcher';
import { rejectedItems, resolveRejected } from '../store/outbox';
import type { KioskStore } from '../store/kiosk-store';
import { outcomeOf } from '../store/outcomes';
import { getSubmission, readSubmissionDetail, residentRefOf, submissionByTrackingNumber, submissionsOfResident, type SubmissionSummary } from '../store/submissions';
import { insertAudit } from '../store/audit';
import { stampOf } from './channel-stamp';
import type { FaceCaptures } from './face-captures';
import type { ProxyRecord } from './proxy';
import type { ChannelStamp } from '../../shared/domain/service-channel';

/** The resident of the current session and how they were identified (ResidentSessionService satisfies this). */
export type ResidentSource = VisitIdentity & {
  /** The agent acting for the resident in this visit (代理办), kept by the session. */
  proxy?: () => ProxyRecord | null;
};

export interface ApplicationsDeps {
  store: KioskStore;
  catalog: { find(code: string): CatalogItem | undefined };
  session: ResidentSource;
  /** Called after a submission is committed: the sync client sends soon and screens learn the queue grew. */
  afterSubmit: () => void;
  /** For items that cannot wait: one sync round now (sends the outbox, brings outcomes back). */
  sendNow?: () => Promise<boolean>;
  now: () => Date;
  /** The face captures of this visit, which a submission names by id (never an image or score from the screen). */
  faceCaptures: Pick<FaceCaptures, 'check' | 'take'>;
  /** The ID number on the social security card in the reader, for operations on that card (card_absent if none). */
  readCardHolder?: () => Promise<string>;
}

type SubmitInput = MethodInput<'applications.submit'>;

// Card items hand in the record of the operation (a loss report must reach the county), so they submit too.
const SUBMITTABLE = new Set(['apply', 'certify', 'card']);

function decode(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/**
 * Hands in applications: checks the resident, the item, the service mode against the caller's staff login, the
 * form against the catalogue's rules and the materials against the item's list, then commits everything in
 * one transaction (store/submissions.ts). Only then does the resident see a tracking number.
 */
export class ApplicationsService {
  constructor(private readonly deps: ApplicationsDeps) {}

  /**
   * How this act is done: the connection's stamp, or `proxy` (with the clerk as operator) when an agent acts for the
   * resident. A proxy needs a clerk's login and the resident's recorded consent before anything is handed in.
   */
  private actStamp(ctx: CallContext): { stamp: ChannelStamp; proxy: ProxyRecord | null } {
    const stamp = stampOf(ctx.connection);
    const proxy = this.deps.session.proxy?.() ?? null;
    if (!proxy) return { stamp, proxy: null };
    if (stamp.channel === 'self') throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
    if (!proxy.consent) throw new KioskError('identity_insufficient', { details: { reason: 'proxyConsent', messageKey: 'staff:proxy.problems.consentMissing' } });
    return { stamp: { channel: 'proxy', operatorId: stamp.operatorId }, proxy };
  }

  /** What the method runs: an operation on the card in the reader first proves the card is the resident's own. */
  async submitChecked(input: SubmitInput, ctx: CallContext): Promise<MethodResult<'applications.submit'>> {
    const item = this.deps.catalog.find(input.itemCode);
    if (item && needsCardInHand(item, input.form)) {
      requireIdentityFor(item, input.form, this.deps.session, this.actStamp(ctx).stamp.channel);
      const read = this.deps.readCardHolder;
      if (!read) throw new KioskError('device_not_configured', { details: { kind: 'socialSecurityCardReader' } });
      await requireOwnCard(this.deps.session, read);
    }
    return this.submitAndSend(input, ctx);
  }

  /**
   * Hands in an application; an item the catalogue marks `immediate` (a card loss report) is sent at once and the
   * answer carries the county's outcome when it came back within that round (blockedAt for a loss report). Without
   * one it says `queued`: the screen must then say it is recorded, not yet done.
   */
  async submitAndSend(input: SubmitInput, ctx: CallContext): Promise<MethodResult<'applications.submit'>> {
    const receipt = this.submit(input, ctx);
    const item = this.deps.catalog.find(input.itemCode);
    if (!item?.immediate || !this.deps.sendNow) return receipt;
    // A few rounds at most, until the county has decided: its back office takes a new item a moment after storing
    // it. (Each sendNow is a round that starts after the item was queued, so the item itself goes in the first.)
    const decided = () => {
      const state = outcomeOf(this.deps.store.db, receipt.submissionId)?.state;
      return state === 'done' || state === 'refused' || state === 'returned';
    };
    for (let round = 0; round < 4 && !decided(); round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 150 * round));
      try {
        if (!(await this.deps.sendNow())) break; // the county cannot be reached: it stays queued, said so on screen
      } catch (error) {
        ctx.log.warn({ err: error, submissionId: receipt.submissionId }, 'immediate send failed; the item stays queued');
        break;
      }
    }
    const outcome = outcomeOf(this.deps.store.db, receipt.submissionId);
    return outcome ? { ...receipt, delivery: 'answered', outcome } : receipt;
  }

  submit(input: SubmitInput, ctx: CallContext): MethodResult<'applications.submit'> {
    const resident = this.deps.session.current();
    if (!resident) throw new KioskError('session_required');
    const item = this.deps.catalog.find(input.itemCode);
    if (!item) throw new KioskError('not_found', { details: { itemCode: input.itemCode } });
    if (!SUBMITTABLE.has(item.type)) throw new KioskError('invalid_params', { details: { itemCode: input.itemCode, reason: 'notSubmittable' } });
    // The core, not the screen, says how this was done: self without a clerk's login, the login's channel with one.
    const { stamp, proxy } = this.actStamp(ctx);
    const { channel, operatorId } = stamp;
    if (!item.serviceModes.includes(channel)) throw new KioskError('invalid_params', { details: { channel, reason: 'modeNotOffered' } });
    // Who the resident is must be proved as the item's risk class asks, whatever the screen showed or skipped.
    requireIdentityFor(item, input.form, this.deps.session, channel);
    // A home visit's record says which village group the resident lives in; the clerk chose it after logging in.
    const villageGroup = channel === 'homeVisit' ? ctx.connection.staff?.villageGroup : undefined;
    if (channel === 'homeVisit' && !villageGroup) throw new KioskError('validation_failed', { details: { fields: [{ field: 'villageGroup', messageKey: 'home-visit:villageGroup.missing' }] } });

    const problems: Array<{ field: string; messageKey: string; params?: Record<string, string | number> }> = validateForm(item, input.form, { today: this.deps.now() });
    const materials = new Map(item.materials.map((m) => [m.code, m]));
    const pages = new Map<string, number>();
    for (const a of input.attachments) {
      if (!materials.has(a.materialCode)) problems.push({ field: `attachments.${a.materialCode}`, messageKey: 'sync:validation.unknownMaterial' });
      pages.set(a.materialCode, (pages.get(a.materialCode) ?? 0) + 1);
    }
    for (const m of item.materials) {
      const count = pages.get(m.code) ?? 0;
      const needed = m.required && isFieldVisible(m, input.form);
      if (needed && count === 0) problems.push({ field: `attachments.${m.code}`, messageKey: 'sync:validation.materialMissing' });
      if (count > m.maxPages) problems.push({ field: `attachments.${m.code}`, messageKey: 'sync:validation.tooManyPages', params: { max: m.maxPages } });
    }
    if (faceCheckNeeded(item, input.form) && !input.face) problems.push({ field: 'face', messageKey: 'sync:validation.faceMissing' });
    // A capture id resolves only once, within its time, for the connection that ran the capture in this visit.
    const captureRefusal = input.face ? this.deps.faceCaptures.check(input.face.captureId, ctx.connection.id) : null;
    if (captureRefusal) problems.push({ field: 'face', messageKey: 'sync:validation.faceCaptureInvalid', params: { reason: captureRefusal } });
    const holder = accountHolderProblem(answeredValues(item, input.form), resident);
    if (holder) problems.push(holder);
    if (problems.length > 0) throw new KioskError('validation_failed', { details: { fields: problems } });

    // Only what the resident could see and answered is kept: a value typed before a choice hid its field, or a key
    // the item does not have, is personal data the county did not ask for.
    const form = answeredValues(item, input.form);
    const face = input.face ? this.deps.faceCaptures.take(input.face.captureId, ctx.connection.id) : null;
    const receipt = this.deps.store.submit(
      {
        itemCode: item.code,
        channel,
        operatorId,
        ...(villageGroup ? { villageGroup } : {}),
        resident,
        form,
        attachments: input.attachments.map((a) => ({ materialCode: a.materialCode, mime: a.mime, data: decode(a.dataBase64) })),
        ...(face ? { face: { image: face.image, livenessScore: face.livenessScore, qualityScore: face.qualityScore } } : {}),
        ...(proxy?.consent ? { proxy: { agent: proxy.agent, relation: proxy.relation, consent: proxy.consent } } : {}),
      },
      this.deps.now(),
    );
    ctx.log.info({ submissionId: receipt.submissionId, itemCode: item.code, channel, operatorId }, 'submission committed');
    this.deps.afterSubmit();
    return { ...receipt, delivery: 'queued' };
  }

  mine(limit: number): MethodResult<'applications.mine'> {
    const resident = this.deps.session.current();
    if (!resident) throw new KioskError('session_required');
    const rows = submissionsOfResident(this.deps.store.db, this.deps.store.key.residentRef(resident.idNumber), limit);
    return { submissions: rows.map((row) => this.statusOf(row)) };
  }

  /** One application's delivery state and the county's outcome; a resident alone may only ask about their own. */
  status(input: MethodInput<'applications.status'>, ctx: CallContext): MethodResult<'applications.status'> {
    const { db, key } = this.deps.store;
    const row = 'trackingNumber' in input ? submissionByTrackingNumber(db, input.trackingNumber.trim().toUpperCase()) : getSubmission(db, input.submissionId);
    if (!row || row.applicationId) throw new KioskError('not_found');
    if (!ctx.connection.staff?.roles.includes('clerk')) {
      const resident = this.deps.session.current();
      if (!resident || residentRefOf(db, row.submissionId) !== key.residentRef(resident.idNumber)) throw new KioskError('not_found');
    }
    return this.statusOf(row);
  }

  /**
   * Sends a returned application again with the materials the county asked for: the same resident, the same
   * application id and tracking number, committed in one transaction like any submission.
   */
  resend(input: MethodInput<'applications.resend'>, ctx: CallContext): MethodResult<'applications.resend'> {
    const resident = this.deps.session.current();
    if (!resident) throw new KioskError('session_required');
    const { db, key } = this.deps.store;
    const original = getSubmission(db, input.submissionId);
    if (!original || original.applicationId || residentRefOf(db, original.submissionId) !== key.residentRef(resident.idNumber)) throw new KioskError('not_found');
    const outcome = outcomeOf(db, original.submissionId);
    if (outcome?.state !== 'returned') throw new KioskError('invalid_params', { details: { reason: 'notReturned' } });
    const item = this.deps.catalog.find(original.itemCode);
    if (!item) throw new KioskError('not_found', { details: { itemCode: original.itemCode } });
    const detail = readSubmissionDetail(db, key, original.submissionId);
    const asked = new Set(outcome.missing?.materials ?? []);
    const known = new Map(item.materials.map((m) => [m.code, m]));
    const problems: Array<{ field: string; messageKey: string; params?: Record<string, string | number> }> = [];
    const pages = new Map<string, number>();
    for (const a of input.attachments) {
      if (!known.has(a.materialCode)) problems.push({ field: `attachments.${a.materialCode}`, messageKey: 'sync:validation.unknownMaterial' });
      pages.set(a.materialCode, (pages.get(a.materialCode) ?? 0) + 1);
    }
    for (const code of asked) if (!pages.has(code)) problems.push({ field: `attachments.${code}`, messageKey: 'sync:validation.materialMissing' });
    for (const [code, count] of pages) {
      const max = known.get(code)?.maxPages ?? 0;
      if (count > max) problems.push({ field: `attachments.${code}`, messageKey: 'sync:validation.tooManyPages', params: { max } });
    }
    if (problems.length > 0) throw new KioskError('validation_failed', { details: { fields: problems } });
    const { channel, operatorId } = stampOf(ctx.connection);
    const receipt = this.deps.store.submit(
      {
        itemCode: original.itemCode,
        channel,
        operatorId,
        resident,
        form: detail?.form ?? {},
        attachments: input.attachments.map((a) => ({ materialCode: a.materialCode, mime: a.mime, data: decode(a.dataBase64) })),
        resend: { applicationId: original.submissionId, trackingNumber: original.trackingNumber },
      },
      this.deps.now(),
    );
    ctx.log.info({ submissionId: receipt.submissionId, applicationId: original.submissionId, itemCode: original.itemCode, channel, operatorId }, 'returned application sent again');
    this.deps.afterSubmit();
    return { ...receipt, delivery: 'queued' };
  }

  private statusOf(row: SubmissionSummary): MethodResult<'applications.status'> {
    const { submissionId, trackingNumber, itemCode, channel, status, rejectReason, submittedAt, acknowledgedAt } = row;
    return { submissionId, trackingNumber, itemCode, channel, status, rejectReason, submittedAt, acknowledgedAt, outcome: outcomeOf(this.deps.store.db, submissionId) };
  }

  rejected(): MethodResult<'applications.rejected'> {
    return { items: rejectedItems(this.deps.store.db).map((r) => ({ submissionId: r.submissionId, outboxId: r.id, createdAt: r.createdAt, reason: r.reason })) };
  }

  resolve(outboxId: string, ctx: CallContext): MethodResult<'applications.resolveRejected'> {
    const staffId = ctx.connection.staff?.id;
    if (!staffId) throw new KioskError('forbidden');
    const at = this.deps.now().toISOString();
    const resolved = resolveRejected(this.deps.store.db, outboxId, staffId, at);
    if (resolved) insertAudit(this.deps.store.db, { at, action: 'rejection.resolved', operatorId: staffId, channel: null, subject: null, detail: { outboxId } });
    return { resolved };
  }
}

export function applicationsHandlers(
  service: ApplicationsService,
): HandlerMap<'applications.submit' | 'applications.mine' | 'applications.status' | 'applications.resend' | 'applications.rejected' | 'applications.resolveRejected'> {
  return {
    'applications.submit': (input, ctx) => service.submitChecked(input, ctx),
    'applications.mine': (input) => service.mine(input.limit),
    'applications.status': (input, ctx) => service.status(input, ctx),
    'applications.resend': (input, ctx) => service.resend(input, ctx),
    'applications.rejected': () => service.rejected(),
    'applications.resolveRejected': (input, ctx) => service.resolve(input.outboxId, ctx),
  };
}
