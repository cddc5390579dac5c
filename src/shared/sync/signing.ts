/**
 * Request signing shared by kiosk and county. The signature is HMAC-SHA256, keyed with the kiosk's secret, over
 * the canonical string below; the HMAC itself is computed by each side with node:crypto (src/shared stays free of
 * Node imports, so the caller passes the body hash in).
 */
export const HEADER_KIOSK = 'x-kiosk-id';
export const HEADER_TIMESTAMP = 'x-kiosk-timestamp';
export const HEADER_NONCE = 'x-kiosk-nonce';
export const HEADER_SIGNATURE = 'x-kiosk-signature';
export const HEADER_CONTENT_SHA256 = 'x-content-sha256';

/** How far a request's timestamp may be from the county's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SignedParts {
  method: string;
  /** Path with query string, exactly as sent ("/v1/config?since=3"). */
  path: string;
  /** Milliseconds since the epoch, as a decimal string. */
  timestamp: string;
  nonce: string;
  /** Lower-case hex SHA-256 of the body bytes (of the empty string when there is no body). */
  bodySha256: string;
}

export function canonicalString(p: SignedParts): string {
  return [p.method.toUpperCase(), p.path, p.timestamp, p.nonce, p.bodySha256].join('\n');
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
