import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PUBLIC_KEY_FILE, configPublicKeyPem, configSigningKey, signConfigResponse } from '../../src/county/config-signing';
import type { ConfigResponse } from '../../src/shared/sync/protocol';

/**
 * The county's config signing key and signatures (config-signing.ts) on a data dir of their own: the key made once
 * with mode 0600 and never overwritten, a key already in the data dir kept, the public key written beside it, and
 * each part signed over exactly its name, version and canonical body (checked here with node:crypto's verify and the
 * message spelled out by hand, not with the kiosk's checker).
 */
describe('config signing', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-signing-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes an Ed25519 key on first use, private to the owner, and writes its public key beside it', () => {
    const dir = dataDir();
    const key = configSigningKey(dir);
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(key.type).toBe('private');
    const file = path.join(dir, 'config-signing.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const pem = fs.readFileSync(path.join(dir, PUBLIC_KEY_FILE), 'utf8');
    expect(PUBLIC_KEY_FILE).toBe('config-signing.pub.pem');
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(key).export({ format: 'pem', type: 'spki' })).toBe(pem);
    expect(configPublicKeyPem(dir)).toBe(pem);
    // The same key for the data dir from then on.
    expect(configSigningKey(dir)).toBe(key);
  });

  it('keeps a key already in the data dir (a restarted county) and writes its public key again', () => {
    const dir = dataDir();
    const pair = generateKeyPairSync('ed25519');
    const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' });
    fs.writeFileSync(path.join(dir, 'config-signing.key'), privatePem, { mode: 0o600 });
    const publicPem = pair.publicKey.export({ format: 'pem', type: 'spki' });
    expect(configPublicKeyPem(dir)).toBe(publicPem);
    expect(fs.readFileSync(path.join(dir, PUBLIC_KEY_FILE), 'utf8')).toBe(publicPem);
    expect(fs.readFileSync(path.join(dir, 'config-signing.key'), 'utf8')).toBe(privatePem);
  });

  it('uses the key another gateway process made between the look and the write, and never overwrites it', () => {
    const dir = dataDir();
    const pair = generateKeyPairSync('ed25519');
    const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' });
    fs.writeFileSync(path.join(dir, 'config-signing.key'), privatePem, { mode: 0o600 });
    // The look found no key: the other process wrote it just after.
    const exists = jest.spyOn(fs, 'existsSync').mockReturnValueOnce(false);
    try {
      expect(configPublicKeyPem(dir)).toBe(pair.publicKey.export({ format: 'pem', type: 'spki' }));
      expect(exists).toHaveBeenCalledWith(path.join(dir, 'config-signing.key'));
    } finally {
      exists.mockRestore();
    }
    expect(fs.readFileSync(path.join(dir, 'config-signing.key'), 'utf8')).toBe(privatePem);
  });

  it('fails with the write error itself when the key cannot be written for any other reason', () => {
    const dir = dataDir();
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const write = jest.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
      throw denied;
    });
    try {
      expect(() => configSigningKey(dir)).toThrow(denied);
    } finally {
      write.mockRestore();
    }
  });

  it('keeps each data dir to its own key', () => {
    const a = dataDir();
    const b = dataDir();
    expect(configPublicKeyPem(a)).not.toBe(configPublicKeyPem(b));
  });

  it('signs every part present over its name, version and canonical body, and leaves the rest of the answer alone', () => {
    const dir = dataDir();
    const config = {
      version: 9,
      catalog: { version: 3, body: { items: [{ code: 'INS-09', b: 1, a: 2 }] } },
      staff: { version: 4, body: { accounts: [] } },
      announcements: { version: 5, body: { list: [{ id: 'x', text: '停电' }] } },
      site: { version: 6, body: { name: 'Tuwo', hours: null } },
      tickets: [],
    } as unknown as ConfigResponse;
    const signed = signConfigResponse(config, dir) as unknown as Record<string, { version: number; body: unknown; signature: string }> & { version: number; tickets: unknown[] };
    const publicKey = createPublicKey(configPublicKeyPem(dir));
    const messages: Record<string, string> = {
      catalog: 'village-kiosk config v1\ncatalog\n3\n{"items":[{"a":2,"b":1,"code":"INS-09"}]}',
      staff: 'village-kiosk config v1\nstaff\n4\n{"accounts":[]}',
      announcements: 'village-kiosk config v1\nannouncements\n5\n{"list":[{"id":"x","text":"停电"}]}',
      site: 'village-kiosk config v1\nsite\n6\n{"hours":null,"name":"Tuwo"}',
    };
    for (const [part, message] of Object.entries(messages)) {
      expect(signed[part]).toMatchObject({ version: (config as unknown as Record<string, { version: number }>)[part]!.version, body: (config as unknown as Record<string, { body: unknown }>)[part]!.body });
      expect([part, verify(null, Buffer.from(message), publicKey, Buffer.from(signed[part]!.signature, 'base64'))]).toEqual([part, true]);
    }
    expect(signed.version).toBe(9);
    expect(signed.tickets).toEqual([]);
    // The answer handed in is not changed.
    expect('signature' in (config as unknown as { staff: object }).staff).toBe(false);
  });

  it('adds nothing for a part the answer does not carry', () => {
    const dir = dataDir();
    const signed = signConfigResponse({ version: 2, staff: { version: 1, body: { accounts: [] } }, tickets: [] } as unknown as ConfigResponse, dir);
    expect(Object.keys(signed).sort()).toEqual(['staff', 'tickets', 'version']);
  });
});
