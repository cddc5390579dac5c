/**
 * JPEG encoding within the county's size limit: lower the quality first (down to 0.5, still readable), then the
 * resolution, until the file fits. Browser-only (canvas).
 */
export interface EncodedJpeg {
  blob: Blob;
  width: number;
  height: number;
  quality: number;
}

const QUALITIES = [0.92, 0.85, 0.75, 0.65, 0.55, 0.5];

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas encoding failed'))), 'image/jpeg', quality));
}

export async function encodeJpegWithinLimit(source: HTMLCanvasElement, maxBytes: number): Promise<EncodedJpeg> {
  let canvas = source;
  for (let attempt = 0; attempt < 8; attempt++) {
    for (const quality of QUALITIES) {
      const blob = await toBlob(canvas, quality);
      if (blob.size <= maxBytes) return { blob, width: canvas.width, height: canvas.height, quality };
    }
    // Still too big at the lowest quality: 80 % of the size and try again.
    const smaller = document.createElement('canvas');
    smaller.width = Math.max(1, Math.round(canvas.width * 0.8));
    smaller.height = Math.max(1, Math.round(canvas.height * 0.8));
    smaller.getContext('2d')!.drawImage(canvas, 0, 0, smaller.width, smaller.height);
    canvas = smaller;
  }
  throw new Error('cannot fit the picture within the size limit');
}

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}
