import { randomBytes, scryptSync } from 'node:crypto';
import { CURRENT_SCRYPT, formatPasswordHash, scryptOptions } from '../shared/sync/password-hash';

/** A staff password hash with the current scrypt parameters recorded in it (see shared/sync/password-hash.ts). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 32, scryptOptions(CURRENT_SCRYPT));
  return formatPasswordHash(CURRENT_SCRYPT, salt.toString('base64'), hash.toString('base64'));
}
