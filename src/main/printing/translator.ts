import i18next, { type TFunction } from 'i18next';
import { NAMESPACES, resources, type Language } from '../../shared/locales';

/**
 * Printed texts come from the same locale files as the screens, in the resident's language. One i18next instance
 * per language, made once: printing never changes the screen's language.
 */
const cache = new Map<Language, TFunction>();

export function translatorFor(language: Language): TFunction {
  const cached = cache.get(language);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'printing',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = instance.getFixedT(language, 'printing');
  cache.set(language, t);
  return t;
}
