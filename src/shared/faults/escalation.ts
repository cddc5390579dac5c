import { FAULT_LEVELS, type FaultLevel } from './fault-moves';

/**
 * The one escalation rule (故障排除上下联动) the kiosk and the county both apply, so that a ticket climbs to the same
 * level at the same instant on either side, whichever of them notices first: a ticket nobody at its level has
 * acknowledged within that level's response time climbs one level, at exactly levelSince + response time (not when
 * somebody happens to look), and again from there, up to the vendor. The county sets the response times.
 */
export type ResponseMinutes = Record<FaultLevel, number>;
export const DEFAULT_RESPONSE_MINUTES: ResponseMinutes = { point: 120, township: 240, county: 480, vendor: 2880 };

/** A fault back on the same device within this long after its ticket was closed reopens that ticket. */
export const REOPEN_WITHIN_MS = 7 * 24 * 60 * 60_000;

export interface EscalationState {
  level: FaultLevel;
  /** When the ticket reached its level (ms). */
  levelSince: number;
  acknowledged: boolean;
  closed: boolean;
}

export interface Climb {
  from: FaultLevel;
  to: FaultLevel;
  /** ms: the instant the level's response time ran out. */
  at: number;
}

export function nextLevel(level: FaultLevel): FaultLevel | null {
  return FAULT_LEVELS[FAULT_LEVELS.indexOf(level) + 1] ?? null;
}

/** When the ticket's current level must have answered, or null when nothing is due (acknowledged or closed). */
export function dueAt(t: EscalationState, response: ResponseMinutes): number | null {
  if (t.closed || t.acknowledged) return null;
  return t.levelSince + response[t.level] * 60_000;
}

/**
 * Every climb due by `now`, in order (a ticket forgotten over a weekend climbs several levels at once, each at its own
 * instant). `upTo` stops at a level (the kiosk climbs a ticket out of its own point only; the county climbs the rest).
 */
export function dueClimbs(t: EscalationState, response: ResponseMinutes, now: number, upTo: FaultLevel = 'vendor'): Climb[] {
  const climbs: Climb[] = [];
  let { level, levelSince } = t;
  if (t.closed || t.acknowledged) return climbs;
  for (;;) {
    const to = nextLevel(level);
    const at = levelSince + response[level] * 60_000;
    if (!to || at > now || FAULT_LEVELS.indexOf(level) >= FAULT_LEVELS.indexOf(upTo)) return climbs;
    climbs.push({ from: level, to, at });
    level = to;
    levelSince = at;
  }
}
