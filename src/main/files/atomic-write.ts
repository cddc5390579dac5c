import fs from 'node:fs';
import path from 'node:path';

/** A point in an atomic write where a crash may happen (the key keeper's crash tests stop the process at each one). */
export type AtomicWriteStep = 'tmpWritten' | 'renamed';

export interface AtomicWriteOptions {
  /** Called with the file once its new bytes are flushed in the temporary file, and again once renamed over it. */
  onStep?: (step: AtomicWriteStep, file: string) => void;
  /** Runs just before the rename, while the old file is still in place (site config keeps a copy of it). */
  beforeRename?: () => void;
}

/**
 * Write-new-then-rename, flushed, owner-only: after a crash the file holds either its old or its new bytes, never a
 * mix, and the directory entry is flushed too. A stale temporary file is removed first, so its mode (perhaps wider
 * than 0600) never carries over.
 */
export function writeFileAtomic(file: string, data: string | Buffer, options: AtomicWriteOptions = {}): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.rmSync(temp, { force: true });
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  options.onStep?.('tmpWritten', file);
  try {
    options.beforeRename?.();
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
  options.onStep?.('renamed', file);
}

/** Flushes a directory's entries (a rename or removal in it survives a power cut). */
export function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
