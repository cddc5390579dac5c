import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger, type DestinationStream } from 'pino';
import { loggerOptions } from '../../shared/logging/masked-log';

export type { Logger } from 'pino';
export { maskLogText, loggerOptions } from '../../shared/logging/masked-log';

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
