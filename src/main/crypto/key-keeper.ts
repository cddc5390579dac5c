/**
 * Keeps the kiosk's data key safe at rest. The data key (32 random bytes) encrypts every personal field and
 * attachment; a keeper wraps it for storage and unwraps it at start-up. Electron implements this with
 * `safeStorage` (the OS keychain / DPAPI); the browser host uses a 0600 key file (file-key-keeper.ts).
 */
export interface KeyKeeper {
  /** A short name for logs and errors ("file", "safeStorage"). */
  readonly name: string;
  wrap(dataKey: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

/** The keeper cannot be used: a key file with loose permissions, a missing OS keychain, a wrong key. */
export class KeyKeeperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyKeeperError';
  }
}
