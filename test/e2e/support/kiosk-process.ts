import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { readLaunchUrl } from './launch-url';
import { isTempDir, removeTempDir, tempDir } from './temp-dirs';

export interface KioskProcess {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Stops the process; its data dir stays (a spec may start the kiosk again on it). */
  stop(): Promise<void>;
  /** Stops the process, then removes its data dir (with its key beside it) and its `--config` file's dir when the e2e made them (temp-dirs). */
  dispose(): Promise<void>;
}

/**
 * Starts the built browser host as a real process (as `npm run start:browser -- --no-browser` would), waits for
 * its "kiosk ready: ORIGIN (launch URL in FILE)" line and reads the launch URL from that file. Its data dir is `data`
 * in a temporary dir of its own: the kiosk keeps its key-encryption key beside the data dir (`.data.kek`), never in it,
 * so the key is removed with the temporary dir.
 */
export async function startKiosk(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}, dataDir = path.join(tempDir('kiosk-e2e-'), 'data')): Promise<KioskProcess> {
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const config = extraArgs.indexOf('--config');
  const configDir = config >= 0 && extraArgs[config + 1] ? path.dirname(extraArgs[config + 1]!) : null;
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    output: () => out,
    stop,
    dispose: async () => {
      await stop();
      if (isTempDir(path.dirname(dataDir))) removeTempDir(path.dirname(dataDir));
      if (configDir && isTempDir(configDir)) removeTempDir(configDir);
    },
  };
}
