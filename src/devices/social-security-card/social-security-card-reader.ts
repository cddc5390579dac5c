import { z } from 'zod';
import { KioskError } from '../../shared/contract/errors';
import { apdu as cmd, type CommandApdu } from '../apdu/apdu';
import { stringToBcd } from '../apdu/bcd';
import { CardChannel, type ApduTransport } from '../apdu/card-channel';
import { describeSw } from '../apdu/status-words';
import { parseTlv } from '../apdu/tlv';
import type { DeviceDriver, SelfTestResult } from '../core/driver';
import { FrameChannel, type ExchangeResult } from '../core/frame-channel';
import { toHex } from '../core/frame-log';
import { CardPresencePoller } from '../core/card-presence-poller';
import { CardReaderBase, failedStep, type CardReaderContext } from '../core/card-reader-base';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';
import { atrHistoricalBytes } from './atr';
import { basicInfoString, type SocialSecurityCardInfo } from './basic-info';
import { EF_HOLDER, EF_ISSUER, HOLDER_ITEMS, ISSUER_ITEMS, MF, SSSE_NAME, decodeItem, findItem, isoDate, type CardItem } from './card-files';
import { READER_COMMANDS, READER_STATUS, createReaderFrameParser, encodeReaderFrame, parseReaderFrame, readerStatusName } from './reader-frame';

const byte = z.number().int().min(0).max(255);

export const SocialSecurityCardReaderOptionsSchema = z
  .object({
    pollIntervalMs: z.number().int().min(50).max(5000).default(400),
    commandTimeoutMs: z.number().int().min(50).max(10_000).default(1500),
    removalMisses: z.number().int().min(1).max(10).default(2),
    silentPollsOffline: z.number().int().min(1).max(20).default(3),
    /** P1 of SELECT EF: 02 on most cards, 00 on some. */
    selectEfP1: byte.default(0x02),
    /** CHANGE PIN differs by issuer (DEVICES.md §2, confidence L): the header; data is old PIN | FF | new PIN. */
    changePinApdu: z.object({ cla: byte, ins: byte, p1: byte, p2: byte }).default({ cla: 0x80, ins: 0x5e, p1: 0x01, p2: 0x00 }),
    /** For the basic-information string. */
    terminalNumber: z.string().max(30).default(''),
    terminalDeviceNumber: z.string().max(30).default(''),
  })
  .strict();
export type SocialSecurityCardReaderOptions = z.infer<typeof SocialSecurityCardReaderOptionsSchema>;

export type PinResult = { ok: true } | { ok: false; outcome: 'pinWrong'; triesLeft: number } | { ok: false; outcome: 'pinBlocked' };

export interface SocialSecurityCardReaderDevice extends DeviceDriver {
  readonly kind: 'socialSecurityCardReader';
  cardPresent(): boolean;
  onCard(listener: (event: { present: boolean }) => void): () => void;
  readBasicInfo(signal?: AbortSignal): Promise<SocialSecurityCardInfo>;
  /** The reader API's `|`-joined basic-information string (technicians compare it with other tools). */
  basicInfoString(info: SocialSecurityCardInfo): string;
  verifyPin(pin: string, signal?: AbortSignal): Promise<PinResult>;
  changePin(oldPin: string, newPin: string, signal?: AbortSignal): Promise<PinResult>;
}

/** The social security card reader: the reference serial framing below, ISO 7816-4 APDUs above. */
export class SocialSecurityCardReader extends CardReaderBase implements SocialSecurityCardReaderDevice, ApduTransport {
  readonly kind = 'socialSecurityCardReader' as const;
  private readonly options: SocialSecurityCardReaderOptions;
  private readonly channel: FrameChannel;
  private readonly card: CardChannel;
  protected readonly presence: CardPresencePoller;

  constructor(transport: ReconnectingTransport, ctx: CardReaderContext) {
    super(transport, ctx, 'socialSecurityCardReader');
    this.options = SocialSecurityCardReaderOptionsSchema.parse(ctx.config.options ?? {});
    this.channel = new FrameChannel(transport, createReaderFrameParser(), this.frames, {
      log: ctx.log,
      // APDU answers carry the holder's data: log the reader status and the status word only.
      loggable: (frame, direction) => {
        if (direction === 'rx' && frame.length > 8) {
          const sw = frame.length >= 8 ? toHex(frame.subarray(frame.length - 4, frame.length - 2)) : '';
          return { bytes: frame.subarray(0, 4), note: `${readerStatusName(frame[3]!)}, ${frame.length} bytes, ends ${sw} (payload not logged)` };
        }
        if (direction === 'tx' && frame[3] === READER_COMMANDS.apdu && frame.length > 9 && frame[5] === 0x20) {
          return { bytes: frame.subarray(0, 9), note: 'VERIFY (PIN not logged)' };
        }
        if (direction === 'tx' && frame[3] === READER_COMMANDS.apdu && frame.length > 9 && frame[4] === this.options.changePinApdu.cla && frame[5] === this.options.changePinApdu.ins) {
          return { bytes: frame.subarray(0, 9), note: 'CHANGE PIN (PINs not logged)' };
        }
        return { bytes: frame };
      },
    });
    this.card = new CardChannel(this);
    this.presence = new CardPresencePoller(this.options, this.statusHolder, {
      paused: () => this.operationRunning(),
      probe: async () => (await this.readerCommand(READER_COMMANDS.cardStatus, new Uint8Array(), undefined, true))[0] === 1,
      afterAnswer: async () => {
        if (this.statusHolder.get().state === 'offline') this.statusHolder.set({ state: 'online', media: this.presence.media() });
      },
    });
    this.watchLink(() => {
      this.statusHolder.set({ state: 'online', media: this.presence.media() });
      this.presence.schedule(0);
    });
  }

  basicInfoString(info: SocialSecurityCardInfo): string {
    return basicInfoString(info, { terminalNumber: this.options.terminalNumber, terminalDeviceNumber: this.options.terminalDeviceNumber });
  }

  /** ApduTransport: one APDU through the reader framing. */
  async transmit(command: Uint8Array, signal?: AbortSignal): Promise<Uint8Array> {
    const answer = await this.readerCommand(READER_COMMANDS.apdu, command, signal);
    return answer;
  }

  async readBasicInfo(signal?: AbortSignal): Promise<SocialSecurityCardInfo> {
    return this.withCard(signal, async (atr) => {
      await this.selectSsse(signal);
      await this.card.expectOk(cmd.selectFile(EF_ISSUER, this.options.selectEfP1), signal);
      const issuer = await this.readItems(ISSUER_ITEMS, signal);
      await this.card.expectOk(cmd.selectFile(EF_HOLDER, this.options.selectEfP1), signal);
      const holder = await this.readItems(HOLDER_ITEMS, signal);
      const code = issuer.cardIdentificationCode;
      const ssn = holder.socialSecurityNumber;
      const name = `${holder.name ?? ''}${holder.nameExtension ?? ''}`;
      if (!code || !ssn || !name || !issuer.cardNumber) throw new KioskError('card_unreadable', { details: { deviceId: this.id, problem: 'missingItems' } });
      const sexCode = holder.sex ?? '';
      return {
        regionCode: code.slice(0, 6),
        socialSecurityNumber: ssn,
        cardNumber: issuer.cardNumber,
        cardIdentificationCode: code,
        name,
        sex: sexCode === '1' ? 'male' : sexCode === '2' ? 'female' : 'unknown',
        nationCode: holder.nation || undefined,
        birthDate: holder.birthDate ? isoDate(holder.birthDate) : undefined,
        atrHistorical: toHex(atrHistoricalBytes(atr), ''),
        specVersion: issuer.specVersion ?? '',
        issueDate: isoDate(issuer.issueDate ?? ''),
        expiryDate: isoDate(issuer.expiryDate ?? ''),
        cardType: issuer.cardType ?? '',
      };
    });
  }

  async verifyPin(pin: string, signal?: AbortSignal): Promise<PinResult> {
    const digits = checkPin(pin);
    return this.withCard(signal, async () => {
      await this.selectSsse(signal);
      return this.pinOutcome(await this.card.send(cmd.verify(stringToBcd(digits)), signal));
    });
  }

  async changePin(oldPin: string, newPin: string, signal?: AbortSignal): Promise<PinResult> {
    const oldDigits = checkPin(oldPin);
    const newDigits = checkPin(newPin);
    return this.withCard(signal, async () => {
      await this.selectSsse(signal);
      const h = this.options.changePinApdu;
      const data = Buffer.concat([stringToBcd(oldDigits), Buffer.from([0xff]), stringToBcd(newDigits)]);
      const command: CommandApdu = { ...h, data };
      return this.pinOutcome(await this.card.send(command, signal));
    });
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    return this.selfTestAfterPort(async () => {
      try {
        const status = await this.readerCommand(READER_COMMANDS.cardStatus, new Uint8Array(), signal, true);
        return [{ name: 'reader', ok: true, detailKey: status[0] === 1 ? 'card-readers:detail.cardPresent' : 'card-readers:detail.cardAbsent' }];
      } catch (error) {
        return [failedStep('reader', error)];
      }
    });
  }

  private pinOutcome(response: { sw: number }): PinResult {
    const meaning = describeSw(response.sw);
    if (meaning.outcome === 'ok') return { ok: true };
    if (meaning.outcome === 'pinWrong') return meaning.value === 0 ? { ok: false, outcome: 'pinBlocked' } : { ok: false, outcome: 'pinWrong', triesLeft: meaning.value ?? 0 };
    if (meaning.outcome === 'verifyFailed') return { ok: false, outcome: 'pinWrong', triesLeft: 0 };
    if (meaning.outcome === 'pinBlocked') return { ok: false, outcome: 'pinBlocked' };
    throw new KioskError(meaning.error ?? 'card_unreadable', { details: { deviceId: this.id, sw: response.sw.toString(16), outcome: meaning.outcome, messageKey: meaning.messageKey } });
  }

  private async selectSsse(signal?: AbortSignal): Promise<void> {
    // Some cards keep SSSE under the MF: select it first; 6A82 just means this card has it at the top.
    const mf = await this.card.send(cmd.selectFile(MF, 0x00), signal);
    if (mf.sw !== 0x9000 && mf.sw !== 0x6a82) this.ctx.log.debug({ sw: mf.sw.toString(16) }, 'select MF answered unexpectedly');
    await this.card.expectOk(cmd.selectByName(SSSE_NAME), signal);
  }

  private async readItems<T extends Record<string, CardItem>>(items: T, signal?: AbortSignal): Promise<Partial<Record<keyof T, string>>> {
    const out: Partial<Record<keyof T, string>> = {};
    for (const [key, item] of Object.entries(items) as Array<[keyof T, CardItem]>) {
      const response = await this.card.send(cmd.readRecord(item.tag, item.length + 2), signal);
      const meaning = describeSw(response.sw);
      if (meaning.outcome === 'recordNotFound') continue; // optional items (name extension, nation) on older cards
      if (meaning.outcome !== 'ok') throw new KioskError(meaning.error ?? 'card_unreadable', { details: { deviceId: this.id, tag: item.tag, outcome: meaning.outcome, messageKey: meaning.messageKey } });
      const value = findItem(parseTlv(response.data).items, item.tag);
      if (value) out[key] = decodeItem(value, item.encoding);
    }
    return out;
  }

  /** Powers the card, runs the work, powers it down; polling pauses meanwhile. */
  private async withCard<T>(signal: AbortSignal | undefined, work: (atr: Buffer) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const atr = await this.readerCommand(READER_COMMANDS.powerOn, new Uint8Array(), signal);
      try {
        const result = await work(atr);
        this.presence.setPresent(true);
        return result;
      } finally {
        await this.readerCommand(READER_COMMANDS.powerOff, new Uint8Array()).catch(() => undefined);
      }
    });
  }

  /** One reader command with the kit's one retry (a late answer waited for once more, a garbled one asked again). */
  private async readerCommand(head: number, data: Uint8Array, signal?: AbortSignal, raw = false): Promise<Buffer> {
    const last: ExchangeResult = await this.channel.request(encodeReaderFrame(head, data), this.options.commandTimeoutMs, signal, (frame) => readerAnswerFits(head, frame));
    if (!last.ok) throw this.exchangeError(last.problem);
    const answer = parseReaderFrame(last.frame);
    if (raw || answer.head === READER_STATUS.ok) return answer.data;
    const status = readerStatusName(answer.head);
    if (answer.head === READER_STATUS.noCard) {
      this.presence.setPresent(false);
      throw new KioskError('card_absent', { details: { deviceId: this.id, messageKey: 'card-readers:ssCard.reader.noCard' } });
    }
    if (answer.head === READER_STATUS.cardMute) throw new KioskError('card_unreadable', { details: { deviceId: this.id, messageKey: 'card-readers:ssCard.reader.cardMute' } });
    throw new KioskError('device_error', { details: { deviceId: this.id, status, messageKey: `card-readers:ssCard.reader.${status}` } });
  }
}

function checkPin(pin: string): string {
  if (!/^\d{6}$/.test(pin)) throw new KioskError('invalid_params', { details: { field: 'pin', problem: 'sixDigits' } });
  return pin;
}

/** Whether a reader answer can belong to this command (a late answer to an earlier one must not be taken for it). */
function readerAnswerFits(head: number, frame: Buffer): boolean {
  const answer = parseReaderFrame(frame);
  if (answer.head !== READER_STATUS.ok) return true; // errors are answers to whatever was asked
  switch (head) {
    case READER_COMMANDS.cardStatus:
      return answer.data.length === 1;
    case READER_COMMANDS.powerOn:
      return answer.data.length >= 2 && (answer.data[0] === 0x3b || answer.data[0] === 0x3f);
    case READER_COMMANDS.apdu:
      return answer.data.length >= 2;
    case READER_COMMANDS.powerOff:
      return answer.data.length === 0;
    default:
      return true;
  }
}
