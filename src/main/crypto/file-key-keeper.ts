import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { KeyKeeperError, type KeyKeeper } from './key-keeper';

/**
 * The browser host's keeper: a key-encryption key in a file only the kiosk user may read (mode 0600).
 * A file readable by group or others is refused rather than trusted: the fix is `chmod 600`, not a silent start.
 * (On Windows file modes mean little; the Electron shell's safeStorage keeper is the one for that platform.)
 */
export class FileKeyKeeper implements KeyKeeper {
  readonly name = 'file';
  private readonly kek: Buffer;

  constructor(readonly file: string) {
    this.kek = FileKeyKeeper.loadOrCreate(file);
  }

  wrap(dataKey: Buffer): Buffer {
    return seal(this.kek, dataKey, 'data-key');
  }

  unwrap(wrapped: Buffer): Buffer {
    try {
      return open(this.kek, wrapped, 'data-key');
    } catch {
      throw new KeyKeeperError(`the data key cannot be opened with ${this.file} (wrong or replaced key file)`);
    }
  }

  private static loadOrCreate(file: string): Buffer {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const key = randomBytes(32);
      // 'wx' fails if another process created it meanwhile; then we read theirs below.
      try {
        fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
        return key;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const mode = fs.statSync(file).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new KeyKeeperError(`key file ${file} has mode ${mode.toString(8)}; it must be 600 (chmod 600 "${file}")`);
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new KeyKeeperError(`key file ${file} does not hold a 32-byte key`);
    return key;
  }
}

/**
 * Where the browser host's key-encryption key lives for a data dir: KIOSK_KEK_FILE when set (a root-owned folder
 * such as /etc/village-kiosk on a kiosk), else a hidden file beside the data dir, never inside it, so a copy or
 * backup of the data dir does not carry the key that opens it. A key left in the old place (DATA-DIR/keys/kek) is
 * moved once; `moved` says so for the log.
 */
export function defaultKekFile(dataDir: string): { file: string; moved: boolean } {
  const resolved = path.resolve(dataDir);
  const file = process.env.KIOSK_KEK_FILE ?? path.join(path.dirname(resolved), `.${path.basename(resolved)}.kek`);
  const old = path.join(resolved, 'keys', 'kek');
  if (fs.existsSync(old) && !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.copyFileSync(old, file, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(file, 0o600);
    fs.rmSync(old);
    return { file, moved: true };
  }
  return { file, moved: false };
}
