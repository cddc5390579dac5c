import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { usePolled } from './use-polled';

export const hexId = (n: number | undefined) => (n === undefined ? '' : n.toString(16).padStart(4, '0'));

/** Serial ports and HID devices with vendor and product ids, to find where a device is plugged. */
export function PortsTab() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const ports = usePolled(() => client.invoke('devices.ports', {}), null, [client]);
  return (
    <section aria-labelledby="technician-ports-title" data-technician-ports>
      <div className="technician__row">
        <h3 id="technician-ports-title">{t('ports.title')}</h3>
        <button type="button" className="button" onClick={ports.reload}>
          {t('ports.refresh')}
        </button>
      </div>
      {ports.error ? <ErrorMessage error={ports.error} /> : null}
      {ports.value?.problems.map((p) => (
        <p key={p.source} className="banner banner--warning">
          {t('ports.problem', { source: p.source, message: p.message })}
        </p>
      ))}
      {ports.value && ports.value.ports.length === 0 ? <p>{t('ports.none')}</p> : null}
      {ports.value && ports.value.ports.length > 0 ? (
        <table className="technician__table">
          <thead>
            <tr>
              <th scope="col">{t('ports.type')}</th>
              <th scope="col">{t('ports.path')}</th>
              <th scope="col">{t('ports.vendor')}</th>
              <th scope="col">{t('ports.product')}</th>
              <th scope="col">{t('ports.description')}</th>
            </tr>
          </thead>
          <tbody>
            {ports.value.ports.map((p) => (
              <tr key={`${p.type}:${p.path}`} data-port={p.path}>
                <td>{p.type}</td>
                <td>{p.path}</td>
                <td>{hexId(p.vendorId)}</td>
                <td>{hexId(p.productId)}</td>
                <td>{[p.manufacturer, p.product, p.serialNumber].filter(Boolean).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
