import { useTranslation } from 'react-i18next';

/** Switches between the two console languages (the label is the other language's own name). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="button button--quiet" lang={next} onClick={() => void i18n.changeLanguage(next)} data-action="language">
      {t('common:language.switch')}
    </button>
  );
}
