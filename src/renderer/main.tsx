import './theme/theme.css';
import { connectToCore } from './api/connect';
import { markStartup } from './app/startup-marks';
import { withBlankPageReload } from './starting/blank-page-reload';
import { lazyNotice } from './starting/lazy-notice';
import { retriedAtStart } from './starting/retried-at-start';

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
// The boot chunk may fail to load (the host restarting while the page loads, a file briefly missing after an update):
// it is imported again with backoff while the waiting screen (its own chunk) says the machine is starting; if even
// that cannot show, the page reloads (starting/blank-page-reload.ts). A kiosk never stays blank.
const container = () => document.getElementById('root');
const notice = withBlankPageReload(
  lazyNotice(() => parsed.then(() => import('./starting/starting-page')).then(({ startingScreenOnPage }) => () => startingScreenOnPage(container()!))),
  { container },
);
void Promise.all([retriedAtStart(import('./boot'), () => import('./boot'), notice), parsed]).then(([{ boot }]) => boot(core, siteInfo));
