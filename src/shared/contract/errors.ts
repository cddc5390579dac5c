import { z } from 'zod';

/**
 * The closed set of failure outcomes the kiosk core can report across a carrier.
 * Each code has a message in every locale under `errors.<code>.title` / `errors.<code>.action`
 * (what happened, and what the person should do next). Do not add a code without both.
 */
export const ERROR_CODES = [
  'invalid_request', // the message itself is malformed (not JSON, no id, no method)
  'unknown_method',
  'invalid_params', // params fail the method's schema; details.issues names the fields
  'forbidden', // the caller's role may not call this method
  'unauthenticated', // missing or wrong token / credentials on a carrier
  'invalid_credentials', // staff login or technician PIN wrong
  'session_required', // a resident session is needed and there is none
  'session_expired',
  'not_found',
  'conflict',
  'device_not_configured',
  'device_offline',
  'device_busy',
  'device_error',
  'device_timeout',
  'card_absent',
  'card_unreadable',
  'card_expired',
  'card_unsupported',
  'identity_insufficient', // the visit did not prove who the resident is as the item's risk class asks; details.reason
  'pin_wrong',
  'pin_blocked',
  'paper_out',
  'cover_open',
  'camera_unavailable',
  'liveness_failed',
  'county_unreachable',
  'county_rejected',
  'storage_full',
  'storage_error',
  'validation_failed', // a form value fails the item's rules; details.fields names them
  'cancelled',
  'timeout',
  'pairing_refused', // the kiosk refused the pairing code (wrong, spent or expired)
  'peer_unreachable', // the paired kiosk or window PC cannot be reached on the LAN
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const KioskErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  messageKey: z.string(),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export type KioskErrorPayload = z.infer<typeof KioskErrorPayloadSchema>;

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
