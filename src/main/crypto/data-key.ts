import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { KeyKeeperError, type KeyKeeper } from './key-keeper';

const WRAPPED_FILE = 'data-key.wrapped';
const KEEPER_FILE = 'data-key.keeper';

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
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
      if (recorded === null) writeAtomic(recordFile, keeper.name);
    } else {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      key = randomBytes(32);
      writeAtomic(recordFile, keeper.name);
      writeAtomic(file, keeper.wrap(key));
    }
    return DataKey.fromBytes(key);
  }

  /** Re-wraps the data key from one keeper to another (both must work now); the record follows. */
  static migrateKeeper(dir: string, from: KeyKeeper, to: KeyKeeper): void {
    const file = path.join(dir, WRAPPED_FILE);
    const key = DataKey.loadOrCreate(dir, from).key;
    const rewrapped = to.wrap(key);
    if (!to.unwrap(rewrapped).equals(key)) throw new KeyKeeperError(`the "${to.name}" key keeper does not give back what it wrapped`);
    writeAtomic(file, rewrapped);
    writeAtomic(path.join(dir, KEEPER_FILE), to.name);
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
