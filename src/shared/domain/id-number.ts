/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 17 digits and a check character computed with
 * ISO 7064 MOD 11-2. The first 6 digits are an administrative division code (GB/T 2260), the next 8 the
 * birth date YYYYMMDD.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'division' | 'birthDate' | 'checkCharacter';

export type IdNumberCheck =
  | { ok: true; idNumber: string; divisionCode: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: IdNumberProblem };

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  // Impossible months and days fail the round trip below (Date.UTC rolls them into another month).
  if (y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks an 18-character ID number. Lower-case x is accepted and normalised. `today` bounds the birth date
 * (a person cannot be born in the future).
 */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters' };
  const division = value.slice(0, 6);
  // Province codes run from 11 (Beijing) to 82 (Macau); 00-10 and 9x are not used.
  const province = Number(division.slice(0, 2));
  if (province < 11 || province > 82) return { ok: false, problem: 'division' };
  const birth = value.slice(6, 14);
  if (!isRealDate(birth)) return { ok: false, problem: 'birthDate' };
  const todayKey = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
  if (birth > todayKey) return { ok: false, problem: 'birthDate' };
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checkCharacter' };
  const sexDigit = Number(value[16]);
  return {
    ok: true,
    idNumber: value,
    divisionCode: division,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: sexDigit % 2 === 1 ? 'male' : 'female',
  };
}

/** Makes a valid ID number from a division code, a birth date and a 3-digit sequence (for samples and tests). */
export function makeIdNumber(divisionCode: string, birthYYYYMMDD: string, sequence: string): string {
  const first17 = `${divisionCode}${birthYYYYMMDD}${sequence}`;
  return first17 + idCheckCharacter(first17);
}
