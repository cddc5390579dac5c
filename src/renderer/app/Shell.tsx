import { useTranslation } from 'react-i18next';
import { useState, type ReactNode } from 'react';
import { speak } from '../speech/read-aloud';
import type { HelpState } from '../help/use-help';
import { HelpNotice } from '../help/HelpNotice';
import type { ElderMode } from '../elder/use-elder-mode';

/** The frame around every screen after the attract screen: back, home, help, read aloud, language and elder mode. */
export function Shell(props: {
  children: ReactNode;
  /** Rendered behind the attract screen and not shown: hidden, out of reach of touch and screen readers. */
  standby?: boolean;
  screenId: string;
  onBack?: () => void;
  onHome: () => void;
  onFinish?: () => void;
  help: { state: HelpState; request: () => void; dismiss: () => void };
  /** The current screen's main instruction, read when the button is pressed. */
  instruction: () => string;
  elder: ElderMode;
  simulated: boolean;
  connected: boolean;
  banner?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [noVoice, setNoVoice] = useState(false);
  const switchLanguage = () => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN');
  const readAloud = () => setNoVoice(!speak(props.instruction(), i18n.language, props.elder.speechRate));
  return (
    <div className={props.standby ? 'shell shell--standby' : 'shell'} data-screen={props.standby ? undefined : props.screenId} inert={props.standby} aria-hidden={props.standby || undefined}>
      <header className="shell__bar">
        <nav className="shell__nav" aria-label={t('screens:shell.navigation')}>
          {props.onBack ? (
            <button type="button" className="button" onClick={props.onBack}>
              {t('nav.back')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={props.onHome}>
            {t('nav.home')}
          </button>
          {props.onFinish ? (
            <button type="button" className="button" onClick={props.onFinish}>
              {t('nav.finish')}
            </button>
          ) : null}
        </nav>
        <div className="shell__tools">
          <button type="button" className="button" onClick={readAloud}>
            {t('screens:shell.readAloud')}
          </button>
          <button type="button" className="button" aria-pressed={props.elder.on} onClick={props.elder.toggle}>
            {props.elder.on ? t('elderMode.on') : t('elderMode.off')}
          </button>
          <button type="button" className="button" lang={i18n.language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={switchLanguage}>
            {t('language.switch')}
          </button>
          <button type="button" className="button button--help" onClick={props.help.request} disabled={props.help.state.phase === 'sending'}>
            {t('nav.help')}
          </button>
        </div>
      </header>
      {!props.connected ? (
        <p className="banner banner--warning" role="alert">
          {t('app.connectionLost')}
        </p>
      ) : null}
      <HelpNotice state={props.help.state} onDismiss={props.help.dismiss} />
      {noVoice ? (
        <div className="banner banner--warning banner--row" role="status">
          <span>{t('screens:shell.noVoice')}</span>
          <button type="button" className="button" onClick={() => setNoVoice(false)}>
            {t('screens:help.dismiss')}
          </button>
        </div>
      ) : null}
      {props.simulated ? <p className="banner banner--info">{t('app.simulated')}</p> : null}
      {props.banner}
      {props.children}
    </div>
  );
}
