import { randomUUID } from 'node:crypto';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { insertCase, recordPointStep, type NewCase } from '../../src/main/store/cases';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { CASE_MOVE_RULES } from '../../src/shared/cases/case-state';
import type { SampleResident } from '../../src/shared/samples/residents';
import type { CaseItem, CaseStepItem } from '../../src/shared/sync/protocol';
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

/**
 * A 全程代办 case as a point sends it up to the county (outbox kind `case`): opened and sent by the clerk at `at`
 * (default now), due five days later, for item JOB-08 unless told.
 */
export function sentCaseItem(
  resident: Pick<SampleResident, 'idNumber' | 'name'>,
  options: { caseId?: string; at?: number; itemCode?: string; dueAt?: string; steps?: CaseStep[] } = {},
): CaseItem {
  const caseId = options.caseId ?? randomUUID();
  const at = options.at ?? Date.now();
  const opened = new Date(at).toISOString();
  return {
    id: randomUUID(),
    kind: 'case',
    createdAt: opened,
    residentRef: 'ref-1',
    payload: {
      caseId,
      caseNumber: `DB-20261130-${caseId.slice(0, 6).toUpperCase()}`,
      itemCode: options.itemCode ?? 'JOB-08',
      channel: 'assisted',
      operatorId: CLERK.id,
      openedAt: opened,
      promisedDays: 5,
      dueAt: options.dueAt ?? new Date(at + 5 * 86_400_000).toISOString(),
      consent: 'inPerson',
      resident: { idNumber: resident.idNumber, name: resident.name, source: 'idCard' },
      materials: [],
      steps: options.steps ?? [caseStep('open', 'opened', at), caseStep('send', 'sent', at)],
    },
    attachments: [],
  };
}

/** A later step of a case made at the point (outbox kind `caseStep`): sent again after a return, or handed back. */
export const caseStepItem = (caseId: string, step: CaseStep): CaseStepItem => ({ id: randomUUID(), kind: 'caseStep', createdAt: step.at, residentRef: 'ref-1', payload: { caseId, step }, attachments: [] });
