import { describe, expect, it } from '@jest/globals';
import { frameQuality } from './frame-quality';
import type { GreySample } from './page-analysis';

const sample = (width: number, height: number, at: (x: number, y: number) => number): GreySample => {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = at(x, y);
  return { width, height, pixels };
};

/** Text-like detail: dark strokes every few pixels on a light sheet. */
const sharp = sample(64, 48, (x, y) => ((x % 6 < 2 && y % 8 < 6) ? 40 : 200));
/** The same sheet seen out of focus: a box blur over 5×5 takes the edges away. */
const blurred = sample(64, 48, (x, y) => {
  let s = 0;
  let c = 0;
  for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
    const xx = Math.min(63, Math.max(0, x + dx));
    const yy = Math.min(47, Math.max(0, y + dy));
    s += sharp.pixels[yy * 64 + xx]!;
    c += 1;
  }
  return Math.round(s / c);
});

describe('frame quality for the camera test', () => {
  it('tells a sharp sheet from the same sheet out of focus', () => {
    const a = frameQuality(sharp);
    const b = frameQuality(blurred);
    expect(a.verdict).toBe('ok');
    expect(b.verdict).toBe('blurred');
    expect(a.focus).toBeGreaterThan(10 * b.focus);
    expect(Math.abs(a.brightness - b.brightness)).toBeLessThan(3);
  });

  it('judges focus by edges, not by contrast: a smooth light fall-off across the desk is not sharp', () => {
    const ramp = sample(64, 48, (x) => 40 + Math.round((x * 180) / 63));
    expect(frameQuality(ramp)).toMatchObject({ verdict: 'blurred' });
    expect(frameQuality(ramp).focus).toBeLessThan(5);
  });

  it('says too dark and too bright by the mean grey level', () => {
    expect(frameQuality(sample(32, 32, (x) => (x % 2 ? 10 : 60)))).toMatchObject({ brightness: 35, verdict: 'tooDark' });
    expect(frameQuality(sample(32, 32, (x) => (x % 2 ? 250 : 200)))).toMatchObject({ brightness: 225, verdict: 'tooBright' });
    expect(frameQuality(sample(32, 32, () => 128))).toMatchObject({ brightness: 128, focus: 0, verdict: 'blurred' });
  });
});
