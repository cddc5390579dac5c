import fs from 'node:fs';
import path from 'node:path';

/**
 * The launch URL of a kiosk started with --data-dir DIR: the host writes it to DIR/launch-url (0600) and prints
 * only "kiosk ready: ORIGIN (launch URL in FILE)".
 */
export function readLaunchUrl(dataDir: string): string {
  return fs.readFileSync(path.join(dataDir, 'launch-url'), 'utf8').trim();
}
