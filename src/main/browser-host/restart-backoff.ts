const FIRST_WAIT_MS = 1_000;
const MAX_WAIT_MS = 30_000;

/**
 * How long to wait before starting again what died: 1 s, 2 s, 4 s … 30 s, and 1 s again after a run that lasted
 * `healthyAfterMs` (a crash a day is not a crash loop). Shared by the supervisor (the core) and the Chromium keeper
 * (the kiosk's window).
 */
export function restartBackoff(healthyAfterMs = 60_000): { next(ranForMs: number): number } {
  let waitMs = FIRST_WAIT_MS;
  return {
    next(ranForMs) {
      if (ranForMs > healthyAfterMs) waitMs = FIRST_WAIT_MS;
      const now = waitMs;
      waitMs = Math.min(waitMs * 2, MAX_WAIT_MS);
      return now;
    },
  };
}
