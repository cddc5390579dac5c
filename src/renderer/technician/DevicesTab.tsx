import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { DevicePanel } from './DevicePanel';
import { usePolled } from './use-polled';

/** Every device with its state; one chosen at a time for its details, tests and live frames. */
export function DevicesTab() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const list = usePolled(() => client.invoke('devices.list', {}), 2000, [client]);
  const [chosen, setChosen] = useState<string | null>(null);
  const devices = list.value?.devices ?? [];
  const current = chosen ?? devices[0]?.id ?? null;
  return (
    <div className="technician__devices">
      {list.error ? <ErrorMessage error={list.error} /> : null}
      <ul className="technician__device-list" aria-label={t('tabs.devices')}>
        {devices.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className={`button technician__device${d.id === current ? ' button--primary' : ''}`}
              aria-pressed={d.id === current}
              data-technician-device={d.id}
              data-state={d.state}
              onClick={() => setChosen(d.id)}
            >
              <span>{t(`kind.${d.kind}`)}</span>
              <span className={`technician__state technician__state--${d.state}`}>{t(`state.${d.state}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {current ? <DevicePanel key={current} deviceId={current} /> : null}
    </div>
  );
}
