import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { SubmissionPayload } from '../../../src/shared/sync/protocol';
import type { ItemOutcome } from '../../../src/shared/sync/outcomes';
import { startKiosk, type KioskProcess } from './kiosk-process';
import { openCoreSocket, type CoreSocket } from './core-socket';
import { startCounty, writeKioskConfig, type CountyProcess } from './county-process';

/** A service point for one spec file: the reference county, a kiosk synced with it, and a socket to the kiosk's core. */
export interface Point {
  county: CountyProcess;
  kiosk: KioskProcess;
  core: CoreSocket;
  /** The kiosk's site config file (a technician's port assignment rewrites it). */
  configFile: string;
}

/**
 * The one lifecycle of a spec file's processes: `start` fills in what the file needs before its tests, and whatever
 * was started is stopped after them (socket, kiosk, county, in that order) and its temporary dirs removed.
 */
function usePointParts<P extends Partial<Point>>(start: (point: P) => Promise<void>): P {
  const point = {} as P;
  test.beforeAll(async () => start(point));
  test.afterAll(async () => {
    point.core?.close();
    await point.kiosk?.dispose();
    await point.county?.dispose();
  });
  return point;
}

/** Changes a kiosk's site config before it starts (window station, LAN, village groups...). */
export type SiteConfigEdit = (config: { kiosk: Record<string, unknown> }) => void;

/**
 * A kiosk process (`--simulate`) configured against this county as its demo point, with a socket to its core, once its
 * first sync round is done (it brings the staff list). `edit` may change the site config first.
 */
export async function startKioskFor(county: CountyProcess, level: 'village' | 'demonstration', edit?: SiteConfigEdit): Promise<Pick<Point, 'kiosk' | 'core' | 'configFile'>> {
  const configFile = writeKioskConfig(county, level);
  if (edit) {
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { kiosk: Record<string, unknown> };
    edit(config);
    fs.writeFileSync(configFile, JSON.stringify(config));
  }
  const kiosk = await startKiosk(['--config', configFile, '--simulate']);
  const core = await openCoreSocket(kiosk);
  await expect.poll(async () => (await core.call('sync.status')).online, { timeout: 30_000 }).toBe(true);
  return { kiosk, core, configFile };
}

/** Starts the point (the county, then its kiosk: startKioskFor) before the file's tests and stops it after them. */
export function usePoint(level: 'village' | 'demonstration', edit?: SiteConfigEdit): Point {
  return usePointParts<Point>(async (point) => {
    point.county = await startCounty();
    Object.assign(point, await startKioskFor(point.county, level, edit));
  });
}

/** A site config edit for usePoint: the app on a clerk's window PC (it opens on the staff login). */
export const atWindowStation: SiteConfigEdit = (config) => {
  config.kiosk.station = 'window';
};

/** Only the kiosk, on its built-in demo config with simulated devices and no county: the resident's screens alone. */
export function useKiosk(): Pick<Point, 'kiosk' | 'core'> {
  return usePointParts<Pick<Point, 'kiosk' | 'core'>>(async (point) => {
    point.kiosk = await startKiosk();
    point.core = await openCoreSocket(point.kiosk);
  });
}

/** Only the county (its console and gateway), no kiosk process. */
export function useCounty(): Pick<Point, 'county'> {
  return usePointParts<Pick<Point, 'county'>>(async (point) => {
    point.county = await startCounty();
  });
}

/** The county goes away, and the kiosk has noticed (its sync status reads offline). */
export async function takeCountyDown(point: Pick<Point, 'county' | 'core'>): Promise<void> {
  await point.county.stop();
  await expect.poll(async () => (await point.core.call('sync.status')).online, { timeout: 60_000, intervals: [1000] }).toBe(false);
}

/**
 * The kiosk holds the county's staff list (a staff login can be tried): at once when its store already has one (it came
 * before the test's socket was open), else at the kiosk's `config.changed` event with part 'staff' (the sync engine
 * stores a part before it announces it, and the socket keeps every event since it opened, so none is missed). Not a
 * login retried on a timer: a wrong try there counts towards the name's lock.
 */
export async function staffListHeld(point: Pick<Point, 'kiosk' | 'core'>, timeoutMs = 60_000): Promise<void> {
  const stored = readDb(path.join(point.kiosk.dataDir, 'kiosk.sqlite'), (db) => db.prepare("SELECT version FROM config_versions WHERE part = 'staff'").get() !== undefined);
  if (stored) return;
  await point.core.waitForEvent('config.changed', (data) => (data as { part?: string }).part === 'staff', timeoutMs);
}

/** A card left on a simulated reader would be read by the next test's identify step (as a real reader would). */
export function takeCardsOutAfterEach(point: Pick<Point, 'core'>): void {
  test.afterEach(async () => {
    await point.core.call('dev.idCard.remove').catch(() => undefined);
    await point.core.call('dev.ssCard.remove').catch(() => undefined);
  });
}

/** Reads a database file of a running process read-only (WAL lets it read beside the writer). */
export function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export const kioskDb = <T>(point: Point, read: (db: Database.Database) => T): T => readDb(path.join(point.kiosk.dataDir, 'kiosk.sqlite'), read);

/** The submission as the county stored it (its payload column), by tracking number; null until it arrived. */
export function countyPayload(point: Pick<Point, 'county'>, trackingNumber: string): SubmissionPayload | null {
  return readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) => {
    const row = db.prepare('SELECT payload FROM items WHERE tracking_number = ?').get(trackingNumber) as { payload: string } | undefined;
    return row ? (JSON.parse(row.payload) as SubmissionPayload) : null;
  });
}

/** The county's current outcome of an application (its outcomes table), by tracking number; null before its first word. */
export function countyOutcome(point: Pick<Point, 'county'>, trackingNumber: string): ItemOutcome | null {
  return readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) => {
    const row = db
      .prepare('SELECT o.body FROM outcomes o JOIN items i ON i.id = o.item_id WHERE i.tracking_number = ?')
      .get(trackingNumber) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as ItemOutcome) : null;
  });
}
