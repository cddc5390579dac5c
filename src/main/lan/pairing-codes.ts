import { randomInt, timingSafeEqual } from 'node:crypto';

export const PAIRING_CODE_TTL_MS = 5 * 60_000;
/** Wrong codes a kiosk takes before the code in force is void (an 8-digit code then cannot be guessed). */
export const PAIRING_MAX_WRONG = 5;

/**
 * The one-time pairing code a clerk or technician shows on the kiosk: 8 digits, valid 5 minutes, spent on first
 * use, and void after 5 wrong tries. Only one code is in force at a time; a new one replaces it.
 */
export class PairingCodes {
  private current: { code: string; expiresAt: number; wrong: number } | null = null;

  issue(now: Date): { code: string; expiresAt: string } {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    this.current = { code, expiresAt: now.getTime() + PAIRING_CODE_TTL_MS, wrong: 0 };
    return { code, expiresAt: new Date(this.current.expiresAt).toISOString() };
  }

  /** True once for the right code in time; a wrong one counts against the code in force. */
  redeem(code: string, now: Date): boolean {
    const current = this.current;
    if (!current || now.getTime() > current.expiresAt) {
      this.current = null;
      return false;
    }
    const given = Buffer.from(code.padEnd(8, ' ').slice(0, 8));
    if (!timingSafeEqual(given, Buffer.from(current.code))) {
      current.wrong += 1;
      if (current.wrong >= PAIRING_MAX_WRONG) this.current = null;
      return false;
    }
    this.current = null;
    return true;
  }
}
