import { createHash } from 'node:crypto';
import type { SampleResident } from '../../shared/samples/residents';
import { sampleResident } from '../../shared/samples/residents';
import type { ByteTransport } from '../core/transport';
import { COMMANDS, createIdCardFrameParser, encodeResponse, parseCommand } from '../id-card/frame';
import { buildReadPayload } from '../id-card/read-answer';
import { encodeTextBlock, type CardText } from '../id-card/text-block';
import { CardReaderSimulator, type CardReaderSimulatorOptions, type LineFault } from './card-reader-simulator';

/** Fault modes a test or the developer panel can switch on. */
export type IdCardFault =
  | LineFault
  | 'removeMidRead' // the card leaves while being read: answer 41, card gone
  | 'samFailure'; // SAM self-test fails (60)

export interface IdCardSimulatorControl {
  insert(residentIndex: number): void;
  insertCard(text: CardText, appendedAddress?: string): void;
  remove(): void;
  setFault(fault: IdCardFault | null, slowMs?: number): void;
  state(): { card: boolean; residentIndex: number | null; fault: IdCardFault | null };
}

export type IdCardSimulatorOptions = CardReaderSimulatorOptions;

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
export class IdCardSimulator extends CardReaderSimulator<IdCardFault> implements IdCardSimulatorControl {
  private card: { text: CardText; residentIndex: number | null; appendedAddress?: string } | null = null;

  constructor(port: ByteTransport, options: IdCardSimulatorOptions = {}) {
    // CHK is the frame's last byte.
    super(port, options, { parser: createIdCardFrameParser(1000), checksumFromEnd: 1, garbageMaxBytes: 40, checksumError: () => encodeResponse(0x10) });
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

  state() {
    return { card: this.card !== null, residentIndex: this.card?.residentIndex ?? null, fault: this.fault };
  }

  protected answer(frame: Buffer): Buffer | null {
    const command = parseCommand(frame);
    if (!command) return encodeResponse(0x11);
    if (this.fault === 'silence') return null;
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
    return reply;
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
