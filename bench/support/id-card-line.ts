/**
 * One ID card reader on a real serial line for benchmarks: node-serialport on one end of a socat pty pair (opened by
 * the device manager as the kiosk opens it), the reader simulator in another process on the other end answering at
 * the pace of the line's baud rate, and the resident session that turns a placed card into a checked identity.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPtyPair, startSimulatorProcess } from '../../src/devices/simulators/pty-harness';
import { DeviceManager } from '../../src/devices/manager/device-manager';
import { createDefaultRegistry } from '../../src/devices/manager/default-registry';
import { silentLog } from '../../src/devices/core/device-log';
import { ResidentSessionService } from '../../src/main/services/session';
import { EventBus } from '../../src/main/event-bus';
import { createMemoryLogger } from '../../src/main/logging/logger';

/** The driver's default polling interval (site option pollIntervalMs). */
export const POLL_MS = 150;
export const READER_ID = 'id-reader';

export interface IdCardLine {
  manager: DeviceManager;
  /** Places the card `phaseMs` after the reader settled (default: a random part of a poll interval, as a resident does
   *  not time it), waits for the checked identity in the session, takes the card away again. Returns placed ->
   *  identity and noticed -> identity, ms. */
  placeAndIdentify(residentIndex?: number, phaseMs?: number): Promise<{ total: number; read: number }>;
  stop(): Promise<void>;
}

export async function startIdCardLine(baud: number): Promise<IdCardLine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-idcard-'));
  const pty = await startPtyPair(dir);
  const sim = await startSimulatorProcess('idCard', pty.device, baud);
  const manager = new DeviceManager(createDefaultRegistry(), {
    devices: [{ id: READER_ID, kind: 'idCardReader', transport: { type: 'serial', path: pty.host, baudRate: baud }, options: {} }],
    simulate: false,
    log: silentLog,
  });
  const { logger } = createMemoryLogger('warn');
  const session = new ResidentSessionService({ devices: manager, events: new EventBus(logger), log: logger, now: () => new Date(), idleTimeoutSeconds: 600, idleCountdownSeconds: 60 });
  const stop = async () => {
    session.close();
    await manager.stop();
    await sim.stop();
    await pty.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await manager.start();
    const reader = manager.driverOf(READER_ID, 'idCardReader');
    for (let i = 0; i < 200 && reader.status().state !== 'online'; i += 1) await new Promise((r) => setTimeout(r, 25));
    if (reader.status().state !== 'online') throw new Error('reader did not come online over the pty');
  } catch (error) {
    await stop();
    throw error;
  }
  const reader = manager.driverOf(READER_ID, 'idCardReader');
  return {
    manager,
    stop,
    placeAndIdentify: async (residentIndex = 0, phaseMs = Math.random() * POLL_MS) => {
      const inserted = new Promise<void>((resolve) => {
        const off = reader.onCard(({ present }) => {
          if (present) {
            off();
            resolve();
          }
        });
      });
      await new Promise((r) => setTimeout(r, phaseMs));
      const t0 = performance.now();
      await sim.send(`insert ${residentIndex}`);
      await inserted;
      const t1 = performance.now();
      await session.identifyFromCard('idCard');
      const t2 = performance.now();
      session.end('finished');
      await sim.send('remove');
      for (let i = 0; i < 100 && reader.cardPresent(); i += 1) await new Promise((r) => setTimeout(r, 20));
      return { total: t2 - t0, read: t2 - t1 };
    },
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
