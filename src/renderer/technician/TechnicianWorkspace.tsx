import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommissioningTab } from './CommissioningTab';
import { DevicesTab } from './DevicesTab';
import { FaultsTab } from './FaultsTab';
import { PortsTab } from './PortsTab';
import { SystemTab } from './SystemTab';

const TABS = ['devices', 'ports', 'faults', 'commissioning', 'system'] as const;
type Tab = (typeof TABS)[number];

/** The technician's workspace: every device with its tests and live frames, the ports, and the system. */
export function TechnicianWorkspace({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('technician');
  const other = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  const [tab, setTab] = useState<Tab>('devices');
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <div className="overlay technician-overlay">
      <div className="dialog technician" role="dialog" aria-modal="true" aria-labelledby="technician-title" data-technician-workspace>
        <div className="technician__head">
          <h2 id="technician-title" ref={title} tabIndex={-1}>
            {t('title')}
          </h2>
          <button type="button" className="button" lang={other} onClick={() => void i18n.changeLanguage(other)} data-technician-language>
            {t('common:language.switch')}
          </button>
          <button type="button" className="button" onClick={onClose} data-technician-close>
            {t('close')}
          </button>
        </div>
        <div role="tablist" className="technician__tabs" aria-label={t('title')}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`technician-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`technician-panel-${name}`}
              className={`button${tab === name ? ' button--primary' : ''}`}
              data-technician-tab={name}
              onClick={() => setTab(name)}
            >
              {t(`tabs.${name}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`technician-panel-${tab}`} aria-labelledby={`technician-tab-${tab}`} className="technician__panel">
          {tab === 'devices' ? <DevicesTab /> : tab === 'ports' ? <PortsTab /> : tab === 'faults' ? <FaultsTab /> : tab === 'commissioning' ? <CommissioningTab /> : <SystemTab />}
        </div>
      </div>
    </div>
  );
}
