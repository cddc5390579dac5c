import fs from 'node:fs';
import path from 'node:path';
import type { DataKey } from '../crypto/data-key';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * Encrypted attachment files under <dataDir>/attachments/<submissionId>/<sha256>.bin. A file is written and
 * fsynced before the database row that names it is committed; a file without a row (a crash in between) is
 * swept at start-up, so nothing half-written is ever referenced.
 */
export class AttachmentFiles {
  constructor(
    readonly dir: string,
    private readonly key: DataKey,
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  relativePath(submissionId: string, sha256: string): string {
    return path.join(submissionId, `${sha256}.bin`);
  }

  write(submissionId: string, sha256: string, plaintext: Buffer): string {
    const rel = this.relativePath(submissionId, sha256);
    const full = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o700 });
    writeFileAtomic(full, this.key.sealBytes(plaintext, `attachment:${sha256}`));
    return rel;
  }

  read(rel: string, sha256: string): Buffer {
    return this.key.openBytes(fs.readFileSync(path.join(this.dir, rel)), `attachment:${sha256}`);
  }

  remove(rel: string): void {
    fs.rmSync(path.join(this.dir, rel), { force: true });
  }

  removeSubmissionDir(submissionId: string): void {
    fs.rmSync(path.join(this.dir, submissionId), { recursive: true, force: true });
  }

  /** Deletes files (and temp files) no row refers to; returns how many went. */
  sweep(isReferenced: (rel: string) => boolean): number {
    let removed = 0;
    for (const sub of fs.readdirSync(this.dir)) {
      const subDir = path.join(this.dir, sub);
      if (!fs.statSync(subDir).isDirectory()) continue;
      for (const name of fs.readdirSync(subDir)) {
        const rel = path.join(sub, name);
        if (name.endsWith('.tmp') || !isReferenced(rel)) {
          fs.rmSync(path.join(subDir, name), { force: true });
          removed += 1;
        }
      }
      if (fs.readdirSync(subDir).length === 0) fs.rmdirSync(subDir);
    }
    return removed;
  }
}
