import { scrypt, timingSafeEqual } from 'node:crypto';
import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import { StaffListSchema, type StaffAccount } from '../../shared/sync/protocol';
import type { CallContext, HandlerMap } from '../dispatcher';
import { insertAudit } from '../store/audit';
import { getConfigPart } from '../store/config-versions';
import type { KioskStore } from '../store/kiosk-store';

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** Verifying against this when the username is unknown keeps the answer time the same either way. */
const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

function scryptAsync(password: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * Staff login against the staff list pulled from the county (scrypt hashes). A login lives on one connection;
 * after five wrong passwords for one username, that username is locked for a minute.
 */
export class StaffService {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly deps: { store: KioskStore; now: () => Date }) {}

  accounts(): StaffAccount[] {
    const part = getConfigPart(this.deps.store.db, 'staff');
    if (!part) return [];
    const parsed = StaffListSchema.safeParse(part.body);
    return parsed.success ? parsed.data : [];
  }

  async login(username: string, password: string, ctx: CallContext): Promise<MethodResult<'staff.login'>> {
    const now = this.deps.now().getTime();
    const key = username.toLowerCase();
    const failed = this.failures.get(key);
    if (failed && failed.count >= MAX_FAILURES && failed.until > now) {
      throw new KioskError('invalid_credentials', { retryable: false, details: { lockedForSeconds: Math.ceil((failed.until - now) / 1000) } });
    }
    const account = this.accounts().find((a) => a.username.toLowerCase() === key && !a.disabled);
    const ok = (await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)) && account !== undefined;
    const at = this.deps.now().toISOString();
    if (!ok || !account) {
      const count = (failed && failed.until > now ? failed.count : 0) + 1;
      this.failures.set(key, { count, until: now + LOCKOUT_MS });
      insertAudit(this.deps.store.db, { at, action: 'staff.loginFailed', operatorId: null, channel: null, subject: username.slice(0, 2) + '***', detail: { attempts: count } });
      throw new KioskError('invalid_credentials');
    }
    this.failures.delete(key);
    ctx.connection.staff = { id: account.id, displayName: account.displayName, roles: account.roles };
    insertAudit(this.deps.store.db, { at, action: 'staff.login', operatorId: account.id, channel: null, subject: null });
    return { id: account.id, displayName: account.displayName, roles: account.roles };
  }

  logout(ctx: CallContext): MethodResult<'staff.logout'> {
    const staff = ctx.connection.staff;
    if (!staff) return { loggedOut: false };
    delete ctx.connection.staff;
    insertAudit(this.deps.store.db, { at: this.deps.now().toISOString(), action: 'staff.logout', operatorId: staff.id, channel: null, subject: null });
    return { loggedOut: true };
  }
}

export function staffHandlers(service: StaffService): HandlerMap<'staff.login' | 'staff.logout' | 'staff.me'> {
  return {
    'staff.login': (input, ctx) => service.login(input.username, input.password, ctx),
    'staff.logout': (_input, ctx) => service.logout(ctx),
    'staff.me': (_input, ctx) => {
      const s = ctx.connection.staff;
      return { staff: s ? { id: s.id, displayName: s.displayName, roles: [...s.roles] } : null };
    },
  };
}
