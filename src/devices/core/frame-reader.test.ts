import { commandFrame, createIdCardFrameParser } from '../id-card/frame';
import { FrameReader } from './frame-reader';
import type { LengthFrameParser, ParseResult } from './length-frame-parser';

/**
 * The reader's two clocks on the ID card framing, under Jest's fake timers: what is delivered, and when in timer
 * steps (never wall-clock time). A frame cut off after its header, then the start of the next one, is the case the
 * parser holds back until the line goes quiet.
 */
const FIND = commandFrame('findCard');
const STATUS = commandFrame('samStatus');
const HELD = Buffer.concat([FIND.subarray(0, 7), STATUS.subarray(0, 6)]); // header claiming 10 bytes, then 6 of the next

function reader(options?: { quietMs?: number; partialTimeoutMs?: number }, parser: LengthFrameParser = createIdCardFrameParser()) {
  const delivered: ParseResult[][] = [];
  return { delivered, reader: new FrameReader(parser, (results) => delivered.push(results), options) };
}

describe('FrameReader', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('delivers whole frames at once and sets no clock when nothing is held', () => {
    const { delivered, reader: r } = reader();
    r.push(Buffer.concat([FIND, STATUS]));
    expect(delivered).toStrictEqual([[{ type: 'frame', frame: FIND }, { type: 'frame', frame: STATUS }]]);
    expect(jest.getTimerCount()).toBe(0);
    expect(r.pending()).toBe(0);
  });

  it('delivers nothing for a chunk that completes nothing', () => {
    const { delivered, reader: r } = reader();
    r.push(FIND.subarray(0, 4));
    expect(delivered).toStrictEqual([]);
    expect(r.pending()).toBe(4);
    expect(jest.getTimerCount()).toBe(2);
  });

  it('settles a held-back head after 25 ms of quiet, and drops what is left 500 ms after the last byte', () => {
    const { delivered, reader: r } = reader();
    r.push(HELD);
    jest.advanceTimersByTime(24);
    expect(delivered).toStrictEqual([]);
    jest.advanceTimersByTime(1);
    expect(delivered).toStrictEqual([[{ type: 'badChecksum', frame: Buffer.concat([FIND.subarray(0, 7), STATUS.subarray(0, 3)]) }, { type: 'garbage', bytes: 6 }]]);
    expect(r.pending()).toBe(6);
    jest.advanceTimersByTime(474);
    expect(delivered).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(delivered[1]).toStrictEqual([{ type: 'timeout', partial: 6 }]);
    expect(r.pending()).toBe(0);
  });

  it('takes its own quiet and partial times', () => {
    const { delivered, reader: r } = reader({ quietMs: 5, partialTimeoutMs: 40 });
    r.push(FIND.subarray(0, 4));
    jest.advanceTimersByTime(39);
    expect(delivered).toStrictEqual([]);
    jest.advanceTimersByTime(1);
    expect(delivered).toStrictEqual([[{ type: 'timeout', partial: 4 }]]);
    const held = reader({ quietMs: 5, partialTimeoutMs: 40 });
    held.reader.push(HELD);
    jest.advanceTimersByTime(4);
    expect(held.delivered).toStrictEqual([]);
    jest.advanceTimersByTime(1);
    expect(held.delivered).toHaveLength(1);
  });

  it('drops a partial frame on time even though the parser was told a shorter or longer timeout of its own', () => {
    const { delivered, reader: r } = reader({ partialTimeoutMs: 100 }, createIdCardFrameParser(10_000));
    r.push(FIND.subarray(0, 4));
    jest.advanceTimersByTime(100);
    expect(delivered).toStrictEqual([[{ type: 'timeout', partial: 4 }]]);
  });

  it('starts both clocks again with each chunk, and a chunk that completes the frame stops them', () => {
    const { delivered, reader: r } = reader();
    r.push(HELD.subarray(0, 7));
    jest.advanceTimersByTime(20);
    r.push(HELD.subarray(7)); // now held back; the quiet clock runs from here (20), not from the first chunk (0)
    jest.advanceTimersByTime(24);
    expect(delivered).toStrictEqual([]);
    jest.advanceTimersByTime(1);
    expect(delivered).toHaveLength(1);
    const later = reader();
    later.reader.push(FIND.subarray(0, 4));
    jest.advanceTimersByTime(300);
    later.reader.push(FIND.subarray(4, 6)); // the reader's partial clock runs from here (300): nothing dropped at 500
    jest.advanceTimersByTime(499);
    expect(later.delivered).toStrictEqual([]);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1);
    expect(later.delivered).toStrictEqual([[{ type: 'timeout', partial: 6 }]]);
    const whole = reader();
    whole.reader.push(FIND.subarray(0, 4));
    jest.advanceTimersByTime(100);
    whole.reader.push(FIND.subarray(4));
    expect(whole.delivered).toStrictEqual([[{ type: 'frame', frame: FIND }]]);
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1000);
    expect(whole.delivered).toHaveLength(1);
  });

  it('reset and dispose forget the held bytes and stop both clocks', () => {
    for (const stop of ['reset', 'dispose'] as const) {
      const { delivered, reader: r } = reader();
      r.push(HELD);
      r[stop]();
      expect(r.pending()).toBe(0);
      expect(jest.getTimerCount()).toBe(0);
      jest.advanceTimersByTime(1000);
      expect(delivered).toStrictEqual([]);
      r.push(FIND);
      expect(delivered).toStrictEqual([[{ type: 'frame', frame: FIND }]]);
    }
  });

  it('a parser that throws is reset and reported as a dropped partial, and the reader goes on', () => {
    const parser = createIdCardFrameParser();
    const { delivered, reader: r } = reader({}, parser);
    r.push(FIND.subarray(0, 4));
    const append = jest.spyOn(parser, 'append').mockImplementationOnce(() => {
      throw new Error('parser bug');
    });
    r.push(FIND.subarray(4));
    expect(delivered).toStrictEqual([[{ type: 'timeout', partial: 0 }]]);
    expect(r.pending()).toBe(0);
    append.mockRestore();
    r.push(STATUS);
    expect(delivered[1]).toStrictEqual([{ type: 'frame', frame: STATUS }]);
  });
});
