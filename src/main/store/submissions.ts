import { createHash, randomBytes } from 'node:crypto';
import { pointDay } from '../../shared/domain/point-day';
import { v7 as uuidv7 } from 'uuid';
import type { ResidentIdentity } from '../../shared/domain/identity';
import type { ServiceChannel } from '../../shared/domain/service-channel';
import { maskResident } from '../../shared/domain/mask';
import type { SubmissionPayload } from '../../shared/sync/protocol';
import type { DataKey } from '../crypto/data-key';
import type { AttachmentFiles } from './attachment-files';
import { insertAudit } from './audit';
import { rowFields } from './row-fields';
import { stmt } from './statements';
import type Database from 'better-sqlite3';
import type { Db } from './database';
import { insertOutboxItem, outboxContext } from './outbox';
import { noteResidentServed } from './resident-tally';
import { monthOf } from '../../shared/report/report-month';
import type { SubmittedForm } from '../../shared/catalog/validate-form';
import type { SubmissionReceipt } from '../../shared/contract/methods/applications';
import { CONSENT_SLIP_MATERIAL, type ProxyRelation } from '../../shared/domain/proxy';


export interface NewSubmission {
  itemCode: string;
  channel: ServiceChannel;
  /** Staff id of the clerk for every channel but self; null for self-service. */
  operatorId: string | null;
  /** homeVisit: the resident's village group the clerk chose. */
  villageGroup?: string;
  resident: ResidentIdentity;
  form: SubmittedForm;
  attachments: ReadonlyArray<{ materialCode: string; mime: string; data: Buffer }>;
  face?: { image: Buffer; livenessScore: number; qualityScore: number };
  /** An agent applied for the resident (channel proxy): who, their relation, and the resident's consent. */
  proxy?: {
    agent: { idNumber: string; name: string };
    relation: ProxyRelation;
    consent: { kind: 'cardAndPin' } | { kind: 'signedSlip'; mime: string; image: Buffer };
  };
  /** Sending again an application the county returned: the same application id and tracking number. */
  resend?: { applicationId: string; trackingNumber: string };
}

/** What the store hands back for a new submission: the receipt without its delivery state (the service adds it). */
export type StoredSubmission = Pick<SubmissionReceipt, 'submissionId' | 'trackingNumber' | 'submittedAt'>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 20261129-7K3QZ9HD: the day, then 8 random base-32 characters (no I, L, O, U to misread on a phone call). */
function trackingNumber(day: string): string {
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += CROCKFORD[b % 32];
  return `${day.replaceAll('-', '')}-${out}`;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface SubmissionWrite {
  id: string;
  tracking: string;
  input: NewSubmission;
  residentRef: string;
  submittedAt: string;
  stored: ReadonlyArray<{ sha256: string; materialCode: string; mime: string; size: number; file: string }>;
  payload: SubmissionPayload;
  key: DataKey;
}

const writers = new WeakMap<Db, Database.Transaction<(w: SubmissionWrite) => void>>();

/** The submit transaction, built once per database (building it per call costs more than the inserts). */
function writeSubmission(db: Db): Database.Transaction<(w: SubmissionWrite) => void> {
  let write = writers.get(db);
  if (!write) {
    write = db.transaction((w: SubmissionWrite) => {
      stmt(db, 'INSERT INTO submissions (id, tracking_number, item_code, channel, operator_id, resident_ref, submitted_at, application_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        w.id,
        w.tracking,
        w.input.itemCode,
        w.input.channel,
        w.input.operatorId,
        w.residentRef,
        w.submittedAt,
        w.input.resend?.applicationId ?? null,
      );
      const attach = stmt(db, 'INSERT INTO attachments (sha256, submission_id, material_code, mime, size, file) VALUES (?, ?, ?, ?, ?, ?)');
      for (const s of w.stored) attach.run(s.sha256, w.id, s.materialCode, s.mime, s.size, s.file);
      insertOutboxItem(db, w.key, { id: w.id, kind: 'submission', submissionId: w.id, residentRef: w.residentRef, payload: w.payload, createdAt: w.submittedAt });
      insertAudit(db, {
        at: w.submittedAt,
        action: 'submission.created',
        operatorId: w.input.operatorId,
        channel: w.input.channel,
        subject: maskResident(w.input.resident),
        detail: { submissionId: w.id, trackingNumber: w.tracking, itemCode: w.input.itemCode, attachments: w.stored.length },
      });
      noteResidentServed(db, monthOf(new Date(w.submittedAt)), w.input.resident.idNumber);
    });
    writers.set(db, write);
  }
  return write;
}

/**
 * One submission = one transaction: the submission row, its attachments' rows, its outbox item (idempotency key
 * = the submission's UUIDv7), its audit entry and its report counter. Attachment files are written (encrypted,
 * fsynced) before the transaction and removed again if it fails. Only when this returns has anything been promised.
 */
export function insertSubmission(db: Db, key: DataKey, files: AttachmentFiles, input: NewSubmission, now: Date): StoredSubmission {
  const id = uuidv7({ msecs: now.getTime() });
  const submittedAt = now.toISOString();
  // The point's local day: a resident at 07:00 in the village is given today's date, not UTC's yesterday.
  const tracking = input.resend?.trackingNumber ?? trackingNumber(pointDay(now));
  const residentRef = key.residentRef(input.resident.idNumber);

  const stored: Array<{ sha256: string; materialCode: string; mime: string; size: number; file: string }> = [];
  const writeFile = (materialCode: string, mime: string, data: Buffer) => {
    const digest = sha256(data);
    if (stored.some((s) => s.sha256 === digest)) return digest; // the same page twice is stored once
    stored.push({ sha256: digest, materialCode, mime, size: data.length, file: files.write(id, digest, data) });
    return digest;
  };

  try {
    // Every page keeps its place in the record, even one whose bytes another material already stored (a resident may
    // photograph one paper for two materials): the county must see both materials handed in.
    const pages = input.attachments.map((a) => ({ sha256: writeFile(a.materialCode, a.mime, a.data), materialCode: a.materialCode, mime: a.mime, size: a.data.length }));
    const faceSha = input.face ? writeFile('face', 'image/jpeg', input.face.image) : undefined;
    const consent = input.proxy?.consent;
    const slipSha = consent?.kind === 'signedSlip' ? writeFile(CONSENT_SLIP_MATERIAL, consent.mime, consent.image) : undefined;
    // A proxy's signed consent slip is a page of the record too: the county checks it beside the materials.
    if (consent?.kind === 'signedSlip' && slipSha) pages.push({ sha256: slipSha, materialCode: CONSENT_SLIP_MATERIAL, mime: consent.mime, size: consent.image.length });

    const payload: SubmissionPayload = {
      submissionId: id,
      trackingNumber: tracking,
      itemCode: input.itemCode,
      serviceMode: input.channel,
      operatorId: input.operatorId,
      ...(input.villageGroup ? { villageGroup: input.villageGroup } : {}),
      submittedAt,
      resident: {
        idNumber: input.resident.idNumber,
        name: input.resident.name,
        sex: input.resident.sex,
        birthDate: input.resident.birthDate,
        source: input.resident.source,
        ...(input.resident.typedReason ? { typedReason: input.resident.typedReason } : {}),
      },
      form: input.form,
      attachments: pages,
      ...(input.resend ? { applicationId: input.resend.applicationId } : {}),
      ...(input.face && faceSha ? { face: { sha256: faceSha, livenessScore: input.face.livenessScore, qualityScore: input.face.qualityScore } } : {}),
      ...(input.proxy
        ? {
            proxy: {
              agent: { idNumber: input.proxy.agent.idNumber, name: input.proxy.agent.name, source: 'idCard' as const },
              relation: input.proxy.relation,
              consent: input.proxy.consent.kind,
              ...(slipSha ? { consentSlipSha256: slipSha } : {}),
            },
          }
        : {}),
    };

    writeSubmission(db).immediate({ id, tracking, input, residentRef, submittedAt, stored, payload, key });
  } catch (error) {
    files.removeSubmissionDir(id);
    throw error;
  }
  return { submissionId: id, trackingNumber: tracking, submittedAt };
}

export interface SubmissionSummary {
  submissionId: string;
  trackingNumber: string;
  itemCode: string;
  channel: ServiceChannel;
  operatorId: string | null;
  status: 'queued' | 'acknowledged' | 'rejected';
  rejectReason: string | null;
  submittedAt: string;
  acknowledgedAt: string | null;
  purged: boolean;
  /** Set on a submission that sent a returned application again: that application's id. */
  applicationId: string | null;
}

interface SummaryRow {
  id: string;
  tracking_number: string;
  item_code: string;
  channel: ServiceChannel;
  operator_id: string | null;
  status: SubmissionSummary['status'];
  reject_reason: string | null;
  submitted_at: string;
  acknowledged_at: string | null;
  purged_at: string | null;
  application_id: string | null;
}

const SUMMARY_COLUMNS = 'id, tracking_number, item_code, channel, operator_id, status, reject_reason, submitted_at, acknowledged_at, purged_at, application_id';

function toSummary(r: SummaryRow): SubmissionSummary {
  const { id, purged_at, ...columns } = r;
  return { submissionId: id, ...rowFields(columns), purged: purged_at !== null };
}

export function getSubmission(db: Db, id: string): SubmissionSummary | null {
  const row = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ?`).get(id) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/**
 * A resident's own applications, newest first (found through the keyed hash, never by scanning plaintext). A
 * submission that only sent a returned application again is part of that application, not one of its own.
 */
export function submissionsOfResident(db: Db, residentRef: string, limit: number): SubmissionSummary[] {
  return (stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE resident_ref = ? AND application_id IS NULL ORDER BY submitted_at DESC LIMIT ?`).all(residentRef, limit) as SummaryRow[]).map(toSummary);
}

/** The application a tracking number names (its first submission), or null. */
export function submissionByTrackingNumber(db: Db, tracking: string): SubmissionSummary | null {
  const row = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE tracking_number = ? AND application_id IS NULL`).get(tracking) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/** The resident reference of a submission (to check a resident asks about their own). */
export function residentRefOf(db: Db, id: string): string | null {
  return (stmt(db, 'SELECT resident_ref FROM submissions WHERE id = ?').get(id) as { resident_ref: string } | undefined)?.resident_ref ?? null;
}

/**
 * The resident and form of a submission, decrypted from its outbox payload (the one sealed copy of the personal
 * data); null once the retention purge removed it.
 */
export function readSubmissionDetail(db: Db, key: DataKey, id: string): { resident: ResidentIdentity; form: SubmittedForm } | null {
  const row = stmt(db, 'SELECT payload_enc FROM outbox WHERE submission_id = ?').get(id) as { payload_enc: Buffer | null } | undefined;
  if (!row?.payload_enc) return null;
  const payload = key.openJson(row.payload_enc, outboxContext(id)) as SubmissionPayload;
  return { resident: payload.resident, form: payload.form };
}
