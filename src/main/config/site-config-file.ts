import fs from 'node:fs';
import path from 'node:path';
import type { DeviceConfig, SiteConfig } from '../../shared/config/site-config';
import { KioskError } from '../../shared/contract/errors';
import { parseSiteConfig, SiteConfigError } from './load-site-config';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * The site config on disk, changed by a technician (a device moved to another port). Every save validates the whole
 * config first, keeps the file it replaces as `<file>.previous`, and swaps the new one in with a rename, so a crash
 * or a bad value never leaves the kiosk without a working config. A kiosk started from the embedded demo config has
 * no file: its first save creates one in the data dir (start with `--config` on it to keep the change).
 */
export class SiteConfigFile {
  constructor(readonly file: string) {}

  /** Replaces one device's entry; answers the validated config and where the previous file was kept. */
  saveDevice(device: DeviceConfig, current: SiteConfig): { config: SiteConfig; previousKeptAt: string | null } {
    const raw = this.readRaw() ?? structuredClone(current);
    const devices = Array.isArray(raw.devices) ? (raw.devices as Array<Record<string, unknown>>) : [];
    const at = devices.findIndex((d) => d.id === device.id);
    const entry = { ...(at >= 0 ? devices[at] : {}), id: device.id, kind: device.kind, transport: device.transport };
    if (at >= 0) devices[at] = entry;
    else devices.push(entry);
    raw.devices = devices;
    let config: SiteConfig;
    try {
      config = parseSiteConfig(raw, 'site config');
    } catch (error) {
      const problems = error instanceof SiteConfigError ? error.problems : [String(error)];
      throw new KioskError('invalid_params', { details: { issues: problems.map((message) => ({ path: 'transport', message })) } });
    }
    const previousKeptAt = this.write(`${JSON.stringify(raw, null, 2)}\n`);
    return { config, previousKeptAt };
  }

  private readRaw(): Record<string, unknown> | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    const raw: unknown = JSON.parse(text);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  }

  private write(text: string): string | null {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    let previous: string | null = null;
    writeFileAtomic(this.file, text, {
      beforeRename: () => {
        if (!fs.existsSync(this.file)) return;
        previous = `${this.file}.previous`;
        fs.copyFileSync(this.file, previous);
      },
    });
    return previous;
  }
}
