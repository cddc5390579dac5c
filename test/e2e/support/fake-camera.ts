import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-dirs';

/**
 * A YUV4MPEG2 file for Chromium's fake camera (--use-file-for-fake-video-capture): a white "page" with dark text
 * lines and a border, so a captured frame is recognisably a document and not a blank frame. The browser reads it for
 * the whole worker (its launch options), so it is removed when the worker exits (temp-dirs, untilExit).
 */
export function writeDocumentY4m(width = 640, height = 480, frames = 2): string {
  const y = Buffer.alloc(width * height, 235);
  const uv = Buffer.alloc((width / 2) * (height / 2), 128);
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) {
      const border = row < 12 || row >= height - 12 || col < 12 || col >= width - 12;
      const textLine = row >= 60 && row < height - 60 && (row - 60) % 40 < 14 && col >= 60 && col < width - 60 - ((row * 7) % 120);
      if (border || textLine) y[row * width + col] = 30;
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, uv, uv]);
  const file = path.join(tempDir('fake-camera-', 'untilExit'), 'document.y4m');
  fs.writeFileSync(file, Buffer.concat([header, ...Array<Buffer>(frames).fill(frame)]));
  return file;
}

/**
 * A .y4m for the fake camera made with ffmpeg from an image: as it is, or out of focus (a Gaussian blur of `blurSigma`
 * pixels of the full frame, as a lens set wrong spreads each point) and/or dimmer (`brightness` -1..1, as a lamp off).
 */
export function y4mFromImage(image: string, look: { blurSigma?: number; brightness?: number } = {}): string {
  const filters = [...(look.blurSigma ? [`gblur=sigma=${look.blurSigma}`] : []), ...(look.brightness ? [`eq=brightness=${look.brightness}`] : [])];
  const file = path.join(tempDir('fake-camera-', 'untilExit'), 'frame.y4m');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', image, ...(filters.length ? ['-vf', filters.join(',')] : []), '-frames:v', '2', '-pix_fmt', 'yuv420p', file]);
  return file;
}
