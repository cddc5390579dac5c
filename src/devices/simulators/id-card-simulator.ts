import { createHash } from 'node:crypto';
import type { SampleResident } from '../../shared/samples/residents';
import { sampleResident } from '../../shared/samples/residents';
import type { ByteTransport } from '../core/transport';
import type { DeviceLog } from '../core/device-log';
import { silentLog } from '../core/device-log';
import { COMMANDS, createIdCardFrameParser, encodeResponse, parseCommand } from '../id-card/frame';
import { buildReadPayload } from '../id-card/read-answer';
import { encodeTextBlock, type CardText } from '../id-card/text-block';
import { sendPaced } from './wire-pacer';

/** Fault modes a test or the developer panel can switch on. */
export type IdCardFault =
  | 'wrongChecksum' // every answer's CHK is off by one
  | 'garbage' // random bytes before every answer
  | 'silence' // no answers at all
  | 'slow' // answers after slowMs
  | 'removeMidRead' // the card leaves while being read: answer 41, card gone
  | 'samFailure'; // SAM self-test fails (60)

export interface IdCardSimulatorControl {
  insert(residentIndex: number): void;
  insertCard(text: CardText, appendedAddress?: string): void;
  remove(): void;
  setFault(fault: IdCardFault | null, slowMs?: number): void;
  state(): { card: boolean; residentIndex: number | null; fault: IdCardFault | null };
}

export interface IdCardSimulatorOptions {
  /** Pace answers like a serial line at this baud rate (0 = instant). */
  baudRate?: number;
  log?: DeviceLog;
}

export function cardTextOf(resident: SampleResident): CardText {
  if (resident.documentType === 'foreignPermanentResidentCard') {
    return {
      cardType: 'foreignPermanentResident',
      englishName: resident.englishName ?? '',
      chineseName: resident.name,
      sexCode: resident.sex === 'male' ? '1' : '2',
      sex: resident.sex,
      number: resident.idNumber,
      nationality: resident.nationality ?? '',
      birthDate: resident.birthDate,
      validFrom: resident.validFrom,
      validUntil: resident.validUntil,
      version: '01',
      authorityCode: '1500',
    };
  }
  return {
    cardType: 'resident',
    name: resident.name,
    sexCode: resident.sex === 'male' ? '1' : '2',
    sex: resident.sex,
    nationCode: resident.nationCode ?? '01',
    nation: undefined,
    birthDate: resident.birthDate,
    address: resident.address ?? '',
    idNumber: resident.idNumber,
    issuingAuthority: resident.issuingAuthority,
    validFrom: resident.validFrom,
    validUntil: resident.validUntil,
  };
}

/**
 * The reader's side of the SAM protocol: answers find/select/read/SAM commands for a sample card, with the fault
 * modes the tests need. The photo is 1024 opaque bytes derived from the ID number, not a real WLT image.
 */
export class IdCardSimulator implements IdCardSimulatorControl {
  private card: { text: CardText; residentIndex: number | null; appendedAddress?: string } | null = null;
  private fault: IdCardFault | null = null;
  private slowMs = 1500;
  private readonly parser = createIdCardFrameParser(1000);
  private readonly baudRate: number;
  private readonly log: DeviceLog;

  constructor(
    private readonly port: ByteTransport,
    options: IdCardSimulatorOptions = {},
  ) {
    this.baudRate = options.baudRate ?? 0;
    this.log = options.log ?? silentLog;
    port.onData((chunk) => this.onData(chunk));
  }

  insert(residentIndex: number): void {
    this.card = { text: cardTextOf(sampleResident(residentIndex)), residentIndex };
  }

  insertCard(text: CardText, appendedAddress?: string): void {
    this.card = { text, residentIndex: null, ...(appendedAddress ? { appendedAddress } : {}) };
  }

  remove(): void {
    this.card = null;
  }

  setFault(fault: IdCardFault | null, slowMs?: number): void {
    this.fault = fault;
    if (slowMs !== undefined) this.slowMs = slowMs;
  }

  state() {
    return { card: this.card !== null, residentIndex: this.card?.residentIndex ?? null, fault: this.fault };
  }

  private onData(chunk: Buffer): void {
    for (const r of this.parser.push(chunk)) {
      if (r.type === 'frame') void this.answer(r.frame);
      else if (r.type === 'badChecksum') void this.send(encodeResponse(0x10));
    }
  }

  private async answer(frame: Buffer): Promise<void> {
    const command = parseCommand(frame);
    if (!command) return this.send(encodeResponse(0x11));
    if (this.fault === 'silence') return;
    const is = (c: readonly [number, number]) => command.cmd === c[0] && command.para === c[1];
    let reply: Buffer;
    if (is(COMMANDS.resetSam)) reply = encodeResponse(0x90);
    else if (is(COMMANDS.samStatus)) reply = encodeResponse(this.fault === 'samFailure' ? 0x60 : 0x90);
    else if (is(COMMANDS.readSamId)) reply = encodeResponse(0x90, Buffer.from('0501201010200012345678901234abcd', 'hex'));
    else if (is(COMMANDS.findCard)) reply = this.card ? encodeResponse(0x9f, Buffer.alloc(4)) : encodeResponse(0x80);
    else if (is(COMMANDS.selectCard)) reply = this.card ? encodeResponse(0x90, Buffer.alloc(8)) : encodeResponse(0x81);
    else if (is(COMMANDS.readTextPhoto) || is(COMMANDS.readTextPhotoFingerprint)) reply = this.readAnswer(is(COMMANDS.readTextPhotoFingerprint));
    else if (is(COMMANDS.readAppendedAddress)) {
      const appended = this.card?.appendedAddress;
      reply = !this.card ? encodeResponse(0x41) : appended ? encodeResponse(0x90, Buffer.from(appended.padEnd(35, ' '), 'utf16le')) : encodeResponse(0x91);
    }
    else reply = encodeResponse(0x21);
    await this.send(reply);
  }

  private readAnswer(withFingerprint: boolean): Buffer {
    if (!this.card) return encodeResponse(0x41);
    if (this.fault === 'removeMidRead') {
      this.card = null;
      return encodeResponse(0x41);
    }
    const text = encodeTextBlock(this.card.text);
    const seed = this.card.text.cardType === 'foreignPermanentResident' ? this.card.text.number : this.card.text.idNumber;
    const photo = opaqueBytes(`photo:${seed}`, 1024);
    const fingerprint = withFingerprint ? opaqueBytes(`fp:${seed}`, 1024) : null;
    return encodeResponse(0x90, buildReadPayload(text, photo, fingerprint));
  }

  private async send(reply: Buffer): Promise<void> {
    let bytes = reply;
    if (this.fault === 'wrongChecksum') {
      bytes = Buffer.from(reply);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1]! + 1) & 0xff;
    }
    if (this.fault === 'garbage') bytes = Buffer.concat([opaqueBytes(`g${Date.now()}${Math.random()}`, 1 + Math.floor(Math.random() * 40)), bytes]);
    if (this.fault === 'slow') await new Promise((r) => setTimeout(r, this.slowMs));
    if (!this.port.isOpen) return;
    try {
      await sendPaced(this.port, bytes, this.baudRate);
    } catch (error) {
      this.log.debug({ err: error }, 'simulator could not answer');
    }
  }
}

function opaqueBytes(seed: string, length: number): Buffer {
  const out = Buffer.alloc(length);
  let block = createHash('sha256').update(seed).digest();
  for (let offset = 0; offset < length; offset += block.length) {
    block.copy(out, offset);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}
