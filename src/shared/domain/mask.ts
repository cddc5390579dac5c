/**
 * Masking of personal values for logs, audit entries, receipts and technician screens.
 * One helper for the whole product so no place invents its own (and leaks more).
 */

/** 140102199003071234 -> 1401**********123X style: first 4 and last 4 kept. */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** 王小明 -> 王*明, 王明 -> 王*, 欧阳小明 -> 欧**明; Latin names keep the first letter of each word. */
export function maskName(value: string): string {
  const v = value.trim();
  if (v.length === 0) return v;
  if (/^[\x20-\x7e]+$/.test(v)) {
    return v
      .split(/\s+/)
      .map((word) => `${word[0]}${'*'.repeat(word.length - 1)}`)
      .join(' ');
  }
  const chars = Array.from(v);
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * A resident on one line: 王*明 1401**********123X. A resident a clerk typed in without a name carries the masked
 * number as their name (session.identifyTyped); that is shown once, not masked again into '1*****…'.
 */
export function maskResident(resident: { name: string; idNumber: string }): string {
  const id = maskIdNumber(resident.idNumber);
  return resident.name.trim() === id ? id : `${maskName(resident.name)} ${id}`;
}

/** 13812345678 -> 138****5678 */
export function maskPhone(value: string): string {
  const v = value.replace(/\s+/g, '');
  // Seven or fewer (a local landline) would show every digit with the first three and last four kept.
  if (v.length <= 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** Bank accounts and card numbers: last 4 only. */
export function maskAccount(value: string): string {
  const v = value.replace(/\s+/g, '');
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}

const ID_PATTERN = /\b\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b/g;

/** Last line of defence for free text going to a log: masks anything shaped like an ID number. */
export function maskFreeText(text: string): string {
  return text.replace(ID_PATTERN, (m) => maskIdNumber(m));
}
