import type { KeyKeeper } from '../../src/main/crypto/key-keeper';

/** A second keeper standing in for Electron's safeStorage (its own secret, its own name). */
export function otherKeeper(): KeyKeeper {
  const pad = Buffer.alloc(64, 0x5a);
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ pad[i % pad.length]!));
  return {
    name: 'safeStorage',
    wrap: (k) => Buffer.concat([Buffer.from('SS1'), xor(k)]),
    unwrap: (w) => {
      if (!w.subarray(0, 3).equals(Buffer.from('SS1'))) throw new Error('not mine');
      return xor(w.subarray(3));
    },
  };
}
