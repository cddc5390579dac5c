import { createRoot } from 'react-dom/client';
import { ContractClient } from '../shared/contract/contract-client';
import { systemMethods } from '../shared/contract/methods/system';
import type { CoreConnection } from './api/connect';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import { markStartup } from './app/startup-marks';
import { askCatalogAtBoot } from './catalog/catalog-at-boot';
import { retriedAtStart } from './starting/retried-at-start';
import { startingScreenIn } from './starting/starting-screen-in';
import { withBlankPageReload } from './starting/blank-page-reload';
import { takeOverFirstScreens } from './first-paint/early-taps';
import { switchOnDeferredFontsAfterNextFrame } from './theme/deferred-fonts';

/**
 * Start-up asks early for what the first screens need rather than once the screens ask (bench/startup.bench.ts
 * prints where the time goes): the point's settings (asked by the entry, main.tsx, and checked here against the
 * contract like any answer), then the catalogue the home screen lists. The texts in the page's own language, the
 * point's usual one, are asked for by the entry beside this chunk; a point set to the other language fetches that.
 */
export async function boot(core: CoreConnection, siteInfoAnswer: ReturnType<CoreConnection['carrier']['call']>): Promise<void> {
  markStartup('boot:modules-evaluated');
  const container = document.getElementById('root')!;
  const root = createRoot(container);
  // The waiting screen; if even its texts cannot be fetched, the page reloads rather than stay blank.
  const waiting = () => withBlankPageReload(startingScreenIn(root), { container: () => container });
  // The contract's tables (its ~1,000 schemas) load when an answer or event first needs them, as a rule once the
  // attract screen is painted; site.info's schema, which the first screen waits for, is at hand.
  const contract = () => import('../shared/contract/index').then(({ methods, events }) => ({ methods, events }));
  const client = new ContractClient(core.carrier, contract, { 'site.info': systemMethods['site.info'] });
  // Until the core answers (it may still be starting, refuse the socket, or answer with an error) the page says so in
  // its own language and asks again, waiting longer each time; then the attract screen takes the same root.
  const siteInfo = retriedAtStart(
    siteInfoAnswer.then((answer) => client.settle('site.info', answer)),
    () => client.invoke('site.info', {}),
    waiting(),
  );
  // Asked the moment site.info answers, not with it: the core checks the catalogue's answer (195 kB) against its
  // schema before it replies, and asked together that check held up site.info's reply too (the bench showed +100 ms).
  // It is then on its way while the page sets up its texts and paints the attract screen.
  const catalog = askCatalogAtBoot(client, siteInfo);
  const site = await siteInfo;
  markStartup('boot:site-info');
  // The texts' chunk may fail to load too (a file briefly missing after an update): fetched again with backoff, the
  // waiting screen up meanwhile.
  const i18n = await retriedAtStart(setupI18n(site.defaultLanguage), () => setupI18n(site.defaultLanguage), waiting());
  markStartup('boot:i18n-ready');
  document.title = i18n.t('app.title');
  // The host's first screens (first-paint/) are in the page already and may have been touched: the app takes their
  // place in one commit and carries out those taps.
  takeOverFirstScreens(container, () => root.render(<App kiosk={{ client, site }} onConnectionChange={core.onConnectionChange} catalog={catalog} />));
  markStartup('boot:took-over');
  // Only now the CJK font (theme/deferred-fonts.ts): switched on beside the first screens, its files were fetched and
  // decoded in the very moments the first touch is answered.
  switchOnDeferredFontsAfterNextFrame(window);
}
