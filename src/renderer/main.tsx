import './theme/theme.css';
import { connectToCore } from './api/connect';
import { markStartup } from './app/startup-marks';
import { withBlankPageReload } from './starting/blank-page-reload';
import { lazyNotice } from './starting/lazy-notice';
import { retriedAtStart } from './starting/retried-at-start';
import { loadLanguage } from './i18n/load-language';
import { LANGUAGES, type Language } from '../shared/locales/languages';

/**
 * The page's entry is small on purpose: it opens the connection to the core and asks for the point's settings
 * (`site.info`) at once, then imports the rest (boot.tsx: React, the screens, the contract's schemas) and the page
 * language's texts once the page's first frame is drawn: the host's first screens are in that frame, and fetching and
 * compiling those ~550 kB beside it made it come 50 ms later (measured, the start-up bench). The question is on its
 * way meanwhile and usually answered by the time boot runs; before, it left only once they had all run
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
// The page's first script says when the first frame is drawn; without it (its file missing) the parse is enough.
void (window.firstScreens?.painted ?? parsed).then(() => {
  const pageLanguage = document.documentElement.lang as Language;
  if (LANGUAGES.includes(pageLanguage)) loadLanguage(pageLanguage).catch(() => undefined);
  void Promise.all([retriedAtStart(import('./boot'), () => import('./boot'), notice), parsed]).then(([{ boot }]) => boot(core, siteInfo));
});
