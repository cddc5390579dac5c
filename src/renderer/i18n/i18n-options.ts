import type { InitOptions } from 'i18next';
import { LANGUAGES, type Language } from '../../shared/locales/languages';
import type { LanguageTexts } from '../../shared/locales';

/**
 * How the screen's i18next is set up, written once: the page's own instance (setup.ts), the waiting screen's
 * (starting/starting-screen-in.tsx) and the host's render of the first screens (first-paint/first-screens.tsx) must
 * turn the same keys into the same text.
 */
export function i18nOptions(language: Language, texts: LanguageTexts): InitOptions {
  return {
    resources: { [language]: texts },
    supportedLngs: LANGUAGES,
    load: 'currentOnly', // 'zh-CN' only, never a bare 'zh'
    lng: language,
    fallbackLng: false,
    ns: Object.keys(texts),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  };
}
