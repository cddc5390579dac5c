import { randomBytes } from 'node:crypto';
import { safeStorage, resetElectronMock } from '../support/electron-mock';
import { SafeStorageKeyKeeper } from '../../src/main/electron/safe-storage-key-keeper';
import { KeyKeeperError } from '../../src/main/crypto/key-keeper';

describe('safeStorage key keeper (Electron)', () => {
  beforeEach(() => resetElectronMock());

  it('wraps the data key through the OS secret store and unwraps it again', () => {
    const keeper = new SafeStorageKeyKeeper(safeStorage);
    const key = randomBytes(32);
    const wrapped = keeper.wrap(key);
    expect(wrapped.includes(key)).toBe(false);
    expect(wrapped.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(keeper.unwrap(wrapped).equals(key)).toBe(true);
  });

  it('refuses a machine with no secret store or only the built-in plain-text backend', () => {
    safeStorage.available = false;
    expect(() => new SafeStorageKeyKeeper(safeStorage)).toThrow(KeyKeeperError);
    safeStorage.available = true;
    safeStorage.backend = 'basic_text';
    if (process.platform === 'linux') expect(() => new SafeStorageKeyKeeper(safeStorage)).toThrow(/basic_text/);
  });

  it('says clearly when a wrapped key from elsewhere cannot be opened', () => {
    const keeper = new SafeStorageKeyKeeper(safeStorage);
    expect(() => keeper.unwrap(Buffer.from('not ours'))).toThrow(/secret store/);
  });
});
