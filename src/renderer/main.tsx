import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './theme/theme.css';
import { createRoot } from 'react-dom/client';
import { connectToCore } from './api/connect';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import { loadLanguage } from './i18n/load-language';
import { markStartup } from './app/startup-marks';
import { LANGUAGES, type Language } from '../shared/locales/languages';

/**
 * Start-up asks for everything the first screens need at once rather than one after another (bench/startup.bench.ts
 * prints where the time goes): the point's settings, the catalogue the home screen lists, and the texts in the
 * page's own language, the point's usual one (a point set to the other language fetches that instead).
 */
async function boot(): Promise<void> {
  markStartup('boot:modules-evaluated');
  const root = createRoot(document.getElementById('root')!);
  const { client, onConnectionChange } = connectToCore();
  const siteInfo = client.invoke('site.info', {});
  const catalog = client.invoke('catalog.list', {});
  catalog.catch(() => undefined); // its failure is the catalogue provider's to show, once it mounts
  const pageLanguage = document.documentElement.lang as Language;
  if (LANGUAGES.includes(pageLanguage)) loadLanguage(pageLanguage).catch(() => undefined);
  const site = await siteInfo;
  markStartup('boot:site-info');
  const i18n = await setupI18n(site.defaultLanguage);
  markStartup('boot:i18n-ready');
  document.title = i18n.t('app.title');
  root.render(<App kiosk={{ client, site }} onConnectionChange={onConnectionChange} catalog={catalog} />);
}

void boot();
