import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { KioskError } from '../../shared/contract/errors';
import { scrubText, withoutSecrets } from './scrub';
import { tar, type TarEntry } from './tar';

export interface DiagnosticsSources {
  /** The kiosk id or division code, for the file name. */
  kioskId: string;
  /** The site config in force (secrets are removed here). */
  config: unknown;
  versions: () => unknown;
  devices: () => unknown;
  /** Recent frames per device id (already elided by the drivers). */
  frames: () => Record<string, unknown>;
  queue: () => unknown;
  /** Where the log files are (rotated pino files). */
  logDir: string;
  now: () => Date;
}

/** Newest log files and at most this much of each (their tails): a bundle fits a small USB stick. */
const LOG_FILES = 5;
const LOG_BYTES = 2 * 1024 * 1024;

/**
 * One archive (.tar.gz) of what a technician or the vendor needs to see why a kiosk misbehaves: masked logs, the
 * config without secrets, versions, device states with counters, recent frames and the outbox figures. Every text
 * passes through scrubText on the way in; the file is written to the chosen folder (a USB stick) atomically, 0600.
 */
export function writeDiagnosticsBundle(sources: DiagnosticsSources, folder: string): { file: string; bytes: number; entries: string[] } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new KioskError('invalid_params', { details: { issues: [{ path: 'folder', message: 'does not exist' }] } });
  }
  if (!stat.isDirectory()) throw new KioskError('invalid_params', { details: { issues: [{ path: 'folder', message: 'not a folder' }] } });
  const mtime = sources.now();
  const json = (value: unknown) => Buffer.from(`${scrubText(JSON.stringify(value, null, 2))}\n`, 'utf8');
  const entries: TarEntry[] = [
    { name: 'versions.json', data: json(sources.versions()), mtime },
    { name: 'config.json', data: json(withoutSecrets(sources.config)), mtime },
    { name: 'devices.json', data: json(withoutSecrets(sources.devices())), mtime },
    { name: 'frames.json', data: json(sources.frames()), mtime },
    { name: 'queue.json', data: json(sources.queue()), mtime },
    ...logEntries(sources.logDir, mtime),
  ];
  const archive = zlib.gzipSync(tar(entries));
  const stamp = mtime.toISOString().replace(/[:.]/g, '-');
  const safeId = sources.kioskId.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 40);
  const file = path.join(folder, `kiosk-diagnostics-${safeId}-${stamp}.tar.gz`);
  const temp = `${file}.part`;
  try {
    fs.writeFileSync(temp, archive, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new KioskError('internal', { details: { reason: 'bundleWrite', code: (error as NodeJS.ErrnoException).code ?? 'unknown' } });
  }
  return { file, bytes: archive.length, entries: entries.map((e) => e.name) };
}

function logEntries(logDir: string, mtime: Date): TarEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(logDir).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
  const files = names
    .map((n) => ({ n, stat: fs.statSync(path.join(logDir, n)) }))
    .filter((f) => f.stat.isFile())
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
    .slice(0, LOG_FILES);
  return files.map((f) => {
    const full = path.join(logDir, f.n);
    const start = Math.max(0, f.stat.size - LOG_BYTES);
    const fd = fs.openSync(full, 'r');
    let text: string;
    try {
      const buf = Buffer.alloc(f.stat.size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
    return { name: `logs/${f.n.slice(0, 90)}`, data: Buffer.from(scrubText(text), 'utf8'), mtime };
  });
}
