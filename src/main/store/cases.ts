import type { CaseOutcome, CasePayload, CaseStep } from '../../shared/cases/case-record';
import { moveCase, type CaseMove, type CaseState } from '../../shared/cases/case-state';
import type { ServiceChannel } from '../../shared/domain/service-channel';
import type { DataKey } from '../crypto/data-key';
import { insertAudit } from './audit';
import type { Db } from './database';
import { insertOutboxItem } from './outbox';
import { rowFields } from './row-fields';
import { stmt } from './statements';

export interface CaseResident {
  idNumber: string;
  name: string;
  source: 'idCard' | 'socialSecurityCard' | 'typedByClerk';
}

export interface NewCase {
  id: string;
  caseNumber: string;
  itemCode: string;
  channel: ServiceChannel;
  operatorId: string;
  ownerName: string;
  resident: CaseResident;
  residentMasked: string;
  consent: 'inPerson' | 'signedForm';
  materials: string[];
  promisedDays: number;
  dueAt: string;
  openStep: CaseStep;
}

export interface HeldCase {
  id: string;
  caseNumber: string;
  openedAt: string;
  itemCode: string;
  channel: ServiceChannel;
  operatorId: string;
  ownerName: string;
  residentRef: string | null;
  residentMasked: string;
  consent: 'inPerson' | 'signedForm';
  materials: string[];
  promisedDays: number;
  dueAt: string;
  state: CaseState;
  updatedAt: string;
  steps: CaseStep[];
}

/** The columns a case is read from: never the sealed resident (caseResident opens it) nor the county's sequence. */
interface CaseRow {
  id: string;
  case_number: string;
  opened_at: string;
  item_code: string;
  channel: ServiceChannel;
  operator_id: string;
  owner_name: string;
  resident_ref: string | null;
  resident_masked: string;
  consent: 'inPerson' | 'signedForm';
  materials: string;
  promised_days: number;
  due_at: string;
  state: CaseState;
  updated_at: string;
}

const CASE_COLUMNS = 'id, case_number, opened_at, item_code, channel, operator_id, owner_name, resident_ref, resident_masked, consent, materials, promised_days, due_at, state, updated_at';

interface StepRow {
  id: string;
  kind: CaseStep['kind'];
  at: string;
  state: CaseState;
  channel: ServiceChannel | null;
  operator_id: string;
  operator_name: string;
  body: string | null;
}

const residentContext = (id: string) => `case:${id}`;

function toStep(r: StepRow): CaseStep {
  const { body, ...columns } = r;
  return { ...rowFields(columns), ...(body ? (JSON.parse(body) as Pick<CaseStep, 'missing' | 'note' | 'materials'>) : {}) };
}

function stepsOf(db: Db, caseId: string): CaseStep[] {
  return (stmt(db, 'SELECT id, kind, at, state, channel, operator_id, operator_name, body FROM case_steps WHERE case_id = ? ORDER BY seq').all(caseId) as StepRow[]).map(toStep);
}

function toCase(db: Db, r: CaseRow): HeldCase {
  return { ...rowFields(r), materials: JSON.parse(r.materials) as string[], steps: stepsOf(db, r.id) };
}

/** Keeps a step once (its id is the key: a step that comes down again is not written twice). */
function insertStep(db: Db, caseId: string, step: CaseStep): void {
  const { missing, note, materials } = step;
  const body = missing || note || materials ? JSON.stringify({ ...(missing ? { missing } : {}), ...(note ? { note } : {}), ...(materials ? { materials } : {}) }) : null;
  stmt(db, 'INSERT INTO case_steps (id, case_id, kind, at, state, channel, operator_id, operator_name, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
    step.id,
    caseId,
    step.kind,
    step.at,
    step.state,
    step.channel,
    step.operatorId,
    step.operatorName,
    body,
  );
}

/** Opens a case in state `opened` with its first step, audited; nothing is sent until the clerk sends it. */
export function insertCase(db: Db, key: DataKey, input: NewCase): HeldCase {
  const at = input.openStep.at;
  db.transaction(() => {
    stmt(
      db,
      `INSERT INTO cases (id, case_number, opened_at, item_code, channel, operator_id, owner_name, resident_ref, resident_enc, resident_masked, consent, materials, promised_days, due_at, state, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'opened', ?)`,
    ).run(
      input.id,
      input.caseNumber,
      at,
      input.itemCode,
      input.channel,
      input.operatorId,
      input.ownerName,
      key.residentRef(input.resident.idNumber),
      key.sealJson(input.resident, residentContext(input.id)),
      input.residentMasked,
      input.consent,
      JSON.stringify(input.materials),
      input.promisedDays,
      input.dueAt,
      at,
    );
    insertStep(db, input.id, input.openStep);
    insertAudit(db, { at, action: 'case.opened', operatorId: input.operatorId, channel: input.channel, subject: input.residentMasked, detail: { caseId: input.id, itemCode: input.itemCode } });
  })();
  return getCase(db, input.id)!;
}

export function getCase(db: Db, id: string): HeldCase | null {
  const row = stmt(db, `SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(id) as CaseRow | undefined;
  return row ? toCase(db, row) : null;
}

/** The resident's identity, opened from its seal (null once purged). */
export function caseResident(db: Db, key: DataKey, id: string): CaseResident | null {
  const row = stmt(db, 'SELECT resident_enc FROM cases WHERE id = ?').get(id) as { resident_enc: Buffer | null } | undefined;
  return row?.resident_enc ? (key.openJson(row.resident_enc, residentContext(id)) as CaseResident) : null;
}

/**
 * The point's cases as the clerk's list shows them: those still in someone's hands first (overdue ones at the top,
 * then the soonest due), then the finished ones, newest first.
 */
export function listCases(db: Db, now: Date, limit: number): HeldCase[] {
  const rows = stmt(
    db,
    `SELECT ${CASE_COLUMNS} FROM cases
     ORDER BY (state IN ('opened','sent','atTownship','atCounty','returned')) DESC,
              (state IN ('opened','sent','atTownship','atCounty','returned') AND due_at < @now) DESC,
              CASE WHEN state IN ('opened','sent','atTownship','atCounty','returned') THEN due_at END ASC,
              updated_at DESC
     LIMIT @limit`,
  ).all({ now: now.toISOString(), limit }) as CaseRow[];
  return rows.map((r) => toCase(db, r));
}

/** A resident's cases at this point, newest first ("where is my request"). */
export function casesOfResident(db: Db, residentRef: string, limit: number): HeldCase[] {
  return (stmt(db, `SELECT ${CASE_COLUMNS} FROM cases WHERE resident_ref = ? ORDER BY opened_at DESC LIMIT ?`).all(residentRef, limit) as CaseRow[]).map((r) => toCase(db, r));
}

export type PointStepOutbox = { outboxId: string; kind: 'case'; payload: CasePayload } | { outboxId: string; kind: 'caseStep'; payload: { caseId: string; step: CaseStep } };

/**
 * A move made at the point (send, hand back): the state moves only from the one the step was made on, the step is
 * kept, and the outbox item that carries it to the county is written in the same transaction. False when the case
 * was not in `from` any more (another clerk moved it a moment ago).
 */
export function recordPointStep(db: Db, key: DataKey, caseId: string, from: CaseState, step: CaseStep, outbox: PointStepOutbox): boolean {
  return db
    .transaction((): boolean => {
      const moved = stmt(db, 'UPDATE cases SET state = ?, updated_at = ?, materials = COALESCE(?, materials) WHERE id = ? AND state = ?').run(
        step.state,
        step.at,
        step.materials ? JSON.stringify(step.materials) : null,
        caseId,
        from,
      ).changes;
      if (moved !== 1) return false;
      insertStep(db, caseId, step);
      const residentRef = (stmt(db, 'SELECT resident_ref FROM cases WHERE id = ?').get(caseId) as { resident_ref: string | null }).resident_ref;
      insertOutboxItem(db, key, { id: outbox.outboxId, kind: outbox.kind, submissionId: null, residentRef, payload: outbox.payload, createdAt: step.at });
      insertAudit(db, { at: step.at, action: `case.${step.kind}`, operatorId: step.operatorId, channel: step.channel, subject: null, detail: { caseId } });
      return true;
    })
    .immediate();
}

/**
 * Applies what came down from the county for a case: the upstream steps this point does not hold yet, each through the
 * state machine from the state the case is in (a step that does not fit is not applied). Returns null when the id is
 * no case of this point, otherwise the state after.
 */
export function applyCaseOutcome(db: Db, caseId: string, seq: number, outcome: CaseOutcome): { state: CaseState; applied: number } | null {
  const row = stmt(db, 'SELECT state, county_seq FROM cases WHERE id = ?').get(caseId) as { state: CaseState; county_seq: number } | undefined;
  if (!row) return null;
  if (seq <= row.county_seq) return { state: row.state, applied: 0 };
  let state = row.state;
  let applied = 0;
  const held = stmt(db, 'SELECT 1 FROM case_steps WHERE id = ?');
  for (const step of outcome.steps) {
    if (step.kind === 'open' || held.get(step.id)) continue;
    const next = moveCase(state, step.kind as CaseMove);
    if (next === null || next !== step.state) continue;
    insertStep(db, caseId, step);
    state = next;
    applied += 1;
  }
  const at = outcome.steps.at(-1)?.at ?? new Date().toISOString();
  stmt(db, 'UPDATE cases SET state = ?, county_seq = ?, updated_at = CASE WHEN ? > 0 THEN ? ELSE updated_at END WHERE id = ?').run(state, seq, applied, at, caseId);
  return { state, applied };
}

/**
 * Retention for cases: the sealed payloads of case items the county acknowledged more than `days` ago, and the
 * resident's sealed identity of cases handed back more than `days` ago, become NULL. The cases and their steps stay
 * (masked), so the report's counts and the clerk's history still add up.
 */
export function purgeCases(db: Db, days: number, now: Date): number {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  return db
    .transaction((): number => {
      const outbox = stmt(db, "UPDATE outbox SET payload_enc = NULL WHERE kind IN ('case','caseStep') AND payload_enc IS NOT NULL AND state = 'acknowledged' AND acknowledged_at <= ?").run(cutoff).changes;
      const residents = stmt(db, "UPDATE cases SET resident_enc = NULL WHERE resident_enc IS NOT NULL AND state = 'handedBack' AND updated_at <= ?").run(cutoff).changes;
      if (outbox + residents > 0) insertAudit(db, { at: now.toISOString(), action: 'retention.purgedCases', operatorId: null, channel: null, subject: null, detail: { outbox, residents, olderThanDays: days } });
      return outbox + residents;
    })
    .immediate();
}
