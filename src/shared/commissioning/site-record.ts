import { z } from 'zod';
import { DeviceKindSchema } from '../domain/devices';
import { StepFindingSchema } from './step-finding';

const IsoTimeSchema = z.iso.datetime({ offset: true });
const SiteNameSchema = z.object({ 'zh-CN': z.string().min(1).max(100), en: z.string().min(1).max(100) });
const PersonSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(60) });
/**
 * Free words kept as typed: a manual step's note by the technician, an acceptance criterion's note. Records made
 * before findings carried the kiosk's own English line here for automatic steps too; they still read, and show it
 * as it was signed.
 */
const DetailSchema = z.string().max(300);

/**
 * Commissioning (安装调试) and acceptance (验收) records of a service point (OPERATIONS.md). Made on the kiosk, printed
 * there as A4 PDF records, and sent to the county in the outbox (batch item kind `siteRecord`), where the console's
 * programme table reads them (src/county/site-records.ts). One schema for both sides.
 */

/** The commissioning checks besides each configured device's self-test (`device:<id>`). */
export const COMMISSIONING_CHECKS = ['countyReachable', 'syncRound', 'clockAgrees', 'staffLogin', 'officeHours', 'consultationPhone', 'publicity'] as const;
export const CommissioningCheckSchema = z.enum(COMMISSIONING_CHECKS);
export type CommissioningCheck = z.infer<typeof CommissioningCheckSchema>;
/** Checks the kiosk runs itself; the others a technician ticks after looking. */
export const AUTOMATIC_CHECKS: readonly CommissioningCheck[] = ['countyReachable', 'syncRound', 'clockAgrees', 'staffLogin', 'officeHours', 'consultationPhone'];

/** `device:<deviceId>` for a device's self-test, or one of COMMISSIONING_CHECKS. */
export const CommissioningStepIdSchema = z.union([CommissioningCheckSchema, z.string().regex(/^device:[A-Za-z0-9_-]{1,40}$/)]);

export const CommissioningStepSchema = z.object({
  id: CommissioningStepIdSchema,
  /** For device steps: which kind of device (the PDF and the console name it). */
  deviceKind: DeviceKindSchema.optional(),
  how: z.enum(['automatic', 'manual']),
  passed: z.boolean(),
  /** What an automatic check found, as data each reader words in their language (step-finding.ts). */
  finding: StepFindingSchema.optional(),
  detail: DetailSchema.optional(),
  checkedAt: IsoTimeSchema,
  checkedBy: PersonSchema,
});
export type CommissioningStep = z.infer<typeof CommissioningStepSchema>;

/** Acceptance criteria of the plan's site standard; the demonstration point adds the second list. */
export const BASIC_CRITERIA = ['fixedOffice', 'furniture', 'computer', 'kioskOnline', 'itemsPublished', 'guidesAndPhone', 'oneStaff'] as const;
export const DEMONSTRATION_CRITERIA = ['printer', 'documentCamera', 'faceCamera', 'dedicatedWindow', 'supervisionDesk', 'fixedDutyPhone', 'twoFullTimeStaff'] as const;
export const AcceptanceCriterionSchema = z.enum([...BASIC_CRITERIA, ...DEMONSTRATION_CRITERIA]);
export type AcceptanceCriterion = z.infer<typeof AcceptanceCriterionSchema>;
export type SiteStandard = 'basic' | 'demonstration';

export function criteriaOf(standard: SiteStandard): AcceptanceCriterion[] {
  return standard === 'demonstration' ? [...BASIC_CRITERIA, ...DEMONSTRATION_CRITERIA] : [...BASIC_CRITERIA];
}

const RecordHeadSchema = z.object({
  recordId: z.string().uuid(),
  kioskId: z.string().min(1).max(64),
  divisionCode: z.string().regex(/^\d{12}$/),
  siteName: SiteNameSchema,
  appVersion: z.string().max(40),
  completedAt: IsoTimeSchema,
});

export const CommissioningRecordSchema = RecordHeadSchema.extend({
  kind: z.literal('commissioning'),
  startedAt: IsoTimeSchema,
  technician: PersonSchema,
  steps: z.array(CommissioningStepSchema).min(1).max(40),
  /** True only when every step passed (checked by the schema, so no side can claim otherwise). */
  passed: z.boolean(),
}).refine((r) => r.passed === r.steps.every((s) => s.passed), { path: ['passed'], message: 'passed must equal every step passed' });
export type CommissioningRecord = z.infer<typeof CommissioningRecordSchema>;

export const AcceptanceRecordSchema = RecordHeadSchema.extend({
  kind: z.literal('acceptance'),
  standard: z.enum(['basic', 'demonstration']),
  criteria: z.array(z.object({ id: AcceptanceCriterionSchema, met: z.boolean(), note: DetailSchema.optional() })).min(1).max(20),
  /** The township or county account that signed, as the county confirmed it when the signer logged in at the kiosk. */
  signedBy: PersonSchema.extend({ role: z.enum(['township', 'countyAdmin']) }),
  /** The commissioning record this acceptance follows (a point is accepted after it was commissioned). */
  commissioningRecordId: z.string().uuid(),
  passed: z.boolean(),
})
  .refine((r) => {
    const wanted = criteriaOf(r.standard);
    const given = r.criteria.map((c) => c.id);
    return given.length === wanted.length && wanted.every((id) => given.includes(id));
  }, { path: ['criteria'], message: 'exactly the criteria of the standard' })
  .refine((r) => r.passed === r.criteria.every((c) => c.met), { path: ['passed'], message: 'passed must equal every criterion met' });
export type AcceptanceRecord = z.infer<typeof AcceptanceRecordSchema>;

export const SiteRecordSchema = z.union([CommissioningRecordSchema, AcceptanceRecordSchema]);
export type SiteRecord = CommissioningRecord | AcceptanceRecord;
