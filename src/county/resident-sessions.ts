import { maskIdNumber } from '../shared/domain/mask';
import type { ResidentNotice } from '../shared/sync/protocol';
import type { CountyQuery } from './db/connection';
import { inTransaction } from './db/transaction';

/**
 * Residents with a live session at a kiosk. The kiosk tells the county, in a signed identify notice, that it
 * identified a resident in this visit (card read or a clerk's typed number); personal lookups from that kiosk are then
 * answered for that resident only, until the notice expires or the kiosk ends it. A kiosk may open only so many
 * sessions an hour, so even a kiosk whose secret was stolen cannot walk the county's residents, and every lookup is
 * logged with its outcome.
 */
export const RESIDENT_SESSION_TTL_MS = 30 * 60 * 1000;
export const MAX_SESSIONS_PER_KIOSK_PER_HOUR = 120;

export type NoticeOutcome = { ok: true; expiresAt: string } | { ok: false; status: 409 | 429; error: 'session_taken' | 'too_many_sessions' };

export async function openResidentSession(q: CountyQuery, kioskId: string, notice: ResidentNotice, now: Date): Promise<NoticeOutcome> {
  return inTransaction(q, async (trx): Promise<NoticeOutcome> => {
    const existing = await trx.selectFrom('resident_sessions').select(['id_number', 'expires_at']).where('kiosk_id', '=', kioskId).where('session_id', '=', notice.sessionId).executeTakeFirst();
    // The same notice again (a lost answer) is harmless; the same session id for another resident is not.
    if (existing) return existing.id_number === notice.idNumber ? { ok: true, expiresAt: existing.expires_at } : { ok: false, status: 409, error: 'session_taken' };
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    const recent = await trx.selectFrom('resident_sessions').select((e) => e.fn.countAll<number>().as('n')).where('kiosk_id', '=', kioskId).where('opened_at', '>', hourAgo).executeTakeFirstOrThrow();
    if (Number(recent.n) >= MAX_SESSIONS_PER_KIOSK_PER_HOUR) return { ok: false, status: 429, error: 'too_many_sessions' };
    const expiresAt = new Date(now.getTime() + RESIDENT_SESSION_TTL_MS).toISOString();
    // A lost answer resent to another gateway process at the same moment: the key keeps one row.
    await trx
      .insertInto('resident_sessions')
      .values({ kiosk_id: kioskId, session_id: notice.sessionId, id_number: notice.idNumber, source: notice.source, opened_at: now.toISOString(), expires_at: expiresAt })
      .onConflict((c) => c.columns(['kiosk_id', 'session_id']).doNothing())
      .execute();
    // Old sessions are kept an hour past expiry (they count toward the rate), then dropped.
    await trx.deleteFrom('resident_sessions').where('expires_at', '<', hourAgo).execute();
    return { ok: true, expiresAt };
  });
}

/** The visit ended at the kiosk: lookups for that resident stop at once. */
export async function endResidentSession(q: CountyQuery, kioskId: string, sessionId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await q.updateTable('resident_sessions').set({ expires_at: at }).where('kiosk_id', '=', kioskId).where('session_id', '=', sessionId).where('expires_at', '>', at).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The live session of this kiosk for this resident, if any. */
export async function liveSession(q: CountyQuery, kioskId: string, idNumber: string, now: Date): Promise<string | null> {
  const row = await q
    .selectFrom('resident_sessions')
    .select('session_id')
    .where('kiosk_id', '=', kioskId)
    .where('id_number', '=', idNumber)
    .where('expires_at', '>', now.toISOString())
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.session_id ?? null;
}

export type LookupOutcome = 'answered' | 'noSession' | 'unknownResident' | 'listing';

/** One line per lookup: who asked (kiosk), what, for whom (masked), under which session, and what came of it. */
export async function logLookup(q: CountyQuery, entry: { kioskId: string; itemCode: string; idNumber: string | null; sessionId: string | null; outcome: LookupOutcome; at: Date }): Promise<void> {
  await q
    .insertInto('lookup_log')
    .values({
      at: entry.at.toISOString(),
      kiosk_id: entry.kioskId,
      item_code: entry.itemCode,
      id_number_masked: entry.idNumber ? maskIdNumber(entry.idNumber) : null,
      session_id: entry.sessionId,
      outcome: entry.outcome,
    })
    .execute();
}

export interface LookupLogEntry {
  at: string;
  kioskId: string;
  itemCode: string;
  idNumberMasked: string | null;
  sessionId: string | null;
  outcome: LookupOutcome;
}

/** The newest lookups first. */
export async function lookupLog(q: CountyQuery, kioskId?: string, limit = 200): Promise<LookupLogEntry[]> {
  let query = q.selectFrom('lookup_log').selectAll();
  if (kioskId) query = query.where('kiosk_id', '=', kioskId);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({ at: r.at, kioskId: r.kiosk_id, itemCode: r.item_code, idNumberMasked: r.id_number_masked, sessionId: r.session_id, outcome: r.outcome as LookupOutcome }));
}
