import type { Plugin } from 'vite';

/** The meta's name: the first script finds the entry by it (src/renderer/first-paint/entry-after-first-frame.ts). */
export const ENTRY_META_NAME = 'kiosk-entry';

/**
 * The page's entry module is not linked as a script: its `<script type="module">` becomes a
 * `<meta name="kiosk-entry" content="./assets/index-*.js">`, which the page's first script reads once the first frame
 * is drawn and starts the entry from (src/renderer/first-paint/entry-after-first-frame.ts says why). The build fails
 * when the page has no entry script to move, or more than one: a page that starts nothing would stay on its first
 * screens for good.
 */
export function entryAfterFirstFrame(): Plugin {
  return {
    name: 'entry-after-first-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tags = [...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g)];
        if (tags.length !== 1) throw new Error(`the page links ${tags.length} module scripts where its one entry was expected: its head changed, update this plugin`);
        const [tag, src] = [tags[0]![0], tags[0]![1]!];
        return html.replace(tag, () => `<meta name="${ENTRY_META_NAME}" content="${src}">`);
      },
    },
  };
}
