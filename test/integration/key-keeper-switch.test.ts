import fs from 'node:fs';
import path from 'node:path';
import { DataKey } from '../../src/main/crypto/data-key';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import { KeyKeeperError, type KeyKeeper } from '../../src/main/crypto/key-keeper';
import { tempDataDir } from '../support/store-fixtures';

/** A second keeper standing in for Electron's safeStorage (its own secret, its own name). */
function otherKeeper(): KeyKeeper {
  const pad = Buffer.alloc(64, 0x5a);
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ pad[i % pad.length]!));
  return { name: 'safeStorage', wrap: (k) => Buffer.concat([Buffer.from('SS1'), xor(k)]), unwrap: (w) => {
    if (!w.subarray(0, 3).equals(Buffer.from('SS1'))) throw new Error('not mine');
    return xor(w.subarray(3));
  } };
}

/** Issue 14 item 9: switching key keepers never stops the kiosk silently. */
describe('which key keeper wrapped the data key', () => {
  it('records the keeper; another keeper gets a clear message; a deliberate migration moves the key', () => {
    const dir = path.join(tempDataDir(), 'keys');
    const file = new FileKeyKeeper(path.join(dir, 'kek'));
    const ref = DataKey.loadOrCreate(dir, file).residentRef('110101199003074518');
    expect(fs.readFileSync(path.join(dir, 'data-key.keeper'), 'utf8')).toBe('file');

    const other = otherKeeper();
    expect(() => DataKey.loadOrCreate(dir, other)).toThrow(KeyKeeperError);
    expect(() => DataKey.loadOrCreate(dir, other)).toThrow(/wrapped by the "file" key keeper, but this kiosk now starts with "safeStorage"/);

    DataKey.migrateKeeper(dir, file, other);
    expect(DataKey.loadOrCreate(dir, other).residentRef('110101199003074518')).toBe(ref);
    expect(() => DataKey.loadOrCreate(dir, file)).toThrow(/wrapped by the "safeStorage" key keeper/);
  });

  it('a key from before keepers were recorded opens with its keeper (which is then recorded), and says so clearly with another', () => {
    const dir = path.join(tempDataDir(), 'keys');
    const file = new FileKeyKeeper(path.join(dir, 'kek'));
    DataKey.loadOrCreate(dir, file);
    fs.rmSync(path.join(dir, 'data-key.keeper'));
    expect(() => DataKey.loadOrCreate(dir, otherKeeper())).toThrow(/cannot be opened with the "safeStorage" key keeper \(it records no keeper/);
    DataKey.loadOrCreate(dir, file);
    expect(fs.readFileSync(path.join(dir, 'data-key.keeper'), 'utf8')).toBe('file');
  });
});
