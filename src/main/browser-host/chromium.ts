import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signalChild } from './child-signal';
import { prepareKioskProfile } from './chromium-profile';
import { xScreenSize, type ScreenSize } from './screen-size';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | null {
  const fromEnv = process.env.KIOSK_CHROMIUM;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/**
 * Starts the system Chromium in kiosk mode on the kiosk page. Its profile lives in the data dir so nothing
 * leaks into a user's browser profile. The URL carries a one-time code (spent when the page opens), so the command
 * line holds nothing that opens the kiosk again, and the profile keeps no history (chromium-profile.ts). The camera
 * is granted to the kiosk page's origin alone by the profile's content settings (a locked kiosk has nobody to click a
 * prompt); any other origin is refused, and nobody gets the microphone.
 */
export function chromiumArgs(options: { url: string; profile: string; headless: boolean; screen?: ScreenSize | null; extraArgs?: readonly string[] }): string[] {
  return [
    `--user-data-dir=${options.profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-translate',
    '--disable-features=Translate,TranslateUI',
    '--start-fullscreen',
    '--noerrdialogs',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--autoplay-policy=no-user-gesture-required',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    // Headless keeps its DevTools channel on a pipe (fds 3 and 4) that only this process holds, never a TCP port
    // any local user could attach to.
    ...(options.headless ? ['--headless', '--disable-gpu', '--remote-debugging-pipe'] : ['--kiosk', ...windowFromScreen(options.screen)]),
    // Tests only: Chromium's fake camera (the e2e proves which origins may open it).
    ...(options.extraArgs ?? []),
    options.url,
  ];
}

/**
 * Under a bare X session (no window manager, as village kiosk PCs often start) `--kiosk` cannot go full-screen: nobody
 * honours the request, and Chromium opens a window of its own choosing (945x1060 at +10+10 on a 1920x1080 Xvfb). So
 * the window is placed and sized from the screen itself. One pixel more each way: Chromium shrinks a window that asks
 * for exactly the screen's size by one pixel (so a window manager will not mistake it for full-screen), which would
 * leave a stripe of bare X along two edges. Where a window manager runs, `--kiosk` goes full-screen over this anyway.
 */
export function windowFromScreen(screen: ScreenSize | null | undefined): string[] {
  if (!screen) return [];
  return ['--window-position=0,0', `--window-size=${screen.width + 1},${screen.height + 1}`];
}

/** When each launch's temporary directory has been removed (once Chromium has exited). */
const launched = new WeakMap<ChildProcess, Promise<void>>();

/** How a launch ended: its exit, and the last of what it wrote to stderr (why it gave up, when it did). */
export interface ChromiumExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
}
const exits = new WeakMap<ChildProcess, Promise<ChromiumExit>>();
/** Enough for Chromium's last few lines (its reason to exit comes last); never more held per launch. */
const STDERR_TAIL_CHARS = 2_000;
/** How long an exited Chromium's stderr is still read for its last lines. */
const STDERR_GRACE_MS = 500;

/**
 * Chromium keeps its own temporary files in $TMPDIR: above all the directory of its singleton socket
 * (`org.chromium.Chromium.*`), which it removes only at a clean exit; stopped with SIGTERM (the supervisor, a
 * shutdown, the e2e) or crashing it leaves it behind, and a kiosk PC that restarts Chromium daily piled them up in
 * /tmp. So each launch gets a temporary directory of the host's own as its TMPDIR, removed once Chromium has
 * exited, however it ended (a spawn that failed included). `stopChromium` stops it and waits for that.
 * Its stderr is read all along (a pipe nobody reads would block it once full) and only its tail is kept, for
 * `chromiumExit`: a kiosk whose window went away must say why in its log.
 */
export function launchChromiumKiosk(options: { executable: string; url: string; dataDir: string; headless: boolean; extraArgs?: readonly string[]; /** The X display; $DISPLAY when absent. */ display?: string }): ChildProcess {
  const profile = path.join(options.dataDir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true, mode: 0o700 });
  prepareKioskProfile(profile, new URL(options.url).origin);
  const display = options.display ?? process.env.DISPLAY;
  const screen = options.headless ? null : xScreenSize(display);
  const args = chromiumArgs({ url: options.url, profile, headless: options.headless, screen, ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}) });
  // A short name: the singleton socket's path (<TMPDIR>/<this>/org.chromium.Chromium.XXXXXX/SingletonSocket) must fit a
  // Unix socket's 108 bytes, or Chromium exits at once (kiosk-window-xvfb.test under check-temp-leftovers, with a
  // longer prefix).
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-'));
  const child = spawn(options.executable, args, {
    env: { ...process.env, TMPDIR: tempDir, ...(display === undefined ? {} : { DISPLAY: display }) },
    stdio: options.headless ? ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'],
  });
  let stderrTail = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => (stderrTail = (stderrTail + text).slice(-STDERR_TAIL_CHARS)));
  child.stderr!.on('error', () => undefined); // a destroyed pipe: nothing more to read
  // On its exit, not once its pipes close: a helper it left running may hold them open for long (a spawn that failed
  // has no exit, only its close).
  launched.set(
    child,
    new Promise<void>((resolve) => {
      const remove = () => {
        // Never thrown from an exit listener (it would stop the host): a dir that cannot be removed is left, as before.
        try {
          fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        } catch {
          /* left for the OS's tmp cleaning */
        } finally {
          resolve();
        }
      };
      child.once('exit', () => {
        // Nothing reads an exited Chromium's pipes, and a helper it left may hold their other ends for long: the host's
        // ends would stay open with it (one pair of descriptors per launch, and a Node process that cannot wind down).
        // Its stderr gets a moment first: its last lines (why it exited) can arrive just after the exit.
        for (const stream of child.stdio) if (stream !== child.stderr) stream?.destroy();
        setTimeout(() => child.stderr!.destroy(), STDERR_GRACE_MS).unref();
        remove();
      });
      child.once('close', remove);
    }),
  );
  exits.set(
    child,
    new Promise<ChromiumExit>((resolve) => {
      const settle = () => resolve({ code: child.exitCode, signal: child.signalCode, stderrTail });
      // A spawn that failed (no such executable) has no exit, only an error and its close.
      child.once('error', (error) => {
        stderrTail = (stderrTail + String(error.message)).slice(-STDERR_TAIL_CHARS);
        child.once('close', settle);
      });
      // Once its stderr is closed: by Chromium, or by the exit listener above after STDERR_GRACE_MS.
      child.once('exit', () => {
        if (child.stderr!.closed) settle();
        else child.stderr!.once('close', settle);
      });
    }),
  );
  return child;
}
/** How a launch ended, once it has (with its stderr's last lines). */
export function chromiumExit(child: ChildProcess): Promise<ChromiumExit> {
  return exits.get(child) ?? new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderrTail: '' })));
}

/**
 * Stops a Chromium that `launchChromiumKiosk` started: SIGTERM (Chromium shuts down, writing its profile), SIGKILL
 * if it has not exited after `graceMs`; resolves once it has exited and its temporary directory is removed.
 */
export async function stopChromium(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const removed = launched.get(child) ?? new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Not started (its spawn failed) or already ended: nothing to signal; its close or exit removes the directory.
  if (!signalChild(child, 'SIGTERM')) return removed;
  const kill = setTimeout(() => signalChild(child, 'SIGKILL'), graceMs);
  await removed;
  clearTimeout(kill);
}
