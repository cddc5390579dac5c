import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import type { KeyKeeper } from './key-keeper';

/**
 * The one data key of a kiosk, with the operations the store needs: seal/open personal fields and files, and a
 * keyed hash that lets rows of the same resident be found (and ordered) without storing the ID number.
 */
export class DataKey {
  private constructor(
    private readonly key: Buffer,
    private readonly lookupKey: Buffer,
  ) {}

  /** Loads the wrapped key from `dir/data-key.wrapped`, or makes and stores a new one on first start. */
  static loadOrCreate(dir: string, keeper: KeyKeeper): DataKey {
    const file = path.join(dir, 'data-key.wrapped');
    let key: Buffer;
    if (fs.existsSync(file)) {
      key = keeper.unwrap(fs.readFileSync(file));
    } else {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      key = randomBytes(32);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, keeper.wrap(key), { mode: 0o600 });
      fs.renameSync(tmp, file);
    }
    return DataKey.fromBytes(key);
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
