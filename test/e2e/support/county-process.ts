import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { removeTempDir, tempDir } from './temp-dirs';

export interface CountyProcess {
  url: string;
  dataDir: string;
  kioskId: string;
  kioskSecret: string;
  /** Bearer token of the county's /admin/v1 routes (publishing config as the county's staff would). */
  adminToken: string;
  process: ChildProcess;
  /** Submissions the county stored, read from its own database file. */
  stored(): Array<{ trackingNumber: string; itemCode: string }>;
  /** Stops the server; its data stays (restart starts it again on them). */
  stop(): Promise<void>;
  /** Stops the server, then removes its data dir when the e2e made it (temp-dirs). */
  dispose(): Promise<void>;
  /** Stops the server and starts it again on the same port and data (the network "comes back"). */
  restart(): Promise<void>;
}

const ADMIN_TOKEN = 'e2e-admin-token-0123456789';

/** Starts the reference county server (`node dist/county/cli.js --seed demo`) as a real process on a fixed port. */
export async function startCounty(port = 0, dataDir = tempDir('county-e2e-'), extraArgs: string[] = []): Promise<CountyProcess> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const launch = (p: number) =>
    new Promise<{ child: ChildProcess; url: string; id: string; secret: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/county/cli.js', '--seed', 'demo', '--data-dir', dataDir, '--port', String(p), '--admin-token', ADMIN_TOKEN, ...extraArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const timer = setTimeout(() => reject(new Error(`county did not start:\n${out}`)), 20_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        const ready = /county ready: (\S+)/.exec(out);
        const kiosk = /demo kiosk: (\S+) \/ (\S+)/.exec(out);
        if (ready && kiosk) {
          clearTimeout(timer);
          resolve({ child, url: ready[1]!, id: kiosk[1]!, secret: kiosk[2]! });
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`county exited with ${code}:\n${out}`));
      });
    });
  let current = await launch(port);
  const fixedPort = Number(new URL(current.url).port);
  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const county: CountyProcess = {
    url: current.url,
    dataDir,
    kioskId: current.id,
    kioskSecret: current.secret,
    adminToken: ADMIN_TOKEN,
    get process() {
      return current.child;
    },
    stored: () => {
      const db = new Database(path.join(dataDir, 'county.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT tracking_number AS trackingNumber, item_code AS itemCode FROM items ORDER BY arrival').all() as Array<{ trackingNumber: string; itemCode: string }>);
      } finally {
        db.close();
      }
    },
    stop: () => stopChild(current.child),
    dispose: async () => {
      await stopChild(current.child);
      removeTempDir(dataDir);
    },
    restart: async () => {
      await stopChild(current.child);
      current = await launch(fixedPort);
    },
  };
  return county;
}

/**
 * A site config for a kiosk at the township's demonstration point (all 44 items), devices simulated, this county. Its
 * dir is removed by `dispose` of the kiosk started with `--config` on it.
 */
export function writeKioskConfig(county: Pick<CountyProcess, 'url' | 'kioskId' | 'kioskSecret' | 'dataDir'>, level: 'village' | 'demonstration' = 'demonstration'): string {
  const file = path.join(tempDir('kiosk-config-'), 'site.json');
  const config = {
    site: {
      name: { 'zh-CN': '土沃乡就业社保示范服务点', en: 'Tuwo Township Demonstration Service Point' },
      divisionCode: '140105001000',
      level,
      officeHours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
      consultationPhone: '0351-12333',
      onDuty: '赵*明',
    },
    kiosk: { idleTimeoutSeconds: 300, idleCountdownSeconds: 20, defaultLanguage: 'zh-CN', retentionDays: 30 },
    // http: needs the development flag; the config the county sends is still checked against its signing key.
    county: {
      url: county.url,
      kioskId: county.kioskId,
      secret: county.kioskSecret,
      development: true,
      configPublicKeyFile: path.join(county.dataDir, 'config-signing.pub.pem'),
      syncIntervalSeconds: 5,
    },
    devices: [
      { id: 'id-reader', kind: 'idCardReader', transport: { type: 'simulated' } },
      { id: 'ssc-reader', kind: 'socialSecurityCardReader', transport: { type: 'simulated' } },
      { id: 'receipt-printer', kind: 'receiptPrinter', transport: { type: 'simulated' } },
      { id: 'doc-printer', kind: 'documentPrinter', transport: { type: 'simulated' } },
      { id: 'doc-camera', kind: 'documentCamera', transport: { type: 'media' } },
      { id: 'face-camera', kind: 'faceCamera', transport: { type: 'simulated' } },
    ],
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
