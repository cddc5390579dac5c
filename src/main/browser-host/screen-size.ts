import { execFileSync } from 'node:child_process';

export interface ScreenSize {
  width: number;
  height: number;
}

/** The screen number of an X display name (":0" -> 0, ":0.1" -> 1, "host:10.2" -> 2). */
export function screenNumberOf(display: string): number {
  const match = /:\d+(?:\.(\d+))?$/.exec(display);
  return match?.[1] ? Number(match[1]) : 0;
}

/** The size of screen `screen` in `xdpyinfo`'s report ("screen #0:" ... "dimensions:    1920x1080 pixels (...)"). */
export function parseXdpyinfoSize(report: string, screen = 0): ScreenSize | null {
  const start = report.indexOf(`screen #${screen}:`);
  if (start < 0) return null;
  const match = /dimensions:\s+(\d+)x(\d+) pixels/.exec(report.slice(start));
  if (!match) return null;
  const size = { width: Number(match[1]), height: Number(match[2]) };
  return size.width > 0 && size.height > 0 && size.width <= 16384 && size.height <= 16384 ? size : null;
}

/**
 * The X screen's size, asked of `xdpyinfo` (Debian x11-utils). Null where there is no X display (Wayland, headless)
 * or the tool is missing: Chromium then keeps its own idea of the window, which a window manager makes full-screen.
 */
export function xScreenSize(display = process.env.DISPLAY, run: (file: string, args: string[]) => string = defaultRun): ScreenSize | null {
  if (!display) return null;
  try {
    return parseXdpyinfoSize(run('xdpyinfo', ['-display', display]), screenNumberOf(display));
  } catch {
    return null;
  }
}

function defaultRun(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
}
