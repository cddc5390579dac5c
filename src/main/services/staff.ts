import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import { StaffListSchema, type StaffAccount } from '../../shared/sync/protocol';
import { CURRENT_SCRYPT, formatPasswordHash, isOutdated, parsePasswordHash, scryptOptions, type ScryptParams } from '../../shared/sync/password-hash';
import type { CallContext, Connection, HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import { insertAudit } from '../store/audit';
import { getConfigPart, rewriteConfigPart } from '../store/config-versions';
import type { KioskStore } from '../store/kiosk-store';

/** Verifying against this when the username is unknown keeps the answer time the same either way. */
const DUMMY_HASH = formatPasswordHash(CURRENT_SCRYPT, 'AAAAAAAAAAAAAAAAAAAAAA==', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
/** Wrong passwords for one username before it is locked, and for how long. */
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;
/** Wrong passwords across all usernames within the window before every login waits (guessing many names). */
const GLOBAL_MAX_FAILURES = 20;
const GLOBAL_WINDOW_MS = 10 * 60_000;
/** Logins checked at once: one per connection, a few on the whole kiosk (each scrypt takes 128 MiB). */
const MAX_CONCURRENT_LOGINS = 2;
/** A login ends by itself after a working day, whatever the screen does. */
export const STAFF_LOGIN_MAX_MS = 10 * 60 * 60_000;
const MAX_TRACKED_USERNAMES = 1000;

function scryptAsync(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, scryptOptions(params), (error, key) => (error ? reject(error) : resolve(key))));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(parsed.salt, 'base64'), expected.length, parsed.params);
  return timingSafeEqual(actual, expected);
}

export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFC'), salt, 32, CURRENT_SCRYPT);
  return formatPasswordHash(CURRENT_SCRYPT, salt.toString('base64'), hash.toString('base64'));
}

type LockedReason = 'username' | 'kiosk' | 'busy';

/**
 * Staff login against the staff list pulled from the county (sealed at rest with the data key; scrypt hashes
 * that carry their parameters). A login lives on one connection and ends after STAFF_LOGIN_MAX_MS.
 * Guessing is bounded: an attempt counts as a failure *before* its password is checked (so attempts sent at once
 * cannot all be checked), five failures lock a username for a minute, twenty across all usernames in ten minutes
 * make every login wait, and only one login per connection and two per kiosk are checked at a time.
 */
export class StaffService {
  /** Per username: wrong attempts, until when they count, and the password hash the kiosk held when they were made (null: no such account here). */
  private readonly failures = new Map<string, { count: number; until: number; held: string | null }>();
  private recentFailures: number[] = [];
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: { store: KioskStore; now: () => Date; events?: EventBus; globalMaxFailures?: number }) {}

  accounts(): StaffAccount[] {
    const part = getConfigPart(this.deps.store.db, 'staff', this.deps.store.key);
    if (!part) return [];
    const parsed = StaffListSchema.safeParse(part.body);
    return parsed.success ? parsed.data : [];
  }

  /** The staff logged in on this connection, or null; a login past its time is ended here (and the screen told). */
  current(connection: Connection): Connection['staff'] | null {
    const staff = connection.staff;
    if (!staff) return null;
    if (staff.expiresAt !== undefined && staff.expiresAt <= this.deps.now().getTime()) {
      delete connection.staff;
      insertAudit(this.deps.store.db, { at: this.deps.now().toISOString(), action: 'staff.loginExpired', operatorId: staff.id, channel: null, subject: null });
      this.deps.events?.emit('staff.changed', { staffId: staff.id, reason: 'expired' });
      return null;
    }
    return staff;
  }

  async login(username: string, password: string, ctx: CallContext): Promise<MethodResult<'staff.login'>> {
    const now = this.deps.now().getTime();
    this.prune(now);
    const key = username.normalize('NFC').toLowerCase();
    const refuse = (reason: LockedReason, seconds: number): never => {
      throw new KioskError('invalid_credentials', { retryable: false, details: { lockedForSeconds: Math.max(1, Math.ceil(seconds)), reason } });
    };
    if (this.inFlight.has(ctx.connection.id) || this.inFlight.size >= MAX_CONCURRENT_LOGINS) refuse('busy', 1);
    const failed = this.failures.get(key);
    if (failed && failed.count >= MAX_FAILURES && failed.until > now) refuse('username', (failed.until - now) / 1000);
    if (this.recentFailures.length >= (this.deps.globalMaxFailures ?? GLOBAL_MAX_FAILURES)) refuse('kiosk', (this.recentFailures[0]! + GLOBAL_WINDOW_MS - now) / 1000);

    // Count the attempt now, before any await: a burst of attempts sees each other's counts.
    const count = (failed && failed.until > now ? failed.count : 0) + 1;
    const account = this.accountNamed(key);
    this.failures.set(key, { count, until: now + LOCKOUT_MS, held: account?.passwordHash ?? null });
    this.recentFailures.push(now);
    this.inFlight.add(ctx.connection.id);
    let ok = false;
    try {
      ok = (await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)) && account !== undefined;
    } finally {
      this.inFlight.delete(ctx.connection.id);
    }
    const at = this.deps.now().toISOString();
    if (!ok || !account) {
      insertAudit(this.deps.store.db, { at, action: 'staff.loginFailed', operatorId: null, channel: null, subject: username.slice(0, 2) + '***', detail: { attempts: count } });
      throw new KioskError('invalid_credentials');
    }
    // The right password: this attempt was not a failure after all.
    this.failures.delete(key);
    const i = this.recentFailures.lastIndexOf(now);
    if (i >= 0) this.recentFailures.splice(i, 1);
    await this.rehashIfOutdated(account, password);
    ctx.connection.staff = { id: account.id, displayName: account.displayName, roles: account.roles, expiresAt: this.deps.now().getTime() + STAFF_LOGIN_MAX_MS };
    insertAudit(this.deps.store.db, { at, action: 'staff.login', operatorId: account.id, channel: null, subject: null });
    return { id: account.id, displayName: account.displayName, roles: account.roles };
  }

  /**
   * A new staff list from the county: a username whose account is new here, re-enabled or has a new password (the
   * county's reset lifts its own lockout too) starts counting afresh. Its wrong attempts were made against an account
   * the kiosk did not have yet, so a clerk created in the console who tried before the list arrived is not held
   * locked out for a minute with the right password.
   */
  staffListArrived(): void {
    for (const [key, entry] of this.failures) {
      const account = this.accountNamed(key);
      if (account && account.passwordHash !== entry.held) this.failures.delete(key);
    }
  }

  private accountNamed(key: string): StaffAccount | undefined {
    return this.accounts().find((a) => a.username.normalize('NFC').toLowerCase() === key && !a.disabled);
  }

  logout(ctx: CallContext): MethodResult<'staff.logout'> {
    const staff = ctx.connection.staff;
    if (!staff) return { loggedOut: false };
    delete ctx.connection.staff;
    insertAudit(this.deps.store.db, { at: this.deps.now().toISOString(), action: 'staff.logout', operatorId: staff.id, channel: null, subject: null });
    return { loggedOut: true };
  }

  /**
   * A hash made with weaker parameters than today's is replaced in the kiosk's copy of the list once the password
   * is known to be right; the county's next list (a newer version) replaces the copy as usual.
   */
  private async rehashIfOutdated(account: StaffAccount, password: string): Promise<void> {
    const parsed = parsePasswordHash(account.passwordHash);
    if (!parsed || !isOutdated(parsed.params)) return;
    const upgraded = await hashPasswordAsync(password);
    const part = getConfigPart(this.deps.store.db, 'staff', this.deps.store.key);
    const list = StaffListSchema.safeParse(part?.body);
    if (!list.success) return;
    const body = list.data.map((a) => (a.id === account.id && a.passwordHash === account.passwordHash ? { ...a, passwordHash: upgraded } : a));
    rewriteConfigPart(this.deps.store.db, 'staff', body, this.deps.store.key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.failures) if (entry.until <= now) this.failures.delete(key);
    while (this.failures.size > MAX_TRACKED_USERNAMES) this.failures.delete(this.failures.keys().next().value!);
    this.recentFailures = this.recentFailures.filter((t) => t > now - GLOBAL_WINDOW_MS);
  }

  /** How many usernames the lockout tracks right now (tests check that old entries go). */
  trackedUsernames(): number {
    return this.failures.size;
  }
}

export function staffHandlers(service: StaffService): HandlerMap<'staff.login' | 'staff.logout' | 'staff.me'> {
  return {
    'staff.login': (input, ctx) => service.login(input.username, input.password, ctx),
    'staff.logout': (_input, ctx) => service.logout(ctx),
    'staff.me': (_input, ctx) => {
      const s = service.current(ctx.connection);
      return { staff: s ? { id: s.id, displayName: s.displayName, roles: [...s.roles] } : null };
    },
  };
}
