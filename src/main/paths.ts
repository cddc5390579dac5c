import os from 'node:os';
import path from 'node:path';

/** The per-user data dir when none is given: where the database, keys, logs and captured files live. */
export function defaultDataDir(appName = 'village-kiosk'): string {
  if (process.env.KIOSK_DATA_DIR) return process.env.KIOSK_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), appName);
}

/** The built renderer (Vite output), relative to the compiled main code in dist/main/... */
export function rendererDir(): string {
  return process.env.KIOSK_RENDERER_DIR ?? path.resolve(__dirname, '..', 'renderer');
}

/** The app version from package.json (read once; the packaged app carries it too). */
export function appVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(path.resolve(__dirname, '..', '..', 'package.json')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
