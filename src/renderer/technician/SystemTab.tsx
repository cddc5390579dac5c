import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { DiagnosticsExport } from './DiagnosticsExport';
import { useAction } from './use-action';
import { usePolled } from './use-polled';
import { ActionOutcome } from './ActionOutcome';
import { ActionButton } from './ActionButton';
import { pointDateTime } from '../../shared/domain/point-day';

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Versions, memory, disk, the county line and the outbox, with "sync now". */
export function SystemTab() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const info = usePolled(() => client.invoke('system.info', {}), 5000, [client]);
  const sync = usePolled(() => client.invoke('sync.status', {}), 3000, [client]);
  const syncing = useAction(async () => {
    const r = await client.invoke('sync.now', {});
    sync.reload();
    return r.ok ? t('system.syncDone', { sent: r.sent, acknowledged: r.acknowledged }) : t('system.syncFailed', { error: r.error ?? '' });
  });
  const when = (iso: string | null) => (iso ? pointDateTime(iso) : t('system.never'));

  const s = sync.value;
  const i = info.value;
  return (
    <section className="technician__system" data-technician-system>
      {info.error ? <ErrorMessage error={info.error} /> : null}
      {i ? (
        <dl className="technician__facts" aria-label={t('system.versions')}>
          <dt>{t('system.app')}</dt>
          <dd data-fact="appVersion">{i.appVersion}</dd>
          <dt>{t('system.node')}</dt>
          <dd>{i.nodeVersion}</dd>
          <dt>{t('system.platform')}</dt>
          <dd>{i.platform}</dd>
          <dt>{t('system.uptime')}</dt>
          <dd>{t('system.uptimeValue', { minutes: Math.floor(i.uptimeSeconds / 60) })}</dd>
          <dt>{t('system.memory')}</dt>
          <dd>{t('system.megabytes', { value: mb(i.memoryRssBytes) })}</dd>
          <dt>{t('system.disk')}</dt>
          <dd>{i.diskFreeBytes === null ? t('system.unknown') : t('system.megabytes', { value: mb(i.diskFreeBytes) })}</dd>
        </dl>
      ) : null}
      {s ? (
        <dl className="technician__facts" aria-label={t('system.county')}>
          <dt>{t('system.county')}</dt>
          <dd data-fact="county">{!s.configured ? t('system.notConfigured') : s.online ? t('system.reachable') : t('system.unreachable')}</dd>
          <dt>{t('system.pending')}</dt>
          <dd data-fact="pending">{s.pending}</dd>
          <dt>{t('system.oldestPending')}</dt>
          <dd>{s.oldestPendingAt ? when(s.oldestPendingAt) : t('system.none')}</dd>
          <dt>{t('system.lastSync')}</dt>
          <dd data-fact="lastSync">{when(s.lastSyncAt)}</dd>
          <dt>{t('system.lastError')}</dt>
          <dd>{s.lastError ?? t('system.none')}</dd>
        </dl>
      ) : null}
      <ActionButton action={syncing} primary data-technician-sync>
        {syncing.busy ? t('system.syncing') : t('system.syncNow')}
      </ActionButton>
      <ActionOutcome action={syncing} said={(outcome) => outcome} data-sync-outcome />
      <DiagnosticsExport />
    </section>
  );
}
