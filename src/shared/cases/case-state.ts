import { z } from 'zod';

/**
 * 全程代办: a case is an item the point cannot finish itself, carried by the clerk along village → township → county
 * and back to the resident. Its states (OPERATIONS.md): opened → sent → at township → at county → returned (what is
 * missing) → sent again → done (or refused) → handed back (the resident signs). Defined once here: the kiosk, the
 * county and the console all move a case only through `moveCase`, so an illegal move is refused the same everywhere.
 */
export const CASE_STATES = ['opened', 'sent', 'atTownship', 'atCounty', 'returned', 'done', 'refused', 'handedBack'] as const;
export const CaseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseStateSchema>;

/**
 * Who may make a move: the point (the clerk at the kiosk: send, hand back), the township's staff (take, pass up to the
 * county) or whoever holds the case upstream (return, finish, refuse: township staff while it is at the township, a
 * county admin once it is at the county).
 */
export type CaseSide = 'point' | 'township' | 'holder';

interface MoveRule {
  from: readonly CaseState[];
  to: CaseState;
  side: CaseSide;
}

export const CASE_MOVE_RULES = {
  send: { from: ['opened', 'returned'], to: 'sent', side: 'point' },
  take: { from: ['sent'], to: 'atTownship', side: 'township' },
  passUp: { from: ['atTownship'], to: 'atCounty', side: 'township' },
  return: { from: ['atTownship', 'atCounty'], to: 'returned', side: 'holder' },
  finish: { from: ['atTownship', 'atCounty'], to: 'done', side: 'holder' },
  refuse: { from: ['atTownship', 'atCounty'], to: 'refused', side: 'holder' },
  handBack: { from: ['done', 'refused'], to: 'handedBack', side: 'point' },
} as const satisfies Record<string, MoveRule>;

export type CaseMove = keyof typeof CASE_MOVE_RULES;
export const CASE_MOVES = Object.keys(CASE_MOVE_RULES) as CaseMove[];
export const CaseMoveSchema = z.enum(CASE_MOVES as [CaseMove, ...CaseMove[]]);
/** The first step of every case: not a move between states, the case coming into being. */
export const CaseStepKindSchema = z.enum(['open', ...CASE_MOVES] as ['open', ...CaseMove[]]);
export type CaseStepKind = z.infer<typeof CaseStepKindSchema>;

/** Moves made at the kiosk travel up through the outbox; the others are made at the township or county and come down. */
export const POINT_MOVES: readonly CaseMove[] = CASE_MOVES.filter((m) => CASE_MOVE_RULES[m].side === 'point');
export const UPSTREAM_MOVES: readonly CaseMove[] = CASE_MOVES.filter((m) => CASE_MOVE_RULES[m].side !== 'point');

/** The state after `move` from `state`, or null when the move is not allowed from there. */
export function moveCase(state: CaseState, move: CaseMove): CaseState | null {
  const rule: MoveRule = CASE_MOVE_RULES[move];
  return rule.from.includes(state) ? rule.to : null;
}

/** Which upstream moves a console role may make on a case in `state` (the server checks this, not the page). */
export function upstreamMovesFor(state: CaseState, role: 'township' | 'countyAdmin'): CaseMove[] {
  return UPSTREAM_MOVES.filter((m) => {
    if (moveCase(state, m) === null) return false;
    // At the county only a county admin holds the case; a township account has passed it on.
    if (state === 'atCounty') return role === 'countyAdmin';
    return true;
  });
}

/** A case still in someone's hands: past its promised time it is overdue. Done, refused and handed back are not. */
export const OPEN_CASE_STATES: ReadonlySet<CaseState> = new Set(['opened', 'sent', 'atTownship', 'atCounty', 'returned']);

export function isCaseOverdue(state: CaseState, dueAt: string, now: Date): boolean {
  return OPEN_CASE_STATES.has(state) && Date.parse(dueAt) < now.getTime();
}
