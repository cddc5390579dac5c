import { NATIONS, sexFromCode } from './nations';

/**
 * The 256-byte text block of a resident ID card (UTF-16LE, fields left-aligned and padded with spaces) and the
 * other layouts the same reader returns, chosen by the card-type character at byte 248 (DEVICES.md §1).
 */
export const TEXT_BLOCK_BYTES = 256;
const TYPE_OFFSET = 248;

interface Field {
  offset: number;
  bytes: number;
}

const RESIDENT = {
  name: { offset: 0, bytes: 30 },
  sex: { offset: 30, bytes: 2 },
  nation: { offset: 32, bytes: 4 },
  birth: { offset: 36, bytes: 16 },
  address: { offset: 52, bytes: 70 },
  idNumber: { offset: 122, bytes: 36 },
  authority: { offset: 158, bytes: 30 },
  validFrom: { offset: 188, bytes: 16 },
  validTo: { offset: 204, bytes: 16 },
} satisfies Record<string, Field>;

/** Hong Kong / Macau / Taiwan residence permit: the resident layout up to 220, then these (confidence M). */
const PERMIT_EXTRA = {
  passNumber: { offset: 220, bytes: 18 },
  issueCount: { offset: 238, bytes: 4 },
} satisfies Record<string, Field>;

/** Foreign permanent resident ID card, 2017 layout. */
const FOREIGN = {
  englishName: { offset: 0, bytes: 120 },
  sex: { offset: 120, bytes: 2 },
  number: { offset: 122, bytes: 30 },
  nationality: { offset: 152, bytes: 6 },
  chineseName: { offset: 158, bytes: 30 },
  validFrom: { offset: 188, bytes: 16 },
  validTo: { offset: 204, bytes: 16 },
  birth: { offset: 220, bytes: 16 },
  version: { offset: 236, bytes: 4 },
  authorityCode: { offset: 240, bytes: 8 },
} satisfies Record<string, Field>;

export interface ResidentCardText {
  cardType: 'resident' | 'hkMacauTaiwanPermit';
  name: string;
  sexCode: string;
  sex: 'male' | 'female' | 'unknown';
  nationCode: string;
  /** Name without 族; undefined for an unknown code. */
  nation: string | undefined;
  /** YYYY-MM-DD, or the raw text when it is not a date. */
  birthDate: string;
  address: string;
  idNumber: string;
  issuingAuthority: string;
  validFrom: string;
  /** YYYY-MM-DD or 'long-term'. */
  validUntil: string;
  passNumber?: string;
  issueCount?: string;
}

export interface ForeignCardText {
  cardType: 'foreignPermanentResident';
  englishName: string;
  chineseName: string;
  sexCode: string;
  sex: 'male' | 'female' | 'unknown';
  number: string;
  nationality: string;
  birthDate: string;
  validFrom: string;
  validUntil: string;
  version: string;
  authorityCode: string;
}

export type CardText = ResidentCardText | ForeignCardText;

export type TextDecodeResult = { ok: true; text: CardText } | { ok: false; problem: 'length' | 'unknownCardType'; typeChar?: string };

function field(block: Uint8Array, f: Field): string {
  const s = Buffer.from(block.subarray(f.offset, f.offset + f.bytes)).toString('utf16le');
  return s.replace(/[\s\u0000]+$/u, '').trim();
}

function isoDate(yyyymmdd: string): string {
  return /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : yyyymmdd;
}

function validUntil(raw: string): string {
  return raw.startsWith('长期') ? 'long-term' : isoDate(raw);
}

/** Decodes the text block; never throws (bad input is a typed problem). */
export function decodeTextBlock(block: Uint8Array): TextDecodeResult {
  if (block.length < TEXT_BLOCK_BYTES) return { ok: false, problem: 'length' };
  const typeChar = Buffer.from(block.subarray(TYPE_OFFSET, TYPE_OFFSET + 2)).toString('utf16le');
  if (typeChar === 'I') {
    const sexCode = field(block, FOREIGN.sex);
    return {
      ok: true,
      text: {
        cardType: 'foreignPermanentResident',
        englishName: field(block, FOREIGN.englishName),
        chineseName: field(block, FOREIGN.chineseName),
        sexCode,
        sex: sexFromCode(sexCode),
        number: field(block, FOREIGN.number),
        nationality: field(block, FOREIGN.nationality),
        birthDate: isoDate(field(block, FOREIGN.birth)),
        validFrom: isoDate(field(block, FOREIGN.validFrom)),
        validUntil: validUntil(field(block, FOREIGN.validTo)),
        version: field(block, FOREIGN.version),
        authorityCode: field(block, FOREIGN.authorityCode),
      },
    };
  }
  if (typeChar !== ' ' && typeChar !== '\u0000' && typeChar !== 'J') return { ok: false, problem: 'unknownCardType', typeChar };
  const sexCode = field(block, RESIDENT.sex);
  const nationCode = field(block, RESIDENT.nation);
  const text: ResidentCardText = {
    cardType: typeChar === 'J' ? 'hkMacauTaiwanPermit' : 'resident',
    name: field(block, RESIDENT.name),
    sexCode,
    sex: sexFromCode(sexCode),
    nationCode,
    nation: NATIONS[nationCode],
    birthDate: isoDate(field(block, RESIDENT.birth)),
    address: field(block, RESIDENT.address),
    idNumber: field(block, RESIDENT.idNumber),
    issuingAuthority: field(block, RESIDENT.authority),
    validFrom: isoDate(field(block, RESIDENT.validFrom)),
    validUntil: validUntil(field(block, RESIDENT.validTo)),
  };
  if (typeChar === 'J') {
    text.passNumber = field(block, PERMIT_EXTRA.passNumber);
    text.issueCount = field(block, PERMIT_EXTRA.issueCount);
  }
  return { ok: true, text };
}

function put(block: Buffer, f: Field, value: string): void {
  const encoded = Buffer.from(value, 'utf16le').subarray(0, f.bytes);
  block.fill(Buffer.from(' ', 'utf16le'), f.offset, f.offset + f.bytes);
  encoded.copy(block, f.offset);
}

const compact = (isoOrLongTerm: string): string => (isoOrLongTerm === 'long-term' ? '长期' : isoOrLongTerm.replaceAll('-', ''));

/** Builds a text block (the simulator's side of the protocol). */
export function encodeTextBlock(text: CardText): Buffer {
  const block = Buffer.alloc(TEXT_BLOCK_BYTES);
  block.fill(Buffer.from(' ', 'utf16le'));
  if (text.cardType === 'foreignPermanentResident') {
    put(block, FOREIGN.englishName, text.englishName);
    put(block, FOREIGN.sex, text.sexCode);
    put(block, FOREIGN.number, text.number);
    put(block, FOREIGN.nationality, text.nationality);
    put(block, FOREIGN.chineseName, text.chineseName);
    put(block, FOREIGN.validFrom, compact(text.validFrom));
    put(block, FOREIGN.validTo, compact(text.validUntil));
    put(block, FOREIGN.birth, compact(text.birthDate));
    put(block, FOREIGN.version, text.version);
    put(block, FOREIGN.authorityCode, text.authorityCode);
    put(block, { offset: TYPE_OFFSET, bytes: 2 }, 'I');
    return block;
  }
  put(block, RESIDENT.name, text.name);
  put(block, RESIDENT.sex, text.sexCode);
  put(block, RESIDENT.nation, text.nationCode);
  put(block, RESIDENT.birth, compact(text.birthDate));
  put(block, RESIDENT.address, text.address);
  put(block, RESIDENT.idNumber, text.idNumber);
  put(block, RESIDENT.authority, text.issuingAuthority);
  put(block, RESIDENT.validFrom, compact(text.validFrom));
  put(block, RESIDENT.validTo, compact(text.validUntil));
  if (text.cardType === 'hkMacauTaiwanPermit') {
    put(block, PERMIT_EXTRA.passNumber, text.passNumber ?? '');
    put(block, PERMIT_EXTRA.issueCount, text.issueCount ?? '');
    put(block, { offset: TYPE_OFFSET, bytes: 2 }, 'J');
  }
  return block;
}
