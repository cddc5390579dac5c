/**
 * The page's entry module (main.tsx, built as `assets/index-*.js`) is not linked as a script: vite.entry-after-first-frame.mts
 * writes its address into a `<meta name="kiosk-entry">` instead, and the page's first script (first-taps.ts) starts
 * it once the first frame is drawn. Fetched, compiled and run beside that frame (it opens the socket to the core),
 * the entry made the attract screen come later: in the start-up bench's warm series, interleaved loads of the
 * served page, 96 ms with the entry linked, 84 with it started after the frame, 84 for the same page with no
 * scripts at all (30 loads each, 2026-12-03; docs/architecture.md "Start-up").
 */
/** Written by vite.entry-after-first-frame.mts (its ENTRY_META_NAME). */
const ENTRY_META_NAME = 'kiosk-entry';

/** Adds the entry as a module script, as Vite would have linked it; a page without the meta is left as it is. */
export function startEntry(document: Document): void {
  const src = document.querySelector<HTMLMetaElement>(`meta[name="${ENTRY_META_NAME}"]`)?.content;
  if (!src) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.setAttribute('crossorigin', '');
  // What asks the core: ahead of anything else the page fetches by then.
  script.setAttribute('fetchpriority', 'high');
  script.src = src;
  document.head.append(script);
}
