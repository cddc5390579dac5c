/**
 * What the county signs for each config part it hands to kiosks (staff accounts, catalogue, announcements, site
 * settings): the part's name, its version and its body in canonical JSON (object keys sorted at every level), so
 * the kiosk can check the very body it received, whatever order the keys travelled in. Ed25519 (node:crypto) on
 * both sides; the kiosk holds only the public key (county.configPublicKeyFile).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function configSigningMessage(part: string, version: number, body: unknown): string {
  return `village-kiosk config v1\n${part}\n${version}\n${canonicalJson(body)}`;
}
