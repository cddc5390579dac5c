import { useTranslation } from 'react-i18next';

/**
 * What the kiosk shows while its core has not answered the point's settings: the machine is starting or cannot reach
 * its own service, what to do (wait; if it lasts, ask the point's staff), and that it keeps trying. It goes away by
 * itself once the core answers (boot.tsx renders the attract screen in its place, without a reload).
 */
export function StartingScreen({ failedAsks }: { failedAsks: number }) {
  const { t } = useTranslation();
  return (
    <main className="starting" data-starting={failedAsks === 0 ? 'waiting' : 'retrying'}>
      <h1>{t('app.starting.title')}</h1>
      <p>{t(failedAsks === 0 ? 'app.starting.waiting' : 'app.starting.unreachable')}</p>
      <p className="starting__advice">{t('app.starting.advice')}</p>
      <p className="starting__status" role="status" data-starting-asks={failedAsks}>
        {failedAsks === 0 ? t('app.starting.connecting') : t('app.starting.retrying', { count: failedAsks })}
      </p>
    </main>
  );
}
