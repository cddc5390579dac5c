/**
 * The CJK font's stylesheet (two faces of ~640 kB each, vite.deferred-fonts.mts) is linked `disabled` with
 * `data-deferred-fonts`: neither fetched nor applied while the first screens are drawn and answer the first touch
 * (fetched and decoded beside them, the faces' files would compete with them and with boot for the CPU). Boot
 * switches it on once the app has taken over and its first frame is drawn; the text then swaps from the system's
 * font to this one as the files arrive (`font-display: swap`).
 */
function switchOnDeferredFonts(document: Document): void {
  // Removing the attribute is what makes the browser fetch and apply a stylesheet linked disabled.
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-deferred-fonts][disabled]')) link.removeAttribute('disabled');
}

/** Switches the fonts on in the task after the page's next frame: a page not shown draws none, and waits till it is. */
export function switchOnDeferredFontsAfterNextFrame(window: Window): void {
  window.requestAnimationFrame(() => window.setTimeout(() => switchOnDeferredFonts(window.document), 0));
}
