/**
 * Kiosks' secrets as last read, for the one route that confirms the secret itself in a read it makes anyway before
 * storing or answering anything (the PostgreSQL intake: `storedOwnersAndCatalogVersion`), so that a batch costs no
 * round trip for the secret alone. A secret is remembered only once read from the database; a request whose signature
 * the remembered secret does not match reads the stored one again (a re-keyed kiosk is not locked out), and a
 * confirmation that finds another secret or none forgets it (`forget`). Bounded: past `max` kiosks it starts afresh.
 */
export class KioskSecrets {
  private readonly secrets = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  get(kioskId: string): string | undefined {
    return this.secrets.get(kioskId);
  }

  remember(kioskId: string, secret: string): void {
    if (this.secrets.size >= this.max && !this.secrets.has(kioskId)) this.secrets.clear();
    this.secrets.set(kioskId, secret);
  }

  forget(kioskId: string): void {
    this.secrets.delete(kioskId);
  }
}

/** A remembered secret the stored one no longer confirms: the request is refused as its signature check would have been. */
export class UnconfirmedSecretError extends Error {
  constructor(readonly reason: 'unknown_kiosk' | 'bad_signature') {
    super(`kiosk secret not confirmed: ${reason}`);
  }
}
