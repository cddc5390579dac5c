import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The e2e's temporary directories (kiosk and county data: encrypted personal data of test residents, site configs,
 * fake-camera files). Each is made here and removed by whoever started the process using it, once that process has
 * exited (`KioskProcess.dispose`, `CountyProcess.dispose`, a spec's own `finally`); one a spec restarts a process on
 * stays until the last process on it is disposed. A file the browser reads for the whole worker (the fake camera's)
 * is made with `untilExit` and removed when the worker exits.
 *
 * Whatever a teardown forgot (or that never ran: a worker stopped mid-test) is swept when the worker exits too, except
 * under `scripts/check-temp-leftovers.mjs` (CHECK_TEMP_LEFTOVERS=1): there the sweep is off, so the check counts what
 * the teardowns themselves left.
 */
const made = new Set<string>();
const untilExit = new Set<string>();

export function tempDir(prefix: string, lifetime: 'owner' | 'untilExit' = 'owner'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  (lifetime === 'untilExit' ? untilExit : made).add(dir);
  return dir;
}

/** True when the directory was made by tempDir for an owner and not removed yet. */
export function isTempDir(dir: string): boolean {
  return made.has(dir);
}

/** Removes a directory made by tempDir (a directory this module did not make is left alone). */
export function removeTempDir(dir: string): void {
  if (!made.delete(dir)) return;
  fs.rmSync(dir, { recursive: true, force: true });
}

process.on('exit', () => {
  for (const dir of untilExit) fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.CHECK_TEMP_LEFTOVERS === '1') return;
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
