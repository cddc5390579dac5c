import './console.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setupConsoleI18n } from './i18n';

async function boot(): Promise<void> {
  await setupConsoleI18n();
  createRoot(document.getElementById('root')!).render(<App />);
}

void boot();
