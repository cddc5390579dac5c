import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './theme/theme.css';
import { createRoot } from 'react-dom/client';
import { connectToCore } from './api/connect';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import { markStartup } from './app/startup-marks';

async function boot(): Promise<void> {
  markStartup('boot:modules-evaluated');
  const root = createRoot(document.getElementById('root')!);
  const { client, onConnectionChange } = connectToCore();
  const site = await client.invoke('site.info', {});
  markStartup('boot:site-info');
  const i18n = await setupI18n(site.defaultLanguage);
  performance.mark('boot:i18n-ready');
  document.title = i18n.t('app.title');
  root.render(<App kiosk={{ client, site }} onConnectionChange={onConnectionChange} />);
}

void boot();
