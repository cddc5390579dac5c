import { useTranslation } from 'react-i18next';
import { AuditListSchema, type AuditEntry } from '../../shared/console/api';
import { DataTable } from '../DataTable';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import { formatTime } from '../format';
import type { PageProps } from '.';

/** Who changed what and when, in this account's township (all of it for the county). */
export function AuditPage(_props: PageProps) {
  const { t } = useTranslation();
  const { data, error } = useConsoleData('/audit', AuditListSchema);
  if (!data) return <LoadState error={error} />;
  return (
    <DataTable<AuditEntry>
      caption={t('audit.caption')}
      rows={data.entries}
      rowKey={(e) => String(e.seq)}
      initialSort={{ key: 'at', descending: true }}
      columns={[
        { key: 'at', label: t('audit.at'), value: (e) => e.at, render: (e) => formatTime(e.at) },
        { key: 'actor', label: t('audit.actor'), value: (e) => e.actorName },
        { key: 'action', label: t('audit.action'), value: (e) => t(`audit.actions.${e.action.replaceAll('.', '_')}`, { defaultValue: e.action }) },
        { key: 'target', label: t('audit.target'), value: (e) => e.target },
        { key: 'detail', label: t('audit.detail'), value: (e) => e.detail },
      ]}
    />
  );
}
