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

/**
 * A layout's fields lie end to end from `start`: each is given by its width in bytes and its offset follows from the
 * ones before it, so no offset is written by hand (DEVICES.md §1 lists the widths in this order).
 */
function layout<K extends string>(start: number, widths: Record<K, number>): Record<K, Field> {
  let offset = start;
  const fields = {} as Record<K, Field>;
  for (const [name, bytes] of Object.entries(widths) as Array<[K, number]>) {
    fields[name] = { offset, bytes };
    offset += bytes;
  }
  return fields;
}

const RESIDENT = layout(0, { name: 30, sex: 2, nation: 4, birth: 16, address: 70, idNumber: 36, authority: 30, validFrom: 16, validTo: 16 });

/** Hong Kong / Macau / Taiwan residence permit: the resident layout up to 220, then these (confidence M). */
const PERMIT_EXTRA = layout(220, { passNumber: 18, issueCount: 4 });

/** Foreign permanent resident ID card, 2017 layout. */
const FOREIGN = layout(0, { englishName: 120, sex: 2, number: 30, nationality: 6, chineseName: 30, validFrom: 16, validTo: 16, birth: 16, version: 4, authorityCode: 8 });

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
