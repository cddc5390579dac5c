import type { Language, LanguageTexts } from '../../shared/locales';

/**
 * Each language's texts in a chunk of their own, so the page parses only the language on screen (about half of the
 * locales' bytes); the other arrives when a person first switches to it.
 */
const MODULES: Record<Language, () => Promise<{ texts: LanguageTexts }>> = {
  'zh-CN': () => import('../../shared/locales/zh-CN/index.ts'),
  en: () => import('../../shared/locales/en/index.ts'),
};

const loading = new Map<Language, Promise<LanguageTexts>>();

/** One language's texts, fetched once (a fetch that failed is tried again on the next call). */
export function loadLanguage(language: Language): Promise<LanguageTexts> {
  let texts = loading.get(language);
  if (!texts) {
    texts = MODULES[language]().then(
      (module) => module.texts,
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, texts);
  }
  return texts;
}
