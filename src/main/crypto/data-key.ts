import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { KeyKeeperError, type KeyKeeper } from './key-keeper';
import { syncDirectory, writeFileAtomic, type AtomicWriteStep } from '../files/atomic-write';

const WRAPPED_FILE = 'data-key.wrapped';
const KEEPER_FILE = 'data-key.keeper';
/** The journal of a keeper move: the new keeper's name and its wrapped key, complete before either file changes. */
const MIGRATING_FILE = 'data-key.migrating';

/** A point in a keeper move where a crash may happen (tests stop the process at each one). */
export type MigrationStep = AtomicWriteStep | 'journalWritten' | 'wrappedWritten' | 'keeperWritten' | 'journalRemoved';
type StepHook = (step: MigrationStep, file: string) => void;


/**
 * Finishes a keeper move a crash interrupted. The journal is only written (atomically) after the new keeper proved it
 * gives the key back, so a journal that exists is complete and rolling forward is always right; half-written temp
 * files of any step are dropped.
 */
function recoverMigration(dir: string): void {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (/^\.?data-key\.(wrapped|keeper|migrating)\.\d+\.tmp$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
  const journalFile = path.join(dir, MIGRATING_FILE);
  if (!fs.existsSync(journalFile)) return;
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { to: string; wrapped: string };
  writeFileAtomic(path.join(dir, WRAPPED_FILE), Buffer.from(journal.wrapped, 'base64'));
  writeFileAtomic(path.join(dir, KEEPER_FILE), journal.to);
  fs.rmSync(journalFile);
  syncDirectory(dir);
}

/**
 * The one data key of a kiosk, with the operations the store needs: seal/open personal fields and files, and a
 * keyed hash that lets rows of the same resident be found (and ordered) without storing the ID number.
 */
export class DataKey {
  private constructor(
    private readonly key: Buffer,
    private readonly lookupKey: Buffer,
  ) {}

  /**
   * Loads the wrapped key from `dir/data-key.wrapped`, or makes and stores a new one on first start. Which keeper
   * wrapped it is recorded beside it (`data-key.keeper`): a kiosk started with another keeper stops with a message
   * saying which one it needs and how to move (migrateKeeper), never with a bare decryption error.
   */
  static loadOrCreate(dir: string, keeper: KeyKeeper): DataKey {
    recoverMigration(dir);
    const file = path.join(dir, WRAPPED_FILE);
    const recordFile = path.join(dir, KEEPER_FILE);
    let key: Buffer;
    if (fs.existsSync(file)) {
      const recorded = fs.existsSync(recordFile) ? fs.readFileSync(recordFile, 'utf8').trim() : null;
      if (recorded !== null && recorded !== keeper.name) {
        throw new KeyKeeperError(
          `the data key in ${dir} was wrapped by the "${recorded}" key keeper, but this kiosk now starts with "${keeper.name}": ` +
            `start it with "${recorded}" again, or move the key on purpose (DataKey.migrateKeeper) while both are available`,
        );
      }
      try {
        key = keeper.unwrap(fs.readFileSync(file));
      } catch (error) {
        if (recorded !== null) throw error;
        throw new KeyKeeperError(`the data key in ${dir} cannot be opened with the "${keeper.name}" key keeper (it records no keeper: was it made by another one?): ${(error as Error).message}`);
      }
      // A key from before keepers were recorded: record the one that just opened it.
      if (recorded === null) writeFileAtomic(recordFile, keeper.name);
    } else {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      key = randomBytes(32);
      writeFileAtomic(recordFile, keeper.name);
      writeFileAtomic(file, keeper.wrap(key));
    }
    return DataKey.fromBytes(key);
  }

  /**
   * Re-wraps the data key from one keeper to another (both must work now); the record follows. Crash-safe: the new
   * wrapped key and keeper name go first into one journal file (atomic), then each file is replaced by rename, then
   * the journal goes. A start after a crash at any point finishes the move (recoverMigration) or finds it not begun.
   */
  static migrateKeeper(dir: string, from: KeyKeeper, to: KeyKeeper, onStep?: StepHook): void {
    const key = DataKey.loadOrCreate(dir, from).key;
    const rewrapped = to.wrap(key);
    if (!to.unwrap(rewrapped).equals(key)) throw new KeyKeeperError(`the "${to.name}" key keeper does not give back what it wrapped`);
    const journalFile = path.join(dir, MIGRATING_FILE);
    writeFileAtomic(journalFile, JSON.stringify({ to: to.name, wrapped: rewrapped.toString('base64') }), { onStep });
    onStep?.('journalWritten', journalFile);
    writeFileAtomic(path.join(dir, WRAPPED_FILE), rewrapped, { onStep });
    onStep?.('wrappedWritten', journalFile);
    writeFileAtomic(path.join(dir, KEEPER_FILE), to.name, { onStep });
    onStep?.('keeperWritten', journalFile);
    fs.rmSync(journalFile);
    syncDirectory(dir);
    onStep?.('journalRemoved', journalFile);
  }

  static fromBytes(key: Buffer): DataKey {
    if (key.length !== 32) throw new Error('a data key is 32 bytes');
    return new DataKey(Buffer.from(key), createHmac('sha256', key).update('resident-lookup').digest());
  }

  sealText(text: string, context: string): Buffer {
    return seal(this.key, Buffer.from(text, 'utf8'), context);
  }

  openText(sealed: Buffer, context: string): string {
    return open(this.key, sealed, context).toString('utf8');
  }

  sealJson(value: unknown, context: string): Buffer {
    return this.sealText(JSON.stringify(value), context);
  }

  openJson(sealed: Buffer, context: string): unknown {
    return JSON.parse(this.openText(sealed, context)) as unknown;
  }

  sealBytes(bytes: Buffer, context: string): Buffer {
    return seal(this.key, bytes, context);
  }

  openBytes(sealed: Buffer, context: string): Buffer {
    return open(this.key, sealed, context);
  }

  /** A stable pseudonym of a resident (HMAC of the ID number): same person, same reference; not reversible. */
  residentRef(idNumber: string): string {
    return createHmac('sha256', this.lookupKey).update(idNumber.toUpperCase()).digest('hex').slice(0, 32);
  }
}
