import { KioskError } from '../../shared/contract/errors';
import type { MethodInput, MethodResult } from '../../shared/contract';
import type { CatalogItem } from '../../shared/catalog/schema';
import { proxyOffered } from '../../shared/catalog/risk-class';
import type { ResidentIdentity } from '../../shared/domain/identity';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import { AGENT_MIN_AGE, type ProxyRelation, type ProxySummary } from '../../shared/domain/proxy';
import type { CallContext, HandlerMap } from '../dispatcher';
import { requireOwnCard, type VisitIdentity } from './identity-guard';

/** The proxy of one visit as the core keeps it (in memory, with the resident's session; wiped with it). */
export interface ProxyRecord {
  itemCode: string;
  agent: Pick<ResidentIdentity, 'idNumber' | 'name'>;
  relation: ProxyRelation;
  consent: null | { kind: 'cardAndPin' } | { kind: 'signedSlip'; mime: string; image: Buffer };
}

export interface ProxySession extends VisitIdentity {
  proxy(): ProxyRecord | null;
  setProxy(record: ProxyRecord | null): void;
  readOtherIdCard(deviceId?: string): Promise<ResidentIdentity>;
}

export interface ProxyDeps {
  session: ProxySession;
  catalog: { find(code: string): CatalogItem | undefined };
  now: () => Date;
  /** The ID number on the social security card in the reader (card_absent when there is none). */
  readCardHolder: (deviceId?: string) => Promise<string>;
  verifyPin: (pin: string, deviceId?: string) => Promise<{ ok: true } | { ok: false; outcome: 'pinWrong'; triesLeft: number } | { ok: false; outcome: 'pinBlocked' }>;
  audit: (entry: { action: string; operatorId: string; subject: string; detail: Record<string, unknown> }) => void;
}

const MAX_SLIP_BYTES = 4 * 1024 * 1024;

function problem(reason: string): KioskError {
  return new KioskError('identity_insufficient', { details: { reason, messageKey: `staff:proxy.problems.${reason}` } });
}

function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const before = now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d);
  return now.getFullYear() - y - (before ? 1 : 0);
}

/**
 * 代理办: a clerk records that an agent applies for the identified resident. The agent's ID card is read on the
 * reader (never typed), the relation chosen, and the resident's consent recorded (a photographed signed slip, or the
 * resident's own social security card with its PIN verified by the card). From then on, until the visit ends, what is
 * submitted is stamped `proxy` with the clerk as operator and carries this record (applications.ts).
 */
export class ProxyService {
  constructor(private readonly deps: ProxyDeps) {}

  private clerkId(ctx: CallContext): string {
    const staff = ctx.connection.staff;
    if (!staff?.roles.includes('clerk')) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
    return staff.id;
  }

  private resident(): ResidentIdentity {
    const resident = this.deps.session.current();
    if (!resident) throw new KioskError('session_required');
    return resident;
  }

  async begin(input: MethodInput<'proxy.begin'>, ctx: CallContext): Promise<ProxySummary> {
    const clerkId = this.clerkId(ctx);
    const resident = this.resident();
    const item = this.deps.catalog.find(input.itemCode);
    if (!item) throw new KioskError('not_found', { details: { itemCode: input.itemCode } });
    // Certification, PIN changes, account changes: the resident in person, whoever asks.
    if (!proxyOffered(item)) throw new KioskError('identity_insufficient', { details: { reason: 'proxy', messageKey: 'catalog:identity.shortfall.proxy' } });
    const agent = await this.deps.session.readOtherIdCard(input.deviceId);
    if (agent.idNumber === resident.idNumber) throw problem('agentIsResident');
    if (ageOn(agent.birthDate, this.deps.now()) < AGENT_MIN_AGE) throw problem('agentMinor');
    const record: ProxyRecord = { itemCode: item.code, agent: { idNumber: agent.idNumber, name: agent.name }, relation: input.relation, consent: null };
    this.deps.session.setProxy(record);
    this.deps.audit({ action: 'proxy.begin', operatorId: clerkId, subject: maskIdNumber(resident.idNumber), detail: { itemCode: item.code, agent: maskIdNumber(agent.idNumber), relation: input.relation } });
    return summaryOf(record);
  }

  async consent(input: MethodInput<'proxy.consent'>, ctx: CallContext): Promise<MethodResult<'proxy.consent'>> {
    const clerkId = this.clerkId(ctx);
    const resident = this.resident();
    const record = this.deps.session.proxy();
    if (!record) throw problem('noAgent');
    if (input.kind === 'signedSlip') {
      const image = Buffer.from(input.imageBase64, 'base64');
      if (image.length === 0 || image.length > MAX_SLIP_BYTES) throw problem('slipUnreadable');
      this.deps.session.setProxy({ ...record, consent: { kind: 'signedSlip', mime: input.mime, image } });
    } else {
      // The resident's own card (its number is the resident's ID number), and the PIN only the resident knows.
      await requireOwnCard(this.deps.session, () => this.deps.readCardHolder(input.deviceId));
      const answer = await this.deps.verifyPin(input.pin, input.deviceId);
      if (!answer.ok) return answer.outcome === 'pinWrong' ? { outcome: 'pinWrong', triesLeft: answer.triesLeft } : { outcome: 'pinBlocked' };
      this.deps.session.setProxy({ ...record, consent: { kind: 'cardAndPin' } });
    }
    this.deps.audit({ action: 'proxy.consent', operatorId: clerkId, subject: maskIdNumber(resident.idNumber), detail: { itemCode: record.itemCode, consent: input.kind } });
    return { outcome: 'ok', proxy: summaryOf(this.deps.session.proxy()!) };
  }

  current(): ProxySummary | null {
    const record = this.deps.session.proxy();
    return record ? summaryOf(record) : null;
  }

  cancel(ctx: CallContext): { cancelled: boolean } {
    this.clerkId(ctx);
    const had = this.deps.session.proxy() !== null;
    this.deps.session.setProxy(null);
    return { cancelled: had };
  }
}

function summaryOf(record: ProxyRecord): ProxySummary {
  return {
    itemCode: record.itemCode,
    agentMaskedName: maskName(record.agent.name),
    agentMaskedIdNumber: maskIdNumber(record.agent.idNumber),
    relation: record.relation,
    consent: record.consent?.kind ?? null,
  };
}

export function proxyHandlers(service: ProxyService): HandlerMap<'proxy.begin' | 'proxy.consent' | 'proxy.current' | 'proxy.cancel'> {
  return {
    'proxy.begin': (input, ctx) => service.begin(input, ctx),
    'proxy.consent': (input, ctx) => service.consent(input, ctx),
    'proxy.current': () => service.current(),
    'proxy.cancel': (_input, ctx) => service.cancel(ctx),
  };
}
