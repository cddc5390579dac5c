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
  phone: maskPhone,
  bankAccount: maskAccount,
  cardNumber: maskAccount,
};

const REDACT_PATHS = Object.keys(MASKERS).flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

function censor(value: unknown, pathParts: string[]): unknown {
  const key = pathParts[pathParts.length - 1] ?? '';
  const mask = MASKERS[key];
  if (typeof value === 'string' && mask) return mask(value);
  if (value === undefined || value === null) return value;
  return '[redacted]';
}

function maskedErrorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? maskFreeText(error) : error;
  const serialized = pino.stdSerializers.err(error) as { message: string; stack: string } & Record<string, unknown>;
  serialized.message = maskFreeText(serialized.message ?? '');
  serialized.stack = maskFreeText(serialized.stack ?? '');
  return serialized;
}

/** Pino options shared by every kiosk logger: masked personal fields, masked ID-shaped strings in messages. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: { app: 'village-kiosk' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor },
    // Error messages and stacks can quote input (a bad ID number, a device frame): mask ID-shaped text in them too.
    serializers: { err: maskedErrorSerializer, error: maskedErrorSerializer },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskFreeText(a) : a)) as typeof args;
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
