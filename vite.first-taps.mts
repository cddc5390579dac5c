import path from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = path.resolve(import.meta.dirname, 'src/renderer/first-paint/first-taps.ts');

/**
 * The page's first script (src/renderer/first-paint/first-taps.ts): built as a chunk of its own and written into the
 * head before the stylesheets as a classic, parser-blocking script, so it runs before the host's first screens are
 * painted and no tap on them is lost (an `async` or module script may run only after the first paint). It imports
 * nothing, so its chunk is plain script; the build fails if it ever does. vite.inline-first-frame.mts then writes
 * its code into the page in place of the file, and leaves the file out of the build.
 */
export function firstTapsScript(): Plugin {
  let reference = '';
  return {
    name: 'first-taps-script',
    apply: 'build',
    buildStart() {
      reference = this.emitFile({ type: 'chunk', id: SOURCE, name: 'first-taps' });
    },
    generateBundle(_options, bundle) {
      const chunk = bundle[this.getFileName(reference)];
      if (chunk?.type !== 'chunk' || chunk.imports.length > 0 || chunk.dynamicImports.length > 0 || chunk.exports.length > 0) {
        this.error(`${SOURCE} must build to a plain script: no imports or exports at run time`);
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId === SOURCE);
        if (!chunk) return html;
        // After the Content-Security-Policy (a policy in a meta element covers only what follows it), before the
        // entry and the stylesheets (a classic script after a stylesheet waits for it).
        const at = html.indexOf('</title>');
        if (at < 0) throw new Error('the page has no <title> to put the first script after');
        const end = at + '</title>'.length;
        return `${html.slice(0, end)}\n    <script src="./${chunk.fileName}"></script>${html.slice(end)}`;
      },
    },
  };
}
