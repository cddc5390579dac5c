/**
 * Switches on the stylesheets the page links with `media="print"` and `data-deferred-fonts` (the CJK font's faces,
 * vite.deferred-fonts.mts). The page's first script (first-taps.ts) calls it once the first screens are painted;
 * only that script may import it (it must build to a plain script, so nothing it imports can be shared with the
 * modules).
 */
export function switchOnDeferredFonts(document: Document): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-deferred-fonts][media="print"]')) link.media = 'all';
}
