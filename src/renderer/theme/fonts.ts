/**
 * The CJK font's faces (Noto Sans SC, regular and bold), built as a stylesheet of their own that the page loads
 * without waiting for it (vite.deferred-fonts.mts): some two hundred `@font-face` rules, each with its unicode
 * range, make every frame's text matching slower until the first screens are painted. The page's text shows in the
 * system's font for that moment and swaps to this one as its files arrive, as `font-display: swap` did before.
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
