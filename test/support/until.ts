/**
 * The first value `check` gives that is neither undefined nor false (so a plain condition works too), asked every
 * 100 ms; throws after `timeoutMs`.
 */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
