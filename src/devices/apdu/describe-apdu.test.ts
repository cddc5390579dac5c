import { fromHex } from '../core/frame-log';
import { describeApduCommand, describeApduResponse } from './describe-apdu';

// What `kioskctl decode apdu` shows a technician for a pasted APDU: exact fields, so a wrong name, byte or count shows.
const bytes = (hex: string) => fromHex(hex)!;

describe('describing a pasted APDU response', () => {
  it('refuses fewer than two bytes, and gives a bare status word without data or records', () => {
    expect(describeApduResponse(bytes('90'))).toEqual({ kind: 'invalid', problem: 'fewer than 2 bytes: no status word' });
    expect(describeApduResponse(Buffer.alloc(0))).toEqual({ kind: 'invalid', problem: 'fewer than 2 bytes: no status word' });
    expect(describeApduResponse(bytes('90 00'))).toStrictEqual({ kind: 'response', sw: '9000', outcome: 'ok', messageKey: 'card-readers:apdu.sw.ok' });
  });

  it('carries the count of 61xx and the tries left of 63Cx as value', () => {
    expect(describeApduResponse(bytes('61 1A'))).toStrictEqual({ kind: 'response', sw: '611A', outcome: 'moreData', messageKey: 'card-readers:apdu.sw.moreData', value: 26 });
    expect(describeApduResponse(bytes('63 C2'))).toStrictEqual({ kind: 'response', sw: '63C2', outcome: 'pinWrong', messageKey: 'card-readers:apdu.sw.pinWrong', value: 2 });
    expect(describeApduResponse(bytes('6A 82'))).toStrictEqual({ kind: 'response', sw: '6A82', outcome: 'fileNotFound', messageKey: 'card-readers:apdu.sw.fileNotFound' });
  });

  it('names the card file items of a whole TLV record and decodes each by its encoding, unknown tags in hex', () => {
    // 07: card number (ascii, 00-padded), 09: name (GBK 王五), 05: issue date (BCD), 6F: not a card item.
    const data = '07 04 41 31 32 00 09 04 CD F5 CE E5 05 04 20 24 01 15 6F 02 AA BB';
    expect(describeApduResponse(bytes(`${data} 90 00`))).toStrictEqual({
      kind: 'response',
      sw: '9000',
      outcome: 'ok',
      messageKey: 'card-readers:apdu.sw.ok',
      data,
      records: [
        { tag: '07', item: 'cardNumber', value: 'A12' },
        { tag: '09', item: 'name', value: '王五' },
        { tag: '05', item: 'issueDate', value: '20240115' },
        { tag: '6F', value: 'AA BB' },
      ],
    });
  });

  it('shows data that is not whole TLV as hex only: a record cut off, or a single byte', () => {
    expect(describeApduResponse(bytes('07 04 41 31 90 00'))).toStrictEqual({ kind: 'response', sw: '9000', outcome: 'ok', messageKey: 'card-readers:apdu.sw.ok', data: '07 04 41 31' });
    expect(describeApduResponse(bytes('08 01 41 FF 90 00'))).toStrictEqual({ kind: 'response', sw: '9000', outcome: 'ok', messageKey: 'card-readers:apdu.sw.ok', data: '08 01 41 FF' });
    expect(describeApduResponse(bytes('5A 6A 83'))).toStrictEqual({ kind: 'response', sw: '6A83', outcome: 'recordNotFound', messageKey: 'card-readers:apdu.sw.recordNotFound', data: '5A' });
  });
});

describe('describing a pasted command APDU', () => {
  it('names each instruction it knows, and unknown for the rest', () => {
    const names = { A4: 'SELECT', B2: 'READ RECORD', B0: 'READ BINARY', C0: 'GET RESPONSE', '20': 'VERIFY', '5E': 'CHANGE PIN (issuer-specific)', '84': 'unknown' };
    for (const [ins, name] of Object.entries(names)) expect(describeApduCommand(bytes(`00 ${ins} 00 00`)).instruction).toBe(name);
  });

  it('gives cla, ins, p1, p2 in hex, the data in hex and Le (00 as 256), and no data or Le key when absent', () => {
    expect(describeApduCommand(bytes('00 A4 04 00 02 3F 00 00'))).toStrictEqual({ kind: 'command', instruction: 'SELECT', cla: '00', ins: 'A4', p1: '04', p2: '00', data: '3F 00', le: 256 });
    expect(describeApduCommand(bytes('80 B2 01 0C 1D'))).toStrictEqual({ kind: 'command', instruction: 'READ RECORD', cla: '80', ins: 'B2', p1: '01', p2: '0C', le: 29 });
    expect(describeApduCommand(bytes('00 A4 02 00 02 EF 05'))).toStrictEqual({ kind: 'command', instruction: 'SELECT', cla: '00', ins: 'A4', p1: '02', p2: '00', data: 'EF 05' });
    expect(describeApduCommand(bytes('00 B0 00 00'))).toStrictEqual({ kind: 'command', instruction: 'READ BINARY', cla: '00', ins: 'B0', p1: '00', p2: '00' });
  });

  it('never shows the PIN of VERIFY or CHANGE PIN, only its length', () => {
    expect(describeApduCommand(bytes('00 20 00 00 03 12 34 56'))).toStrictEqual({ kind: 'command', instruction: 'VERIFY', cla: '00', ins: '20', p1: '00', p2: '00', data: '(3 bytes, PIN not shown)' });
    expect(describeApduCommand(bytes('80 5E 00 00 06 12 34 56 65 43 21'))).toMatchObject({ instruction: 'CHANGE PIN (issuer-specific)', data: '(6 bytes, PIN not shown)' });
  });

  it('refuses bytes that are not a short APDU', () => {
    for (const hex of ['00 A4 04', '00 A4 04 00 00 01', '00 A4 04 00 03 3F 00']) {
      expect(describeApduCommand(bytes(hex))).toEqual({ kind: 'invalid', problem: 'not a well-formed short APDU' });
    }
  });
});
