import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * What the page's first frame waits for, written into the page itself: its first script (the classic, parser-blocking
 * `first-taps` script, vite.first-taps.mts) and its render-blocking stylesheets (the entry's and boot's; the CJK
 * font's is linked `disabled`, vite.deferred-fonts.mts, and stays a file). Served as files, each was a request the
 * parse or the first frame waited for on the host, which was busiest then (measured: the bench's probe 372 -> 297 ms
 * on the host at load ~4). The Content-Security-Policy keeps inline code out but for these, each allowed by its
 * hash: written here into the page's policy, and computed by both carriers from the page's head for the header's
 * (src/main/csp.ts, inlineHashes).
 *
 * Boot's stylesheet file stays in the build: Vite's loader fetches it again when the entry imports boot (after the
 * first frame; the same rules twice change nothing).
 */
export function inlineFirstFrame(): Plugin {
  return {
    name: 'inline-first-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const source = (file: string): string => {
          const output = bundle[file];
          if (!output) throw new Error(`${file}, linked by the page, is not in the build`);
          const text = output.type === 'chunk' ? output.code : typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source);
          // A source map comment would point at a path relative to the page, not the file's.
          return text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
        };
        const scripts: string[] = [];
        const styles: string[] = [];
        const inline = (kind: 'script' | 'style', text: string, into: string[]) => {
          if (new RegExp(`</${kind}`, 'i').test(text)) throw new Error(`an inlined ${kind} holds "</${kind}": it would end the element early`);
          into.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
          return `<${kind}>${text}</${kind}>`;
        };
        const inlinedScripts: string[] = [];
        let page = html
          .replace(/<script src="\.\/([^"]+\.js)"><\/script>/g, (_tag, file: string) => {
            inlinedScripts.push(file);
            return inline('script', source(file), scripts);
          })
          .replace(/<link rel="stylesheet" crossorigin href="\.\/([^"]+\.css)">/g, (_tag, file: string) => inline('style', source(file), styles));
        if (scripts.length === 0 || styles.length === 0) throw new Error('the page has no first script or no render-blocking stylesheet to write in: its head changed, update this plugin');
        const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')([^"]*style-src 'self')/;
        if (!policy.test(page)) throw new Error("the page's Content-Security-Policy has no script-src 'self' and style-src 'self' to add the hashes to");
        page = page.replace(policy, (_all, script: string, style: string) => `${script} ${scripts.join(' ')}${style} ${styles.join(' ')}`);
        // A written-in script's file is asked for by nothing (the first script is no module: no loader imports it), so
        // it is not shipped. The stylesheets' files stay: Vite's loader fetches them again with the chunks they belong to.
        for (const file of inlinedScripts) {
          delete bundle[file];
          delete bundle[`${file}.map`];
        }
        return page;
      },
    },
  };
}
