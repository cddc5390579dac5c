import { createHash } from 'node:crypto';

/** Inline scripts and styles a page may run, each as a CSP hash source (`'sha256-…'`). */
export interface InlineHashes {
  scripts: readonly string[];
  styles: readonly string[];
}

const NO_INLINE: InlineHashes = { scripts: [], styles: [] };

/**
 * The Content-Security-Policy of the kiosk page, for both carriers. Scripts, styles and fonts only from the app's
 * own origin, and the page's own inline scripts and styles by their hash alone (`inline`, see inlineHashes); images
 * and media also from blob:/data: (camera frames, QR codes); the network only to the app itself (plus the browser
 * host's API socket when given).
 */
export function contentSecurityPolicy(apiSocketOrigin?: string, inline: InlineHashes = NO_INLINE): string {
  const withHashes = (hashes: readonly string[]) => hashes.map((h) => ` ${h}`).join('');
  return [
    "default-src 'none'",
    `script-src 'self'${withHashes(inline.scripts)}`,
    `style-src 'self'${withHashes(inline.styles)}`,
    "font-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self'${apiSocketOrigin ? ` ${apiSocketOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The hashes of the inline `<script>` and `<style>` elements in the head of `page`: what the build wrote in for the
 * first frame (vite.inline-first-frame.mts), read from the page as served so the header's policy always matches the
 * build it comes from. Only the head counts: the body holds the first screens the host renders, which never carry
 * code, so nothing there is allowed by hash.
 */
export function inlineHashes(page: string): InlineHashes {
  const end = page.indexOf('</head>');
  const head = end < 0 ? '' : page.slice(0, end);
  const hashes = (pattern: RegExp) => [...head.matchAll(pattern)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  return { scripts: hashes(/<script>([\s\S]*?)<\/script>/g), styles: hashes(/<style>([\s\S]*?)<\/style>/g) };
}
