import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { SEAL_OVERHEAD, open, seal } from './aes-gcm';
import { DataKey } from './data-key';
import { FileKeyKeeper } from './file-key-keeper';

// fast-check prints its seed and the shrunk counterexample on failure; `fc.assert(..., { seed })` replays it.
const key = randomBytes(32);

describe('AES-256-GCM sealing', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const a = seal(key, Buffer.from('王建国 140105196803120133'), 'outbox:1');
    const b = seal(key, Buffer.from('王建国 140105196803120133'), 'outbox:1');
    expect(a.equals(b)).toBe(false);
    expect(a.length).toBe(SEAL_OVERHEAD + Buffer.byteLength('王建国 140105196803120133'));
    expect(open(key, a, 'outbox:1').toString()).toBe('王建国 140105196803120133');
  });

  it('refuses a sealed value with any one bit changed: version, IV, tag or ciphertext', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (plain, at, bit) => {
        const sealed = seal(key, Buffer.from(plain), 'attachment:x');
        const tampered = Buffer.from(sealed);
        const i = at % tampered.length;
        tampered[i] = tampered[i]! ^ (1 << bit);
        expect(() => open(key, tampered, 'attachment:x')).toThrow();
      }),
    );
  });

  it('refuses another context, a missing context, another key and a cut value', () => {
    const sealed = seal(key, Buffer.from('scan'), 'attachment:a');
    expect(() => open(key, sealed, 'attachment:b')).toThrow();
    expect(() => open(key, sealed)).toThrow();
    expect(() => open(randomBytes(32), sealed, 'attachment:a')).toThrow();
    expect(() => open(key, sealed.subarray(0, sealed.length - 1), 'attachment:a')).toThrow();
    expect(() => open(key, sealed.subarray(0, SEAL_OVERHEAD - 1), 'attachment:a')).toThrow(/unknown layout/);
    expect(open(key, sealed, 'attachment:a').toString()).toBe('scan');
  });
});

describe('the data key at rest', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'data-key-'));

  it('a second start opens what the first sealed; the resident reference is stable and one-way', () => {
    const d = dir();
    const keeper = new FileKeyKeeper(path.join(d, 'kek'));
    const first = DataKey.loadOrCreate(d, keeper);
    const sealed = first.sealJson({ name: '王建国' }, 'outbox:7');
    const second = DataKey.loadOrCreate(d, new FileKeyKeeper(path.join(d, 'kek')));
    expect(second.openJson(sealed, 'outbox:7')).toEqual({ name: '王建国' });
    expect(second.residentRef('14010519680312013x')).toBe(first.residentRef('14010519680312013X'));
    expect(first.residentRef('140105196803120133')).not.toBe(first.residentRef('140105196803120141'));
    expect(first.residentRef('140105196803120133')).toMatch(/^[0-9a-f]{32}$/);
    expect(first.residentRef('140105196803120133')).not.toContain('140105');
  });

  it('a wrapped data key with one byte changed, or a replaced key-encryption key, does not open', () => {
    const d = dir();
    DataKey.loadOrCreate(d, new FileKeyKeeper(path.join(d, 'kek')));
    const wrappedFile = path.join(d, 'data-key.wrapped');
    const wrapped = fs.readFileSync(wrappedFile);
    const tampered = Buffer.from(wrapped);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    fs.writeFileSync(wrappedFile, tampered);
    expect(() => DataKey.loadOrCreate(d, new FileKeyKeeper(path.join(d, 'kek')))).toThrow();
    fs.writeFileSync(wrappedFile, wrapped);
    expect(() => DataKey.loadOrCreate(d, new FileKeyKeeper(path.join(d, 'kek')))).not.toThrow();
    fs.writeFileSync(path.join(d, 'kek'), randomBytes(32).toString('base64'), { mode: 0o600 });
    expect(() => DataKey.loadOrCreate(d, new FileKeyKeeper(path.join(d, 'kek')))).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => DataKey.fromBytes(randomBytes(16))).toThrow(/32 bytes/);
  });
});
