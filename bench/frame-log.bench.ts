/**
 * The technician's live frame log while a card is read (issue 10): card placed -> identity in the session over a real
 * serial line at 115200 baud (socat pty pair, the reader simulator in another process), with the frame log open on a
 * screen and closed, in one run. Baseline: the same placement with the log closed.
 *
 * "Open" is what the core does for the workspace's frame log (src/renderer/technician/FrameLogView.tsx): the call
 * `devices.frames` (limit 40) checked against its contract on the way in and out and serialised for the socket, as the
 * dispatcher does. The screen asks once a second; here it is asked every 100 ms, ten times as often, so the figure is
 * an upper bound of the core's share. Painting the list is the renderer's work in another process and not in here.
 * Runs alternate closed/open in pairs placed at the same moment of the driver's poll, so that the poll's phase (up to
 * 150 ms of waiting) and a busy moment of the machine fall on both sides alike. The second figure leaves the poll out
 * (card noticed -> identity: find, select, read, checks), where any cost of the log shows undiluted.
 */
import { methods } from '../src/shared/contract';
import { devicesHandlers } from '../src/main/services/devices';
import type { CallContext } from '../src/main/dispatcher';
import { median, POLL_MS, READER_ID, startIdCardLine } from './support/id-card-line';
import type { BenchFigure } from './types';

const BAUD = 115200;
const RUNS = 20; // per side
const SCREEN_ASKS_EVERY_MS = 100;

/** The log on a screen: asks for the recent frames the way the dispatcher answers a socket call, until stopped. */
function openLog(handlers: ReturnType<typeof devicesHandlers>): { stop: () => number } {
  const spec = methods['devices.frames'];
  let asked = 0;
  const timer = setInterval(() => {
    const input = spec.input.parse({ deviceId: READER_ID, limit: 40 });
    const result = spec.output.parse(handlers['devices.frames'](input, {} as CallContext));
    if (JSON.stringify({ id: asked, result }).length > 0) asked += 1;
  }, SCREEN_ASKS_EVERY_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return asked;
    },
  };
}

export default async function bench(): Promise<BenchFigure[]> {
  const line = await startIdCardLine(BAUD);
  const handlers = devicesHandlers(line.manager);
  try {
    await line.placeAndIdentify(); // warm-up: first JIT of the read path on both sides
    const closed: Array<{ total: number; read: number }> = [];
    const open: Array<{ total: number; read: number }> = [];
    let asks = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const phase = ((run * 7) % RUNS) * (POLL_MS / RUNS); // every part of the poll interval once, in a mixed order
      closed.push(await line.placeAndIdentify(0, phase));
      const log = openLog(handlers);
      try {
        open.push(await line.placeAndIdentify(0, phase));
      } finally {
        asks += log.stop();
      }
    }
    if (asks === 0) throw new Error('the open log was never asked for its frames');
    const withLog = median(open.map((r) => r.total));
    const without = median(closed.map((r) => r.total));
    const readWithLog = median(open.map((r) => r.read));
    const readWithout = median(closed.map((r) => r.read));
    return [
      {
        name: `ID card placed -> identity @${BAUD}, frame log open (asked every ${SCREEN_ASKS_EVERY_MS} ms; median of ${RUNS}, poll ${POLL_MS} ms)`,
        value: withLog,
        unit: 'ms',
        baselineName: `the same with the frame log closed (median of ${RUNS}, same run, alternating)`,
        baselineValue: without,
        ratio: withLog / without,
        target: 'ratio <= 1.10 (smaller is better)',
        met: withLog / without <= 1.1,
      },
      {
        name: `card noticed -> identity @${BAUD}, frame log open (median of ${RUNS})`,
        value: readWithLog,
        unit: 'ms',
        baselineName: 'the same with the frame log closed',
        baselineValue: readWithout,
        ratio: readWithLog / readWithout,
        target: 'ratio <= 1.10 (smaller is better)',
        met: readWithLog / readWithout <= 1.1,
      },
    ];
  } finally {
    await line.stop();
  }
}
