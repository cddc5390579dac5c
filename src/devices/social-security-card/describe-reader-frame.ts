import { toHex } from '../core/frame-log';
import { describeApduCommand, describeApduResponse } from '../apdu/describe-apdu';
import { createReaderFrameParser, parseReaderFrame, READER_COMMANDS, readerStatusName } from './reader-frame';

const COMMAND_NAMES = Object.fromEntries(Object.entries(READER_COMMANDS).map(([name, code]) => [code, name])) as Record<number, string>;

/**
 * Frames of the social security card reader's serial framing found in pasted bytes. A frame's first byte is a command
 * (host) or a status (reader); both sets are small and disjoint (30-33 vs 00-04), which says the direction.
 */
export function describeReaderBytes(bytes: Buffer): Array<Record<string, unknown>> {
  const parser = createReaderFrameParser(1);
  const out: Array<Record<string, unknown>> = [];
  for (const r of [...parser.push(bytes, 0), ...parser.expire(10)]) {
    if (r.type === 'frame') {
      const { head, data } = parseReaderFrame(r.frame);
      const name = COMMAND_NAMES[head];
      if (name) {
        out.push({ kind: 'command', command: name, ...(head === READER_COMMANDS.apdu ? { apdu: describeApduCommand(data) } : data.length ? { data: toHex(data) } : {}) });
      } else {
        const status = readerStatusName(head);
        const apdu = data.length >= 2 && status === 'ok' && data[0] !== 0x3b && data[0] !== 0x3f ? describeApduResponse(data) : undefined;
        out.push({ kind: 'answer', status, ...(apdu ? { apdu } : data.length ? { data: toHex(data) } : {}) });
      }
    } else if (r.type === 'badChecksum') out.push({ kind: 'badChecksum', hex: toHex(r.frame.subarray(0, 16)) });
    else if (r.type === 'garbage') out.push({ kind: 'garbage', bytes: r.bytes });
    else if (r.type === 'badLength') out.push({ kind: 'badLength', length: r.length });
    else if (r.type === 'truncated') out.push({ kind: 'truncated', bytes: r.bytes });
    else out.push({ kind: 'incomplete', bytes: r.partial });
  }
  return out;
}
