import { z } from 'zod';
import { KioskError } from '../../shared/contract/errors';
import type { DeviceDriver, SelfTestResult } from '../core/driver';
import { FrameChannel, type ExchangeResult } from '../core/frame-channel';
import { toHex } from '../core/frame-log';
import { CardPresencePoller } from '../core/card-presence-poller';
import { CardReaderBase, failedStep, type CardReaderContext } from '../core/card-reader-base';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';
import { commandFrame, createIdCardFrameParser, parseResponse, type IdCardCommand, type IdCardResponse } from './frame';
import { parseReadPayload } from './read-answer';
import { describeSw3 } from './status-codes';
import type { CardText } from './text-block';

export const IdCardReaderOptionsSchema = z
  .object({
    /** How often to look for a card while idle. */
    // 150 ms keeps "card placed -> identity" within 2.5x of the wire time (bench/idcard-pty.bench.ts) at ~2 ms of line per poll.
    pollIntervalMs: z.number().int().min(50).max(5000).default(150),
    commandTimeoutMs: z.number().int().min(50).max(10_000).default(1000),
    /** Reading text + photo takes the card ~0.5-1 s plus 1295 bytes on the wire. */
    readTimeoutMs: z.number().int().min(200).max(20_000).default(3000),
    /** Use 30 10 (text + photo + fingerprint) instead of 30 01. */
    readFingerprint: z.boolean().default(false),
    /** Also ask for the appended address (30 03, 追加住址 after a move; confidence M in DEVICES.md). */
    readAppendedAddress: z.boolean().default(false),
    /** Consecutive "no card" answers before a removal is reported (debounce). */
    removalMisses: z.number().int().min(1).max(10).default(2),
    /** Consecutive unanswered polls before the reader counts as offline. */
    silentPollsOffline: z.number().int().min(1).max(20).default(3),
  })
  .strict();
export type IdCardReaderOptions = z.infer<typeof IdCardReaderOptionsSchema>;

export interface IdCardRead {
  text: CardText;
  /** 1024 WLT-compressed bytes (see photo-decoder.ts). */
  photoWlt: Buffer;
  /** The newest address written to the card after a move (30 03), when asked for and present. */
  appendedAddress?: string;
  fingerprint: Buffer | null;
}

export interface IdCardReaderDevice extends DeviceDriver {
  readonly kind: 'idCardReader';
  cardPresent(): boolean;
  onCard(listener: (event: { present: boolean }) => void): () => void;
  /** Find, select and read the card on the reader. Errors are KioskErrors (card_absent, card_unreadable, ...). */
  readCard(signal?: AbortSignal): Promise<IdCardRead>;
  readSamId(signal?: AbortSignal): Promise<string>;
}

/** The resident ID card reader (SAM serial protocol, DEVICES.md §1). */
export class IdCardReader extends CardReaderBase implements IdCardReaderDevice {
  readonly kind = 'idCardReader' as const;
  private readonly options: IdCardReaderOptions;
  private readonly channel: FrameChannel;
  protected readonly presence: CardPresencePoller;
  private pollsSinceSamCheck = 0;

  constructor(transport: ReconnectingTransport, ctx: CardReaderContext) {
    super(transport, ctx, 'idCardReader');
    this.options = IdCardReaderOptionsSchema.parse(ctx.config.options ?? {});
    this.channel = new FrameChannel(transport, createIdCardFrameParser(Math.min(500, this.options.readTimeoutMs)), this.frames, {
      log: ctx.log,
      // Card text, photo and fingerprint are personal data: log the header and status only.
      loggable: (frame, direction) => {
        if (direction === 'rx' && frame.length > 11) return { bytes: frame.subarray(0, 10), note: `${describeSw3(frame[9]!).outcome}, ${frame.length} bytes (payload not logged)` };
        if (direction === 'rx' && frame.length >= 10) return { bytes: frame, note: describeSw3(frame[9]!).outcome };
        return { bytes: frame };
      },
    });
    this.presence = new CardPresencePoller(this.options, this.statusHolder, {
      paused: () => this.operationRunning(),
      probe: async () => {
        const find = await this.command('findCard', this.options.commandTimeoutMs);
        if (find.sw3 === 0x9f) return true;
        // A card that was read stays halted until lifted: find misses it, select still reaches it.
        return this.presence.isPresent() && (await this.command('selectCard', this.options.commandTimeoutMs)).sw3 === 0x90;
      },
      afterAnswer: async () => {
        const s = this.statusHolder.get();
        if (s.state === 'offline') {
          // Answers again after silence: check the SAM before calling it online.
          await this.checkSam();
        } else if (s.state === 'hardwareError' && ++this.pollsSinceSamCheck >= 10) {
          // A SAM that failed may recover (reset, power): look again now and then, not on every poll.
          this.pollsSinceSamCheck = 0;
          await this.checkSam();
        }
      },
    });
    this.watchLink(() => void this.onLinkUp());
  }

  async readSamId(signal?: AbortSignal): Promise<string> {
    const answer = await this.command('readSamId', this.options.commandTimeoutMs, signal);
    this.requireSuccess(answer);
    return toHex(answer.data, '');
  }

  async readCard(signal?: AbortSignal): Promise<IdCardRead> {
    return this.exclusive(async () => {
      const find = await this.command('findCard', this.options.commandTimeoutMs, signal);
      if (find.sw3 !== 0x9f) {
        // A card that was read once stays halted until lifted: select still reaches it.
        if (describeSw3(find.sw3).outcome !== 'findFailed') this.requireSuccess(find);
      }
      const select = await this.command('selectCard', this.options.commandTimeoutMs, signal);
      this.requireSuccess(select);
      const withFp = this.options.readFingerprint;
      const read = await this.command(withFp ? 'readTextPhotoFingerprint' : 'readTextPhoto', this.options.readTimeoutMs, signal);
      this.requireSuccess(read);
      const parsed = parseReadPayload(read.data, withFp);
      if (!parsed.ok) throw new KioskError('card_unreadable', { details: { deviceId: this.id, problem: 'payloadLength' } });
      if (!parsed.decoded.ok) {
        throw new KioskError(parsed.decoded.problem === 'unknownCardType' ? 'card_unsupported' : 'card_unreadable', {
          details: { deviceId: this.id, problem: parsed.decoded.problem },
        });
      }
      this.presence.setPresent(true);
      const appendedAddress = this.options.readAppendedAddress ? await this.readAppendedAddress(signal) : undefined;
      return {
        text: parsed.decoded.text,
        photoWlt: Buffer.from(parsed.payload.photoWlt),
        fingerprint: parsed.payload.fingerprint ? Buffer.from(parsed.payload.fingerprint) : null,
        ...(appendedAddress ? { appendedAddress } : {}),
      };
    });
  }

  /** 30 03: 91 = nothing appended; 90 = UTF-16LE text (space padded). A reader that lacks the command says so. */
  private async readAppendedAddress(signal?: AbortSignal): Promise<string | undefined> {
    const answer = await this.command('readAppendedAddress', this.options.commandTimeoutMs, signal);
    if (answer.sw3 !== 0x90 || answer.data.length < 2) return undefined;
    const text = Buffer.from(answer.data.subarray(0, answer.data.length - (answer.data.length % 2))).toString('utf16le');
    return text.replace(/[\s\u0000]+$/u, '').trim() || undefined;
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    return this.selfTestAfterPort(async () => {
      const steps: SelfTestResult['steps'] = [];
      for (const [name, cmd] of [['samStatus', 'samStatus'], ['samId', 'readSamId']] as const) {
        try {
          const answer = await this.command(cmd, this.options.commandTimeoutMs, signal);
          const meaning = describeSw3(answer.sw3);
          steps.push({ name, ok: meaning.error === null, detailKey: meaning.messageKey, ...(cmd === 'readSamId' && meaning.error === null ? { detail: toHex(answer.data, '') } : {}) });
        } catch (error) {
          steps.push(failedStep(name, error));
        }
      }
      steps.push({ name: 'card', ok: true, detailKey: this.presence.isPresent() ? 'card-readers:detail.cardPresent' : 'card-readers:detail.cardAbsent' });
      return steps;
    });
  }

  private async onLinkUp(): Promise<void> {
    await this.checkSam();
    this.presence.schedule();
  }

  /** SAM status decides between online and hardwareError; no answer leaves the reader offline. */
  private async checkSam(): Promise<void> {
    try {
      const answer = await this.command('samStatus', this.options.commandTimeoutMs);
      const meaning = describeSw3(answer.sw3);
      if (meaning.error) {
        this.statusHolder.set({ state: 'hardwareError', detailKey: meaning.messageKey });
      } else {
        this.statusHolder.set({ state: 'online', media: this.presence.media() });
      }
    } catch (error) {
      this.statusHolder.set({ state: 'offline', media: 'unknown', detailKey: 'card-readers:detail.noAnswer', detailParams: { reason: error instanceof KioskError ? error.code : 'unknown' } });
    }
  }

  /** One command with the kit's one retry (a late answer waited for once more, a garbled one asked again); a
   *  KioskError when it cannot be had. */
  private async command(name: IdCardCommand, timeoutMs: number, signal?: AbortSignal): Promise<IdCardResponse> {
    let last: ExchangeResult = await this.channel.request(commandFrame(name), timeoutMs, signal, (frame) => answerFits(name, frame));
    // An answer that passes the frame checks but does not parse was the reader's answer, garbled: ask once more.
    for (let attempt = 0; last.ok; attempt += 1) {
      const answer = parseResponse(last.frame);
      if (answer) return answer;
      last = attempt === 0 ? await this.channel.exchange(commandFrame(name), timeoutMs, signal, (frame) => answerFits(name, frame)) : { ok: false, problem: 'badLength' };
    }
    throw this.exchangeError(last.problem, name);
  }

  private requireSuccess(answer: IdCardResponse): void {
    const meaning = describeSw3(answer.sw3);
    if (meaning.error) {
      throw new KioskError(meaning.error, { details: { deviceId: this.id, sw3: answer.sw3.toString(16).padStart(2, '0'), outcome: meaning.outcome, messageKey: meaning.messageKey } });
    }
  }
}

/**
 * Whether an answer can belong to this command: a late answer to an earlier command must not be taken for it.
 * Only the find-card success carries 9F; only a read answers with the long text + photo block.
 */
function answerFits(name: IdCardCommand, frame: Buffer): boolean {
  const answer = parseResponse(frame);
  if (!answer) return true; // too short to judge: let the caller report it
  const isRead = name === 'readTextPhoto' || name === 'readTextPhotoFingerprint';
  if (answer.sw3 === 0x9f) return name === 'findCard';
  if (answer.sw3 === 0x90 && answer.data.length >= 260) return isRead;
  if (isRead && answer.sw3 === 0x90) return false;
  return true;
}
