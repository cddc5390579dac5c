/**
 * Exponential backoff with jitter, capped: after n consecutive failures wait a random time between half and all
 * of min(cap, base * 2^n). The random half keeps a village's kiosks from retrying in step after an outage; the
 * cap keeps a long outage from pushing the next try out for hours.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
