import { v7 as uuidv7 } from 'uuid';
import type { SiteConfig } from '../../shared/config/site-config';
import { AUTOMATIC_CHECKS, criteriaOf, type AcceptanceRecord, type CommissioningRecord, type CommissioningStep, type SiteRecord } from '../../shared/commissioning/site-record';
import type { StepFinding } from '../../shared/commissioning/step-finding';
import { KioskError } from '../../shared/contract/errors';
import type { MethodInput, MethodResult } from '../../shared/contract';
import type { DeviceStatus } from '../../shared/domain/devices';
import type { OfficeHours } from '../../shared/domain/office-hours';
import type { SelfTestResult } from '../../devices/core/driver';
import type { AcceptanceSigner, StaffAccount } from '../../shared/sync/protocol';
import type { Language } from '../../shared/locales';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { KioskStore } from '../store/kiosk-store';
import { listSiteRecords, saveSiteRecord } from '../store/site-records';
import { CountyError, type CountyClient } from '../sync/county-client';
import { siteRecordPdf } from './site-record-pdf';

/** An automatic run older than this must be run again before it can be signed off. */
const RUN_VALID_MS = 30 * 60_000;
/** A signer's confirmation at the kiosk serves one acceptance within this time. */
const SIGNER_VALID_MS = 10 * 60_000;

export interface CommissioningDeps {
  store: KioskStore;
  config: SiteConfig;
  kioskId: string;
  appVersion: string;
  now: () => Date;
  devices: { list(): DeviceStatus[]; selfTest(id: string): Promise<SelfTestResult> };
  /** One sync round now (answers whether it succeeded and why not). */
  syncRound: () => Promise<{ ok: boolean; error?: string | undefined }>;
  client: CountyClient | null;
  /** The county's staff list as the kiosk holds it. */
  staffAccounts: () => StaffAccount[];
  consultationPhone: () => string;
  /** The office hours in force (the county's or the local file's). */
  officeHours: () => readonly OfficeHours[];
}

type Person = { id: string; name: string };

/**
 * Commissioning (安装调试) and acceptance (验收) at the point (OPERATIONS.md): the kiosk runs the automatic steps itself
 * (each configured device's self-test, the county line, one sync round, the clock, a staff login, office hours and
 * phone), the technician ticks the manual one (publicity) and completes; a township or county account, confirmed by
 * the county at the kiosk, signs the acceptance against the point's standard. Each record is kept, queued for the
 * county and printable on A4.
 */
export class CommissioningService {
  private lastRun: { at: number; by: Person; steps: CommissioningStep[] } | null = null;
  private readonly signers = new Map<string, { signer: AcceptanceSigner; at: number }>();

  constructor(private readonly deps: CommissioningDeps) {}

  async check(by: Person): Promise<MethodResult<'commissioning.check'>> {
    const steps: CommissioningStep[] = [];
    const stamp = () => ({ checkedAt: this.deps.now().toISOString(), checkedBy: by });
    for (const device of this.deps.config.devices) {
      const result = await this.deps.devices.selfTest(device.id);
      const finding: StepFinding = { key: 'deviceSteps', steps: result.steps.slice(0, 20).map((s) => ({ name: s.name, ok: s.ok })) };
      steps.push({ id: `device:${device.id}`, deviceKind: device.kind, how: 'automatic', passed: result.ok, finding, ...stamp() });
    }
    const configured = this.deps.client !== null;
    const round = configured ? await this.deps.syncRound() : { ok: false, error: 'noCounty' };
    const reason = (round.error ?? '').slice(0, 100);
    const unreached = round.error !== undefined && /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|network|timeout)/.test(round.error);
    const reached = round.ok || (round.error !== undefined && !unreached && configured);
    const county: StepFinding | null = !configured ? { key: 'noCounty' } : round.ok ? null : unreached ? { key: 'countyUnreached', reason } : { key: 'countyAnswered', reason };
    steps.push({ id: 'countyReachable', how: 'automatic', passed: reached, ...(county ? { finding: county } : {}), ...stamp() });
    steps.push({ id: 'syncRound', how: 'automatic', passed: round.ok, finding: !configured ? { key: 'noCounty' } : round.ok ? { key: 'syncCompleted' } : { key: 'syncFailed', reason }, ...stamp() });
    // A signed request the county accepted without correcting the kiosk's clock: the two agree within its window.
    const offset = this.deps.client?.clockOffsetMs?.() ?? null;
    const clockOk = round.ok && offset === 0;
    steps.push({ id: 'clockAgrees', how: 'automatic', passed: clockOk, finding: offset === null ? { key: 'noCountyClock' } : { key: 'clockOffset', seconds: Math.round(offset / 1000) }, ...stamp() });
    const account = this.deps.staffAccounts().find((a) => a.id === by.id && !a.disabled);
    steps.push({ id: 'staffLogin', how: 'automatic', passed: account !== undefined, finding: account ? { key: 'staffAccount', username: account.username, roles: account.roles } : { key: 'notInStaffList' }, ...stamp() });
    const hours = this.deps.officeHours();
    steps.push({ id: 'officeHours', how: 'automatic', passed: hours.length > 0, finding: { key: 'officeHours', hours: hours.slice(0, 14).map((h) => ({ days: [...h.days], open: h.open, close: h.close })) }, ...stamp() });
    const phone = this.deps.consultationPhone();
    steps.push({ id: 'consultationPhone', how: 'automatic', passed: /^[0-9-]{5,20}$/.test(phone), finding: { key: 'phone', phone: phone.slice(0, 40) }, ...stamp() });
    this.lastRun = { at: this.deps.now().getTime(), by, steps };
    return { steps, manual: ['publicity'] };
  }

  complete(by: Person, input: MethodInput<'commissioning.complete'>): CommissioningRecord {
    const run = this.lastRun;
    if (!run || this.deps.now().getTime() - run.at > RUN_VALID_MS) throw new KioskError('conflict', { details: { reason: 'runChecksFirst' } });
    const at = this.deps.now().toISOString();
    const manual: CommissioningStep[] = input.manual.map((m) => ({ id: m.id, how: 'manual', passed: m.passed, ...(m.detail ? { detail: m.detail } : {}), checkedAt: at, checkedBy: by }));
    const steps = [...run.steps.filter((s) => s.id.startsWith('device:') || AUTOMATIC_CHECKS.includes(s.id as never)), ...manual];
    const record: CommissioningRecord = {
      kind: 'commissioning',
      recordId: uuidv7(),
      ...this.head(at),
      startedAt: new Date(run.at).toISOString(),
      technician: by,
      steps,
      passed: steps.every((s) => s.passed),
    };
    this.save(record);
    this.lastRun = null;
    return record;
  }

  async signIn(ctx: CallContext, username: string, password: string): Promise<AcceptanceSigner> {
    const client = this.deps.client;
    if (!client?.confirmSigner) throw new KioskError('county_unreachable', { details: { reason: 'noCounty' } });
    try {
      const signer = await client.confirmSigner(username, password);
      this.signers.set(ctx.connection.id, { signer, at: this.deps.now().getTime() });
      return signer;
    } catch (error) {
      if (error instanceof CountyError && !error.transient) {
        if (error.reason === 'bad_credentials' || error.reason === 'account_locked') throw new KioskError('invalid_credentials', { details: { reason: error.reason } });
        if (error.reason === 'signer_not_entitled') throw new KioskError('forbidden', { details: { reason: 'signerNotEntitled' } });
        throw new KioskError('county_rejected', { details: { reason: error.reason } });
      }
      throw new KioskError('county_unreachable');
    }
  }

  record(ctx: CallContext, input: MethodInput<'acceptance.record'>): AcceptanceRecord {
    const held = this.signers.get(ctx.connection.id);
    if (!held || this.deps.now().getTime() - held.at > SIGNER_VALID_MS) throw new KioskError('conflict', { details: { reason: 'signerSignInFirst' } });
    const standard = this.deps.config.site.level === 'demonstration' ? 'demonstration' : 'basic';
    if (input.standard !== standard) throw new KioskError('invalid_params', { details: { issues: [{ path: 'standard', message: `this point is judged by the ${standard} standard` }] } });
    const wanted = criteriaOf(standard);
    if (input.criteria.length !== wanted.length || !wanted.every((id) => input.criteria.some((c) => c.id === id))) {
      throw new KioskError('invalid_params', { details: { issues: [{ path: 'criteria', message: 'every criterion of the standard, once' }] } });
    }
    const commissioned = listSiteRecords(this.deps.store.db).find((r) => r.record.kind === 'commissioning' && r.record.passed);
    if (!commissioned) throw new KioskError('conflict', { details: { reason: 'notCommissioned' } });
    const at = this.deps.now().toISOString();
    const record: AcceptanceRecord = {
      kind: 'acceptance',
      recordId: uuidv7(),
      ...this.head(at),
      standard,
      criteria: wanted.map((id) => {
        const c = input.criteria.find((x) => x.id === id)!;
        return { id, met: c.met, ...(c.note ? { note: c.note } : {}) };
      }),
      signedBy: held.signer,
      commissioningRecordId: commissioned.record.recordId,
      passed: input.criteria.every((c) => c.met),
    };
    this.save(record);
    this.signers.delete(ctx.connection.id);
    return record;
  }

  list(): MethodResult<'siteRecords.list'> {
    return { records: listSiteRecords(this.deps.store.db) };
  }

  async file(recordId: string, language: Language): Promise<MethodResult<'siteRecords.file'>> {
    const held = listSiteRecords(this.deps.store.db).find((r) => r.record.recordId === recordId);
    if (!held) throw new KioskError('not_found', { details: { recordId } });
    const bytes = await siteRecordPdf(held.record, language);
    return { fileName: `${held.record.kind}-${held.record.divisionCode}-${held.record.completedAt.slice(0, 10)}.pdf`, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }

  private head(at: string) {
    const site = this.deps.config.site;
    return { kioskId: this.deps.kioskId, divisionCode: site.divisionCode, siteName: site.name, appVersion: this.deps.appVersion.slice(0, 40), completedAt: at };
  }

  private save(record: SiteRecord): void {
    saveSiteRecord(this.deps.store.db, this.deps.store.key, record, uuidv7());
  }
}

const person = (ctx: CallContext): Person => {
  const staff = ctx.connection.staff;
  if (!staff) throw new KioskError('forbidden');
  return { id: staff.id, name: staff.displayName };
};

export function commissioningHandlers(
  service: CommissioningService,
  afterRecord: () => void,
): HandlerMap<'commissioning.check' | 'commissioning.complete' | 'acceptance.signIn' | 'acceptance.record' | 'siteRecords.list' | 'siteRecords.file'> {
  return {
    'commissioning.check': (_input, ctx) => service.check(person(ctx)),
    'commissioning.complete': (input, ctx) => {
      const record = service.complete(person(ctx), input);
      afterRecord();
      return record;
    },
    'acceptance.signIn': (input, ctx) => service.signIn(ctx, input.username, input.password),
    'acceptance.record': (input, ctx) => {
      const record = service.record(ctx, input);
      afterRecord();
      return record;
    },
    'siteRecords.list': () => service.list(),
    'siteRecords.file': (input) => service.file(input.recordId, input.language),
  };
}
