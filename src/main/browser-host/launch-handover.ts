import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

export const SESSION_COOKIE = 'kiosk_session';
const CODE_TTL_MS = 60_000;
const MAX_BROWSER_SESSIONS = 32;

function secret(): string {
  return randomBytes(24).toString('base64url');
}

export function secretMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may talk to the core through the browser host, and how they got the right to.
 * - The launch token lives only in the launch file (0600, the kiosk user's data dir): a technician, kioskctl or a
 *   test harness reads it there and sends it as `Authorization: Bearer`, or opens the launch URL once in a browser.
 * - Chromium is started with a one-time code instead: it is spent on first use, so reading it from the process list
 *   or the profile's history gives nothing.
 * - Either one, opened in a browser, is swapped for an HttpOnly, SameSite=Strict session cookie; the page's socket
 *   then carries only that cookie (and the browser's own Origin header, which a page cannot forge).
 */
export class LaunchHandover {
  readonly token = secret();
  private readonly codes = new Map<string, number>();
  private readonly sessions: string[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A code that opens the page once, within a minute. */
  newCode(): string {
    const code = secret();
    this.codes.set(code, this.now() + CODE_TTL_MS);
    return code;
  }

  /** Spends a code or checks the launch token; on success returns a new browser session for the cookie. */
  exchange(given: { token?: string | null; code?: string | null }): string | null {
    let ok = secretMatches(this.token, given.token);
    if (!ok && typeof given.code === 'string') {
      for (const [code, until] of this.codes) {
        if (until < this.now()) this.codes.delete(code);
        else if (secretMatches(code, given.code)) {
          this.codes.delete(code);
          ok = true;
        }
      }
    }
    if (!ok) return null;
    const session = secret();
    this.sessions.push(session);
    if (this.sessions.length > MAX_BROWSER_SESSIONS) this.sessions.shift();
    return session;
  }

  isBrowserSession(cookieHeader: string | undefined): boolean {
    const value = readCookie(cookieHeader, SESSION_COOKIE);
    return value !== null && this.sessions.some((s) => secretMatches(s, value));
  }

  isBearer(authorization: string | undefined): boolean {
    const m = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(authorization ?? '');
    return m !== null && secretMatches(this.token, m[1]);
  }

  static cookie(session: string): string {
    return `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Where the launch URL is written: readable by the kiosk's user only. */
export function launchFilePath(dataDir: string): string {
  return path.join(dataDir, 'launch-url');
}

/** Writes the launch URL atomically with mode 0600 (a file that already exists is replaced, never widened). */
export function writeLaunchFile(dataDir: string, url: string): string {
  const file = launchFilePath(dataDir);
  writeFileAtomic(file, `${url}\n`);
  return file;
}
