import type { SafeStorage } from 'electron';
import { KeyKeeperError, type KeyKeeper } from '../crypto/key-keeper';

/**
 * The Electron shell's keeper: the data key is wrapped by the operating system's secret store through
 * `safeStorage` (DPAPI on Windows, the keychain on macOS, libsecret/kwallet on Linux).
 * On Linux without a keyring daemon Electron falls back to `basic_text`, a fixed built-in password: that protects
 * nothing, so it is refused here and the caller uses the 0600 key file instead (and says so in the log).
 */
export class SafeStorageKeyKeeper implements KeyKeeper {
  readonly name = 'safeStorage';

  constructor(private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string }) {
    if (!safeStorage.isEncryptionAvailable()) throw new KeyKeeperError('the operating system offers no secret store (safeStorage unavailable)');
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
    if (backend === 'basic_text' || backend === 'unknown') throw new KeyKeeperError(`safeStorage would use the "${backend}" backend, which does not protect the key`);
  }

  wrap(dataKey: Buffer): Buffer {
    return this.safeStorage.encryptString(dataKey.toString('base64'));
  }

  unwrap(wrapped: Buffer): Buffer {
    let text: string;
    try {
      text = this.safeStorage.decryptString(wrapped);
    } catch {
      throw new KeyKeeperError('the data key cannot be opened with this machine\'s secret store (was the data dir copied from another machine?)');
    }
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) throw new KeyKeeperError('the unwrapped data key is not 32 bytes');
    return key;
  }
}
