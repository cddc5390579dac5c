import { toHex } from '../core/frame-log';
import { commandName, createIdCardFrameParser, parseCommand, parseResponse, verifyFrame, xorChecksum } from './frame';
import { parseReadPayload } from './read-answer';
import { describeSw3 } from './status-codes';

/**
 * What a technician gets from a pasted ID card reader capture: every frame found in the bytes, whether its checksum
 * is right (and what it should be), the command or status it carries, and the decoded card text of a read answer.
 */
export function describeIdCardBytes(bytes: Buffer): Array<Record<string, unknown>> {
  const parser = createIdCardFrameParser(1);
  const out: Array<Record<string, unknown>> = [];
  for (const r of [...parser.push(bytes, 0), ...parser.expire(10)]) {
    if (r.type === 'frame') out.push(describeFrame(r.frame));
    else if (r.type === 'badChecksum') {
      out.push({ kind: 'badChecksum', hex: toHex(r.frame.subarray(0, 16)), totalBytes: r.frame.length, checksum: r.frame[r.frame.length - 1], expectedChecksum: xorChecksum(r.frame, 5, r.frame.length - 1) });
    } else if (r.type === 'garbage') out.push({ kind: 'garbage', bytes: r.bytes });
    else if (r.type === 'badLength') out.push({ kind: 'badLength', length: r.length });
    else if (r.type === 'truncated') out.push({ kind: 'truncated', bytes: r.bytes });
    else out.push({ kind: 'incomplete', bytes: r.partial });
  }
  return out;
}

function describeFrame(frame: Buffer): Record<string, unknown> {
  const base = { length: frame.readUInt16BE(5), totalBytes: frame.length, checksumOk: verifyFrame(frame) };
  const command = parseCommand(frame);
  const name = command ? commandName(command.cmd, command.para) : undefined;
  if (command && name && command.data.length === 0) {
    return { kind: 'command', command: name, cmd: hexByte(command.cmd), para: hexByte(command.para), ...base };
  }
  const answer = parseResponse(frame);
  if (!answer) return { kind: 'unknown', ...base, hex: toHex(frame) };
  const meaning = describeSw3(answer.sw3);
  const described: Record<string, unknown> = {
    kind: 'answer',
    sw1: hexByte(answer.sw1),
    sw2: hexByte(answer.sw2),
    sw3: hexByte(answer.sw3),
    outcome: meaning.outcome,
    messageKey: meaning.messageKey,
    ...base,
    dataBytes: answer.data.length,
  };
  if (answer.sw3 === 0x90 && answer.data.length >= 4 + 256) {
    // Without fingerprint the data is exactly 4 + text + photo bytes; anything longer carries the fingerprint length.
    const withFp = answer.data.length !== 4 + answer.data.readUInt16BE(0) + answer.data.readUInt16BE(2);
    const payload = parseReadPayload(answer.data, withFp);
    if (payload.ok) {
      described.read = {
        text: payload.decoded.ok ? payload.decoded.text : { problem: payload.decoded.problem },
        photoBytes: payload.payload.photoWlt.length,
        photoNote: 'WLT-compressed; decoding needs the vendor library',
        ...(payload.payload.fingerprint ? { fingerprintBytes: payload.payload.fingerprint.length } : {}),
      };
    }
  } else if (answer.data.length > 0) {
    described.data = toHex(answer.data);
  }
  return described;
}

const hexByte = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
