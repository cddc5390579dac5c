import type { GreySample } from './page-analysis';

/**
 * A technician's reading of one camera frame (workspace device test): brightness as the mean grey level (0..255) and
 * focus as the variance of the 4-neighbour Laplacian (a sharp picture has strong edges, a blurred one almost none).
 * The limits are for a lit A4 sheet on the desk at the camera's usual height; the reading shows the figures too.
 */
export interface FrameQuality {
  brightness: number;
  focus: number;
  verdict: 'ok' | 'tooDark' | 'tooBright' | 'blurred';
}

// blurredBelow calibrated on Chromium's fake camera (scripts/calibrate-camera-focus.ts, docs/technician.md): the
// sample sheet reads 4875 sharp, 1555 at a 2 px blur (strokes still apart) and 860 at 3 px (they run together); the
// limit sits between those two. Recalibrate with the script on the installed camera's own frames.
export const FRAME_LIMITS = { darkBelow: 50, brightAbove: 215, blurredBelow: 1150 };

export function frameQuality(sample: GreySample): FrameQuality {
  const { width, height, pixels } = sample;
  let sum = 0;
  for (const p of pixels) sum += p;
  const brightness = pixels.length ? sum / pixels.length : 0;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = pixels[i - 1]! + pixels[i + 1]! + pixels[i - width]! + pixels[i + width]! - 4 * pixels[i]!;
      n += 1;
      const delta = lap - mean;
      mean += delta / n;
      m2 += delta * (lap - mean);
    }
  }
  const focus = n > 1 ? m2 / (n - 1) : 0;
  const verdict = brightness < FRAME_LIMITS.darkBelow ? 'tooDark' : brightness > FRAME_LIMITS.brightAbove ? 'tooBright' : focus < FRAME_LIMITS.blurredBelow ? 'blurred' : 'ok';
  return { brightness: Math.round(brightness), focus: Math.round(focus), verdict };
}
