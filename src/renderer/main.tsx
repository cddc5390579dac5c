import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './theme/theme.css';
import { connectToCore } from './api/connect';
import { markStartup } from './app/startup-marks';

/**
 * The page's entry is small on purpose: it opens the connection to the core and asks for the point's settings
 * (`site.info`) at once, then imports the rest (boot.tsx: React, the screens, the contract's schemas). The page
 * preloads that chunk beside this one (vite.config.mts), so while the browser still compiles and runs those modules
 * the question is already on its way and usually answered; before, it left only once they had all run
 * (docs/architecture.md, "Start-up").
 */
const core = connectToCore();
const siteInfo = core.carrier.call('site.info', {});
markStartup('boot:core-asked');
// The entry runs `async` (before the page is parsed, see vite.config.mts); React mounts into #root once it is there.
const parsed = new Promise<void>((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  else resolve();
});
void Promise.all([import('./boot'), parsed]).then(([{ boot }]) => boot(core, siteInfo));
