import { scryptSync } from 'node:crypto';
import { CURRENT_PARAMS, hashPassword, needsRehash, parseHash, verifyPassword } from '../../src/county/console/password-hash';

/**
 * Console passwords (console/password-hash.ts) on their own, at the cheapest cost the format allows (ln=10), so a
 * mutation run can afford them: the stored form, verification, the bounds that keep a tampered row from costing
 * gigabytes, and when a hash is due for re-hashing.
 */
const CHEAP = { ln: 10, r: 8, p: 1 };
const SALT = 'c2FsdHNhbHRzYWx0c2FsdA=='; // 16 bytes
const KEY = Buffer.alloc(32, 7).toString('base64');
const stored = (ln: number, r: number, p: number) => `$scrypt$ln=${ln},r=${r},p=${p}$${SALT}$${KEY}`;

describe('console password hashes', () => {
  it('writes its parameters, a 16-byte salt and a 32-byte key into the hash, a fresh salt each time', async () => {
    const first = await hashPassword('正确的密码 correct', CHEAP);
    const second = await hashPassword('正确的密码 correct', CHEAP);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(second).not.toBe(first);
    const parsed = parseHash(first)!;
    expect([parsed.ln, parsed.r, parsed.p, parsed.salt.length, parsed.key.length]).toEqual([10, 8, 1, 16, 32]);
  });

  it('verifies the right password only, the same text in composed or decomposed form alike', async () => {
    const hash = await hashPassword('Café 王', CHEAP);
    expect(await verifyPassword('Café 王', hash)).toBe(true);
    expect(await verifyPassword('Cafe\u0301 王', hash)).toBe(true);
    expect(await verifyPassword('Café 王 ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('derives with the cost written in the hash: a key made elsewhere by scrypt at those parameters verifies', async () => {
    const salt = Buffer.from(SALT, 'base64');
    const key = scryptSync('secret', salt, 32, { N: 2 ** 10, r: 8, p: 1 }).toString('base64');
    expect(await verifyPassword('secret', `$scrypt$ln=10,r=8,p=1$${SALT}$${key}`)).toBe(true);
    const atOtherCost = scryptSync('secret', salt, 32, { N: 2 ** 11, r: 8, p: 1 }).toString('base64');
    expect(await verifyPassword('secret', `$scrypt$ln=10,r=8,p=1$${SALT}$${atOtherCost}`)).toBe(false);
  });

  it('refuses a hash it cannot read, and one whose key was cut short', async () => {
    const hash = await hashPassword('secret', CHEAP);
    expect(await verifyPassword('secret', hash.replace('$scrypt$', '$bcrypt$'))).toBe(false);
    expect(await verifyPassword('secret', `${hash}$more`)).toBe(false);
    expect(await verifyPassword('secret', '')).toBe(false);
    const [head, key] = [hash.slice(0, hash.lastIndexOf('$') + 1), hash.slice(hash.lastIndexOf('$') + 1)];
    const shorter = Buffer.from(key, 'base64').subarray(0, 30).toString('base64');
    expect(await verifyPassword('secret', head + shorter)).toBe(false);
  });

  it('reads only costs within bounds, so a tampered row cannot make the gateway allocate gigabytes', () => {
    expect(parseHash(stored(10, 1, 1))).toMatchObject({ ln: 10, r: 1, p: 1 });
    expect(parseHash(stored(20, 32, 16))).toMatchObject({ ln: 20, r: 32, p: 16 });
    for (const [ln, r, p] of [
      [9, 8, 1],
      [21, 8, 1],
      [17, 0, 1],
      [17, 33, 1],
      [17, 8, 0],
      [17, 8, 17],
    ] as const)
      expect(parseHash(stored(ln, r, p))).toBeNull();
    expect(parseHash(stored(100, 8, 1))).toBeNull();
    expect(parseHash(`$scrypt$ln=17,r=8,p=1$short$${KEY}`)).toBeNull();
    expect(parseHash(`x$scrypt$ln=17,r=8,p=1$${SALT}$${KEY}`)).toBeNull();
  });

  it('asks for a re-hash when any parameter is below current guidance or the hash cannot be read, not otherwise', () => {
    expect(CURRENT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
    expect(needsRehash(stored(17, 8, 1))).toBe(false);
    expect(needsRehash(stored(18, 16, 2))).toBe(false);
    expect(needsRehash(stored(16, 8, 1))).toBe(true);
    expect(needsRehash(stored(17, 7, 1))).toBe(true);
    expect(needsRehash(stored(17, 8, 2), { ln: 17, r: 8, p: 3 })).toBe(true);
    expect(needsRehash(stored(17, 8, 3), { ln: 17, r: 8, p: 3 })).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
  });
});
