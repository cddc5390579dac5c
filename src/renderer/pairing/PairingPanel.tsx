import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { KioskError } from '../../shared/contract/errors';
import type { PairingStatusSchema } from '../../shared/contract/methods/pairing';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { pointClockTime } from '../../shared/domain/point-day';

type Status = z.infer<typeof PairingStatusSchema>;

const asKioskError = (e: unknown) => (e instanceof KioskError ? e : new KioskError('internal'));

/**
 * In the clerk's workspace: LAN pairing of the window PC with the kiosk (docs/lan-pairing.md). On the kiosk, a
 * one-time code and the address to type at the window PC, and which PCs are paired and linked; on the window PC, the
 * form that takes them, and whether the link to the kiosk is up. Nothing here where pairing is not set up.
 */
export function PairingPanel() {
  const { t } = useTranslation('pairing');
  const { client } = useKiosk();
  const [status, setStatus] = useState<Status | null>(null);
  const [shown, setShown] = useState<{ code: string; address: string; expiresAt: string } | null>(null);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [sending, setSending] = useState(false);
  const [field, setField] = useState<'address' | 'code'>('address');

  const refresh = useCallback(() => client.invoke('pairing.status', {}).then(setStatus, () => undefined), [client]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 2000);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!status || status.role === 'none') return null;

  const newCode = () => {
    setError(null);
    client.invoke('pairing.newCode', {}).then(setShown, (e: unknown) => setError(asKioskError(e)));
  };
  const pair = () => {
    setError(null);
    setSending(true);
    client.invoke('pairing.pair', { address: address.trim(), code: code.trim() }).then(
      () => {
        setSending(false);
        setCode('');
        void refresh();
      },
      (e: unknown) => {
        setSending(false);
        setError(asKioskError(e));
      },
    );
  };

  const unpair = (peerId?: string) => {
    setError(null);
    client.invoke('pairing.unpair', peerId ? { peerId } : {}).then(() => void refresh(), (e: unknown) => setError(asKioskError(e)));
  };

  return (
    <section className="pairing" aria-labelledby="pairing-title" data-pairing={status.role}>
      <h2 id="pairing-title">{t(status.role === 'kiosk' ? 'kiosk.title' : 'window.title')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {status.role === 'kiosk' ? (
        <>
          <p>{t('kiosk.how')}</p>
          <button type="button" className="button button--primary" onClick={newCode} data-pairing-new-code>
            {t('kiosk.newCode')}
          </button>
          {shown ? (
            <p className="pairing__code" role="status">
              {t('kiosk.code')} <strong data-pairing-code>{shown.code}</strong> · {t('kiosk.address')} <strong data-pairing-address>{shown.address}</strong> ·{' '}
              {t('kiosk.until', { time: pointClockTime(shown.expiresAt) })}
            </p>
          ) : null}
          <ul>
            {status.peers.map((p) => (
              <li key={p.id} data-pairing-peer={p.connected ? 'connected' : 'away'}>
                {t(p.connected ? 'peer.connected' : 'peer.away', { name: p.name })}{' '}
                <button type="button" className="button" onClick={() => unpair(p.id)} data-pairing-unpair={p.id}>
                  {t('peer.unpair')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          {status.kiosk ? (
            <>
              <p role="status" data-pairing-kiosk={status.kiosk.connected ? 'connected' : 'away'}>
                {t(status.kiosk.connected ? 'window.connected' : 'window.away', { name: status.kiosk.name, address: status.kiosk.address })}
              </p>
              <button type="button" className="button" onClick={() => unpair()} data-pairing-forget>
                {t('window.forget')}
              </button>
            </>
          ) : (
            <p>{t('window.notPaired')}</p>
          )}
          <label className="field">
            <span className="field__label">{t('window.address')}</span>
            <input
              className={`field__input${field === 'address' ? ' field__input--active' : ''}`}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              onFocus={() => setField('address')}
              inputMode="none"
              autoComplete="off"
              data-pairing-field="address"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('window.code')}</span>
            <input
              className={`field__input${field === 'code' ? ' field__input--active' : ''}`}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 8))}
              onFocus={() => setField('code')}
              inputMode="none"
              autoComplete="off"
              data-pairing-field="code"
            />
          </label>
          {field === 'address' ? (
            <OnScreenKeyboard key="address" mode="address" value={address} onChange={setAddress} maxLength={100} />
          ) : (
            <OnScreenKeyboard key="code" mode="digits" value={code} onChange={(v) => setCode(v.slice(0, 8))} maxLength={8} />
          )}
          <button type="button" className="button button--primary" disabled={sending || !address.trim() || code.length !== 8} onClick={pair} data-pairing-submit>
            {t('window.pair')}
          </button>
        </>
      )}
    </section>
  );
}
