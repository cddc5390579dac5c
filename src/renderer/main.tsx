import './theme/theme.css';
import { connectToCore } from './api/connect';
import { markStartup } from './app/startup-marks';
import { withBlankPageReload } from './starting/blank-page-reload';
import { lazyNotice } from './starting/lazy-notice';
import { retriedAtStart } from './starting/retried-at-start';
import { loadLanguage } from './i18n/load-language';
import { LANGUAGES, type Language } from '../shared/locales/languages';

/**
 * The page's entry is small on purpose. The page's first script starts it once the first frame, with the host's first
 * screens in it, is drawn (first-paint/entry-after-first-frame.ts): that frame waits for no script. It opens the
 * connection to the core and asks for the point's settings (`site.info`), then imports the rest (boot.tsx: React,
 * the screens, the contract's schemas) and the page language's texts. The question is on its way meanwhile and
 * usually answered by the time boot runs (docs/architecture.md, "Start-up").
 */
const core = connectToCore();
const siteInfo = core.carrier.call('site.info', {});
markStartup('boot:core-asked');
// The page's first script starts the entry once the first frame is drawn, the page parsed by then
// (first-paint/entry-after-first-frame.ts); React mounts into #root, so the wait for the parse is only a guard.
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
// The page's first script says when the first frame is drawn (drawn already when it started the entry).
void (window.firstScreens?.painted ?? parsed).then(() => {
  const pageLanguage = document.documentElement.lang as Language;
  if (LANGUAGES.includes(pageLanguage)) loadLanguage(pageLanguage).catch(() => undefined);
  void Promise.all([retriedAtStart(import('./boot'), () => import('./boot'), notice), parsed]).then(([{ boot }]) => boot(core, siteInfo));
});
