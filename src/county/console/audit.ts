import type { AuditEntry, Scope } from '../../shared/console/api';
import type { CountyQuery } from '../db/connection';

export interface AuditActor {
  id: string | null;
  name: string | null;
}

/** A staff member as the audit and the publications name who acted. */
export function auditActor(staff: { id: string; displayName: string }): AuditActor & { id: string; name: string } {
  return { id: staff.id, name: staff.displayName };
}

/**
 * Every change made through the console (and every sign-in, refusal and lockout) is written here with who and when.
 * `township` files the entry so a township account sees its own trail; details never carry personal data.
 */
export async function audit(q: CountyQuery, at: number, actor: AuditActor, action: string, target: string | null, township: string | null, detail: string | null = null): Promise<void> {
  await q.insertInto('audit_log').values({ at, actor_id: actor.id, actor_name: actor.name, action, target, township, detail }).execute();
}

export async function auditEntries(q: CountyQuery, scope: Scope, limit = 200): Promise<AuditEntry[]> {
  let query = q.selectFrom('audit_log').select(['seq', 'at', 'actor_id', 'actor_name', 'action', 'target', 'detail']);
  if (scope.kind !== 'county') query = query.where('township', '=', scope.kind === 'township' ? scope.township : '-');
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({ seq: r.seq, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, target: r.target, detail: r.detail }));
}
