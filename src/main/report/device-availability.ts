/** States in which a device could serve a resident. */
const USABLE = new Set(['online', 'busy']);

/**
 * Minutes of the office intervals during which a device was usable, from its state changes in time order (the
 * first may precede the month). Before its first recorded state a device counts as not usable: a kiosk that was
 * switched off did not serve anybody.
 */
export function usableMinutes(changes: ReadonlyArray<{ at: number; state: string }>, office: ReadonlyArray<{ start: number; end: number }>): number {
  let ms = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!USABLE.has(change.state)) continue;
    const from = change.at;
    const to = changes[i + 1]?.at ?? Infinity;
    for (const o of office) {
      const overlap = Math.min(to, o.end) - Math.max(from, o.start);
      if (overlap > 0) ms += overlap;
    }
  }
  return Math.floor(ms / 60_000);
}
