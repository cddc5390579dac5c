import type { Plugin } from 'vite';

/**
 * The page around each of our web apps (the kiosk's renderer, the county console), written once: charset, viewport,
 * the no-translate marks (a browser's translation would garble the bilingual text) and the Content-Security-Policy
 * meta. A page's index.html holds only its entry script; this wraps it before Vite reads the page.
 */
export interface PageShell {
  /** The window title. */
  title: string;
  /** The page shows blob: images and camera streams (the kiosk's camera frames and QR codes); the console does not. */
  media?: boolean;
}

/** Scripts, styles, fonts and the network from the app's own origin only; no inline code, no plugins, no forms. */
function contentSecurityPolicy(media: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    media ? "img-src 'self' data: blob:" : "img-src 'self' data:",
    ...(media ? ["media-src 'self' blob: mediastream:"] : []),
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function pageShell(page: PageShell): Plugin {
  const wrap = (entryHtml: string) => `<!doctype html>
<html lang="zh-CN" translate="no">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.media ?? false)}" />
    <meta name="google" content="notranslate" />
    <title>${page.title}</title>
  </head>
  <body>
    <div id="root"></div>
    ${entryHtml.replace(/<!--[\s\S]*?-->/g, '').trim()}
  </body>
</html>
`;
  return { name: 'page-shell', transformIndexHtml: { order: 'pre', handler: wrap } };
}
