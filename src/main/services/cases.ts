import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { KioskError } from '../../shared/contract/errors';
import type { MethodInput, MethodResult } from '../../shared/contract';
import type { CaseView } from '../../shared/contract/methods/cases';
import type { CaseStep } from '../../shared/cases/case-record';
import { isCaseOverdue, moveCase, POINT_MOVES, type CaseMove, type CaseState } from '../../shared/cases/case-state';
import type { CatalogItem } from '../../shared/catalog';
import type { ResidentIdentity } from '../../shared/domain/identity';
import { maskResident } from '../../shared/domain/mask';
import type { Language } from '../../shared/locales';
import type { PrintJob } from '../../shared/contract/methods/printing';
import type { DataKey } from '../crypto/data-key';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { CaseHandoverData } from '../printing/case-handover-slip';
import { caseResident, casesOfResident, getCase, insertCase, listCases, recordPointStep, type HeldCase } from '../store/cases';
import type { Db } from '../store/database';
import { recordPrint } from '../store/prints';
import { stampOf } from './channel-stamp';
import { endOfPointDay, pointDay } from '../../shared/domain/point-day';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** DB-20261130-7K3Q9H: 代办, the local day, six base-32 characters (no I, L, O, U to misread on the phone). */
function caseNumber(now: Date): string {
  const day = pointDay(now).replaceAll('-', '');
  return `DB-${day}-${[...randomBytes(6)].map((b) => CROCKFORD[b % 32]).join('')}`;
}

/** The promised time ends at local midnight after `days` days. */
export function caseDueAt(now: Date, days: number): string {
  return endOfPointDay(now, days);
}

function view(c: HeldCase, now: Date): CaseView {
  const { residentRef: _ref, updatedAt: _updated, ...rest } = c;
  return { ...rest, overdue: isCaseOverdue(c.state, c.dueAt, now), pointMoves: POINT_MOVES.filter((m) => moveCase(c.state, m) !== null) };
}

/**
 * 全程代办: a clerk opens a case for the resident in front of them, sends it to the township, sends it again when it is
 * returned, and hands it back when it is finished, the resident signing the handover receipt. Every step is stamped
 * with the login's channel and the clerk, moves only through the shared state machine, and travels to the county
 * in the outbox in the same transaction; the county's steps come back with the outcomes (store/outcomes.ts).
 */
export class CasesService {
  constructor(
    private readonly deps: {
      store: { db: Db; key: DataKey };
      now: () => Date;
      catalog: { find(code: string): Pick<CatalogItem, 'name' | 'materials'> | undefined };
      session: { current(): ResidentIdentity | null };
      afterQueued: () => void;
      printHandover?: (data: Omit<CaseHandoverData, 'siteName' | 'printedAt'>, language: Language | undefined) => PrintJob;
    },
  ) {}

  private clerk(ctx: CallContext): { id: string; name: string } {
    const staff = ctx.connection.staff;
    if (!staff?.roles.includes('clerk')) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
    return { id: staff.id, name: staff.displayName.slice(0, 60) };
  }

  private step(kind: CaseStep['kind'], state: CaseState, ctx: CallContext, extra: Partial<CaseStep> = {}): CaseStep {
    const clerk = this.clerk(ctx);
    const now = this.deps.now();
    return { id: uuidv7({ msecs: now.getTime() }), kind, at: now.toISOString(), state, channel: stampOf(ctx.connection).channel, operatorId: clerk.id, operatorName: clerk.name, ...extra };
  }

  private knownMaterials(itemCode: string, materials: readonly string[]): string[] {
    const item = this.deps.catalog.find(itemCode);
    if (!item) throw new KioskError('not_found', { details: { itemCode } });
    const codes = new Set(item.materials.map((m) => m.code));
    const unknown = materials.filter((m) => !codes.has(m));
    if (unknown.length > 0) throw new KioskError('invalid_params', { details: { reason: 'unknownMaterial', materials: unknown.join(',') } });
    return [...new Set(materials)];
  }

  open(input: MethodInput<'cases.open'>, ctx: CallContext): CaseView {
    const clerk = this.clerk(ctx);
    const resident = this.deps.session.current();
    if (!resident) throw new KioskError('session_required');
    const materials = this.knownMaterials(input.itemCode, input.materials);
    const now = this.deps.now();
    const stamp = stampOf(ctx.connection);
    const id = uuidv7({ msecs: now.getTime() });
    const held = insertCase(this.deps.store.db, this.deps.store.key, {
      id,
      caseNumber: caseNumber(now),
      itemCode: input.itemCode,
      channel: stamp.channel,
      operatorId: clerk.id,
      ownerName: clerk.name,
      resident: { idNumber: resident.idNumber, name: resident.name, source: resident.source },
      residentMasked: maskResident(resident),
      consent: input.consent,
      materials,
      promisedDays: input.promisedDays,
      dueAt: caseDueAt(now, input.promisedDays),
      openStep: this.step('open', 'opened', ctx, { materials }),
    });
    ctx.log.info({ caseId: id, itemCode: input.itemCode, channel: stamp.channel, operatorId: clerk.id }, 'case opened');
    return view(held, now);
  }

  list(limit: number, ctx: CallContext): MethodResult<'cases.list'> {
    this.clerk(ctx);
    const now = this.deps.now();
    return { cases: listCases(this.deps.store.db, now, limit).map((c) => view(c, now)) };
  }

  /** The resident's own cases (by their pseudonymous key), in the words the county gave a return. */
  mine(limit: number): MethodResult<'cases.mine'> {
    const resident = this.deps.session.current();
    if (!resident) throw new KioskError('session_required');
    const now = this.deps.now();
    return {
      cases: casesOfResident(this.deps.store.db, this.deps.store.key.residentRef(resident.idNumber), limit).map((c) => ({
        caseNumber: c.caseNumber,
        itemCode: c.itemCode,
        openedAt: c.openedAt,
        dueAt: c.dueAt,
        state: c.state,
        overdue: isCaseOverdue(c.state, c.dueAt, now),
        updatedAt: c.updatedAt,
        missing: c.state === 'returned' ? ([...c.steps].reverse().find((s) => s.kind === 'return')?.missing?.text ?? null) : null,
      })),
    };
  }

  get(id: string, ctx: CallContext): CaseView {
    this.clerk(ctx);
    return view(this.held(id), this.deps.now());
  }

  /** Opened: the whole case goes to the county (kind `case`); returned: the send step alone (kind `caseStep`). */
  send(input: MethodInput<'cases.send'>, ctx: CallContext): CaseView {
    const held = this.held(input.id);
    const to = this.allowed(held, 'send');
    const materials = input.materials ? this.knownMaterials(held.itemCode, [...held.materials, ...input.materials]) : held.materials;
    const step = this.step('send', to, ctx, { materials });
    const outboxId = uuidv7();
    let outbox: Parameters<typeof recordPointStep>[5];
    if (held.state === 'opened') {
      const resident = caseResident(this.deps.store.db, this.deps.store.key, held.id);
      if (!resident) throw new KioskError('not_found', { details: { caseId: held.id } });
      outbox = {
        outboxId,
        kind: 'case',
        payload: {
          caseId: held.id,
          caseNumber: held.caseNumber,
          itemCode: held.itemCode,
          channel: held.channel,
          operatorId: held.operatorId,
          openedAt: held.openedAt,
          promisedDays: held.promisedDays,
          dueAt: held.dueAt,
          consent: held.consent,
          resident,
          materials,
          steps: [...held.steps, step],
        },
      };
    } else {
      outbox = { outboxId, kind: 'caseStep', payload: { caseId: held.id, step } };
    }
    this.commit(held, step, outbox);
    return view(this.held(held.id), this.deps.now());
  }

  handBack(id: string, ctx: CallContext): CaseView {
    const held = this.held(id);
    const to = this.allowed(held, 'handBack');
    const step = this.step('handBack', to, ctx);
    this.commit(held, step, { outboxId: uuidv7(), kind: 'caseStep', payload: { caseId: held.id, step } });
    return view(this.held(held.id), this.deps.now());
  }

  /** The handover receipt: only once the case is finished or refused upstream (or to print it again after). */
  printHandover(id: string, language: Language | undefined, ctx: CallContext): PrintJob {
    const clerk = this.clerk(ctx);
    const held = this.held(id);
    if (!['done', 'refused', 'handedBack'].includes(held.state)) throw new KioskError('invalid_params', { details: { reason: 'notFinished', state: held.state } });
    if (!this.deps.printHandover) throw new KioskError('device_not_configured', { details: { kind: 'receiptPrinter' } });
    const item = this.deps.catalog.find(held.itemCode);
    const job = this.deps.printHandover(
      { itemName: item?.name ?? { 'zh-CN': held.itemCode, en: held.itemCode }, caseNumber: held.caseNumber, residentMasked: held.residentMasked, clerkName: clerk.name, state: held.state, steps: held.steps },
      language,
    );
    recordPrint(this.deps.store.db, { id: job.jobId, at: this.deps.now().toISOString(), kind: 'caseHandover', itemCode: held.itemCode, ...stampOf(ctx.connection) });
    return job;
  }

  private held(id: string): HeldCase {
    const held = getCase(this.deps.store.db, id);
    if (!held) throw new KioskError('not_found', { details: { caseId: id } });
    return held;
  }

  private allowed(held: HeldCase, move: CaseMove): CaseState {
    const to = moveCase(held.state, move);
    if (to === null) throw new KioskError('conflict', { details: { reason: 'caseState', state: held.state, move } });
    return to;
  }

  private commit(held: HeldCase, step: CaseStep, outbox: Parameters<typeof recordPointStep>[5]): void {
    if (!recordPointStep(this.deps.store.db, this.deps.store.key, held.id, held.state, step, outbox)) throw new KioskError('conflict', { details: { reason: 'caseMoved', caseId: held.id } });
    this.deps.afterQueued();
  }
}

export function casesHandlers(service: CasesService): HandlerMap<'cases.mine' | 'cases.open' | 'cases.list' | 'cases.get' | 'cases.send' | 'cases.handBack' | 'cases.printHandover'> {
  return {
    'cases.mine': (input) => service.mine(input.limit),
    'cases.open': (input, ctx) => service.open(input, ctx),
    'cases.list': (input, ctx) => service.list(input.limit, ctx),
    'cases.get': (input, ctx) => service.get(input.id, ctx),
    'cases.send': (input, ctx) => service.send(input, ctx),
    'cases.handBack': (input, ctx) => service.handBack(input.id, ctx),
    'cases.printHandover': (input, ctx) => service.printHandover(input.id, input.language, ctx),
  };
}
