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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPtyPair, startSimulatorProcess } from '../src/devices/simulators/pty-harness';
import { wireTimeMs } from '../src/devices/simulators/wire-pacer';
import { DeviceManager } from '../src/devices/manager/device-manager';
import { createDefaultRegistry } from '../src/devices/manager/default-registry';
import { silentLog } from '../src/devices/core/device-log';
import { commandFrame, encodeResponse } from '../src/devices/id-card/frame';
import { ResidentSessionService } from '../src/main/services/session';
import { EventBus } from '../src/main/event-bus';
import { createMemoryLogger } from '../src/main/logging/logger';
import type { BenchFigure } from './types';

const BAUD = 115200;
const RUNS = 15;
const POLL_MS = 150; // the driver's default
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Bytes on the wire for: polling find (answer: found), find, select, read text + photo. */
function exchangeBytes(): number {
  const find = commandFrame('findCard').length + encodeResponse(0x9f, Buffer.alloc(4)).length;
  const select = commandFrame('selectCard').length + encodeResponse(0x90, Buffer.alloc(8)).length;
  const read = commandFrame('readTextPhoto').length + 1295;
  return 2 * find + select + read;
}

export default async function bench(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-idcard-'));
  const pty = await startPtyPair(dir);
  const sim = await startSimulatorProcess('idCard', pty.device, BAUD);
  const manager = new DeviceManager(createDefaultRegistry(), {
    devices: [{ id: 'id-reader', kind: 'idCardReader', transport: { type: 'serial', path: pty.host, baudRate: BAUD }, options: {} }],
    simulate: false,
    log: silentLog,
  });
  const { logger } = createMemoryLogger('warn');
  const session = new ResidentSessionService({ devices: manager, events: new EventBus(logger), log: logger, now: () => new Date(), idleTimeoutSeconds: 600, idleCountdownSeconds: 60 });
  try {
    await manager.start();
    const reader = manager.driverOf('id-reader', 'idCardReader');
    for (let i = 0; i < 200 && reader.status().state !== 'online'; i += 1) await new Promise((r) => setTimeout(r, 25));
    if (reader.status().state !== 'online') throw new Error('reader did not come online over the pty');

    const placedToIdentity: number[] = [];
    const readOnly: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const inserted = new Promise<void>((resolve) => {
        const off = reader.onCard(({ present }) => {
          if (present) {
            off();
            resolve();
          }
        });
      });
      // Let a random part of a poll interval pass, as a resident does not time the card to the poll.
      await new Promise((r) => setTimeout(r, Math.random() * POLL_MS));
      const t0 = performance.now();
      await sim.send('insert 0');
      await inserted;
      const t1 = performance.now();
      await session.identifyFromCard('idCard');
      const t2 = performance.now();
      placedToIdentity.push(t2 - t0);
      readOnly.push(t2 - t1);
      session.end('finished');
      await sim.send('remove');
      for (let i = 0; i < 100 && reader.cardPresent(); i += 1) await new Promise((r) => setTimeout(r, 20));
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
    session.close();
    await manager.stop();
    await sim.stop();
    await pty.stop();
  }
}
