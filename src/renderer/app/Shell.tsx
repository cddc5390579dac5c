import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

/** The frame around every screen after the attract screen: back, home, help, language and elder mode. */
export function Shell(props: {
  children: ReactNode;
  onBack?: () => void;
  onHome: () => void;
  onHelp: () => void;
  elderMode: boolean;
  onToggleElderMode: () => void;
  simulated: boolean;
  connected: boolean;
}) {
  const { t, i18n } = useTranslation();
  const switchLanguage = () => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN');
  return (
    <div className="shell">
      <header className="shell__bar">
        <nav className="shell__nav">
          {props.onBack ? (
            <button type="button" className="button" onClick={props.onBack}>
              {t('nav.back')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={props.onHome}>
            {t('nav.home')}
          </button>
        </nav>
        <div className="shell__tools">
          <button type="button" className="button" aria-pressed={props.elderMode} onClick={props.onToggleElderMode}>
            {props.elderMode ? t('elderMode.on') : t('elderMode.off')}
          </button>
          <button type="button" className="button" lang={i18n.language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={switchLanguage}>
            {t('language.switch')}
          </button>
          <button type="button" className="button button--help" onClick={props.onHelp}>
            {t('nav.help')}
          </button>
        </div>
      </header>
      {!props.connected ? (
        <p className="banner banner--warning" role="alert">
          {t('app.connectionLost')}
        </p>
      ) : null}
      {props.simulated ? <p className="banner banner--info">{t('app.simulated')}</p> : null}
      {props.children}
    </div>
  );
}
