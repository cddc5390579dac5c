import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { contentSecurityPolicy, inlineHashes } from '../csp';
import type { FirstScreensPage } from '../page/first-screens-page';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Privileges of the app:// scheme; must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.mp3': 'audio/mpeg',
  '.map': 'application/json',
};

/**
 * Resolves an app:// request to a file inside the built renderer, or null when it points anywhere else
 * (another host, or a path that climbs out of the folder).
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves the built renderer on app://kiosk with the kiosk's Content-Security-Policy on every response. The page
 * itself (the renderer's index.html) is the one with the first screens already in it (page/first-screens-page.ts).
 */
export function serveRenderer(protocol: Protocol, rendererRoot: string, page: Pick<FirstScreensPage, 'html'>): void {
  const indexFile = path.join(path.resolve(rendererRoot), 'index.html');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      const html = file === indexFile ? await page.html() : null;
      const body = html ?? (await fs.readFile(file));
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          // The page's own inline script and styles (its first frame's) by their hashes; nothing inline elsewhere.
          'Content-Security-Policy': contentSecurityPolicy(undefined, html === null ? undefined : inlineHashes(html)),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
