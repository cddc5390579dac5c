import { useTranslation } from 'react-i18next';
import { InquiryRegister } from './InquiryRegister';
import { CasesPanel } from './CasesPanel';
import { ClerkDay } from './ClerkDay';
import { ReadyToLeave } from '../home-visit/ReadyToLeave';
import { useKiosk } from '../app/kiosk-context';
import { PairingPanel } from '../pairing/PairingPanel';

/** The clerk's workspace over the kiosk screen: the inquiry register (more panels join it as they are built). */
export function Workspace({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('staff');
  const other = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  const { site } = useKiosk();
  return (
    <main className="workspace" aria-labelledby="workspace-title" data-workspace>
      <div className="workspace__head">
        <h1 id="workspace-title">{t('workspace.title')}</h1>
        <button type="button" className="button" onClick={onClose} data-workspace-close>
          {t('workspace.close')}
        </button>
        <button type="button" className="button" lang={other} onClick={() => void i18n.changeLanguage(other)}>
          {t('common:language.switch')}
        </button>
      </div>
      {site.station === 'homeVisit' ? <ReadyToLeave /> : null}
      <ClerkDay />
      <InquiryRegister />
      <CasesPanel />
      <PairingPanel />
    </main>
  );
}
