import { beforeEach, describe, expect, it } from '@jest/globals';
import { findPageBounds, frameDifference, otsuThreshold, scaleRect, StillnessDetector, type GreySample } from './page-analysis';

/** Camera noise from a seeded generator (mulberry32): a failure replays with the same pixels. */
const NOISE_SEED = 20261130;
let noiseState = NOISE_SEED;
function noiseRandom(): number {
  noiseState = (noiseState + 0x6d2b79f5) | 0;
  let t = Math.imul(noiseState ^ (noiseState >>> 15), 1 | noiseState);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A desk (grey 60) with a white page (235) at the given rect, with dark text lines on the page. */
function deskWithPage(width: number, height: number, page: { x: number; y: number; w: number; h: number } | null, noise = 0): GreySample {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onPage = page && x >= page.x && x < page.x + page.w && y >= page.y && y < page.y + page.h;
      const text = onPage && (y - page.y) % 6 === 3 && x > page.x + 4 && x < page.x + page.w - 8;
      const base = onPage ? (text ? 40 : 235) : 60;
      pixels[y * width + x] = Math.max(0, Math.min(255, base + (noise ? Math.round((noiseRandom() - 0.5) * noise) : 0)));
    }
  }
  return { width, height, pixels };
}

describe(`document camera page analysis (noise seed ${NOISE_SEED})`, () => {
  beforeEach(() => {
    noiseState = NOISE_SEED;
  });

  it('finds a bright page on a darker desk, text and all', () => {
    const rect = findPageBounds(deskWithPage(96, 72, { x: 20, y: 10, w: 50, h: 55 }, 10));
    expect(rect).not.toBeNull();
    expect(Math.abs(rect!.x - 20)).toBeLessThanOrEqual(1);
    expect(Math.abs(rect!.y - 10)).toBeLessThanOrEqual(1);
    expect(Math.abs(rect!.width - 50)).toBeLessThanOrEqual(2);
    expect(Math.abs(rect!.height - 55)).toBeLessThanOrEqual(2);
  });

  it('no page: an empty desk or a flat picture gives null', () => {
    expect(findPageBounds(deskWithPage(96, 72, null, 6))).toBeNull();
    expect(findPageBounds({ width: 10, height: 10, pixels: new Uint8Array(100).fill(128) })).toBeNull();
    expect(findPageBounds(deskWithPage(96, 72, { x: 40, y: 30, w: 8, h: 8 }))).toBeNull(); // too small to be a page
  });

  it('Otsu splits desk and page', () => {
    const t = otsuThreshold(deskWithPage(96, 72, { x: 20, y: 10, w: 50, h: 55 }));
    expect(t).toBeGreaterThanOrEqual(60);
    expect(t).toBeLessThan(235);
  });

  it('scales a sample rect to the full frame and clamps it', () => {
    expect(scaleRect({ x: 20, y: 10, width: 50, height: 55 }, 96, 72, 1920, 1440)).toEqual({ x: 400, y: 200, width: 1000, height: 1100 });
    expect(scaleRect({ x: 90, y: 70, width: 10, height: 10 }, 96, 72, 960, 720)).toEqual({ x: 900, y: 700, width: 60, height: 20 });
  });

  it('auto-capture fires once when still with a page in view, and re-arms only after movement', () => {
    const page = deskWithPage(96, 72, { x: 20, y: 10, w: 50, h: 55 });
    const moved = deskWithPage(96, 72, { x: 30, y: 5, w: 50, h: 55 });
    const d = new StillnessDetector();
    const fired = [page, page, page, page, page, page].map((s) => d.push(s, true));
    expect(fired).toEqual([false, false, false, true, false, false]);
    expect(frameDifference(page, moved)).toBeGreaterThan(10);
    expect([moved, moved, moved, moved].map((s) => d.push(s, true))).toEqual([false, false, false, true]);
    const noPage = new StillnessDetector();
    expect([page, page, page, page, page].map((s) => noPage.push(s, false))).toEqual([false, false, false, false, false]);
  });
});
