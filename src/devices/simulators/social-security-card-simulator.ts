import { sampleResident, type SampleResident } from '../../shared/samples/residents';
import { decodeCommandApdu, encodeResponseApdu, type CommandApdu } from '../apdu/apdu';
import { stringToBcd } from '../apdu/bcd';
import { encodeTlv } from '../apdu/tlv';
import type { ByteTransport } from '../core/transport';
import { EF_HOLDER, EF_ISSUER, HOLDER_ITEMS, ISSUER_ITEMS, MF, SSSE_NAME, encodeItems } from '../social-security-card/card-files';
import { READER_COMMANDS, READER_STATUS, createReaderFrameParser, encodeReaderFrame, parseReaderFrame } from '../social-security-card/reader-frame';
import { CardReaderSimulator, type CardReaderSimulatorOptions, type LineFault } from './card-reader-simulator';

export type SocialSecurityCardFault =
  | LineFault
  | 'removeMidRead' // the card leaves on the first read of the holder file
  | 'mute'; // the card gives no ATR

export interface SocialSecurityCardSimulatorControl {
  insert(residentIndex: number): void;
  remove(): void;
  setFault(fault: SocialSecurityCardFault | null, slowMs?: number): void;
  /** Sets the PIN retry counter (0 = blocked). */
  setPinTries(tries: number): void;
  state(): { card: boolean; residentIndex: number | null; fault: SocialSecurityCardFault | null; pinTries: number | null };
}

export interface SocialSecurityCardSimulatorOptions extends CardReaderSimulatorOptions {
  /** Card keeps SSSE under an MF (true) or answers 6A82 to SELECT MF (false). */
  hasMf?: boolean;
  /** Answer data-bearing commands with 61xx so the host must GET RESPONSE (T=0 cards). */
  t0GetResponse?: boolean;
}

interface SimCard {
  residentIndex: number;
  files: Map<number, Map<number, Buffer>>; // EF -> tag -> value
  pin: string;
  tries: number;
  powered: boolean;
  df: 'none' | 'mf' | 'ssse';
  ef: number | null;
  pending: Buffer | null; // for GET RESPONSE
}

// 3B 6C: TB1 and TC1 follow, then 12 historical bytes.
const ATR = Buffer.concat([Buffer.from('3B6C0000', 'hex'), Buffer.from('SSCARD3.0SIM', 'ascii')]);

function cardFor(resident: SampleResident): SimCard {
  const c = resident.socialSecurityCard;
  const issuer = encodeItems(ISSUER_ITEMS, {
    cardIdentificationCode: c.cardIdentificationCode,
    cardType: '31',
    specVersion: c.specVersion,
    issueDate: c.issueDate.replaceAll('-', ''),
    expiryDate: c.expiryDate.replaceAll('-', ''),
    cardNumber: c.cardNumber,
  });
  const holder = encodeItems(HOLDER_ITEMS, {
    socialSecurityNumber: c.socialSecurityNumber.padEnd(18, ' ').slice(0, 18),
    name: resident.name,
    sex: resident.sex === 'male' ? '1' : '2',
    birthDate: resident.birthDate.replaceAll('-', ''),
    nation: resident.nationCode || undefined,
  });
  return { residentIndex: resident.index, files: new Map([[EF_ISSUER, issuer], [EF_HOLDER, holder]]), pin: c.pin, tries: 3, powered: false, df: 'none', ef: null, pending: null };
}

/**
 * A contact-card reader (the reference serial framing) with a social security card in it: SSSE application, issuer and
 * holder files as TLV records, PIN with retry counter, ISO 7816-4 answers including 61xx and 6Cxx.
 */
export class SocialSecurityCardSimulator extends CardReaderSimulator<SocialSecurityCardFault> implements SocialSecurityCardSimulatorControl {
  private card: SimCard | null = null;
  private readonly hasMf: boolean;
  private readonly t0: boolean;

  constructor(port: ByteTransport, options: SocialSecurityCardSimulatorOptions = {}) {
    // BCC sits before the closing ETX.
    super(port, options, { parser: createReaderFrameParser(1000), checksumFromEnd: 2, garbageMaxBytes: 30, checksumError: () => encodeReaderFrame(READER_STATUS.checksumError) });
    this.hasMf = options.hasMf ?? true;
    this.t0 = options.t0GetResponse ?? false;
  }

  insert(residentIndex: number): void {
    this.card = cardFor(sampleResident(residentIndex));
  }

  remove(): void {
    this.card = null;
  }

  setPinTries(tries: number): void {
    if (this.card) this.card.tries = Math.max(0, Math.min(3, tries));
  }

  state() {
    return { card: this.card !== null, residentIndex: this.card?.residentIndex ?? null, fault: this.fault, pinTries: this.card?.tries ?? null };
  }

  protected answer(frame: Buffer): Buffer | null {
    if (this.fault === 'silence') return null;
    const { head, data } = parseReaderFrame(frame);
    let reply: Buffer;
    switch (head) {
      case READER_COMMANDS.cardStatus:
        reply = encodeReaderFrame(READER_STATUS.ok, Buffer.from([this.card ? 1 : 0]));
        break;
      case READER_COMMANDS.powerOn:
        if (!this.card) reply = encodeReaderFrame(READER_STATUS.noCard);
        else if (this.fault === 'mute') reply = encodeReaderFrame(READER_STATUS.cardMute);
        else {
          Object.assign(this.card, { powered: true, df: 'none', ef: null, pending: null });
          reply = encodeReaderFrame(READER_STATUS.ok, ATR);
        }
        break;
      case READER_COMMANDS.powerOff:
        if (this.card) this.card.powered = false;
        reply = encodeReaderFrame(READER_STATUS.ok);
        break;
      case READER_COMMANDS.apdu: {
        const card = this.card;
        if (!card || !card.powered) {
          reply = encodeReaderFrame(READER_STATUS.noCard);
          break;
        }
        const command = decodeCommandApdu(data);
        reply = encodeReaderFrame(READER_STATUS.ok, command ? this.apdu(card, command) : encodeResponseApdu(new Uint8Array(), 0x6700));
        if (!this.card) reply = encodeReaderFrame(READER_STATUS.noCard);
        break;
      }
      default:
        reply = encodeReaderFrame(READER_STATUS.commandError);
    }
    return reply;
  }

  /** The card's answer to one APDU. */
  private apdu(card: SimCard, c: CommandApdu): Buffer {
    const ok = (bytes: Buffer) => {
      if (this.t0 && bytes.length > 0) {
        card.pending = bytes;
        return encodeResponseApdu(new Uint8Array(), 0x6100 | bytes.length);
      }
      return encodeResponseApdu(bytes, 0x9000);
    };
    const sw = (value: number) => encodeResponseApdu(new Uint8Array(), value);
    if (c.cla === 0x00 && c.ins === 0xc0) {
      if (!card.pending) return sw(0x6985);
      const out = card.pending.subarray(0, c.le ?? card.pending.length);
      card.pending = null;
      return encodeResponseApdu(out, 0x9000);
    }
    card.pending = null;
    if (c.cla === 0x00 && c.ins === 0xa4) {
      if (c.p1 === 0x04) {
        if (c.data && Buffer.from(c.data).equals(SSSE_NAME) && (card.df === 'mf' || !this.hasMf)) {
          card.df = 'ssse';
          card.ef = null;
          return sw(0x9000);
        }
        return sw(0x6a82);
      }
      const fid = c.data && c.data.length === 2 ? (c.data[0]! << 8) | c.data[1]! : -1;
      if (fid === MF) {
        if (!this.hasMf) return sw(0x6a82);
        card.df = 'mf';
        return sw(0x9000);
      }
      if (card.df === 'ssse' && card.files.has(fid) && (c.p1 === 0x02 || c.p1 === 0x00)) {
        card.ef = fid;
        return sw(0x9000);
      }
      return sw(0x6a82);
    }
    if (c.cla === 0x00 && c.ins === 0xb2) {
      if (card.ef === null) return sw(0x6986);
      if (this.fault === 'removeMidRead' && card.ef === EF_HOLDER) {
        this.card = null;
        return sw(0x6f00);
      }
      const value = card.files.get(card.ef)?.get(c.p1);
      if (!value) return sw(0x6a83);
      const record = encodeTlv(c.p1, value);
      if (c.le !== record.length) return sw(0x6c00 | record.length);
      return ok(record);
    }
    if ((c.cla === 0x00 && c.ins === 0x20) || (c.cla === 0x80 && c.ins === 0x5e)) {
      if (card.df !== 'ssse') return sw(0x6982);
      if (card.tries === 0) return sw(0x6983);
      const offered = c.data ? Buffer.from(c.data.subarray(0, 3)) : Buffer.alloc(0);
      if (!offered.equals(stringToBcd(card.pin))) {
        card.tries -= 1;
        return sw(0x63c0 | card.tries);
      }
      card.tries = 3;
      if (c.ins === 0x5e) {
        const next = c.data && c.data.length === 7 && c.data[3] === 0xff ? Buffer.from(c.data.subarray(4)).toString('hex') : null;
        if (!next || !/^\d{6}$/.test(next)) return sw(0x6a80);
        card.pin = next;
      }
      return sw(0x9000);
    }
    return sw(c.cla === 0x00 || c.cla === 0x80 ? 0x6d00 : 0x6e00);
  }
}
