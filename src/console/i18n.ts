import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, resources, type Language } from '../shared/locales';

const STORED = 'console.language';

/** The console's i18next: zh-CN first, en complete; the choice is remembered in this browser. */
export async function setupConsoleI18n(): Promise<typeof i18next> {
  const stored = localStorage.getItem(STORED);
  const language: Language = LANGUAGES.includes(stored as Language) ? (stored as Language) : 'zh-CN';
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: ['console', 'common'],
    defaultNS: 'console',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const apply = (lng: string) => {
    document.documentElement.setAttribute('lang', lng);
    document.title = i18next.t('console:app.title');
    localStorage.setItem(STORED, lng);
  };
  i18next.on('languageChanged', apply);
  apply(language);
  return i18next;
}
