import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger, type DestinationStream } from 'pino';
import { maskFreeText, maskIdNumber, maskName, maskPhone, maskAccount } from '../../shared/domain/mask';

export type { Logger } from 'pino';

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
  if (value instanceof Error) {
    const plain: Record<string, unknown> = { type: value.name, message: value.message, stack: value.stack };
    for (const [k, v] of Object.entries(value)) plain[k] = v;
    if (value.cause !== undefined) plain.cause = value.cause;
    return maskDeep(plain, key, depth, seen);
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskDeep(v, k, depth + 1, seen);
  return out;
}

function maskedErrorSerializer(error: unknown): unknown {
  return maskDeep(error, 'err', 0, new WeakSet());
}

/** Pino options shared by every kiosk logger: masked personal fields, masked ID-shaped strings in messages. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: { app: 'village-kiosk' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Error messages, stacks and details can quote input (a bad ID number, a device frame): masked like the rest.
    serializers: { err: maskedErrorSerializer, error: maskedErrorSerializer },
    formatters: { log: (object) => maskDeep(object, '', 0, new WeakSet()) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskLogText(a) : a)) as typeof args;
        method.apply(this, masked);
      },
    },
  };
}

export interface LoggerSetup {
  /** Directory for rotated log files; absent = stderr only (tests, CLIs). */
  dir?: string;
  level?: string;
}

/** Structured logs with daily and size-based rotation in the data dir (pino-roll), 14 files kept. */
export async function createLogger(setup: LoggerSetup = {}): Promise<Logger> {
  const level = setup.level ?? process.env.KIOSK_LOG_LEVEL ?? 'info';
  if (!setup.dir) return pino(loggerOptions(level), pino.destination(2));
  // Logs are masked, but still the kiosk's own: the folder is owner-only (also one that already existed).
  fs.mkdirSync(setup.dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(setup.dir, 0o700);
  const { default: build } = await import('pino-roll');
  const stream = await build({
    file: path.join(setup.dir, 'kiosk'),
    extension: '.log',
    frequency: 'daily',
    size: '10m',
    mkdir: true,
    limit: { count: 14 },
  });
  return pino(loggerOptions(level), stream);
}

/** A logger that writes into memory: for tests that assert what was (not) logged. */
export function createMemoryLogger(level = 'debug'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const stream: DestinationStream = { write: (s: string) => void chunks.push(s) };
  return { logger: pino(loggerOptions(level), stream), lines: () => chunks.join('').split('\n').filter(Boolean) };
}
