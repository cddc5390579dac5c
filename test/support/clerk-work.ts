/** What the clerk tests share: a JOB-01 form that passes the item's checks, and polling for an outcome. */

export const JOB_FORM = { education: 'junior', phone: '13812345678', address: '北格镇张花村东街18号', wantedJob: '保洁员', wantedPlace: 'county', availableFrom: new Date().toLocaleDateString('sv-SE') };

/** The first defined value `check` gives, asked every 100 ms; throws after `timeoutMs`. */
export async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
