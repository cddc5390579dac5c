import { KioskError } from '../../shared/contract/errors';
import { DEFAULT_RESPONSE_MINUTES, dueAt, dueClimbs, REOPEN_WITHIN_MS, type ResponseMinutes } from '../../shared/faults/escalation';
import { RemoteSiteSettingsSchema, type FaultLevel, type FaultMove } from '../../shared/sync/protocol';
import { getConfigPart } from '../store/config-versions';
import type { Db } from '../store/database';
import { getFaultTicket, insertFaultTicket, listFaultTickets, saveFaultTicket, type FaultTicket } from '../store/fault-tickets';

/** The county's response times from its site settings, or the defaults. */
export function siteResponseMinutes(db: Db): ResponseMinutes {
  const site = RemoteSiteSettingsSchema.safeParse(getConfigPart(db, 'site')?.body ?? {});
  return (site.success && site.data.faultResponseMinutes) || DEFAULT_RESPONSE_MINUTES;
}

/** The escalation rule's own name on a move it made (no person climbed the ticket). */
export const SYSTEM_ACTOR = 'system';

export interface FaultDeskDeps {
  db: Db;
  now: () => Date;
  newId: (at: Date) => string;
  /** The county's response times (site settings), or the defaults. */
  responseMinutes: () => ResponseMinutes;
  /** Something changed that the county should hear about (the sync engine is kicked). */
  changed?: () => void;
}

export type FaultTicketView = FaultTicket & { dueAt: string | null; overdue: boolean; reopened: number };

/** The county's answer for one ticket, as the config pull carries it. */
export interface CountyTicketUpdate {
  id: string;
  state: 'open' | 'acknowledged' | 'closed';
  note?: string | undefined;
  level?: FaultLevel | undefined;
  moves?: FaultMove[] | undefined;
}

const sameMove = (a: FaultMove, b: FaultMove) => Date.parse(a.at) === Date.parse(b.at) && a.action === b.action && a.level === b.level;

/**
 * The point's side of 故障排除上下联动. A ticket's level, since when, who acknowledged it and whether it is closed are
 * never stored on their own: they are folded from its moves (the county's confirmed ones, then the point's not yet
 * confirmed), so the kiosk and the county, which fold the same moves, agree once a sync round has carried them.
 * The point acknowledges and notes while the ticket is at the point; a ticket nobody at the point acknowledged in the
 * point's response time climbs to the township by itself (the county climbs it further, by the same rule); a passing
 * self-test of the device offers to close it; the same device failing again within 7 days of the close reopens it.
 */
export class FaultDesk {
  constructor(private readonly deps: FaultDeskDeps) {}

  list(): FaultTicketView[] {
    this.tick();
    return listFaultTickets(this.deps.db).map((t) => this.view(t));
  }

  get(id: string): FaultTicketView {
    const t = getFaultTicket(this.deps.db, id);
    if (!t) throw new KioskError('not_found', { details: { ticket: id } });
    return this.view(t);
  }

  /** Opens a ticket, or reopens the device's ticket closed less than 7 days ago. */
  open(input: { deviceId: string | null; summary: string; by: string }): FaultTicketView {
    const now = this.deps.now();
    return this.deps.db.transaction(() => {
      if (input.deviceId) {
        const tickets = listFaultTickets(this.deps.db).filter((t) => t.deviceId === input.deviceId);
        const live = tickets.find((t) => t.state !== 'closed');
        if (live) return this.view(live);
        const recent = tickets.find((t) => t.closedAt && now.getTime() - Date.parse(t.closedAt) < REOPEN_WITHIN_MS);
        if (recent) return this.view(this.move(recent, { at: now.toISOString(), action: 'reopen', level: recent.level, by: input.by, note: input.summary.slice(0, 500) }));
      }
      const id = this.deps.newId(now);
      insertFaultTicket(this.deps.db, { id, openedAt: now.toISOString(), deviceId: input.deviceId, summary: input.summary });
      this.deps.changed?.();
      return this.view(getFaultTicket(this.deps.db, id)!);
    })();
  }

  /** A clerk or technician at the point takes the ticket (only while it is at the point). */
  acknowledge(id: string, by: string): FaultTicketView {
    const t = this.require(id);
    if (t.state === 'closed' || t.acknowledgedBy !== null || t.level !== 'point') throw new KioskError('conflict', { details: { ticket: id, level: t.level } });
    return this.view(this.move(t, { at: this.deps.now().toISOString(), action: 'acknowledge', level: t.level, by }));
  }

  /** Steps tried, what was seen: stamped and sent up with the ticket. */
  note(id: string, by: string, text: string): FaultTicketView {
    const t = this.require(id);
    if (t.state === 'closed') throw new KioskError('conflict', { details: { ticket: id } });
    return this.view(this.move(t, { at: this.deps.now().toISOString(), action: 'note', level: t.level, by, note: text.slice(0, 500) }));
  }

  /** Closes a ticket: a device's ticket only after its self-test passed since the fault (the fix is confirmed). */
  close(id: string, by: string): FaultTicketView {
    const t = this.require(id);
    if (t.state === 'closed') throw new KioskError('conflict', { details: { ticket: id } });
    if (t.deviceId && !t.closeOfferedAt) throw new KioskError('conflict', { details: { ticket: id, reason: 'selfTestNotPassed' } });
    return this.view(this.move({ ...t, closeOfferedAt: null }, { at: this.deps.now().toISOString(), action: 'resolve', level: t.level, by, note: 'self-test passed' }));
  }

  /** A device's self-test finished: passing offers to close its open ticket, failing withdraws the offer. */
  selfTested(deviceId: string, ok: boolean): void {
    const now = this.deps.now().toISOString();
    for (const t of listFaultTickets(this.deps.db)) {
      if (t.deviceId !== deviceId || t.state === 'closed') continue;
      saveFaultTicket(this.deps.db, { ...t, closeOfferedAt: ok ? now : null, updatedAt: now });
    }
  }

  /** Climbs every ticket whose point did not acknowledge in time (the kiosk climbs out of its own level only). */
  tick(): number {
    const now = this.deps.now().getTime();
    const response = this.deps.responseMinutes();
    let climbed = 0;
    for (const t of listFaultTickets(this.deps.db)) {
      const climbs = dueClimbs(this.escalation(t), response, now, 'township');
      if (climbs.length === 0) continue;
      let next = t;
      for (const c of climbs) next = this.move(next, { at: new Date(c.at).toISOString(), action: 'climb', level: c.to, by: SYSTEM_ACTOR }, false);
      climbed += climbs.length;
    }
    if (climbed) this.deps.changed?.();
    return climbed;
  }

  /** Tickets the county has not heard everything about: never reported, or with moves of the point to confirm. */
  toReport(): FaultTicket[] {
    return listFaultTickets(this.deps.db).filter((t) => t.state === 'open' || t.unsentMoves.length > 0);
  }

  /** The county stored these tickets and moves. */
  reported(tickets: readonly FaultTicket[]): void {
    const at = this.deps.now().toISOString();
    this.deps.db.transaction(() => {
      for (const sent of tickets) {
        const t = getFaultTicket(this.deps.db, sent.id);
        if (!t) continue;
        const moves = [...t.moves, ...sent.unsentMoves.filter((m) => !t.moves.some((k) => sameMove(k, m)))];
        const unsentMoves = t.unsentMoves.filter((m) => !sent.unsentMoves.some((s) => sameMove(s, m)));
        saveFaultTicket(this.deps.db, fold({ ...t, moves, unsentMoves, updatedAt: at }, true));
      }
    })();
  }

  /** The county's answer: its moves are the record; the point's unconfirmed moves are folded on top. */
  applyCounty(update: CountyTicketUpdate): void {
    const t = getFaultTicket(this.deps.db, update.id);
    if (!t) return;
    const at = this.deps.now().toISOString();
    const countyNote = update.note ?? t.countyNote;
    if (update.moves) {
      const unsentMoves = t.unsentMoves.filter((m) => !update.moves!.some((c) => sameMove(c, m)));
      saveFaultTicket(this.deps.db, fold({ ...t, moves: update.moves, unsentMoves, countyNote, updatedAt: at }, true));
      return;
    }
    // A county without the escalation queue answers with a state only.
    const closed = update.state === 'closed';
    saveFaultTicket(this.deps.db, {
      ...t,
      state: update.state === 'open' ? 'sent' : update.state,
      acknowledgedBy: update.state === 'acknowledged' ? (t.acknowledgedBy ?? 'county') : t.acknowledgedBy,
      closedAt: closed ? (t.closedAt ?? at) : t.closedAt,
      countyNote,
      updatedAt: at,
    });
  }

  private move(t: FaultTicket, m: FaultMove, notify = true): FaultTicket {
    const next = fold({ ...t, unsentMoves: [...t.unsentMoves, m], updatedAt: this.deps.now().toISOString() }, t.state !== 'open');
    saveFaultTicket(this.deps.db, next);
    if (notify) this.deps.changed?.();
    return next;
  }

  private require(id: string): FaultTicket {
    const t = getFaultTicket(this.deps.db, id);
    if (!t) throw new KioskError('not_found', { details: { ticket: id } });
    return t;
  }

  private escalation(t: FaultTicket) {
    return { level: t.level, levelSince: Date.parse(t.levelSince), acknowledged: t.acknowledgedBy !== null, closed: t.state === 'closed' };
  }

  private view(t: FaultTicket): FaultTicketView {
    const due = dueAt(this.escalation(t), this.deps.responseMinutes());
    const reopened = [...t.moves, ...t.unsentMoves].filter((m) => m.action === 'reopen').length;
    return { ...t, dueAt: due === null ? null : new Date(due).toISOString(), overdue: due !== null && due < this.deps.now().getTime(), reopened };
  }
}

/**
 * A ticket's escalation as its moves say (oldest first): climb and pass up move it up a level and clear the
 * acknowledgement; acknowledge takes it; resolve closes it; reopen opens it again at its level. `reported`: the county
 * holds the ticket (so an open one is "sent").
 */
export function fold(t: FaultTicket, reported: boolean): FaultTicket {
  let level: FaultLevel = 'point';
  let levelSince = t.openedAt;
  let acknowledgedBy: string | null = null;
  let closedAt: string | null = null;
  const moves = [...t.moves, ...t.unsentMoves].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const m of moves) {
    switch (m.action) {
      case 'climb':
      case 'passUp':
        level = m.level;
        levelSince = m.at;
        acknowledgedBy = null;
        break;
      case 'acknowledge':
        acknowledgedBy = m.by;
        break;
      case 'resolve':
        closedAt = m.at;
        break;
      case 'reopen':
        closedAt = null;
        acknowledgedBy = null;
        levelSince = m.at;
        break;
      case 'note':
        break;
    }
  }
  const state: FaultTicket['state'] = closedAt ? 'closed' : acknowledgedBy ? 'acknowledged' : reported ? 'sent' : 'open';
  return { ...t, level, levelSince, acknowledgedBy, closedAt, state, closeOfferedAt: closedAt ? null : t.closeOfferedAt };
}

