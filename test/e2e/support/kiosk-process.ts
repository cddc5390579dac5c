import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLaunchUrl } from './launch-url';

export interface KioskProcess {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser host as a real process (as `npm run start:browser -- --no-browser` would), waits for
 * its "kiosk ready: ORIGIN (launch URL in FILE)" line and reads the launch URL from that file.
 */
export async function startKiosk(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'))): Promise<KioskProcess> {
  const child = spawn(process.execPath, ['dist/main/browser-host/cli.js', '--no-browser', '--data-dir', dataDir, ...extraArgs], {
    cwd: path.resolve(__dirname, '..', '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not become ready:\n${out}`)), 20_000);
    const onData = () => {
      const m = /kiosk ready: (\S+) \(launch URL in (\S+)\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(readLaunchUrl(path.dirname(m[2]!)));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
