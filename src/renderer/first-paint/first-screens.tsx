import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ContractClient, type ClientCarrier } from '../../shared/contract/contract-client';
import { SiteInfoSchema, type SiteInfo } from '../../shared/contract/methods/system';
import { resources } from '../../shared/locales';
import { App } from '../app/App';
import { i18nOptions } from '../i18n/i18n-options';

/**
 * The first screens, rendered by the host into the page it serves (src/main/page/first-screens-page.ts), so the
 * page paints the point's attract screen with its first frame instead of after React is compiled (issue 15 item 9,
 * docs/architecture.md "Start-up"). Built by vite.first-screens.config.mts into one CommonJS file the host requires.
 *
 * It is the page's own `App`, in the point's language, as its first render draws it: the attract screen, then home
 * (in a `<template data-first-home>` that first-taps.ts shows when the attract screen is touched). Nothing here asks
 * the core: effects do not run in a render to markup, and anything the screens would ask waits forever, so the
 * markup shows what the page itself shows before its first answers (the planned counts on the tiles, no
 * announcements yet). It holds nothing about a resident: the site's settings and the screens' texts only.
 */
const inert: ClientCarrier = { call: () => new Promise(() => undefined), onEvent: () => () => undefined };

export function renderFirstScreens(siteInfo: unknown): string {
  const site: SiteInfo = SiteInfoSchema.parse(siteInfo);
  const i18n = i18next.createInstance();
  void i18n.init({ ...i18nOptions(site.defaultLanguage, resources[site.defaultLanguage]), initAsync: false });
  // The contract's tables load only when an answer needs them (never here), as in the page (boot.tsx): building
  // their ~1,000 schemas would more than double what the host spends loading this file.
  const client = new ContractClient(inert, () => import('../../shared/contract/index').then(({ methods, events }) => ({ methods, events })));
  const kiosk = { client, site };
  const page = (startAtHome: boolean) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <App kiosk={kiosk} onConnectionChange={() => () => undefined} startAtHome={startAtHome} />
      </I18nextProvider>,
    );
  // A clerk's window PC opens on the staff sign-in, a screen of its own chunk: nothing is drawn before React there.
  if (site.station !== 'kiosk') return '';
  return `${page(false)}<template data-first-home>${page(true)}</template>`;
}
