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

// The error class lives apart from the schemas so a module can throw and build errors without loading zod (the
// screen's entry opens its connection before zod has been compiled; docs/architecture.md, "Start-up").
export { KioskError, messageKeyFor, isKioskError, missingCase } from './kiosk-error';
