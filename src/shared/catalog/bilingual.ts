import type { LocalisedText } from './schema';

/**
 * The one way catalogue text is written: Chinese first, then English. (Named so it is never mistaken for i18next's
 * `t`, which looks a key up; this builds the text itself, because the catalogue is data the county can replace.)
 */
export function zhEn(zh: string, en: string): LocalisedText {
  return { 'zh-CN': zh, en };
}
