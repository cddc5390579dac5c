import { randomUUID } from 'node:crypto';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { insertCase, recordPointStep, type NewCase } from '../../src/main/store/cases';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { CASE_MOVE_RULES } from '../../src/shared/cases/case-state';
import { sampleIdentity } from './store-fixtures';

/** Who made a step: a clerk at the point, or township/county staff upstream. */
export interface StepMaker {
  id: string;
  name: string;
}
const CLERK: StepMaker = { id: 'clerk-li', name: 'li' };

/**
 * One step of a case as the product stamps it: steps made at the point (the opening, and the point's moves) carry the
 * service channel; steps made upstream carry none.
 */
export function caseStep(kind: CaseStep['kind'], state: CaseStep['state'], at: number | string, by: StepMaker = CLERK, id: string = randomUUID()): CaseStep {
  const atPoint = kind === 'open' || CASE_MOVE_RULES[kind].side === 'point';
  return { id, kind, at: typeof at === 'number' ? new Date(at).toISOString() : at, state, channel: atPoint ? 'assisted' : null, operatorId: by.id, operatorName: by.name };
}

/** A 全程代办 case opened at the point by a clerk for sample resident 1 (each field may be given instead). */
export function openSampleCase(
  store: KioskStore,
  c: Pick<NewCase, 'id' | 'caseNumber' | 'dueAt' | 'openStep'> & Partial<Omit<NewCase, 'id' | 'caseNumber' | 'dueAt' | 'openStep'>>,
): void {
  const r = sampleIdentity(1);
  insertCase(store.db, store.key, {
    itemCode: 'JOB-08',
    channel: 'assisted',
    operatorId: CLERK.id,
    ownerName: CLERK.name,
    resident: { idNumber: r.idNumber, name: r.name, source: 'idCard' },
    residentMasked: 'masked',
    consent: 'inPerson',
    materials: [],
    promisedDays: 10,
    ...c,
  });
}

/** The point sends an opened case up (the step goes into the outbox with it). */
export function sendSampleCase(store: KioskStore, caseId: string, send: CaseStep, outboxId: string = randomUUID()): boolean {
  return recordPointStep(store.db, store.key, caseId, 'opened', send, { outboxId, kind: 'caseStep', payload: { caseId, step: send } });
}
