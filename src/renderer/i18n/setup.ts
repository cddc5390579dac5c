import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/locales/languages';
import { loadLanguage } from './load-language';
import { i18nOptions } from './i18n-options';

const isLanguage = (language: string): language is Language => (LANGUAGES as readonly string[]).includes(language);

/**
 * i18next asks this for a language's namespaces the first time the screen switches to it. i18next keeps showing
 * the language before until every namespace has arrived and only then announces the change, so no screen shows
 * untranslated keys or suspends while the other language loads, and a switch keeps what the screen holds.
 */
const localeChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, done) {
    if (!isLanguage(language)) return done(new Error(`no texts in ${language}`), false);
    loadLanguage(language).then(
      (texts) => done(null, texts[namespace as keyof typeof texts]),
      (error: unknown) => done(error as Error, false), // i18next tries again a few times
    );
  },
};

/** One i18next instance for the whole screen; zh-CN first, en complete. Only `language`'s texts are loaded up front. */
export async function setupI18n(language: Language = 'zh-CN'): Promise<typeof i18next> {
  const texts = await loadLanguage(language);
  await i18next
    .use(localeChunks)
    .use(initReactI18next)
    .init({
      ...i18nOptions(language, texts),
      partialBundledLanguages: true, // the other language through localeChunks, on the first switch to it
    });
  i18next.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
  document.documentElement.setAttribute('lang', language);
  return i18next;
}
