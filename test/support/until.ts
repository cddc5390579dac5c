/**
 * The first value `check` gives that is neither undefined nor false (so a plain condition works too), asked every
 * 25 ms; throws after `timeoutMs`. The tests' shared way to wait for something to happen.
 */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
