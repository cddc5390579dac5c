import { CasePayloadSchema, CaseStepSchema, type CaseStep } from '../shared/cases/case-record';
import { isCaseOverdue, moveCase, POINT_MOVES, upstreamMovesFor, type CaseMove, type CaseState } from '../shared/cases/case-state';
import { checkIdNumber } from '../shared/domain/id-number';
import { maskResident } from '../shared/domain/mask';
import { ItemOutcomeSchema, type ItemOutcome, type OutcomeState, type OutcomeText } from '../shared/sync/outcomes';
import type { CaseItem, CaseStepItem } from '../shared/sync/protocol';
import type { Selectable } from 'kysely';
import type { CountyQuery } from './db/connection';
import type { CountyTables } from './db/tables';
import { advanceOutcomeCursor } from './db/counters';
import { inTransaction } from './db/transaction';
import { takeIncoming } from './db/upsert';

export type CaseIntake = { id: string; status: 'accepted' | 'duplicate' | 'rejected' | 'retry'; reason?: string };

/** A case as the county holds it (the resident only masked: the full identity is read on its own, audited). */
export interface HeldPointCase {
  caseId: string;
  kioskId: string;
  caseNumber: string;
  itemCode: string;
  channel: string;
  operatorId: string;
  residentMasked: string;
  consent: string;
  materials: string[];
  promisedDays: number;
  dueAt: string;
  openedAt: string;
  receivedAt: string;
  state: CaseState;
  holderId: string | null;
  overdue: boolean;
  steps: CaseStep[];
}

/** Each step in a chain follows the state machine from the state before it. */
function chainHolds(steps: readonly CaseStep[]): boolean {
  const [first, ...rest] = steps;
  if (!first || first.kind !== 'open' || first.state !== 'opened') return false;
  let state: CaseState = 'opened';
  for (const s of rest) {
    if (s.kind === 'open' || !POINT_MOVES.includes(s.kind) || moveCase(state, s.kind) !== s.state) return false;
    state = s.state;
  }
  return true;
}

async function insertSteps(q: CountyQuery, caseId: string, steps: readonly CaseStep[]): Promise<void> {
  if (steps.length === 0) return;
  await q
    .insertInto('point_case_steps')
    .values(steps.map((s) => ({ step_id: s.id, case_id: caseId, kind: s.kind, at: s.at, state: s.state, body: JSON.stringify(s) })))
    .execute();
}

/**
 * A case sent up for the first time (inside the batch intake transaction): the same case again is a duplicate, a case
 * id of another kiosk is refused, and so is a case whose steps do not follow the state machine, whose resident's ID
 * number fails its check, whose item the catalogue does not hold, or that no clerk opened.
 */
export async function intakeCase(q: CountyQuery, kioskId: string, item: CaseItem, catalog: Set<string> | null, now: Date): Promise<CaseIntake> {
  const p = item.payload;
  const seen = await q.selectFrom('point_cases').select('kiosk_id').where('case_id', '=', p.caseId).executeTakeFirst();
  if (seen) return seen.kiosk_id === kioskId ? { id: item.id, status: 'duplicate' } : { id: item.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' };
  if (!checkIdNumber(p.resident.idNumber).ok) return { id: item.id, status: 'rejected', reason: 'invalidIdNumber' };
  if (catalog && !catalog.has(p.itemCode)) return { id: item.id, status: 'rejected', reason: 'unknownItem' };
  if (p.channel === 'self') return { id: item.id, status: 'rejected', reason: 'caseWithoutClerk' };
  if (!chainHolds(p.steps) || p.steps.at(-1)!.state !== 'sent') return { id: item.id, status: 'rejected', reason: 'caseStepsIllegal' };
  const at = now.toISOString();
  const masked = maskResident(p.resident);
  await q
    .insertInto('point_cases')
    .values({
      case_id: p.caseId,
      kiosk_id: kioskId,
      case_number: p.caseNumber,
      item_code: p.itemCode,
      channel: p.channel,
      operator_id: p.operatorId,
      resident_masked: masked,
      resident: JSON.stringify(p.resident),
      consent: p.consent,
      materials: JSON.stringify(p.materials),
      promised_days: p.promisedDays,
      due_at: p.dueAt,
      opened_at: p.openedAt,
      received_at: at,
      state: 'sent',
      holder_id: null,
      seq: 0,
      updated_at: at,
    })
    .execute();
  await insertSteps(q, p.caseId, p.steps);
  return { id: item.id, status: 'accepted' };
}

/** A later step made at the point: sent again after a return, or handed back. It must follow from the county's state. */
export async function intakeCaseStep(q: CountyQuery, kioskId: string, item: CaseStepItem, now: Date): Promise<CaseIntake> {
  const { caseId, step } = item.payload;
  const seen = await q.selectFrom('point_case_steps').select('case_id').where('step_id', '=', step.id).executeTakeFirst();
  if (seen) return seen.case_id === caseId ? { id: item.id, status: 'duplicate' } : { id: item.id, status: 'rejected', reason: 'stepOfAnotherCase' };
  const held = await q.selectFrom('point_cases').select(['kiosk_id', 'state', 'materials']).where('case_id', '=', caseId).executeTakeFirst();
  if (!held || held.kiosk_id !== kioskId) return { id: item.id, status: 'rejected', reason: 'unknownCase' };
  if (step.kind === 'open' || !POINT_MOVES.includes(step.kind) || moveCase(held.state as CaseState, step.kind) !== step.state) return { id: item.id, status: 'rejected', reason: 'caseStateMismatch' };
  const moved = await q
    .updateTable('point_cases')
    .set({ state: step.state, updated_at: now.toISOString(), ...(step.materials ? { materials: JSON.stringify(step.materials) } : {}), ...(step.kind === 'send' ? { holder_id: null } : {}) })
    .where('case_id', '=', caseId)
    .where('state', '=', held.state)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return { id: item.id, status: 'retry', reason: 'caseMovedMeanwhile' };
  await insertSteps(q, caseId, [step]);
  return { id: item.id, status: 'accepted' };
}

export class CaseMoveError extends Error {
  constructor(readonly code: 'unknown_case' | 'not_allowed' | 'moved_meanwhile' | 'missing_required') {
    super(code);
  }
}

/** What a township or county account does to a case, with the words that go to the point. */
export interface UpstreamMove {
  move: CaseMove;
  actor: { id: string; name: string; role: 'township' | 'countyAdmin' };
  note?: OutcomeText;
  missing?: { text: OutcomeText; materials: string[] };
}

const OUTCOME_OF: Record<CaseState, OutcomeState> = {
  opened: 'accepted',
  sent: 'accepted',
  atTownship: 'inProgress',
  atCounty: 'inProgress',
  returned: 'returned',
  done: 'done',
  refused: 'refused',
  handedBack: 'done',
};

const WORDS: Record<string, OutcomeText> = {
  take: { 'zh-CN': '乡镇人社所已接收代办件，正在办理。', en: 'The township has taken the case and is working on it.' },
  passUp: { 'zh-CN': '代办件已报送县人社局办理。', en: 'The case has gone to the county.' },
  return: { 'zh-CN': '代办件被退回，需要补充材料。', en: 'The case was returned: materials are missing.' },
  finish: { 'zh-CN': '代办件已办结，请通知群众领回。', en: 'The case is done: tell the resident to collect it.' },
  refuse: { 'zh-CN': '代办件未获批准。', en: 'The case was not approved.' },
};

/**
 * A township or county account moves a case (take, pass up, return, finish, refuse): allowed only by the shared state
 * machine and the role (a case at the county is a county admin's), made against the state it was read in (two
 * people acting at once: one wins, the other is told), and published as the case's outcome for its kiosk.
 */
export async function moveCaseUpstream(db: CountyQuery, caseId: string, request: UpstreamMove, now: Date): Promise<HeldPointCase> {
  return inTransaction(db, async (q) => {
    const row = await q.selectFrom('point_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!row) throw new CaseMoveError('unknown_case');
    const from = row.state as CaseState;
    if (!upstreamMovesFor(from, request.actor.role).includes(request.move)) throw new CaseMoveError('not_allowed');
    if (request.move === 'return' && !request.missing) throw new CaseMoveError('missing_required');
    if (request.move === 'refuse' && !request.note) throw new CaseMoveError('missing_required');
    const to = moveCase(from, request.move)!;
    const at = now.toISOString();
    const step: CaseStep = CaseStepSchema.parse({
      id: crypto.randomUUID(),
      kind: request.move,
      at,
      state: to,
      channel: null,
      operatorId: request.actor.id,
      operatorName: request.actor.name.slice(0, 60),
      ...(request.missing ? { missing: request.missing } : {}),
      ...(request.note ? { note: request.note } : {}),
    });
    const moved = await q
      .updateTable('point_cases')
      .set({ state: to, holder_id: request.actor.id, seq: row.seq + 1, updated_at: at })
      .where('case_id', '=', caseId)
      .where('state', '=', from)
      .where('seq', '=', row.seq)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new CaseMoveError('moved_meanwhile');
    await insertSteps(q, caseId, [step]);
    await publishOutcome(q, { ...row, state: to, seq: row.seq + 1 }, step, now);
    return (await pointCase(q, caseId, now))!;
  });
}

/** The case's outcome for its kiosk (the same channel as applications' outcomes): the upstream steps so far. */
async function publishOutcome(q: CountyQuery, row: { case_id: string; kiosk_id: string; case_number: string; state: string; seq: number }, step: CaseStep, now: Date): Promise<void> {
  const steps = (await stepsOf(q, row.case_id)).filter((s) => s.kind !== 'open' && !POINT_MOVES.includes(s.kind));
  const state = row.state as CaseState;
  const words = WORDS[step.kind]!;
  const text = step.note && step.kind !== 'refuse' ? { 'zh-CN': `${words['zh-CN']}${step.note['zh-CN']}`, en: `${words.en} ${step.note.en}` } : words;
  const previous = await q.selectFrom('outcomes').select('body').where('item_id', '=', row.case_id).executeTakeFirst();
  const earlier = previous ? (JSON.parse(previous.body) as ItemOutcome).steps : [];
  const outcome = ItemOutcomeSchema.parse({
    itemId: row.case_id,
    trackingNumber: row.case_number,
    seq: row.seq,
    state: OUTCOME_OF[state],
    at: now.toISOString(),
    ...(step.missing ? { missing: step.missing } : {}),
    ...(step.kind === 'refuse' && step.note ? { reason: step.note } : {}),
    steps: [...earlier, { at: step.at, state: OUTCOME_OF[state], text }].slice(-50),
    case: { state, steps: steps.slice(-50) },
  });
  const cursor = await advanceOutcomeCursor(q, row.kiosk_id, 1);
  await q
    .insertInto('outcomes')
    .values({ item_id: row.case_id, kiosk_id: row.kiosk_id, seq: outcome.seq, state: outcome.state, body: JSON.stringify(outcome), cursor })
    .onConflict((c) => c.column('item_id').doUpdateSet(takeIncoming('outcomes', 'seq', 'state', 'body', 'cursor')))
    .execute();
}

async function stepsOf(q: CountyQuery, caseId: string): Promise<CaseStep[]> {
  const rows = await q.selectFrom('point_case_steps').select('body').where('case_id', '=', caseId).orderBy('arrival').execute();
  return rows.map((r) => CaseStepSchema.parse(JSON.parse(r.body)));
}

type CaseRow = Selectable<CountyTables['point_cases']>;

function toHeld(row: CaseRow, steps: CaseStep[], now: Date): HeldPointCase {
  const state = row.state as CaseState;
  return {
    caseId: row.case_id,
    kioskId: row.kiosk_id,
    caseNumber: row.case_number,
    itemCode: row.item_code,
    channel: row.channel,
    operatorId: row.operator_id,
    residentMasked: row.resident_masked,
    consent: row.consent,
    materials: JSON.parse(row.materials) as string[],
    promisedDays: Number(row.promised_days),
    dueAt: row.due_at,
    openedAt: row.opened_at,
    receivedAt: row.received_at,
    state,
    holderId: row.holder_id,
    overdue: isCaseOverdue(state, row.due_at, now),
    steps,
  };
}

export async function pointCase(q: CountyQuery, caseId: string, now: Date): Promise<HeldPointCase | null> {
  const row = await q.selectFrom('point_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return row ? toHeld(row, await stepsOf(q, caseId), now) : null;
}

/** The cases of the given points, those still in someone's hands first (soonest due first), then the rest, newest first. */
export async function pointCasesOf(q: CountyQuery, kioskIds: readonly string[], now: Date, limit = 500): Promise<HeldPointCase[]> {
  if (kioskIds.length === 0) return [];
  const rows = await q.selectFrom('point_cases').selectAll().where('kiosk_id', 'in', [...kioskIds]).orderBy('updated_at', 'desc').limit(limit).execute();
  const open = (s: string) => ['sent', 'atTownship', 'atCounty', 'returned'].includes(s);
  rows.sort((a, b) => Number(open(b.state)) - Number(open(a.state)) || (open(a.state) ? a.due_at.localeCompare(b.due_at) : b.updated_at.localeCompare(a.updated_at)));
  const steps = await q.selectFrom('point_case_steps').select(['case_id', 'body']).where('case_id', 'in', rows.length ? rows.map((r) => r.case_id) : ['']).orderBy('arrival').execute();
  const byCase = new Map<string, CaseStep[]>();
  for (const s of steps) byCase.set(s.case_id, [...(byCase.get(s.case_id) ?? []), CaseStepSchema.parse(JSON.parse(s.body))]);
  return rows.map((r) => toHeld(r, byCase.get(r.case_id) ?? [], now));
}

/** The resident in full, for a county admin who opens the case (the caller audits it). */
export async function pointCaseResident(q: CountyQuery, caseId: string): Promise<{ idNumber: string; name: string } | null> {
  const row = await q.selectFrom('point_cases').select('resident').where('case_id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  const r = CasePayloadSchema.shape.resident.parse(JSON.parse(row.resident));
  return { idNumber: r.idNumber, name: r.name };
}
