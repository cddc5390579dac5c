import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCommandLine, tellWhyNot } from '../../shared/command-line/command-line';
import { loadSiteConfigFile, demoSiteConfig, SiteConfigError } from '../config/load-site-config';
import { createKioskCore } from '../core';
import { createLogger } from '../logging/logger';
import { appVersion, defaultDataDir, rendererDir } from '../paths';
import { findChromium, launchChromiumKiosk } from './chromium';
import { keepChromiumRunning, type KeptChromium } from './chromium-keeper';
import { launchFilePath, writeLaunchFile } from './launch-handover';
import { startBrowserHost } from './server';

const USAGE = `usage: npm run start:browser -- [--port N] [--data-dir DIR] [--config FILE] [--simulate] [--headless] [--no-browser]
  --port N        listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR  database, keys, logs (default: ${defaultDataDir()})
  --config FILE   site config JSON (default: the embedded demo village, all devices simulated, no county)
  --simulate      run every configured device on its simulator
  --headless      start Chromium without a window (smoke tests, remote checks)
  --no-browser    only serve and open nothing
The launch URL (with the launch token) is written to DATA-DIR/launch-url, readable by this user only; it is never printed.`;

async function main(): Promise<void> {
  const line = readCommandLine(
    parseArgs,
    {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      simulate: { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (!line.run) return tellWhyNot(line, process.exit);
  const { values: args, port } = line;

  let config;
  try {
    config = args.config ? loadSiteConfigFile(path.resolve(args.config)) : demoSiteConfig();
  } catch (error) {
    if (error instanceof SiteConfigError) {
      console.error(`kiosk cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const simulate = args.simulate || !args.config;
  const dataDir = path.resolve(args['data-dir'] ?? defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = await createLogger({ dir: path.join(dataDir, 'logs') });
  // A marker that only a clean stop removes: finding it at start means the last run died (crash, kill -9, power).
  const runMarker = path.join(dataDir, 'core.running');
  if (fs.existsSync(runMarker)) {
    log.warn({ previous: fs.readFileSync(runMarker, 'utf8').trim().slice(0, 200), supervised: process.env.KIOSK_SUPERVISED === '1' }, 'kiosk core restarted after an unclean stop');
  }
  fs.writeFileSync(runMarker, `pid ${process.pid} started ${new Date().toISOString()}\n`, { mode: 0o600 });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'kiosk core crashed');
    process.exit(70);
  });
  const core = await createKioskCore({ config, dataDir, simulate, log, appVersion: appVersion(), ...(args.config ? { configFile: path.resolve(args.config) } : {}) });
  const host = await startBrowserHost({ core, port, rendererDir: rendererDir() });
  const launchFile = writeLaunchFile(dataDir, host.url);

  // Chromium is started first: its own start takes longer than the warm-up below, which then costs it nothing.
  // Kept running: a Chromium that exits is started again (each start with a fresh one-time link), and why it exited is
  // logged (its stderr's last lines; Chromium writes no personal data there).
  let browser: KeptChromium | undefined;
  const executable = args['no-browser'] ? undefined : findChromium();
  if (executable) {
    browser = keepChromiumRunning({
      launch: () => launchChromiumKiosk({ executable, url: host.oneTimeUrl(), dataDir, headless: args.headless }),
      onExit: ({ code, signal, stderrTail, restartInMs }) => log.warn({ code, signal, stderrTail, restartInMs }, 'chromium exited; it is due to start again'),
      onRestart: ({ attempt }) => log.info({ attempt }, 'starting chromium again'),
    });
  }
  // The first screens' bundle is loaded and rendered, and the page answered once, before "ready": the render holds the
  // host for ~60 ms, and a page asked for right after "ready" (a browser already running, kioskctl, a test) would wait
  // that long for its first answer; a fresh process also compiles its request path on the first answer (~10 ms).
  await host.warmUp();
  // One line for whoever watches the console: where, and where the launch URL is; never the token itself.
  console.log(`kiosk ready: ${host.origin} (launch URL in ${launchFile})`);
  if (executable === null) console.log(`no Chromium found (set KIOSK_CHROMIUM); open the URL in ${launchFilePath(dataDir)} in a browser`);

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    // Chromium first, waited for: its temporary directory is removed once it has exited (chromium.ts).
    if (browser) await browser.stop();
    await host.close();
    await core.close();
    fs.rmSync(runMarker, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Under the supervisor: if it is gone (even by kill -9), so is the core.
  if (process.send) process.on('disconnect', () => void stop('supervisor gone'));
}

void main().catch((error: unknown) => {
  console.error(`kiosk failed to start: ${(error as Error).message}`);
  process.exit(1);
});
