import type { TypedIdReason } from '../../shared/domain/typed-id-reason';
import { KioskError } from '../../shared/contract/errors';
import { checkIdNumber } from '../../shared/domain/id-number';
import type { IdentitySource, ResidentIdentity, ResidentSummary } from '../../shared/domain/identity';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import type { MethodInput } from '../../shared/contract';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DriverByKind } from '../../devices/manager/driver-kinds';
import type { IdCardReaderDevice } from '../../devices/id-card/id-card-reader';
import type { SocialSecurityCardReaderDevice } from '../../devices/social-security-card/social-security-card-reader';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import { requireCardHolderIdentity, requireOwnCard } from './identity-guard';
import type { Logger } from '../logging/logger';
import type { ProxyRecord } from './proxy';

export type SessionEndReason = 'finished' | 'idle' | 'cardRemoved' | 'clerkEnded' | 'replaced';

export interface SessionDeps {
  devices: DeviceManager;
  events: EventBus;
  log: Logger;
  now: () => Date;
  idleTimeoutSeconds: number;
  idleCountdownSeconds: number;
  /** Audit trail (masked subject only). */
  audit?: (entry: { action: string; subject: string; operatorId: string | null; detail?: Record<string, unknown> }) => void;
}

/** YYYY-MM-DD of `now` in local time (cards are valid to a calendar day where the kiosk stands). */
function today(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The resident of the current visit. Identification reads a card (or takes a clerk's typed number), checks the ID
 * number's check character (GB 11643) and the card's validity, and keeps the identity in memory only. Idle expiry:
 * after idleTimeoutSeconds without a touch (doubled in elder mode) it warns with session.expiring, and after the
 * countdown it ends the session. Identity never reaches a log unmasked.
 */
export class ResidentSessionService {
  private identity: ResidentIdentity | null = null;
  private owner: string | null = null;
  /** A live face was captured by the face module in this visit, for this resident (risk-class.ts needs it). */
  private facePassed = false;
  private elderMode = false;
  /** Someone else acting for the resident in this visit (代理办): ends with the visit. */
  private proxyRecord: ProxyRecord | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private countdownTimer: NodeJS.Timeout | null = null;
  private readonly detach: Array<() => void> = [];

  constructor(private readonly deps: SessionDeps) {}

  /** Forwards card insert/remove of every reader as events; ends a card-identified session when its card is pulled. */
  attach(): void {
    const wire = (kind: 'idCardReader' | 'socialSecurityCardReader') => {
      for (const status of this.deps.devices.list().filter((s) => s.kind === kind)) {
        let driver: IdCardReaderDevice | SocialSecurityCardReaderDevice;
        try {
          driver = this.deps.devices.driverOf(status.id, kind);
        } catch {
          continue; // not configured: nothing to listen to
        }
        const cardKind = kind === 'idCardReader' ? 'idCard' : 'socialSecurityCard';
        this.detach.push(
          driver.onCard(({ present }) => {
            this.deps.events.emit(present ? 'card.inserted' : 'card.removed', { deviceId: status.id, kind: cardKind });
            // An inserted social security card is the session's key (PIN items); an ID card is only laid on the
            // reader and taken back at once, so lifting it does not end anything.
            if (!present && cardKind === 'socialSecurityCard' && this.identity?.source === 'socialSecurityCard') this.end('cardRemoved');
          }),
        );
      }
    };
    wire('idCardReader');
    wire('socialSecurityCardReader');
  }

  current(): ResidentIdentity | null {
    return this.identity;
  }

  /** The connection that identified the resident: only it holds the resident role (null until a handler binds it). */
  ownerConnectionId(): string | null {
    return this.identity ? this.owner : null;
  }

  bindOwner(connectionId: string): void {
    if (this.identity) this.owner = connectionId;
  }

  /** How this visit proved who the resident is, as the identity rules of the risk classes ask. */
  evidence(): { source: IdentitySource | null; facePassed: boolean } {
    return { source: this.identity?.source ?? null, facePassed: this.identity !== null && this.facePassed };
  }

  /** The face module answered with a live capture (called by the core's face service, never by a screen). */
  recordFacePassed(): void {
    if (this.identity) this.facePassed = true;
  }

  /** The proxy of this visit, if an agent acts for the resident (set by the proxy service, never by a screen). */
  proxy(): ProxyRecord | null {
    return this.identity ? this.proxyRecord : null;
  }

  setProxy(record: ProxyRecord | null): void {
    this.proxyRecord = this.identity ? record : null;
  }

  /** Reads the ID card on the reader as someone other than the resident (an agent): the session is left as it is. */
  async readOtherIdCard(deviceId?: string, signal?: AbortSignal): Promise<ResidentIdentity> {
    return this.readIdCard(deviceId, signal);
  }

  summary(): ResidentSummary | null {
    return this.identity ? summarise(this.identity) : null;
  }

  async identifyFromCard(source: 'idCard' | 'socialSecurityCard', deviceId?: string, signal?: AbortSignal): Promise<ResidentSummary> {
    const identity = source === 'idCard' ? await this.readIdCard(deviceId, signal) : await this.readSocialSecurityCard(deviceId, signal);
    return this.begin(identity, null);
  }

  identifyTyped(idNumber: string, name: string | undefined, clerkId: string | null, reason: TypedIdReason): ResidentSummary {
    const check = checkIdNumber(idNumber, this.deps.now());
    if (!check.ok) throw new KioskError('validation_failed', { details: { fields: { idNumber: `card-readers:identity.${check.problem}` } } });
    return this.begin(
      {
        idNumber: check.idNumber,
        // Without a card there is no name to read; the clerk may type it, else the masked number stands in.
        name: name ?? maskIdNumber(check.idNumber),
        sex: check.sex,
        birthDate: check.birthDate,
        source: 'typedByClerk',
        typedReason: reason,
      },
      clerkId,
    );
  }

  /** Ends the session; true when there was one. */
  end(reason: SessionEndReason): boolean {
    this.clearTimers();
    const had = this.identity;
    this.identity = null;
    this.owner = null;
    this.facePassed = false;
    this.elderMode = false;
    this.proxyRecord = null;
    if (!had) return false;
    this.deps.log.info({ reason, idNumber: maskIdNumber(had.idNumber) }, 'session ended');
    this.deps.audit?.({ action: 'session.end', subject: maskIdNumber(had.idNumber), operatorId: null, detail: { reason } });
    this.deps.events.emit('session.changed', { state: 'none', reason });
    return true;
  }

  /** The resident is active; returns the idle seconds now in force (0 without a session). */
  touch(elderMode?: boolean): { active: boolean; idleSeconds: number } {
    if (elderMode !== undefined) this.elderMode = elderMode;
    if (!this.identity) return { active: false, idleSeconds: 0 };
    this.armIdle();
    return { active: true, idleSeconds: this.idleSeconds() };
  }

  close(): void {
    this.clearTimers();
    for (const off of this.detach.splice(0)) off();
    this.identity = null;
    this.facePassed = false;
    this.proxyRecord = null;
  }

  private begin(identity: ResidentIdentity, clerkId: string | null): ResidentSummary {
    const replacing = this.identity !== null;
    if (replacing) this.end('replaced');
    this.identity = identity;
    this.owner = null;
    this.facePassed = false;
    this.proxyRecord = null;
    this.deps.log.info({ source: identity.source, idNumber: maskIdNumber(identity.idNumber) }, 'resident identified');
    this.deps.audit?.({ action: 'session.identify', subject: maskIdNumber(identity.idNumber), operatorId: clerkId, detail: { source: identity.source, ...(identity.typedReason ? { reason: identity.typedReason } : {}) } });
    this.deps.events.emit('session.changed', { state: 'identified', reason: 'identified' });
    this.armIdle();
    return summarise(identity);
  }

  private idleSeconds(): number {
    return this.deps.idleTimeoutSeconds * (this.elderMode ? 2 : 1);
  }

  private armIdle(): void {
    this.clearTimers();
    const factor = this.elderMode ? 2 : 1;
    const countdown = this.deps.idleCountdownSeconds * factor;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.deps.events.emit('session.expiring', { secondsLeft: countdown });
      this.countdownTimer = setTimeout(() => {
        this.countdownTimer = null;
        this.end('idle');
      }, countdown * 1000);
      this.countdownTimer.unref?.();
    }, this.idleSeconds() * 1000);
    this.idleTimer.unref?.();
  }

  private clearTimers(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.countdownTimer) clearTimeout(this.countdownTimer);
    this.idleTimer = null;
    this.countdownTimer = null;
  }

  private reader<K extends 'idCardReader' | 'socialSecurityCardReader'>(kind: K, deviceId?: string): DriverByKind[K] {
    const driver = deviceId ? this.deps.devices.driverOf(deviceId, kind) : this.deps.devices.firstOfKind(kind);
    if (!driver) throw new KioskError('device_not_configured', { details: { kind } });
    const state = driver.status().state;
    if (state === 'offline' || state === 'hardwareError') throw new KioskError('device_offline', { details: { deviceId: driver.id, detailKey: driver.status().detailKey } });
    return driver;
  }

  private async readIdCard(deviceId: string | undefined, signal?: AbortSignal): Promise<ResidentIdentity> {
    const read = await this.reader('idCardReader', deviceId).readCard(signal);
    const text = read.text;
    if (text.cardType === 'foreignPermanentResident') {
      // Its number is not a GB 11643 citizen number; the county services here key on that number.
      throw new KioskError('card_unsupported', { details: { cardType: text.cardType } });
    }
    return this.checked(
      // An address appended after a move is the current one.
      { idNumber: text.idNumber, name: text.name, sex: text.sex, birthDate: text.birthDate, nation: text.nation, address: read.appendedAddress ?? text.address, validUntil: text.validUntil },
      'idCard',
    );
  }

  private async readSocialSecurityCard(deviceId: string | undefined, signal?: AbortSignal): Promise<ResidentIdentity> {
    const reader = this.reader('socialSecurityCardReader', deviceId);
    const info = await reader.readBasicInfo(signal);
    return this.checked(
      {
        idNumber: info.socialSecurityNumber,
        name: info.name,
        sex: info.sex,
        birthDate: info.birthDate ?? '',
        validUntil: info.expiryDate,
        socialSecurityCardNumber: info.cardNumber,
      },
      'socialSecurityCard',
    );
  }

  /** GB 11643 check of the number, validity of the card; the birth date and sex come from the number when needed. */
  private checked(raw: Omit<ResidentIdentity, 'source' | 'sex' | 'birthDate'> & { sex: ResidentIdentity['sex']; birthDate: string }, source: IdentitySource): ResidentIdentity {
    const now = this.deps.now();
    const check = checkIdNumber(raw.idNumber, now);
    if (!check.ok) {
      this.deps.log.warn({ source, problem: check.problem }, 'card carries an invalid ID number');
      // A number of another shape (a foreign permanent resident's) is a card this service cannot take; a citizen
      // number with a wrong check character or date is a card that did not read right.
      const foreignShape = check.problem === 'length' || check.problem === 'characters';
      throw new KioskError(foreignShape ? 'card_unsupported' : 'card_unreadable', { retryable: false, details: { problem: check.problem, messageKey: `card-readers:identity.${check.problem}` } });
    }
    const validUntil = raw.validUntil;
    if (validUntil && validUntil !== 'long-term') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil)) throw new KioskError('card_unreadable', { retryable: false, details: { problem: 'validity' } });
      if (validUntil < today(now)) throw new KioskError('card_expired', { details: { validUntil } });
    }
    const name = raw.name.trim();
    if (!name) throw new KioskError('card_unreadable', { details: { problem: 'name' } });
    return {
      idNumber: check.idNumber,
      name,
      sex: raw.sex === 'unknown' ? check.sex : raw.sex,
      birthDate: /^\d{4}-\d{2}-\d{2}$/.test(raw.birthDate) ? raw.birthDate : check.birthDate,
      ...(raw.nation ? { nation: raw.nation } : {}),
      ...(raw.address ? { address: raw.address } : {}),
      ...(validUntil ? { validUntil } : {}),
      ...(raw.socialSecurityCardNumber ? { socialSecurityCardNumber: raw.socialSecurityCardNumber } : {}),
      source,
    };
  }
}

function summarise(identity: ResidentIdentity): ResidentSummary {
  return { maskedName: maskName(identity.name), maskedIdNumber: maskIdNumber(identity.idNumber), source: identity.source };
}

type SessionMethod =
  | 'session.identify'
  | 'session.identifyTyped'
  | 'session.current'
  | 'session.end'
  | 'session.touch'
  | 'socialSecurityCard.verifyPin'
  | 'socialSecurityCard.changePin';

/** A reader's PIN result as the contract answers it. */
export function pinAnswer(result: { ok: true } | { ok: false; outcome: 'pinWrong'; triesLeft: number } | { ok: false; outcome: 'pinBlocked' }) {
  if (result.ok) return { outcome: 'ok' as const };
  return result.outcome === 'pinWrong' ? { outcome: 'pinWrong' as const, triesLeft: result.triesLeft } : { outcome: 'pinBlocked' as const };
}

export function sessionHandlers(session: ResidentSessionService, devices: DeviceManager): HandlerMap<SessionMethod> {
  const ssReader = (deviceId?: string) => {
    const d = deviceId ? devices.driverOf(deviceId, 'socialSecurityCardReader') : devices.firstOfKind('socialSecurityCardReader');
    if (!d) throw new KioskError('device_not_configured', { details: { kind: 'socialSecurityCardReader' } });
    return d;
  };
  const clerkOf = (ctx: CallContext) => ctx.connection.staff?.id ?? null;
  // A found card must not be activated or re-PINned by whoever holds it: the holder's ID card and face in this
  // visit (the card class's rule), and the card in the reader must carry the holder's ID number.
  const guardCardInHand = async (deviceId?: string) => {
    requireCardHolderIdentity(session);
    await requireOwnCard(session, async () => (await ssReader(deviceId).readBasicInfo()).socialSecurityNumber);
  };
  return {
    // The resident role goes to the connection that identified the resident, not to every screen on the machine.
    'session.identify': async (input: MethodInput<'session.identify'>, ctx) => {
      const summary = await session.identifyFromCard(input.source, input.deviceId);
      session.bindOwner(ctx.connection.id);
      return summary;
    },
    'session.identifyTyped': (input, ctx) => {
      const summary = session.identifyTyped(input.idNumber, input.name, clerkOf(ctx), input.reason);
      session.bindOwner(ctx.connection.id);
      return summary;
    },
    'session.current': () => session.summary(),
    'session.end': (input) => ({ ended: session.end(input.reason) }),
    'session.touch': (input) => session.touch(input.elderMode),
    'socialSecurityCard.verifyPin': async (input) => {
      session.touch();
      await guardCardInHand(input.deviceId);
      return pinAnswer(await ssReader(input.deviceId).verifyPin(input.pin));
    },
    'socialSecurityCard.changePin': async (input) => {
      session.touch();
      await guardCardInHand(input.deviceId);
      return pinAnswer(await ssReader(input.deviceId).changePin(input.oldPin, input.newPin));
    },
  };
}
