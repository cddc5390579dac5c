import { maskFreeText, maskIdNumber, maskName, maskPhone, maskAccount } from '../domain/mask';

/**
 * Field names that hold personal data wherever they appear in a log object, and how to mask each.
 * Logging code should pass masked values already; this is the net under it.
 */
const MASKERS: Record<string, (value: string) => string> = {
  idNumber: maskIdNumber,
  socialSecurityNumber: maskIdNumber,
  name: maskName,
  residentName: maskName,
  englishName: maskName,
  address: maskName,
  phone: maskPhone,
  bankAccount: maskAccount,
  cardNumber: maskAccount,
  cardIdentificationCode: maskAccount,
  pin: maskAccount,
  password: maskAccount,
};

const MAX_DEPTH = 8;
const FOREIGN_ID = /\b[A-Z]{3}\d{12}\b/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Chinese text in a log is treated as possibly a name or an address: first character kept, the rest masked. */
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/g;

/** Every string a log line carries goes through here: ID numbers, mobile numbers and Chinese text masked. */
export function maskLogText(text: string): string {
  return maskFreeText(text)
    .replace(FOREIGN_ID, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(CJK_RUN, (m) => `${m[0]}${'*'.repeat(m.length - 1)}`);
}

/**
 * One walk over the whole log object, at any depth: known personal keys get their masker, every other string
 * maskLogText, errors are taken apart (message, stack, details) the same way. Deeper than MAX_DEPTH is cut.
 */
function maskDeep(value: unknown, key: string, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') {
    const mask = MASKERS[key];
    return mask ? mask(value) : maskLogText(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (isError(value)) {
    const plain: Record<string, unknown> = { type: value.name, message: value.message, stack: value.stack };
    for (const [k, v] of Object.entries(value)) plain[k] = v;
    if (value.cause !== undefined) plain.cause = value.cause;
    // Field by field (the plain copy has a message and a stack too: taken for an error again, it would never end).
    // An error's own `name` is its kind (a class name; the pg driver's DatabaseError keeps the protocol's "error"), not
    // a person's: it is masked as free text, like `type`, not as a name. A `name` in its details still is.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(plain)) out[k] = maskDeep(v, k === 'name' ? '' : k, depth + 1, seen);
    return out;
  }
  // A Buffer (or any byte array): its size only.
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskDeep(v, k, depth + 1, seen);
  return out;
}

/**
 * An error from any realm: one made in another context (a vm, Jest's module sandbox, where better-sqlite3's addon
 * throws the SqliteError of the sandbox that loaded it first) is not an `instanceof` this realm's Error, and its
 * message and stack (own but not enumerable) would be lost. Known by its shape then: a string message and stack.
 */
function isError(value: object): value is Error {
  if (value instanceof Error) return true;
  const { message, stack } = value as { message?: unknown; stack?: unknown };
  return typeof message === 'string' && typeof stack === 'string';
}

function maskedErrorSerializer(error: unknown): unknown {
  return maskDeep(error, 'err', 0, new WeakSet());
}

/** The pino options of loggerOptions, as plain functions (src/shared imports no pino: the caller hands them to it). */
export interface MaskedLogOptions {
  level: string;
  base: { app: string };
  timestamp: () => string;
  serializers: { err: (error: unknown) => unknown; error: (error: unknown) => unknown };
  formatters: { log: (object: Record<string, unknown>) => Record<string, unknown> };
  hooks: { logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void };
}

/**
 * Pino options shared by every logger of the kiosk and the county gateway (`app` names which): masked personal
 * fields, masked ID-shaped strings in messages, the time as ISO text.
 */
export function loggerOptions(level: string, app = 'village-kiosk'): MaskedLogOptions {
  return {
    level,
    base: { app },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    // Error messages, stacks and details can quote input (a bad ID number, a device frame): masked like the rest.
    serializers: { err: maskedErrorSerializer, error: maskedErrorSerializer },
    formatters: { log: (object) => maskDeep(object, '', 0, new WeakSet()) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskLogText(a) : a)));
      },
    },
  };
}
