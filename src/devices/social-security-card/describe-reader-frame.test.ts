import { describe, expect, it } from '@jest/globals';
import { fromHex } from '../core/frame-log';
import { describeReaderBytes } from './describe-reader-frame';
import { encodeReaderFrame } from './reader-frame';

const hex = (text: string) => fromHex(text)!;

describe('describing pasted card reader bytes for a technician', () => {
  it('names each host command, describes an APDU and never shows a PIN', () => {
    const bytes = Buffer.concat([
      encodeReaderFrame(0x33),
      encodeReaderFrame(0x30, hex('01 02')),
      encodeReaderFrame(0x32),
      encodeReaderFrame(0x31, hex('00 A4 04 00 02 3F 00')),
      encodeReaderFrame(0x31, hex('00 20 00 00 03 12 34 56')),
    ]);
    expect(describeReaderBytes(bytes)).toStrictEqual([
      { kind: 'command', command: 'cardStatus' },
      { kind: 'command', command: 'powerOn', data: '01 02' },
      { kind: 'command', command: 'powerOff' },
      { kind: 'command', command: 'apdu', apdu: { kind: 'command', instruction: 'SELECT', cla: '00', ins: 'A4', p1: '04', p2: '00', data: '3F 00' } },
      { kind: 'command', command: 'apdu', apdu: { kind: 'command', instruction: 'VERIFY', cla: '00', ins: '20', p1: '00', p2: '00', data: '(3 bytes, PIN not shown)' } },
    ]);
  });

  it('reads an ok answer of two bytes or more as an APDU response, except an ATR (3B, 3F)', () => {
    const bytes = Buffer.concat([
      encodeReaderFrame(0x00, hex('90 00')),
      encodeReaderFrame(0x00, hex('41 42 63 C2')),
      encodeReaderFrame(0x00, hex('3B 6C')),
      encodeReaderFrame(0x00, hex('3F 00')),
      encodeReaderFrame(0x00, hex('01')),
      encodeReaderFrame(0x00),
      encodeReaderFrame(0x01),
      encodeReaderFrame(0x02, hex('90 00')),
      encodeReaderFrame(0x09, hex('90 00')),
    ]);
    expect(describeReaderBytes(bytes)).toStrictEqual([
      { kind: 'answer', status: 'ok', apdu: { kind: 'response', sw: '9000', outcome: 'ok', messageKey: 'card-readers:apdu.sw.ok' } },
      { kind: 'answer', status: 'ok', apdu: { kind: 'response', sw: '63C2', outcome: 'pinWrong', messageKey: 'card-readers:apdu.sw.pinWrong', value: 2, data: '41 42' } },
      { kind: 'answer', status: 'ok', data: '3B 6C' },
      { kind: 'answer', status: 'ok', data: '3F 00' },
      { kind: 'answer', status: 'ok', data: '01' },
      { kind: 'answer', status: 'ok' },
      { kind: 'answer', status: 'noCard' },
      { kind: 'answer', status: 'cardMute', data: '90 00' },
      { kind: 'answer', status: 'unknown', data: '90 00' },
    ]);
  });

  it('reports what is not a frame: garbage, a bad checksum (its first 16 bytes), a bad length, a cut-off head, a frame never finished', () => {
    const long = encodeReaderFrame(0x31, hex('00 B2 01 04 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00'));
    long[long.length - 2] = long[long.length - 2]! ^ 0xff;
    const bytes = Buffer.concat([hex('FF FF'), hex('02 00 01 33 00 03'), hex('02 00 00 00 03'), hex('02 00 05 31'), encodeReaderFrame(0x33), long, hex('02 00 03 00')]);
    expect(describeReaderBytes(bytes)).toStrictEqual([
      { kind: 'garbage', bytes: 2 },
      { kind: 'badChecksum', hex: '02 00 01 33 00 03' },
      { kind: 'garbage', bytes: 5 },
      { kind: 'badLength', length: 0 },
      { kind: 'garbage', bytes: 4 },
      { kind: 'truncated', bytes: 4 },
      { kind: 'command', command: 'cardStatus' },
      { kind: 'badChecksum', hex: '02 00 16 31 00 B2 01 04 10 00 00 00 00 00 00 00' },
      { kind: 'garbage', bytes: long.length - 1 },
      { kind: 'incomplete', bytes: 4 },
    ]);
  });

  it('finds nothing in nothing', () => {
    expect(describeReaderBytes(Buffer.alloc(0))).toStrictEqual([]);
  });
});
