import i18next, { type i18n } from 'i18next';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/locales/languages';
import { loadLanguage } from '../i18n/load-language';
import { i18nOptions } from '../i18n/i18n-options';
import type { WaitingNotice } from './retried-at-start';
import { StartingScreen } from './StartingScreen';

/**
 * The start-up waiting screen in `root`, in the page's language (its `lang`, zh-CN unless the page says otherwise).
 * Its texts come from an i18next instance of its own: the screens' one (i18n/setup.ts) is set up in the point's
 * language, which only `site.info` says. Once closed it never renders again, so texts arriving late cannot cover the
 * attract screen that boot.tsx renders in the same root.
 */
export function startingScreenIn(root: Root): WaitingNotice {
  let texts: Promise<i18n> | undefined;
  let closed = false;
  return {
    show(failedAsks) {
      texts ??= pageLanguageTexts();
      texts.then(
        (instance) => {
          if (closed) return; // answered meanwhile: the attract screen is in the root (a later show renders after this one)
          // The host's first screens give way to this one: taps made on them are not carried out later, when the
          // person may have gone (first-paint/early-taps.ts).
          window.firstScreens?.drop();
          root.render(
            <I18nextProvider i18n={instance}>
              <StartingScreen failedAsks={failedAsks} />
            </I18nextProvider>,
          );
        },
        () => {
          texts = undefined; // the texts' chunk could not be fetched: tried again at the next failure
        },
      );
    },
    close() {
      closed = true;
    },
  };
}

async function pageLanguageTexts(): Promise<i18n> {
  const lang = document.documentElement.lang;
  const language: Language = (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'zh-CN';
  const instance = i18next.createInstance();
  await instance.init(i18nOptions(language, await loadLanguage(language)));
  document.title = instance.t('app.title');
  return instance;
}
