/**
 * The staff password hash format shared by the county (which makes hashes) and the kiosk (which checks them):
 * `scrypt$ln=17,r=8,p=1$<salt base64>$<hash base64>`: each hash says the parameters it was made with, so they
 * can be raised without breaking the hashes already out there. The old form `scrypt$<salt>$<hash>` means
 * ln=14,r=8,p=1 and is still read (and replaced on the next successful login).
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

/** Current guidance for scrypt (OWASP password storage cheat sheet): N=2^17, r=8, p=1 (128 MiB). */
export const CURRENT_SCRYPT: ScryptParams = { ln: 17, r: 8, p: 1 };
const LEGACY_SCRYPT: ScryptParams = { ln: 14, r: 8, p: 1 };
/** A hash asking for more than this is refused: a staff list must not be able to exhaust the kiosk's memory. */
const MAX = { ln: 20, r: 16, p: 4 };

export const PASSWORD_HASH_PATTERN = /^scrypt(\$ln=\d{1,2},r=\d{1,2},p=\d{1,2})?\$[A-Za-z0-9+/=]{16,200}\$[A-Za-z0-9+/=]{16,200}$/;

export interface ParsedPasswordHash {
  params: ScryptParams;
  salt: string;
  hash: string;
}

export function parsePasswordHash(stored: string): ParsedPasswordHash | null {
  if (!PASSWORD_HASH_PATTERN.test(stored)) return null;
  const parts = stored.split('$');
  if (parts.length === 3) return { params: LEGACY_SCRYPT, salt: parts[1]!, hash: parts[2]! };
  const m = /^ln=(\d+),r=(\d+),p=(\d+)$/.exec(parts[1]!);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.ln < 10 || params.ln > MAX.ln || params.r < 1 || params.r > MAX.r || params.p < 1 || params.p > MAX.p) return null;
  return { params, salt: parts[2]!, hash: parts[3]! };
}

export function formatPasswordHash(params: ScryptParams, salt: string, hash: string): string {
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt}$${hash}`;
}

/** True when the hash was made with weaker parameters than the current ones. */
export function isOutdated(params: ScryptParams): boolean {
  return params.ln < CURRENT_SCRYPT.ln || params.r < CURRENT_SCRYPT.r;
}

/** Options for node's scrypt: N from ln, with memory room for 128 * N * r bytes. */
export function scryptOptions(params: ScryptParams): { N: number; r: number; p: number; maxmem: number } {
  const N = 2 ** params.ln;
  return { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * 2 };
}
