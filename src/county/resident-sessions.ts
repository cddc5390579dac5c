import { maskIdNumber } from '../shared/domain/mask';
import type { ResidentNotice } from '../shared/sync/protocol';
import type { CountyDb } from './county-db';

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

export function openResidentSession(db: CountyDb, kioskId: string, notice: ResidentNotice, now: Date): NoticeOutcome {
  return db.transaction((): NoticeOutcome => {
    const existing = db.prepare('SELECT id_number, expires_at FROM resident_sessions WHERE kiosk_id = ? AND session_id = ?').get(kioskId, notice.sessionId) as
      | { id_number: string; expires_at: string }
      | undefined;
    // The same notice again (a lost answer) is harmless; the same session id for another resident is not.
    if (existing) return existing.id_number === notice.idNumber ? { ok: true, expiresAt: existing.expires_at } : { ok: false, status: 409, error: 'session_taken' };
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    const recent = (db.prepare('SELECT COUNT(*) AS n FROM resident_sessions WHERE kiosk_id = ? AND opened_at > ?').get(kioskId, hourAgo) as { n: number }).n;
    if (recent >= MAX_SESSIONS_PER_KIOSK_PER_HOUR) return { ok: false, status: 429, error: 'too_many_sessions' };
    const expiresAt = new Date(now.getTime() + RESIDENT_SESSION_TTL_MS).toISOString();
    db.prepare('INSERT INTO resident_sessions (kiosk_id, session_id, id_number, source, opened_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      kioskId,
      notice.sessionId,
      notice.idNumber,
      notice.source,
      now.toISOString(),
      expiresAt,
    );
    // Old sessions are kept an hour past expiry (they count toward the rate), then dropped.
    db.prepare('DELETE FROM resident_sessions WHERE expires_at < ?').run(hourAgo);
    return { ok: true, expiresAt };
  }).immediate();
}

/** The visit ended at the kiosk: lookups for that resident stop at once. */
export function endResidentSession(db: CountyDb, kioskId: string, sessionId: string, now: Date): boolean {
  return db.prepare('UPDATE resident_sessions SET expires_at = ? WHERE kiosk_id = ? AND session_id = ? AND expires_at > ?').run(now.toISOString(), kioskId, sessionId, now.toISOString()).changes > 0;
}

/** The live session of this kiosk for this resident, if any. */
export function liveSession(db: CountyDb, kioskId: string, idNumber: string, now: Date): string | null {
  const row = db.prepare('SELECT session_id FROM resident_sessions WHERE kiosk_id = ? AND id_number = ? AND expires_at > ? ORDER BY opened_at DESC LIMIT 1').get(kioskId, idNumber, now.toISOString()) as
    | { session_id: string }
    | undefined;
  return row?.session_id ?? null;
}

export type LookupOutcome = 'answered' | 'noSession' | 'unknownResident' | 'listing';

/** One line per lookup: who asked (kiosk), what, for whom (masked), under which session, and what came of it. */
export function logLookup(db: CountyDb, entry: { kioskId: string; itemCode: string; idNumber: string | null; sessionId: string | null; outcome: LookupOutcome; at: Date }): void {
  db.prepare('INSERT INTO lookup_log (at, kiosk_id, item_code, id_number_masked, session_id, outcome) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at.toISOString(),
    entry.kioskId,
    entry.itemCode,
    entry.idNumber ? maskIdNumber(entry.idNumber) : null,
    entry.sessionId,
    entry.outcome,
  );
}

export interface LookupLogEntry {
  at: string;
  kioskId: string;
  itemCode: string;
  idNumberMasked: string | null;
  sessionId: string | null;
  outcome: LookupOutcome;
}

export function lookupLog(db: CountyDb, kioskId?: string, limit = 200): LookupLogEntry[] {
  const rows = (kioskId
    ? db.prepare('SELECT * FROM lookup_log WHERE kiosk_id = ? ORDER BY rowid DESC LIMIT ?').all(kioskId, limit)
    : db.prepare('SELECT * FROM lookup_log ORDER BY rowid DESC LIMIT ?').all(limit)) as Array<{ at: string; kiosk_id: string; item_code: string; id_number_masked: string | null; session_id: string | null; outcome: LookupOutcome }>;
  return rows.map((r) => ({ at: r.at, kioskId: r.kiosk_id, itemCode: r.item_code, idNumberMasked: r.id_number_masked, sessionId: r.session_id, outcome: r.outcome }));
}
