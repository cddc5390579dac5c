import { z } from 'zod';
import { TablePageSchema } from './table-query';
import { CalendarDaySchema } from '../domain/calendar-day';
import { OfficeHoursListSchema } from '../domain/office-hours';
import { FAULT_MOVE_ACTIONS } from '../sync/protocol';
import { PublishedVersionSchema } from './published-version';

/**
 * The console's HTTP contract (browser page <-> county gateway, under /console/api). Both sides parse with these
 * schemas: the gateway every body it receives, the page every answer it gets.
 */

export const CONSOLE_API = '/console/api';
/** The page sends the session's CSRF token in this header with every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';

/** Roles in the county's staff register: kiosk roles (clerk, technician) and console roles (township, countyAdmin). */
export const StaffRoleSchema = z.enum(['clerk', 'technician', 'township', 'countyAdmin']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export const CONSOLE_ROLES: readonly StaffRole[] = ['township', 'countyAdmin'];

/** 12-digit village division code (the point), 9-digit township code (its first nine digits). */
export const DivisionCodeSchema = z.string().regex(/^\d{12}$/);
export const TownshipCodeSchema = z.string().regex(/^\d{9}$/);

/** Where an account may act: the whole county, one township, or named points. */
export const ScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('county') }),
  z.object({ kind: z.literal('township'), township: TownshipCodeSchema }),
  z.object({ kind: z.literal('points'), points: z.array(DivisionCodeSchema).min(1).max(200) }),
]);
export type Scope = z.infer<typeof ScopeSchema>;

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const SessionInfoSchema = z.object({
  csrfToken: z.string().min(20).max(200),
  idleSeconds: z.number().int().positive(),
  staff: z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(StaffRoleSchema), scope: ScopeSchema }),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Error codes the console API answers with (each has words in the console locale namespace under errors.*). */
export const CONSOLE_ERRORS = [
  'bad_credentials',
  'account_locked',
  'account_disabled',
  'not_signed_in',
  'session_expired',
  'csrf',
  'forbidden',
  'not_found',
  'invalid_body',
  'invalid_json',
  'conflict',
  'internal',
] as const;
export type ConsoleErrorCode = (typeof CONSOLE_ERRORS)[number];
export const ConsoleErrorBodySchema = z.object({
  error: z.string(),
  field: z.string().optional(),
  /** With account_locked: when the next attempt is allowed (ISO time). */
  retryAt: z.string().optional(),
});
export type ConsoleErrorBody = z.infer<typeof ConsoleErrorBodySchema>;

export const PointSchema = z.object({
  kioskId: z.string(),
  divisionCode: DivisionCodeSchema,
  township: TownshipCodeSchema,
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  level: z.enum(['village', 'demonstration']),
});
export type Point = z.infer<typeof PointSchema>;
export const PointListSchema = z.object({ points: z.array(PointSchema) });

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });

/** One point's row on the fleet page: what its last heartbeat said, and what the county saw of it. */
export const FleetRowSchema = z.object({
  point: PointSchema,
  lastHeartbeatAt: z.string().nullable(),
  /** No heartbeat for longer than the county's silent time (or never). */
  silent: z.boolean(),
  devices: z.array(z.object({ id: z.string(), kind: z.string(), state: z.string() })),
  /** Devices offline, in error or waiting for someone (the row is flagged when any is in error). */
  devicesInTrouble: z.number().int().nonnegative(),
  queueDepth: z.number().int().nonnegative().nullable(),
  rejected: z.number().int().nonnegative().nullable(),
  oldestPendingAt: z.string().nullable(),
  /** When items from this kiosk last arrived at the county. */
  lastItemsAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  configVersion: z.number().int().nullable(),
  catalogVersion: z.number().int().nullable(),
  /** The kiosk's clock minus the county's when the heartbeat arrived (positive: the kiosk is ahead). */
  clockOffsetSeconds: z.number().nullable(),
});
export type FleetRow = z.infer<typeof FleetRowSchema>;
/** One page of the fleet, with counts over every point in scope (silent, needing attention). */
export const FleetSchema = z.object({
  now: z.string(),
  silentAfterSeconds: z.number().int().positive(),
  rows: z.array(FleetRowSchema),
  page: TablePageSchema,
  silent: z.number().int().nonnegative(),
  attention: z.number().int().nonnegative(),
});
/** What the fleet table may be sorted by. */
export const FLEET_SORTS = ['point', 'heartbeat', 'devices', 'queue', 'oldest', 'items', 'app', 'config', 'catalog', 'clock'] as const;
export type Fleet = z.infer<typeof FleetSchema>;

export const FaultActionSchema = z.enum(['acknowledge', 'note', 'passUp', 'resolve']);
export type FaultAction = z.infer<typeof FaultActionSchema>;
export const FaultActionRequestSchema = z.object({ note: z.string().trim().max(500).optional() });

export const FaultTicketRowSchema = z.object({
  id: z.string(),
  point: PointSchema,
  deviceId: z.string().nullable(),
  summary: z.string(),
  openedAt: z.string(),
  state: z.enum(['open', 'acknowledged', 'closed']),
  level: z.enum(['point', 'township', 'county', 'vendor']),
  levelSince: z.string(),
  /** When the current level must have acknowledged it (null once acknowledged or resolved). */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The moves this account may make now (scope and level decide). */
  allowed: z.array(FaultActionSchema),
  moves: z.array(z.object({ at: z.string(), action: z.enum(FAULT_MOVE_ACTIONS), level: z.string(), by: z.string(), note: z.string().optional() })),
});
export type FaultTicketRow = z.infer<typeof FaultTicketRowSchema>;
export const FaultQueueSchema = z.object({
  now: z.string(),
  responseMinutes: z.record(z.string(), z.number()),
  tickets: z.array(FaultTicketRowSchema),
});
export type FaultQueue = z.infer<typeof FaultQueueSchema>;

export const KIOSK_ROLES: readonly StaffRole[] = ['clerk', 'technician'];
/** At least 10 characters: the county hands it over once; the kiosk or console asks for nothing weaker. */
export const NewPasswordSchema = z.string().min(10).max(200);

export const AccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(StaffRoleSchema),
  scope: ScopeSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;
export const AccountListSchema = z.object({ accounts: z.array(AccountSchema) });

/** Kiosk roles and console roles are never mixed on one account (their passwords are checked in different places). */
export const AccountCreateSchema = z
  .object({
    username: z.string().trim().regex(/^[a-z][a-z0-9._-]{1,31}$/),
    displayName: z.string().trim().min(1).max(60),
    roles: z.array(StaffRoleSchema).min(1).max(4),
    scope: ScopeSchema,
    password: NewPasswordSchema,
  })
  .refine((a) => a.roles.every((r) => KIOSK_ROLES.includes(r)) || a.roles.every((r) => !KIOSK_ROLES.includes(r)), { path: ['roles'] })
  // A township account is scoped to its township, a county admin to the county.
  .refine((a) => !a.roles.includes('township') || a.scope.kind === 'township', { path: ['scope'] })
  .refine((a) => !a.roles.includes('countyAdmin') || a.scope.kind === 'county', { path: ['scope'] });
export const AccountUpdateSchema = z.object({ displayName: z.string().trim().min(1).max(60), scope: ScopeSchema });
export const PasswordResetSchema = z.object({ password: NewPasswordSchema });

/** One published version of a subject (the announcements, one point's site settings), newest first. */
export const PublicationSchema = PublishedVersionSchema.extend({ body: z.unknown() });
export type Publication = z.infer<typeof PublicationSchema>;
export const RollbackRequestSchema = z.object({ seq: z.number().int().positive() });

export const AnnouncementsStateSchema = z.object({
  now: z.string(),
  mayPublish: z.boolean(),
  history: z.array(PublicationSchema),
});
export const SiteSettingsInputSchema = z.object({
  onDuty: z.string().trim().max(30).optional(),
  consultationPhone: z.string().regex(/^[0-9-]{5,20}$/).optional(),
  officeHours: OfficeHoursListSchema.optional(),
});
export type SiteSettingsInput = z.infer<typeof SiteSettingsInputSchema>;
export const SiteSettingsStateSchema = z.object({
  points: z.array(
    z.object({
      point: PointSchema,
      /** What the kiosk receives: the county's settings with this point's own on top. */
      effective: z.object({ onDuty: z.string().optional(), consultationPhone: z.string().optional(), retentionDays: z.number().optional(), officeHours: OfficeHoursListSchema.optional() }),
      history: z.array(PublicationSchema),
    }),
  ),
});

/** The plan's stages for every point (村村全覆盖), in order. */
export const PROGRAMME_STAGES = ['siteSetUp', 'agreementSigned', 'staffAccounts', 'trained', 'commissioned', 'trialRun', 'accepted', 'publicity'] as const;
export const ProgrammeStageSchema = z.enum(PROGRAMME_STAGES);
export type ProgrammeStage = z.infer<typeof ProgrammeStageSchema>;
/**
 * Stages the gateway works out itself rather than being told: staff accounts (a clerk account scoped to the point
 * exists), commissioned and accepted (the kiosk's passing commissioning record / acceptance record arrived).
 */
export const DERIVED_STAGES: readonly ProgrammeStage[] = ['staffAccounts', 'commissioned', 'accepted'];
/** The kind of kiosk record (src/shared/commissioning/site-record.ts) that completes a stage. */
export const RECORD_STAGES: Partial<Record<ProgrammeStage, 'commissioning' | 'acceptance'>> = { commissioned: 'commissioning', accepted: 'acceptance' };

export const MilestoneSchema = z.object({
  stage: ProgrammeStageSchema,
  /** The county's date (YYYY-MM-DD) by which `share` of the points must have reached the stage. */
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  share: z.number().min(0).max(1),
  /** The share of points in scope that have reached the stage now. */
  reached: z.number().min(0).max(1),
  state: z.enum(['met', 'open', 'missed']),
});
export type Milestone = z.infer<typeof MilestoneSchema>;
export const ProgrammeRowSchema = z.object({
  point: PointSchema,
  stages: z.record(z.string(), z.object({ doneAt: z.string(), by: z.string().nullable() }).nullable()),
  /** Stages whose 100% date has passed without this point. */
  behind: z.array(ProgrammeStageSchema),
});
export type ProgrammeRow = z.infer<typeof ProgrammeRowSchema>;
export const ProgrammeSchema = z.object({ now: z.string(), milestones: z.array(MilestoneSchema), rows: z.array(ProgrammeRowSchema) });
/** One page of the programme table; the milestones' shares are over every point in scope. */
export const ProgrammePageSchema = ProgrammeSchema.extend({ page: TablePageSchema, behind: z.number().int().nonnegative() });
export type ProgrammePage = z.infer<typeof ProgrammePageSchema>;
export type Programme = z.infer<typeof ProgrammeSchema>;
/** The county's dates for the programme, replaced as a whole by a county admin (one stage may have several: 50%, then 100%). */
export const MilestonesUpdateSchema = z.object({
  milestones: z
    .array(z.object({ stage: ProgrammeStageSchema, due: CalendarDaySchema, share: z.number().gt(0).max(1) }))
    .max(40)
    .refine((list) => new Set(list.map((m) => `${m.stage}/${m.share}`)).size === list.length, { message: 'one date per stage and share' }),
});
export type MilestonesUpdate = z.infer<typeof MilestonesUpdateSchema>;
export const StageMarkSchema = z.object({ done: z.boolean(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

/** An application waiting at (or decided by) the county's clerk desk, for a point in scope; the resident masked. */
export const CaseRowSchema = z.object({
  applicationId: z.string(),
  trackingNumber: z.string(),
  itemCode: z.string(),
  point: PointSchema,
  state: z.enum(['waiting', 'taken', 'automatic', 'returned', 'done', 'refused']),
  round: z.number().int(),
  clerkId: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  residentMasked: z.string(),
  receivedAt: z.string(),
});
export type CaseRow = z.infer<typeof CaseRowSchema>;
export const CaseListSchema = z.object({ now: z.string(), available: z.boolean(), cases: z.array(CaseRowSchema) });
const ClerkText = z.string().trim().min(1).max(500);
/** A clerk's decision on a case: the note in Chinese, optionally in English (the Chinese text stands in for both). */
export const CaseActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('take') }),
  z.object({ action: z.literal('return'), materials: z.array(z.string().min(1).max(40)).min(1).max(20), note: ClerkText.optional(), noteEn: ClerkText.optional() }),
  z.object({ action: z.literal('finish'), note: ClerkText.optional(), noteEn: ClerkText.optional() }),
  z.object({ action: z.literal('refuse'), reason: ClerkText, reasonEn: ClerkText.optional() }),
]);
export type CaseAction = z.infer<typeof CaseActionSchema>;
/** A case opened by a county admin: the resident in full (the opening is audited). */
/** The materials a case's item asks for, in words (the desk ticks what is missing). */
export const CaseMaterialsSchema = z.object({ materials: z.array(z.object({ code: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string() }) })) });
export type CaseMaterials = z.infer<typeof CaseMaterialsSchema>;
export const CaseDetailSchema = z.object({ case: CaseRowSchema, resident: z.object({ name: z.string(), idNumber: z.string() }).nullable() });
