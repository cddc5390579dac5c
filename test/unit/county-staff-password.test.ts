import { hashPassword } from '../../src/county/passwords';
import { verifyPassword } from '../../src/main/services/staff';

/**
 * The county makes the staff password hashes that kiosks check (src/county/passwords.ts): the format with its
 * parameters, a fresh salt each time, and the password in Unicode NFC, checked here by the kiosk's own verifier.
 * (The kiosk tests hash their staff at module load, which the mutation run cannot count.)
 */
describe('county staff password hashes', () => {
  it('records the current scrypt parameters, a 16-byte salt and a 32-byte hash, with a fresh salt each time', () => {
    const a = hashPassword('counter-pass-1');
    const b = hashPassword('counter-pass-1');
    expect(a).toMatch(/^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('opens at the kiosk with the same password only, however its accents were composed', async () => {
    const composed = 'caf\u00e9-pass-2';
    const decomposed = 'cafe\u0301-pass-2';
    const hash = hashPassword(decomposed);
    expect(await verifyPassword(composed, hash)).toBe(true);
    expect(await verifyPassword(decomposed, hash)).toBe(true);
    expect(await verifyPassword('cafe-pass-2', hash)).toBe(false);
  });
});
