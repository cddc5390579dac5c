import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSiteConfigFile, demoSiteConfig, SiteConfigError } from '../config/load-site-config';
import { createKioskCore } from '../core';
import { createLogger } from '../logging/logger';
import { appVersion, defaultDataDir, rendererDir } from '../paths';
import { findChromium, launchChromiumKiosk } from './chromium';
import { startBrowserHost } from './server';

const USAGE = `usage: npm run start:browser -- [--port N] [--data-dir DIR] [--config FILE] [--simulate] [--headless] [--no-browser]
  --port N        listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR  database, keys, logs (default: ${defaultDataDir()})
  --config FILE   site config JSON (default: the embedded demo village, all devices simulated, no county)
  --simulate      run every configured device on its simulator
  --headless      start Chromium without a window (smoke tests, remote checks)
  --no-browser    only serve; print the URL and open nothing`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        config: { type: 'string' },
        simulate: { type: 'boolean', default: false },
        headless: { type: 'boolean', default: false },
        'no-browser': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got "${args.port}"`);
    process.exit(2);
  }

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
  const log = await createLogger({ dir: path.join(dataDir, 'logs') });
  const core = await createKioskCore({ config, dataDir, simulate, log, appVersion: appVersion() });
  const host = await startBrowserHost({ core, port, rendererDir: rendererDir() });
  console.log(`kiosk ready: ${host.url}`);

  let browser: ReturnType<typeof launchChromiumKiosk> | undefined;
  if (!args['no-browser']) {
    const executable = findChromium();
    if (executable) {
      browser = launchChromiumKiosk({ executable, url: host.url, dataDir, headless: args.headless });
      browser.on('exit', (code) => log.info({ code }, 'chromium exited'));
    } else {
      console.log('no Chromium found (set KIOSK_CHROMIUM); open the URL above in a browser');
    }
  }

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    browser?.kill();
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(`kiosk failed to start: ${(error as Error).message}`);
  process.exit(1);
});
