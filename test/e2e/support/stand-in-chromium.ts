import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A stand-in for Chromium, given to the browser host as `KIOSK_CHROMIUM`: it records the arguments the host starts it
 * with and sleeps until the host stops it. Its last argument is the page's launch URL with the one-time code, which a
 * test or bench then opens in a browser of its own: the kiosk's own way in, without the kiosk's window.
 */
export interface StandInChromium {
  /** For `KIOSK_CHROMIUM`. */
  executable: string;
  /** The arguments of the host's last start of it, or null before the first. */
  args(): string[] | null;
  /** The page URL it was last started with (its last argument), or null before the first start. */
  launchUrl(): string | null;
}

/** Writes the stand-in into `dir` (a directory of the caller's, removed by it). */
export function standInChromium(dir: string): StandInChromium {
  const argsFile = path.join(dir, 'chromium-args');
  const executable = path.join(dir, 'chromium');
  // Written to a side file and renamed, so a reader never sees half of it; `exec` so the host's SIGTERM ends it.
  fs.writeFileSync(executable, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}.part' && mv '${argsFile}.part' '${argsFile}'\nexec sleep 600\n`, { mode: 0o755 });
  const args = () => (fs.existsSync(argsFile) ? fs.readFileSync(argsFile, 'utf8').trim().split('\n') : null);
  return {
    executable,
    args,
    launchUrl: () => args()?.at(-1) ?? null,
  };
}

/** The built browser host, started as the kiosk starts it, with a stand-in Chromium (`startHostWithStandIn`). */
export interface HostWithStandIn {
  /** The host's data dir, inside the caller's directory. */
  dataDir: string;
  chromium: StandInChromium;
  child: ChildProcess;
  /** What the host has printed so far ("kiosk ready: ..." once it is). */
  out(): string;
}

/**
 * Starts the built host (`dist/main/browser-host/cli.js --headless`; run `npm run build` first) with its data dir and
 * a stand-in Chromium in `dir` (the caller's, removed by it once the host has stopped): the kiosk's own launch, without
 * a window. `args` are added to the host's (`--port` for one origin across restarts).
 */
export function startHostWithStandIn(dir: string, args: string[] = []): HostWithStandIn {
  const chromium = standInChromium(dir);
  const dataDir = path.join(dir, 'data');
  const child = spawn(process.execPath, ['dist/main/browser-host/cli.js', '--headless', '--data-dir', dataDir, ...args], {
    cwd: path.resolve(__dirname, '..', '..', '..'),
    env: { ...process.env, KIOSK_CHROMIUM: chromium.executable },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return { dataDir, chromium, child, out: () => out };
}
