import { randomBytes, scryptSync } from 'node:crypto';

/** "scrypt$<salt>$<hash>" with N=16384, r=8, p=1, 32-byte hash: the staff list format the kiosk verifies. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}
