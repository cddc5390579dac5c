/**
 * `npm start`: the Electron kiosk where the Electron binary is installed; otherwise one line saying so and the
 * browser host with the system Chromium in kiosk mode. Arguments are passed through to either; both run supervised.
 */
import fs from 'node:fs';
import path from 'node:path';
import { supervise } from '../browser-host/supervisor';

function electronBinary(): string | null {
  try {
    // The electron package's main export is the path of its binary; it throws when the binary was never downloaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const root = path.resolve(__dirname, '..', '..', '..');
const binary = electronBinary();
const say = (line: string) => console.error(`[supervisor ${new Date().toISOString()}] ${line}`);
if (!binary) console.log('Electron binary not installed here: running the kiosk in the system Chromium through the browser host instead.');
// Either shell runs under the same supervisor: a crash of the Electron main process (which holds the core) or of the
// browser host is restarted with a backoff and said in the log, where the OS autostart alone would leave a dead screen.
const supervisor = binary
  ? supervise({ script: binary, args: [root, ...args], program: true, say })
  : supervise({ script: path.join(root, 'dist', 'main', 'browser-host', 'cli.js'), args, say });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping the kiosk`);
    void supervisor.stop().then(() => process.exit(0));
  });
}
