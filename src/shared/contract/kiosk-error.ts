import type { ErrorCode, KioskErrorPayload } from './errors';

/** Codes that are worth retrying without anybody changing anything. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'device_busy',
  'device_timeout',
  'device_offline',
  'county_unreachable',
  'timeout',
  'card_unreadable',
]);

/** The one error type that crosses the API boundary. */
export class KioskError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { retryable?: boolean; details?: Record<string, unknown>; message?: string; cause?: unknown } = {},
  ) {
    super(options.message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KioskError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.details = options.details;
  }

  get messageKey(): string {
    return messageKeyFor(this.code);
  }

  toPayload(): KioskErrorPayload {
    return {
      code: this.code,
      messageKey: this.messageKey,
      retryable: this.retryable,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }

  static fromPayload(payload: KioskErrorPayload): KioskError {
    return new KioskError(payload.code, { retryable: payload.retryable, details: payload.details });
  }
}

export function messageKeyFor(code: ErrorCode): string {
  return `errors:${code}`;
}

export function isKioskError(value: unknown): value is KioskError {
  return value instanceof KioskError;
}

/** For exhaustive switches: reaching this is a bug. */
export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
