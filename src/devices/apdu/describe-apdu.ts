import { toHex } from '../core/frame-log';
import { decodeItem, HOLDER_ITEMS, ISSUER_ITEMS, type CardItem } from '../social-security-card/card-files';
import { decodeCommandApdu, parseResponseApdu } from './apdu';
import { describeSw } from './status-words';
import { parseTlv } from './tlv';

const ITEMS: Array<[string, CardItem]> = [...Object.entries(ISSUER_ITEMS), ...Object.entries(HOLDER_ITEMS)];

const INS_NAMES: Record<number, string> = { 0xa4: 'SELECT', 0xb2: 'READ RECORD', 0xb0: 'READ BINARY', 0x20: 'VERIFY', 0xc0: 'GET RESPONSE', 0x5e: 'CHANGE PIN (issuer-specific)' };

/** A pasted APDU response (data + SW1 SW2): the status word typed, and TLV records of the card files named. */
export function describeApduResponse(bytes: Buffer): Record<string, unknown> {
  const r = parseResponseApdu(bytes);
  if (!r) return { kind: 'invalid', problem: 'fewer than 2 bytes: no status word' };
  const meaning = describeSw(r.sw);
  const out: Record<string, unknown> = { kind: 'response', sw: toHex(Buffer.from([r.sw1, r.sw2]), ''), outcome: meaning.outcome, messageKey: meaning.messageKey };
  if (meaning.value !== undefined) out.value = meaning.value;
  if (r.data.length > 0) {
    out.data = toHex(r.data);
    const { items, trailing } = parseTlv(r.data);
    if (items.length > 0 && trailing === 0) {
      out.records = items.map((item) => {
        const known = ITEMS.find(([, spec]) => spec.tag === item.tag);
        return known ? { tag: toHex(Uint8Array.of(item.tag)), item: known[0], value: decodeItem(item.value, known[1].encoding) } : { tag: toHex(Uint8Array.of(item.tag)), value: toHex(item.value) };
      });
    }
  }
  return out;
}

/** A pasted command APDU: its parts and the instruction's name. */
export function describeApduCommand(bytes: Buffer): Record<string, unknown> {
  const c = decodeCommandApdu(bytes);
  if (!c) return { kind: 'invalid', problem: 'not a well-formed short APDU' };
  const hex = (n: number) => toHex(Uint8Array.of(n));
  return {
    kind: 'command',
    instruction: INS_NAMES[c.ins] ?? 'unknown',
    cla: hex(c.cla),
    ins: hex(c.ins),
    p1: hex(c.p1),
    p2: hex(c.p2),
    ...(c.data ? { data: c.ins === 0x20 || c.ins === 0x5e ? `(${c.data.length} bytes, PIN not shown)` : toHex(c.data) } : {}),
    ...(c.le === undefined ? {} : { le: c.le }),
  };
}
