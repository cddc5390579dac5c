import type { AuditEntry, Scope } from '../../shared/console/api';
import type { CountyDb } from '../county-db';

export interface AuditActor {
  id: string | null;
  name: string | null;
}

/**
 * Every change made through the console (and every sign-in, refusal and lockout) is written here with who and when.
 * `township` files the entry so a township account sees its own trail; details never carry personal data.
 */
export function audit(db: CountyDb, at: number, actor: AuditActor, action: string, target: string | null, township: string | null, detail: string | null = null): void {
  db.prepare('INSERT INTO audit_log (at, actor_id, actor_name, action, target, township, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    at,
    actor.id,
    actor.name,
    action,
    target,
    township,
    detail,
  );
}

export function auditEntries(db: CountyDb, scope: Scope, limit = 200): AuditEntry[] {
  const where = scope.kind === 'county' ? '1 = 1' : 'township = ?';
  const params = scope.kind === 'township' ? [scope.township] : scope.kind === 'points' ? ['-'] : [];
  const rows = db.prepare(`SELECT seq, at, actor_id, actor_name, action, target, detail FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ?`).all(...params, limit) as Array<{
    seq: number;
    at: number;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    target: string | null;
    detail: string | null;
  }>;
  return rows.map((r) => ({ seq: r.seq, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, target: r.target, detail: r.detail }));
}
