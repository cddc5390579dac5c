import { z } from 'zod';
import { PASSWORD_HASH_PATTERN } from './password-hash';
import { MonthlyReportPayloadSchema } from '../report/monthly-report';
import { SiteRecordSchema } from '../commissioning/site-record';
import { ServiceChannelSchema } from '../domain/service-channel';
import { TypedIdReasonSchema } from '../domain/typed-id-reason';
import { ProxyPayloadSchema } from '../domain/proxy';
import { CasePayloadSchema, CaseStepPayloadSchema } from '../cases/case-record';
import { OfficeHoursListSchema } from '../domain/office-hours';
import { FaultLevelSchema, FaultMoveSchema } from '../faults/fault-moves';

/**
 * The HTTP contract between kiosk and county, version 1 (docs/sync-protocol.md explains every endpoint, header,
 * status and retry rule). Shared by the kiosk's CountyClient and the reference county server in src/county.
 */
export const PROTOCOL_VERSION = 1;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
const IsoTimeSchema = z.iso.datetime({ offset: true });
const FormValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const SubmissionPayloadSchema = z.object({
  submissionId: z.string().uuid(),
  trackingNumber: z.string().min(1).max(40),
  itemCode: z.string().min(1).max(40),
  /** The record's ServiceChannel. Named serviceMode on the wire since protocol v1 (payloads already queued are sealed with it). */
  serviceMode: ServiceChannelSchema,
  operatorId: z.string().max(64).nullable(),
  /** homeVisit only: the resident's village group (村民小组) the clerk chose at the door. */
  villageGroup: z.string().min(1).max(30).optional(),
  submittedAt: IsoTimeSchema,
  resident: z.object({
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: z.string().min(1).max(60),
    sex: z.enum(['male', 'female', 'unknown']),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.enum(['idCard', 'socialSecurityCard', 'typedByClerk']),
    /** Why the clerk typed the number (typedByClerk only). */
    typedReason: TypedIdReasonSchema.optional(),
  }),
  form: z.record(z.string().max(80), FormValueSchema),
  attachments: z.array(z.object({ sha256: Sha256Schema, materialCode: z.string().max(40), mime: z.string().max(80), size: z.number().int().nonnegative() })).max(50),
  /** Set when this sends again an application the county returned for more materials: that application's id. */
  applicationId: z.string().uuid().optional(),
  face: z.object({ sha256: Sha256Schema, livenessScore: z.number().min(0).max(1), qualityScore: z.number().min(0).max(1) }).optional(),
  /** A proxy application (serviceMode proxy): the agent, the relation and the resident's consent. */
  proxy: ProxyPayloadSchema.optional(),
});
export type SubmissionPayload = z.infer<typeof SubmissionPayloadSchema>;

/** Pseudonymous resident key: the county applies items of one resident in this order. */
const ResidentRefSchema = z.string().max(64).nullable();

/**
 * The envelope every outbox item travels in, whatever its kind: an idempotency key (a UUIDv7 made when the item was
 * made), the kind, when it was made, the resident's key (null for the point's own records), the payload and the
 * attachments it names by hash (none for most kinds).
 */
function outboxItemSchema<K extends string, R extends z.ZodType, P extends z.ZodType>(kind: K, residentRef: R, payload: P, maxAttachments = 0) {
  return z.object({
    id: z.string().uuid(),
    kind: z.literal(kind),
    createdAt: IsoTimeSchema,
    residentRef,
    payload,
    attachments: z.array(Sha256Schema).max(maxAttachments),
  });
}

/** A resident's application: up to 50 materials and a face image. */
export const SubmissionItemSchema = outboxItemSchema('submission', ResidentRefSchema, SubmissionPayloadSchema, 51);
export type SubmissionItem = z.infer<typeof SubmissionItemSchema>;

/** A point's signed monthly report (src/shared/report/monthly-report.ts): no resident, no attachments. */
export const MonthlyReportItemSchema = outboxItemSchema('monthlyReport', z.null(), MonthlyReportPayloadSchema);
export type MonthlyReportItem = z.infer<typeof MonthlyReportItemSchema>;

/** A point's commissioning or acceptance record (src/shared/commissioning/site-record.ts): no resident, no attachments. */
export const SiteRecordItemSchema = outboxItemSchema('siteRecord', z.null(), SiteRecordSchema);
export type SiteRecordItem = z.infer<typeof SiteRecordItemSchema>;

/** A 全程代办 case sent to the township for the first time (src/shared/cases): the case, its resident and its first steps. */
export const CaseItemSchema = outboxItemSchema('case', ResidentRefSchema, CasePayloadSchema);
export type CaseItem = z.infer<typeof CaseItemSchema>;

/** A later step of a case made at the point: sent again after a return, or handed back to the resident. */
export const CaseStepItemSchema = outboxItemSchema('caseStep', ResidentRefSchema, CaseStepPayloadSchema);
export type CaseStepItem = z.infer<typeof CaseStepItemSchema>;

export const BatchItemSchema = z.discriminatedUnion('kind', [SubmissionItemSchema, MonthlyReportItemSchema, SiteRecordItemSchema, CaseItemSchema, CaseStepItemSchema]);
export type BatchItem = z.infer<typeof BatchItemSchema>;

export const BATCH_MAX_ITEMS = 200;

export const BatchRequestSchema = z.object({
  kioskId: z.string().min(1).max(64),
  items: z.array(BatchItemSchema).min(1).max(BATCH_MAX_ITEMS),
});
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

export const ItemResultSchema = z.object({
  id: z.string(),
  /** accepted: stored now; duplicate: stored before (same id); rejected: never (reason says why);
   *  retry: not now (a missing attachment), send again later. */
  status: z.enum(['accepted', 'duplicate', 'rejected', 'retry']),
  reason: z.string().max(200).optional(),
});
export const BatchResponseSchema = z.object({ results: z.array(ItemResultSchema) });
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

export const AttachmentStatusSchema = z.object({ sha256: Sha256Schema, received: z.number().int().nonnegative(), complete: z.boolean() });
export type AttachmentStatus = z.infer<typeof AttachmentStatusSchema>;

export const StaffAccountSchema = z.object({
  id: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(60),
  roles: z.array(z.enum(['clerk', 'technician'])).min(1),
  /** "scrypt$ln=17,r=8,p=1$<salt base64>$<hash base64>" (parameters in each hash; see password-hash.ts). */
  passwordHash: z.string().max(500).regex(PASSWORD_HASH_PATTERN),
  disabled: z.boolean().default(false),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;
export const StaffListSchema = z.array(StaffAccountSchema).max(500);

export const AnnouncementSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.object({ 'zh-CN': z.string().min(1).max(200), en: z.string().min(1).max(200) }),
  body: z.object({ 'zh-CN': z.string().max(4000), en: z.string().max(4000) }),
  from: IsoTimeSchema.optional(),
  until: IsoTimeSchema.optional(),
});
export const AnnouncementListSchema = z.array(AnnouncementSchema).max(100);

/** Site settings the county may change remotely (a subset of the site config). */
export const RemoteSiteSettingsSchema = z.object({
  onDuty: z.string().max(30).optional(),
  consultationPhone: z.string().regex(/^[0-9-]{5,20}$/).optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
  /** The point's office hours as the county set them; absent = the local site file's. */
  officeHours: OfficeHoursListSchema.optional(),
  /** Each fault level's response time in minutes (src/shared/faults/escalation.ts); absent = the defaults there. */
  faultResponseMinutes: z.object({ point: z.number().int().min(1).max(100_000), township: z.number().int().min(1).max(100_000), county: z.number().int().min(1).max(100_000), vendor: z.number().int().min(1).max(100_000) }).optional(),
});
export type RemoteSiteSettings = z.infer<typeof RemoteSiteSettingsSchema>;

// The fault levels and moves are defined in faults/fault-moves.ts, apart from the protocol's other schemas: the kiosk's
// screen needs them and loads none of the rest (docs/architecture.md, "Start-up").
export { FAULT_LEVELS, FaultLevelSchema, FAULT_MOVE_ACTIONS, FaultMoveSchema, type FaultLevel, type FaultMove } from '../faults/fault-moves';

export const FaultUpdateSchema = z.object({
  id: z.string().max(64),
  /** open: the county climbed or reopened it and nobody has acknowledged it at its new level yet. */
  state: z.enum(['open', 'acknowledged', 'closed']),
  note: z.string().max(500).optional(),
  /** Set by the console's escalation queue: the level now, and every move so far (oldest first). */
  level: FaultLevelSchema.optional(),
  moves: z.array(FaultMoveSchema).max(50).optional(),
});

/** A config part: its own version and body. Bodies are validated by their owners before they replace anything. */
/** `signature`: the county's Ed25519 signature over config-signature.ts's message, base64 (checked by the kiosk). */
const PartSchema = <T extends z.ZodType>(body: T) =>
  z.object({ version: z.number().int().nonnegative(), body, signature: z.string().max(200).optional() });

export const ConfigResponseSchema = z.object({
  version: z.number().int().nonnegative(),
  /** The catalogue is checked against the catalogue schema on the kiosk (it is too large to restate here). */
  catalog: PartSchema(z.unknown()).optional(),
  staff: PartSchema(StaffListSchema).optional(),
  announcements: PartSchema(AnnouncementListSchema).optional(),
  site: PartSchema(RemoteSiteSettingsSchema).optional(),
  tickets: z.array(FaultUpdateSchema).max(200).default([]),
});
export type ConfigResponse = z.infer<typeof ConfigResponseSchema>;

/**
 * The kiosk's identify notice: a resident was identified at this kiosk in this visit. The county answers personal
 * lookups only for residents with a live notice from the asking kiosk (docs/sync-protocol.md, "Resident sessions").
 */
export const ResidentNoticeSchema = z.object({
  sessionId: z.string().uuid(),
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  source: z.enum(['idCard', 'socialSecurityCard', 'typedByClerk']),
  identifiedAt: IsoTimeSchema,
});
export type ResidentNotice = z.infer<typeof ResidentNoticeSchema>;
export const ResidentNoticeAnswerSchema = z.object({ sessionId: z.string(), expiresAt: IsoTimeSchema });

export const QueryRequestSchema = z.object({
  /** The resident's ID number; absent for listings that concern nobody in particular (vacancies, courses). */
  idNumber: z.string().regex(/^\d{17}[\dX]$/).optional(),
  params: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
  /** The resident's language: the county composes documents and row labels in it (zh-CN when absent). */
  language: z.enum(['zh-CN', 'en']).optional(),
});
export const QueryResponseSchema = z.object({
  itemCode: z.string(),
  fetchedAt: IsoTimeSchema,
  title: z.string().max(200).optional(),
  rows: z.array(z.record(z.string(), z.string())).max(1000),
  /** A certificate as the county composed it: the kiosk prints exactly this, never what a screen hands it. */
  document: z
    .object({
      title: z.string().max(200),
      lines: z.array(z.string().max(500)).max(200),
      language: z.enum(['zh-CN', 'en']).optional(),
      issuedAt: IsoTimeSchema.optional(),
      /** One code per document, stored at the county with the hash of its content; `note` says how to check it. */
      verification: z.object({ code: z.string().max(20), contentSha256: z.string().regex(/^[0-9a-f]{64}$/), url: z.string().max(300), note: z.string().max(500) }).optional(),
    })
    .optional(),
});
export type QueryResponse = z.infer<typeof QueryResponseSchema>;

export const HeartbeatSchema = z.object({
  kioskId: z.string().min(1).max(64),
  at: IsoTimeSchema,
  appVersion: z.string().max(40),
  configVersion: z.number().int().nonnegative(),
  queueDepth: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  oldestPendingAt: IsoTimeSchema.nullable(),
  devices: z.array(z.object({ id: z.string().max(40), kind: z.string().max(40), state: z.string().max(40) })).max(50),
  /** The catalogue version in force at the kiosk (absent from kiosks older than this field). */
  catalogVersion: z.number().int().nonnegative().nullable().optional(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const FaultReportSchema = z.object({
  tickets: z
    .array(
      z.object({
        id: z.string().max(64),
        openedAt: IsoTimeSchema,
        deviceId: z.string().max(40).nullable(),
        summary: z.string().max(500),
        /** Moves made at the point (acknowledge, note, climb out of the point, resolve after a passing self-test, reopen) not yet confirmed by the county. */
        moves: z.array(FaultMoveSchema).max(50).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type FaultReport = z.infer<typeof FaultReportSchema>;

/**
 * A township or county account signing an acceptance at the kiosk: the kiosk passes the typed credentials through
 * (never keeps them); the county checks them as a console sign-in (attempts counted, lockout) and that the account
 * covers this kiosk's point, and answers who signed.
 */
export const AcceptanceSignerRequestSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export { AcceptanceSignerSchema, type AcceptanceSigner } from '../commissioning/acceptance-signer';

/** Every non-2xx answer of the county has this body. */
export const ErrorBodySchema = z.object({
  error: z.string(),
  field: z.string().optional(),
  /** With 401 stale_timestamp: the county's clock, so a skewed kiosk can correct itself. */
  serverTime: z.number().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
