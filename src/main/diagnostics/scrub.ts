import { maskFreeText } from '../../shared/domain/mask';

/**
 * The bundle's last line of defence, applied to every text that goes in (logs, frames, figures), on top of the
 * masking each source already does: what a person's data looks like is replaced, whatever field it sits in.
 * - anything shaped like an ID number (maskFreeText), and any run of 8+ letters/digits holding 5+ digits (card
 *   numbers, social security numbers, 15-character foreign card numbers, card identification codes);
 * - every run of Chinese characters: a log's own words are English, so Chinese in it is data (names, addresses);
 * - phone numbers (11 digits starting 1, or area code + number);
 * - names in capitals as cards print them (ANNA LINDQVIST).
 */
const LONG_CODE = /\b(?=[0-9A-Za-z]*\d[0-9A-Za-z]*\d[0-9A-Za-z]*\d[0-9A-Za-z]*\d[0-9A-Za-z]*\d)[0-9A-Za-z]{8,}\b/g;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const PHONE = /\b(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})\b/g;
const CAPITAL_NAME = /\b[A-Z]{2,}(?: [A-Z]{2,})+\b/g;

export function scrubText(text: string): string {
  return maskFreeText(text)
    .replace(LONG_CODE, (m) => `${'*'.repeat(m.length - 2)}${m.slice(-2)}`)
    .replace(PHONE, (m) => `${m.slice(0, 3)}****`)
    .replace(CAPITAL_NAME, (m) => m.replace(/[A-Z]/g, '*'))
    .replace(CJK_RUN, (m) => '*'.repeat(Array.from(m).length));
}

/** Config keys whose values never leave the kiosk (county secret, password hashes, tokens, keys). */
const SECRET_KEY = /(secret|secretfile|password|token|hash)$|^(key|kek|pin)$/i;

/** A copy of a config object without its secrets (keys named like one are replaced by "(removed)"). */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '(removed)' : withoutSecrets(v)]));
  }
  return value;
}
