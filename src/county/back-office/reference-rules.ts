import type { CatalogItem } from '../../shared/catalog/schema';
import type { SubmissionPayload } from '../../shared/sync/protocol';
import type { OutcomeText } from '../../shared/sync/outcomes';

/**
 * The reference back office's rules for every kind of item the catalogue sends to the county: who decides (an
 * automatic desk or a county clerk), how long automatic handling takes, what is checked on arrival (materials the
 * form made required; eligibility by age for the items where the law sets one) and what a certification or a card
 * operation produces. docs/back-office.md lists them as a table.
 */
export interface ItemRule {
  desk: 'automatic' | 'clerk';
  /** Minutes from arrival to the automatic decision (0 = at once). */
  takesMinutes: number;
  /** An eligibility check on arrival: the reason to refuse, or null. */
  refuse?: (payload: SubmissionPayload, at: Date) => OutcomeText | null;
}

function ageOn(birthDate: string, at: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age -= 1;
  return age;
}

const atLeast = (years: number, text: OutcomeText) => (p: SubmissionPayload, at: Date) => (ageOn(p.resident.birthDate, at) < years ? text : null);
const below = (years: number, text: OutcomeText) => (p: SubmissionPayload, at: Date) => (ageOn(p.resident.birthDate, at) >= years ? text : null);

/** Age rules the statutes set (GB/T and the resident pension rules the township works by). */
const ELIGIBILITY: Record<string, ItemRule['refuse']> = {
  'INS-01': atLeast(16, { 'zh-CN': '未满16周岁，不能参加城乡居民养老保险。', en: 'Under 16: cannot enrol in the resident pension scheme.' }),
  'INS-03': atLeast(60, { 'zh-CN': '未满60周岁，暂不能领取城乡居民养老金。', en: 'Under 60: the resident pension cannot be drawn yet.' }),
  'JOB-10': below(60, { 'zh-CN': '已达法定退休年龄，不能申领失业保险金。', en: 'Of statutory retirement age: unemployment benefit cannot be claimed.' }),
  'JOB-14': below(35, { 'zh-CN': '年龄超过高校毕业生失业登记的范围（35周岁以下）。', en: 'Over the age range of the graduate unemployment registration (under 35).' }),
};

/**
 * Registrations the reference back office accepts without a clerk (the ones the catalogue once called low risk);
 * anything that pays money, changes details or grants a status waits at a clerk's desk.
 */
const AUTOMATIC_APPLICATIONS: ReadonlySet<string> = new Set(['JOB-01', 'JOB-04', 'JOB-05', 'JOB-06', 'JOB-07', 'JOB-14', 'SKL-01', 'INS-01', 'INS-02', 'INS-16', 'CARD-01']);

/** The rule for one catalogue item: card operations and certifications at once, low-risk applications automatically, the rest at a clerk's desk. */
export function ruleFor(item: CatalogItem): ItemRule {
  const refuse = ELIGIBILITY[item.code];
  const base: ItemRule =
    item.type === 'card' || item.type === 'certify'
      ? { desk: 'automatic', takesMinutes: 0 }
      : AUTOMATIC_APPLICATIONS.has(item.code)
        ? { desk: 'automatic', takesMinutes: 30 }
        : { desk: 'clerk', takesMinutes: 0 };
  return refuse ? { ...base, refuse } : base;
}

/** A certification passes when the face capture is live and clear enough. */
export const CERTIFICATION_MIN_LIVENESS = 0.8;
export const CERTIFICATION_MIN_QUALITY = 0.6;
