import { isCalendarDay } from '../domain/calendar-day';
import { checkIdNumber } from '../domain/id-number';
import type { CatalogItem, DateBound, Field } from './schema';

/**
 * Form checks for catalogue items. Pure, so the screen checks as the resident types and the core checks again at
 * submission with exactly the same rules. Every problem carries a message key in the `catalog` namespace that
 * says the reason in words ("the last character does not match"), never a code.
 */

export type FormValue = string | number | boolean | null;
/** Answers while the resident is still filling in (a field not yet answered is undefined). */
export type FormValues = Record<string, FormValue | undefined>;
/** A handed-in form: the answers of the fields shown (answeredValues), none undefined. */
export type SubmittedForm = Record<string, FormValue>;

export interface FieldProblem {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface ValidateOptions {
  /** The day the form is filled (date limits like "not in the future" count from it). */
  today?: Date;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const INTEGER = /^-?\d{1,12}$/;
// Chinese names may carry the middle dot of minority and transliterated names (阿依古丽·买买提).
const PERSON_NAME = /^(?:[\u3400-\u9fff]{2,20}(?:[·•][\u3400-\u9fff]{1,20})*|[A-Za-z][A-Za-z .'-]{1,59})$/u;

function key(name: string): string {
  return `catalog:validation.${name}`;
}

function isEmpty(value: FormValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function localDateKey(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** A calendar day a form accepts: a real one, not before 1900. */
function isRealIsoDate(value: string): boolean {
  return isCalendarDay(value) && Number(value.slice(0, 4)) >= 1900;
}

/** Resolves a date bound to YYYY-MM-DD for the given day. */
export function resolveDateBound(bound: DateBound, today: Date): string {
  if (bound === 'today') return localDateKey(today);
  if (typeof bound === 'string') return bound;
  const shifted = new Date(today.getFullYear(), today.getMonth(), today.getDate() + bound.daysFromToday);
  return localDateKey(shifted);
}

/** Luhn check used by UnionPay bank cards (and the financial account on social security cards). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let n = Number(digits[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Whether a field is shown (and so checked) given the other values. */
export function isFieldVisible(field: Pick<Field, 'visibleWhen'>, values: FormValues): boolean {
  if (!field.visibleWhen) return true;
  const other = values[field.visibleWhen.field];
  return field.visibleWhen.oneOf.some((wanted) => wanted === other);
}

/** The fields of an item that are shown for these values, in form order. */
export function visibleFields(item: Pick<CatalogItem, 'form'>, values: FormValues): Field[] {
  return item.form.flatMap((step) => step.fields).filter((field) => isFieldVisible(field, values));
}

/**
 * The answers that belong in a submission: values of the fields shown for these answers, nothing else. A resident
 * who picks "dismissed", types a date, then switches to "never employed" must not send that stale date.
 */
export function answeredValues(item: Pick<CatalogItem, 'form'>, values: FormValues): SubmittedForm {
  const out: SubmittedForm = {};
  for (const field of visibleFields(item, values)) {
    const value = values[field.name];
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

type Problem = (name: string, params?: Record<string, string | number>) => FieldProblem;

/** A typed number (yuan, or a whole number): its written form first, then each bound, said with the bound. */
function numberProblem(value: FormValue | undefined, pattern: RegExp, bounds: { min: number; max: number }, kind: 'amount' | 'integer', problem: Problem): FieldProblem | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !pattern.test(text)) return problem(`${kind}Format`);
  const n = Number(text);
  if (n < bounds.min) return problem(`${kind}TooSmall`, { min: bounds.min });
  if (n > bounds.max) return problem(`${kind}TooLarge`, { max: bounds.max });
  return null;
}

/**
 * Checks one value against its field alone (as the resident types). Cross-field rules (`notBefore`) need
 * `values`; pass the whole form when you have it.
 */
export function validateField(
  field: Field,
  value: FormValue | undefined,
  values: FormValues = {},
  options: ValidateOptions = {},
): FieldProblem | null {
  const today = options.today ?? new Date();
  const problem: Problem = (name, params) =>
    params ? { field: field.name, messageKey: key(name), params } : { field: field.name, messageKey: key(name) };

  if (isEmpty(value)) {
    if (field.kind === 'confirm' && field.required) return problem('confirmRequired');
    return field.required ? problem('required') : null;
  }

  switch (field.kind) {
    case 'confirm':
      if (typeof value !== 'boolean') return problem('wrongType');
      return field.required && !value ? problem('confirmRequired') : null;
    case 'choice':
      if (typeof value !== 'string') return problem('wrongType');
      return field.options.some((option) => option.value === value) ? null : problem('choiceUnknown');
    case 'amount':
      return numberProblem(value, AMOUNT, field, 'amount', problem);
    case 'integer':
      return numberProblem(value, INTEGER, field, 'integer', problem);
    default:
      break;
  }

  if (typeof value !== 'string') return problem('wrongType');
  const text = value.trim();

  switch (field.kind) {
    case 'text': {
      const length = [...text].length;
      if (length < field.minLength) return problem('tooShort', { min: field.minLength });
      if (length > field.maxLength) return problem('tooLong', { max: field.maxLength });
      if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) {
        return field.patternKey ? { field: field.name, messageKey: field.patternKey } : problem('pattern');
      }
      return null;
    }
    case 'personName':
      return PERSON_NAME.test(text) ? null : problem('personName');
    case 'idNumber': {
      const check = checkIdNumber(text, today);
      return check.ok ? null : problem(`idNumber.${check.problem}`);
    }
    case 'phone': {
      const compact = text.replace(/\s+/g, '');
      if (MOBILE.test(compact)) return null;
      if (field.allowLandline && LANDLINE.test(compact)) return null;
      return problem(field.allowLandline ? 'phoneOrLandline' : 'phone');
    }
    case 'date': {
      if (!isRealIsoDate(text)) return problem('dateFormat');
      if (field.min !== undefined) {
        const min = resolveDateBound(field.min, today);
        if (text < min) return problem('dateTooEarly', { min });
      }
      if (field.max !== undefined) {
        const max = resolveDateBound(field.max, today);
        if (text > max) return problem('dateTooLate', { max });
      }
      if (field.notBefore !== undefined) {
        const other = values[field.notBefore];
        if (typeof other === 'string' && isRealIsoDate(other.trim()) && text < other.trim()) {
          return problem('dateBeforeOther', { other: field.notBefore, date: other.trim() });
        }
      }
      return null;
    }
    case 'bankAccount': {
      const digits = text.replace(/\s+/g, '');
      if (!/^\d{16,19}$/.test(digits)) return problem('bankAccountFormat');
      return luhnValid(digits) ? null : problem('bankAccountCheck');
    }
    case 'divisionCode': {
      if (!/^\d{12}$/.test(text)) return problem('divisionCodeFormat');
      const province = Number(text.slice(0, 2));
      return province >= 11 && province <= 82 ? null : problem('divisionCodeProvince');
    }
    default:
      // Non-string kinds were handled above; reaching here means a new kind was added without a rule.
      return problem('wrongType');
  }
}

/**
 * Checks a whole form against the item's rules: every visible field, cross-field rules, and values for fields
 * the item does not have (rejected, so garbage cannot ride along into a submission).
 */
export function validateForm(
  item: Pick<CatalogItem, 'form'>,
  values: FormValues,
  options: ValidateOptions = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const all = item.form.flatMap((step) => step.fields);
  const known = new Set(all.map((field) => field.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push({ field: name, messageKey: key('unknownField') });
  }
  for (const field of all) {
    if (!isFieldVisible(field, values)) continue;
    const found = validateField(field, values[field.name], values, options);
    if (found) problems.push(found);
  }
  return problems;
}
