/**
 * Card placed to identity available, over a real serial line: node-serialport on one end of a socat pty pair, the ID
 * card reader simulator in another process on the other end, answering at the pace of 115200 baud 8N1. The clock
 * starts when the card is placed (the simulator's "insert") and stops when the core's session holds the checked
 * identity (poll notices the card, find, select, read text + photo, decode, GB 11643 and validity checks).
 *
 * Baseline: the time the bytes of that exchange need on the wire at 115200 baud (10 bits a byte): the polling find
 * that notices the card, then find, select and read (commands and answers). Target: within 2.5x of the wire time.
 * The driver polls at its default interval (150 ms, site option pollIntervalMs), so on average half a poll interval
 * of waiting is inside the figure too.
 */
import { wireTimeMs } from '../src/devices/simulators/wire-pacer';
import { commandFrame, encodeResponse } from '../src/devices/id-card/frame';
import { median, POLL_MS, startIdCardLine } from './support/id-card-line';
import type { BenchFigure } from './types';

const BAUD = 115200;
const RUNS = 15;

/** Bytes on the wire for: polling find (answer: found), find, select, read text + photo. */
function exchangeBytes(): number {
  const find = commandFrame('findCard').length + encodeResponse(0x9f, Buffer.alloc(4)).length;
  const select = commandFrame('selectCard').length + encodeResponse(0x90, Buffer.alloc(8)).length;
  const read = commandFrame('readTextPhoto').length + 1295;
  return 2 * find + select + read;
}

export default async function bench(): Promise<BenchFigure[]> {
  const line = await startIdCardLine(BAUD);
  try {
    const placedToIdentity: number[] = [];
    const readOnly: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const { total, read } = await line.placeAndIdentify();
      placedToIdentity.push(total);
      readOnly.push(read);
    }

    const wire = wireTimeMs(exchangeBytes(), BAUD);
    const readWire = wireTimeMs(exchangeBytes() - (commandFrame('findCard').length + 15), BAUD);
    const total = median(placedToIdentity);
    const read = median(readOnly);
    return [
      {
        name: `ID card placed -> identity in the session over pty @${BAUD} (median of ${RUNS}, poll ${POLL_MS} ms)`,
        value: total,
        unit: 'ms',
        baselineName: `wire time of poll+find+select+read (${exchangeBytes()} bytes @${BAUD} 8N1)`,
        baselineValue: wire,
        ratio: total / wire,
        target: 'ratio <= 2.5 (smaller is better)',
        met: total / wire <= 2.5,
      },
      {
        name: `card noticed -> identity (find+select+read+checks, median of ${RUNS})`,
        value: read,
        unit: 'ms',
        baselineName: 'wire time of find+select+read',
        baselineValue: readWire,
        ratio: read / readWire,
        target: 'ratio <= 2.5 (smaller is better)',
        met: read / readWire <= 2.5,
      },
    ];
  } finally {
    await line.stop();
  }
}
