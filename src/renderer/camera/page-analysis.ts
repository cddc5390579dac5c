/**
 * Pure image analysis for the document camera, on small grey-level samples of the preview (no DOM, unit-tested):
 * how much the picture moved between two samples, and where the page is (a bright sheet on a darker desk).
 */

export interface GreySample {
  width: number;
  height: number;
  /** One byte per pixel, 0 black .. 255 white. */
  pixels: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** RGBA (canvas ImageData) to grey levels (ITU-R BT.601 luma). */
export function toGrey(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GreySample {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < pixels.length; i += 4, p++) {
    pixels[p] = (77 * (rgba[i] ?? 0) + 150 * (rgba[i + 1] ?? 0) + 29 * (rgba[i + 2] ?? 0)) >> 8;
  }
  return { width, height, pixels };
}

/** Mean absolute difference of two samples of the same size (0 = identical, 255 = inverted). */
export function frameDifference(a: GreySample, b: GreySample): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0));
  return a.pixels.length === 0 ? 0 : sum / a.pixels.length;
}

/** Otsu's threshold: the grey level that best splits the picture into two classes (page and desk). */
export function otsuThreshold(sample: GreySample): number {
  const histogram = new Array<number>(256).fill(0);
  for (const p of sample.pixels) histogram[p] = (histogram[p] ?? 0) + 1;
  const total = sample.pixels.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * (histogram[i] ?? 0);
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t] ?? 0;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * (histogram[t] ?? 0);
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const variance = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/**
 * The page's bounding box in sample coordinates: rows and columns where most pixels are brighter than the Otsu
 * threshold. Null when there is no clear bright sheet (too little contrast, or it fills less than `minArea`).
 * Text on the page is dark too, so a row counts when at least `fill` of it is bright, not all of it.
 */
export function findPageBounds(sample: GreySample, options: { fill?: number; minArea?: number; minContrast?: number } = {}): Rect | null {
  const fill = options.fill ?? 0.5;
  const minArea = options.minArea ?? 0.15;
  const minContrast = options.minContrast ?? 40;
  const { width, height, pixels } = sample;
  if (width === 0 || height === 0) return null;
  const threshold = otsuThreshold(sample);
  let brightSum = 0;
  let brightN = 0;
  let darkSum = 0;
  let darkN = 0;
  for (const p of pixels) {
    if (p > threshold) {
      brightSum += p;
      brightN++;
    } else {
      darkSum += p;
      darkN++;
    }
  }
  if (brightN === 0 || darkN === 0 || brightSum / brightN - darkSum / darkN < minContrast) return null;

  const rowBright = new Array<number>(height).fill(0);
  const colBright = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((pixels[y * width + x] ?? 0) > threshold) {
        rowBright[y] = (rowBright[y] ?? 0) + 1;
        colBright[x] = (colBright[x] ?? 0) + 1;
      }
    }
  }
  const span = (counts: number[], across: number): [number, number] | null => {
    let first = -1;
    let last = -1;
    counts.forEach((c, i) => {
      if (c >= across * fill * 0.5) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return first < 0 ? null : [first, last];
  };
  // Rows are judged against the page's width, so first find the columns, then the rows within them.
  const cols = span(colBright, height);
  const rows = span(rowBright, width);
  if (!cols || !rows) return null;
  const rect = { x: cols[0], y: rows[0], width: cols[1] - cols[0] + 1, height: rows[1] - rows[0] + 1 };
  if ((rect.width * rect.height) / (width * height) < minArea) return null;
  return rect;
}

/** Scales a rect from sample coordinates to the full frame. */
export function scaleRect(rect: Rect, fromWidth: number, fromHeight: number, toWidth: number, toHeight: number): Rect {
  const sx = toWidth / fromWidth;
  const sy = toHeight / fromHeight;
  const x = Math.max(0, Math.floor(rect.x * sx));
  const y = Math.max(0, Math.floor(rect.y * sy));
  return { x, y, width: Math.min(toWidth - x, Math.ceil(rect.width * sx)), height: Math.min(toHeight - y, Math.ceil(rect.height * sy)) };
}

/**
 * Decides when to take a picture by itself: the picture has been still for `stillSamples` samples in a row with a
 * page in view; after a capture it waits for movement (the resident turning the page) before it arms again.
 */
export class StillnessDetector {
  private previous: GreySample | null = null;
  private stillCount = 0;
  private armed = true;

  constructor(private readonly options: { stillBelow: number; movedAbove: number; stillSamples: number } = { stillBelow: 3, movedAbove: 10, stillSamples: 3 }) {}

  /** Feeds one sample; true when a capture should happen now. */
  push(sample: GreySample, pageInView: boolean): boolean {
    const diff = this.previous ? frameDifference(this.previous, sample) : 255;
    this.previous = sample;
    if (diff > this.options.movedAbove) this.armed = true;
    this.stillCount = diff < this.options.stillBelow ? this.stillCount + 1 : 0;
    if (this.armed && pageInView && this.stillCount >= this.options.stillSamples) {
      this.armed = false;
      this.stillCount = 0;
      return true;
    }
    return false;
  }

  /** After a manual capture: do not auto-capture the same page again. */
  captured(): void {
    this.armed = false;
    this.stillCount = 0;
  }
}
