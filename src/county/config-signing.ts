import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigResponse } from '../shared/sync/protocol';
import { configSigningMessage } from '../shared/sync/config-signature';

const KEY_FILE = 'config-signing.key';
export const PUBLIC_KEY_FILE = 'config-signing.pub.pem';
const PARTS = ['catalog', 'staff', 'announcements', 'site'] as const;
const keys = new Map<string, KeyObject>();

/**
 * The county's config signing key: Ed25519, made on first start in the data dir (private key 0600; the public
 * key beside it is what each kiosk's site config names in county.configPublicKeyFile).
 */
export function configSigningKey(dataDir: string): KeyObject {
  const cached = keys.get(dataDir);
  if (cached) return cached;
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    const pair = generateKeyPairSync('ed25519');
    try {
      fs.writeFileSync(file, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another gateway process on this data dir made the key first: use theirs, never overwrite it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = createPrivateKey(fs.readFileSync(file));
  fs.writeFileSync(path.join(dataDir, PUBLIC_KEY_FILE), createPublicKey(key).export({ format: 'pem', type: 'spki' }));
  keys.set(dataDir, key);
  return key;
}

export function configPublicKeyPem(dataDir: string): string {
  return createPublicKey(configSigningKey(dataDir)).export({ format: 'pem', type: 'spki' }).toString();
}

/** Adds each part's signature (base64) next to its body. */
export function signConfigResponse(config: ConfigResponse, dataDir: string): ConfigResponse {
  const key = configSigningKey(dataDir);
  const out: Record<string, unknown> = { ...config };
  for (const part of PARTS) {
    const p = config[part];
    if (p) out[part] = { ...p, signature: sign(null, Buffer.from(configSigningMessage(part, p.version, p.body)), key).toString('base64') };
  }
  return out as ConfigResponse;
}
