/**
 * `npm start`: the Electron kiosk where the Electron binary is installed; otherwise one line saying so and the
 * browser host with the system Chromium in kiosk mode. Arguments are passed through to either.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : (console.log('Electron binary not installed here: running the kiosk in the system Chromium through the browser host instead.'),
    spawn(process.execPath, [path.join(root, 'dist', 'main', 'browser-host', 'cli.js'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
