import { KioskSecrets, UnconfirmedSecretError } from '../../src/county/kiosk-secrets';

/**
 * The PostgreSQL intake's remembered kiosk secrets (kiosk-secrets.ts) on their own: remembered, replaced, forgotten,
 * and bounded. county-kiosk-rekey.test.ts proves what the intake does with them through a started county.
 */
describe("the gateway's remembered kiosk secrets", () => {
  it('knows a secret only once remembered, takes a new one in its place, and forgets one kiosk without the others', () => {
    const secrets = new KioskSecrets();
    expect(secrets.get('kiosk-a')).toBeUndefined();
    secrets.remember('kiosk-a', 'old');
    secrets.remember('kiosk-b', 'b');
    secrets.remember('kiosk-a', 'new');
    expect([secrets.get('kiosk-a'), secrets.get('kiosk-b')]).toEqual(['new', 'b']);
    secrets.forget('kiosk-a');
    expect([secrets.get('kiosk-a'), secrets.get('kiosk-b')]).toEqual([undefined, 'b']);
    secrets.forget('kiosk-unknown');
    expect(secrets.get('kiosk-b')).toBe('b');
  });

  it('starts afresh past its bound when a new kiosk comes, but not when a known one is remembered again', () => {
    const secrets = new KioskSecrets(2);
    secrets.remember('kiosk-a', 'a');
    secrets.remember('kiosk-b', 'b');
    secrets.remember('kiosk-b', 'b2');
    expect([secrets.get('kiosk-a'), secrets.get('kiosk-b')]).toEqual(['a', 'b2']);
    secrets.remember('kiosk-c', 'c');
    expect([secrets.get('kiosk-a'), secrets.get('kiosk-b'), secrets.get('kiosk-c')]).toEqual([undefined, undefined, 'c']);
  });

  it('holds 10,000 kiosks before starting afresh unless told otherwise', () => {
    const secrets = new KioskSecrets();
    for (let i = 0; i < 10_000; i += 1) secrets.remember(`kiosk-${i}`, `s${i}`);
    expect([secrets.get('kiosk-0'), secrets.get('kiosk-9999')]).toEqual(['s0', 's9999']);
    secrets.remember('kiosk-10000', 'next');
    expect([secrets.get('kiosk-0'), secrets.get('kiosk-10000')]).toEqual([undefined, 'next']);
  });

  it('names why a remembered secret was not confirmed', () => {
    for (const reason of ['unknown_kiosk', 'bad_signature'] as const) {
      const error = new UnconfirmedSecretError(reason);
      expect(error).toBeInstanceOf(Error);
      expect([error.reason, error.message]).toEqual([reason, `kiosk secret not confirmed: ${reason}`]);
    }
  });
});
