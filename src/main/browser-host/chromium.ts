import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareKioskProfile } from './chromium-profile';

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
export function chromiumArgs(options: { url: string; profile: string; headless: boolean; extraArgs?: readonly string[] }): string[] {
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
    ...(options.headless ? ['--headless', '--disable-gpu', '--remote-debugging-pipe'] : ['--kiosk']),
    // Tests only: Chromium's fake camera (the e2e proves which origins may open it).
    ...(options.extraArgs ?? []),
    options.url,
  ];
}

export function launchChromiumKiosk(options: { executable: string; url: string; dataDir: string; headless: boolean; extraArgs?: readonly string[] }): ChildProcess {
  const profile = path.join(options.dataDir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true, mode: 0o700 });
  prepareKioskProfile(profile, new URL(options.url).origin);
  const args = chromiumArgs({ url: options.url, profile, headless: options.headless, ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}) });
  return spawn(options.executable, args, { stdio: options.headless ? ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] : 'ignore' });
}
