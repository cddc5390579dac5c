import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../shared/contract';
import { useKiosk } from '../app/kiosk-context';
import { Register } from '../staff/Register';
import { useKioskError } from '../hooks/use-kiosk-error';
import { pointDateTime } from '../../shared/domain/point-day';

/** The home-visit laptop's checks before the clerk goes out (core: services/home-visit-readiness.ts). */
export function ReadyToLeave() {
  const { t } = useTranslation('home-visit');
  const { client } = useKiosk();
  const [result, setResult] = useState<MethodResult<'homeVisit.readyToLeave'> | null>(null);
  const { error, fail, clear } = useKioskError();
  const check = useCallback(() => {
    clear();
    client.invoke('homeVisit.readyToLeave', {}).then(setResult, fail);
  }, [client, fail, clear]);
  useEffect(check, [check]);

  return (
    <Register
      titleId="ready-title"
      title={t('readyToLeave.title')}
      error={error}
      data-ready-to-leave={result ? String(result.ready) : 'checking'}
      actions={
        <button type="button" className="button" onClick={check} data-ready-refresh>
          {t('readyToLeave.refresh')}
        </button>
      }
    >
      {result ? (
        <>
          <p role="status">
            <strong>{t(result.ready ? 'readyToLeave.ready' : 'readyToLeave.notReady')}</strong>
          </p>
          <ul className="register__list">
            {result.checks.map((c) => (
              <li key={c.id} className="register__row" data-ready-check={c.id} data-ready-ok={String(c.ok)}>
                <strong>{t(c.ok ? 'readyToLeave.ok' : 'readyToLeave.notOk')}</strong> · {t(`readyToLeave.check.${c.id}`)}
                {c.at ? t('readyToLeave.at', { time: pointDateTime(c.at) }) : null}
                {c.id === 'queueEmpty' && !c.ok ? ` · ${t('readyToLeave.waiting', { count: c.count ?? 0 })}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Register>
  );
}
