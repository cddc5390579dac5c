/// <reference lib="dom" />
import type { Page } from '@playwright/test';

/**
 * Touch latency as the browser records it (Event Timing: input to next paint). Entries exist only for interactions
 * of 16 ms or more (durationThreshold's floor), rounded to 8 ms; an interaction without one counts as 16 ms.
 */
export async function observeEventTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __interactions: Map<number, number> };
    w.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        if (!e.interactionId) continue;
        w.__interactions.set(e.interactionId, Math.max(w.__interactions.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

/** The durations of the interactions since observeEventTiming, `interactions` of them (missing ones as 16 ms). */
export async function collectEventTiming(page: Page, interactions: number): Promise<number[]> {
  // Entries are delivered after the paint; give the last one a frame to arrive.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const reported = await page.evaluate(() => [...(window as unknown as { __interactions: Map<number, number> }).__interactions.values()]);
  return [...reported, ...Array<number>(Math.max(0, interactions - reported.length)).fill(16)];
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
