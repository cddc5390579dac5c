import { sampleResident } from '../../shared/samples/residents';
import { fromHex, toHex } from '../core/frame-log';
import { cardTextOf } from '../simulators/id-card-simulator';
import { describeIdCardBytes } from './describe-frame';
import { commandFrame, encodeCommand, encodeResponse } from './frame';
import { buildReadPayload } from './read-answer';
import { decodeTextBlock, encodeTextBlock } from './text-block';

// What `kioskctl decode idcard` shows a technician for a pasted capture: every frame, exact fields.
const bytes = (hex: string) => fromHex(hex)!;
const FIND_SUCCESS = 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'; // DEVICES.md §1

describe('describing a pasted ID card reader capture', () => {
  it('names a command by CMD and PARA, with LEN, size and checksum', () => {
    expect(describeIdCardBytes(commandFrame('findCard'))).toStrictEqual([{ kind: 'command', command: 'findCard', cmd: '20', para: '01', length: 3, totalBytes: 10, checksumOk: true }]);
    expect(describeIdCardBytes(commandFrame('readTextPhotoFingerprint'))).toMatchObject([{ kind: 'command', command: 'readTextPhotoFingerprint', cmd: '30', para: '10' }]);
  });

  it('reads an answer: its three status bytes, outcome and message key, and its data in hex', () => {
    expect(describeIdCardBytes(bytes(FIND_SUCCESS))).toStrictEqual([
      { kind: 'answer', sw1: '00', sw2: '00', sw3: '9F', outcome: 'findSuccess', messageKey: 'card-readers:idCard.sw.findSuccess', length: 8, totalBytes: 15, checksumOk: true, dataBytes: 4, data: '00 00 00 00' },
    ]);
    expect(describeIdCardBytes(encodeResponse(0x41, new Uint8Array(), 0x0a, 0xb0))).toStrictEqual([
      { kind: 'answer', sw1: '0A', sw2: 'B0', sw3: '41', outcome: 'readFailed', messageKey: 'card-readers:idCard.sw.readFailed', length: 4, totalBytes: 11, checksumOk: true, dataBytes: 0 },
    ]);
  });

  it('reads a known command carrying data, and an unknown one long enough, as an answer; a short unknown one as unknown', () => {
    // CMD 20 PARA 01 with a data byte is no command the reader takes: read as SW1 20, SW2 01, SW3 05.
    expect(describeIdCardBytes(encodeCommand(0x20, 0x01, Uint8Array.of(0x05)))).toMatchObject([{ kind: 'answer', sw1: '20', sw2: '01', sw3: '05', outcome: 'unknownStatus', dataBytes: 0 }]);
    const unknown = encodeCommand(0x99, 0x01);
    expect(describeIdCardBytes(unknown)).toStrictEqual([{ kind: 'unknown', length: 3, totalBytes: 10, checksumOk: true, hex: toHex(unknown) }]);
  });

  it('decodes the card text of a read answer and counts its photo and fingerprint bytes', () => {
    const resident = { ...cardTextOf(sampleResident(0)), nation: '汉' }; // the decoder names the nation code 01
    const text = encodeTextBlock(resident);
    const photo = Buffer.alloc(1024, 0x5a);
    const [plain] = describeIdCardBytes(encodeResponse(0x90, buildReadPayload(text, photo, null)));
    expect(plain).toMatchObject({ kind: 'answer', outcome: 'success', dataBytes: 4 + 256 + 1024 });
    expect(plain!.read).toStrictEqual({ text: resident, photoBytes: 1024, photoNote: 'WLT-compressed; decoding needs the vendor library' });
    expect(plain).not.toHaveProperty('data');
    const [withFp] = describeIdCardBytes(encodeResponse(0x90, buildReadPayload(text, photo, Buffer.alloc(512, 1))));
    expect(withFp!.read).toStrictEqual({ text: resident, photoBytes: 1024, photoNote: 'WLT-compressed; decoding needs the vendor library', fingerprintBytes: 512 });
  });

  it('reads the shortest read answer (text alone) and shows one byte less as data; a text it cannot decode as its problem', () => {
    const text = encodeTextBlock(cardTextOf(sampleResident(1)));
    const [shortest] = describeIdCardBytes(encodeResponse(0x90, buildReadPayload(text, Buffer.alloc(0), null)));
    expect(shortest!.read).toStrictEqual({ text: (decodeTextBlock(text) as { text: unknown }).text, photoBytes: 0, photoNote: 'WLT-compressed; decoding needs the vendor library' });
    const oneShort = buildReadPayload(text, Buffer.alloc(0), null).subarray(0, 259);
    expect(describeIdCardBytes(encodeResponse(0x90, oneShort))).toMatchObject([{ kind: 'answer', dataBytes: 259, data: toHex(oneShort) }]);
    const foreignType = Buffer.from(text);
    foreignType.write('X', 248, 'utf16le');
    const [unknownType] = describeIdCardBytes(encodeResponse(0x90, buildReadPayload(foreignType, Buffer.alloc(1024), null)));
    expect(unknownType!.read).toMatchObject({ text: { problem: 'unknownCardType' }, photoBytes: 1024 });
  });

  it('shows neither a read nor data for a success answer whose inner lengths do not add up, and data for another status', () => {
    const payload = buildReadPayload(encodeTextBlock(cardTextOf(sampleResident(0))), Buffer.alloc(1024), null);
    const [cut] = describeIdCardBytes(encodeResponse(0x90, payload.subarray(0, 300)));
    expect(cut).toMatchObject({ kind: 'answer', sw3: '90', dataBytes: 300 });
    expect(cut).not.toHaveProperty('read');
    expect(cut).not.toHaveProperty('data');
    const [other] = describeIdCardBytes(encodeResponse(0x91, payload.subarray(0, 300)));
    expect(other).toMatchObject({ kind: 'answer', outcome: 'noContent', data: toHex(payload.subarray(0, 300)) });
    expect(other).not.toHaveProperty('read');
  });

  it('reports a bad checksum with the first 16 bytes, the size and both checksums', () => {
    const frame = encodeResponse(0x90, Buffer.from('abcdefgh'));
    const expected = frame[frame.length - 1]!;
    frame[frame.length - 1] = expected ^ 0x0f;
    expect(describeIdCardBytes(frame)[0]).toStrictEqual({ kind: 'badChecksum', hex: toHex(frame.subarray(0, 16)), totalBytes: 19, checksum: expected ^ 0x0f, expectedChecksum: expected });
  });

  it('reports garbage, a bad length, a cut-off frame and a partial frame at the end, in stream order', () => {
    const find = commandFrame('findCard');
    expect(describeIdCardBytes(Buffer.concat([bytes('01 02 03'), find]))).toStrictEqual([
      { kind: 'garbage', bytes: 3 },
      { kind: 'command', command: 'findCard', cmd: '20', para: '01', length: 3, totalBytes: 10, checksumOk: true },
    ]);
    expect(describeIdCardBytes(bytes('AA AA AA 96 69 00 02 00 00'))[0]).toStrictEqual({ kind: 'badLength', length: 2 });
    expect(describeIdCardBytes(Buffer.concat([find.subarray(0, 8), find]))).toStrictEqual([
      { kind: 'truncated', bytes: 8 },
      { kind: 'command', command: 'findCard', cmd: '20', para: '01', length: 3, totalBytes: 10, checksumOk: true },
    ]);
    expect(describeIdCardBytes(find.subarray(0, 8))).toStrictEqual([{ kind: 'incomplete', bytes: 8 }]);
  });
});
