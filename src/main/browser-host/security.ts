import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A random per-launch token: whoever opens the page must have been given the URL by this process. */
export function newLaunchToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
