import fs from 'node:fs';
import { stmt } from './statements';
import path from 'node:path';
import { KioskError } from '../../shared/contract/errors';
import { DataKey } from '../crypto/data-key';
import type { KeyKeeper } from '../crypto/key-keeper';
import { AttachmentFiles } from './attachment-files';
import { openDatabase, type Db, type OpenDatabaseOptions } from './database';
import { resetSending } from './outbox';
import { purgeAcknowledged } from './retention';
import { purgeCases } from './cases';
import { insertSubmission, type NewSubmission, type StoredSubmission } from './submissions';

export interface KioskStoreOptions extends OpenDatabaseOptions {
  dataDir: string;
  keeper: KeyKeeper;
}

/**
 * The kiosk's memory: the database handle, the data key and the attachment files, opened together at start-up.
 * Per-domain queries live in their own files (submissions.ts, outbox.ts, ...) and take `db` and `key`.
 */
export class KioskStore {
  private constructor(
    readonly db: Db,
    readonly key: DataKey,
    readonly files: AttachmentFiles,
  ) {}

  static open(options: KioskStoreOptions): KioskStore {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const key = DataKey.loadOrCreate(path.join(options.dataDir, 'keys'), options.keeper);
    const db = openDatabase(path.join(options.dataDir, 'kiosk.sqlite'), options);
    const files = new AttachmentFiles(path.join(options.dataDir, 'attachments'), key);
    const store = new KioskStore(db, key, files);
    store.recover();
    return store;
  }

  /** After a crash: items caught mid-send are pending again, and files no committed row names are removed. */
  private recover(): void {
    resetSending(this.db);
    const referenced = new Set((stmt(this.db, 'SELECT file FROM attachments WHERE file IS NOT NULL').all() as Array<{ file: string }>).map((r) => r.file));
    this.files.sweep((rel) => referenced.has(rel));
  }

  /** The submit transaction, with storage failures turned into the errors a resident can be told about. */
  submit(input: NewSubmission, now: Date): StoredSubmission {
    try {
      return insertSubmission(this.db, this.key, this.files, input, now);
    } catch (error) {
      throw asStorageError(error);
    }
  }

  purge(days: number, now: Date): number {
    return purgeAcknowledged(this.db, this.files, days, now) + purgeCases(this.db, days, now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** SQLITE_FULL / ENOSPC / EDQUOT mean the disk is full: say so (storage_full), everything else is storage_error. */
export function asStorageError(error: unknown): KioskError {
  if (error instanceof KioskError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new KioskError('storage_full', { cause: error, retryable: false });
  return new KioskError('storage_error', { cause: error, details: { code: code.slice(0, 40) } });
}
