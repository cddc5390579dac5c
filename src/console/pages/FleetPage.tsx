import { useTranslation } from 'react-i18next';
import { FleetSchema, type FleetRow } from '../../shared/console/api';
import { DataTable } from '../DataTable';
import { formatAgo, formatTime } from '../format';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import { useTableQuery } from '../use-table-query';
import type { PageProps } from '.';

const REFRESH_MS = 10_000;

/** Every point's last heartbeat, devices, queue and versions; silent points and devices in trouble stand out. */
export function FleetPage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const table = useTableQuery('/fleet', { sort: 'heartbeat', desc: '0' });
  const { data, error } = useConsoleData(table.path, FleetSchema, REFRESH_MS);
  if (!data) return <LoadState error={error} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const needsAttention = (r: FleetRow) => r.silent || r.devicesInTrouble > 0 || (r.rejected ?? 0) > 0;
  const attentionOnly = table.query.only === 'attention';
  const [total, silentCount] = [data.page.total, data.silent];
  return (
    <>
      <p className="page-summary" data-summary="fleet">
        {data.silentAfterSeconds < 120
          ? t('fleet.summarySeconds', { total, silent: silentCount, seconds: data.silentAfterSeconds })
          : t('fleet.summary', { total, silent: silentCount, minutes: Math.round(data.silentAfterSeconds / 60) })}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={attentionOnly} onChange={(e) => table.onQuery({ ...table.query, only: e.target.checked ? 'attention' : undefined, offset: 0 })} data-filter="attention" />
        {t('fleet.attentionOnly')}
      </label>
      <DataTable<FleetRow>
        caption={t('fleet.caption', { time: formatTime(data.now) })}
        rows={data.rows}
        server={{ query: table.query, onQuery: table.onQuery, page: data.page }}
        rowKey={(r) => r.point.kioskId}
        rowState={(r) => (r.silent ? 'alert' : needsAttention(r) ? 'warn' : undefined)}
        initialSort={{ key: 'heartbeat', descending: false }}
        columns={[
          { key: 'point', label: t('fleet.point'), value: (r) => r.point.name[lang] },
          {
            key: 'heartbeat',
            label: t('fleet.lastHeartbeat'),
            value: (r) => r.lastHeartbeatAt,
            render: (r) => (
              <>
                {r.silent && <span className="badge" data-badge="silent">{t('fleet.silent')}</span>}{' '}
                <span title={formatTime(r.lastHeartbeatAt) ?? undefined}>{formatAgo(r.lastHeartbeatAt, data.now, i18n.language) ?? t('fleet.never')}</span>
              </>
            ),
          },
          {
            key: 'devices',
            label: t('fleet.devices'),
            value: (r) => r.devicesInTrouble,
            render: (r) =>
              r.devices.length === 0 ? (
                '—'
              ) : (
                <ul className="device-states">
                  {r.devices.map((d) => (
                    <li key={d.id} data-device={d.id} data-device-state={d.state}>
                      {t(`fleet.deviceKinds.${d.kind}`, { defaultValue: d.kind })}: {t(`fleet.deviceStates.${d.state}`, { defaultValue: d.state })}
                    </li>
                  ))}
                </ul>
              ),
          },
          { key: 'queue', label: t('fleet.queueDepth'), value: (r) => r.queueDepth },
          { key: 'oldest', label: t('fleet.oldestPending'), value: (r) => r.oldestPendingAt, render: (r) => formatAgo(r.oldestPendingAt, data.now, i18n.language) ?? '—' },
          { key: 'items', label: t('fleet.lastItems'), value: (r) => r.lastItemsAt, render: (r) => formatAgo(r.lastItemsAt, data.now, i18n.language) ?? '—' },
          { key: 'app', label: t('fleet.appVersion'), value: (r) => r.appVersion },
          { key: 'config', label: t('fleet.configVersion'), value: (r) => r.configVersion },
          { key: 'catalog', label: t('fleet.catalogVersion'), value: (r) => r.catalogVersion },
          {
            key: 'clock',
            label: t('fleet.clockOffset'),
            value: (r) => r.clockOffsetSeconds,
            render: (r) => (r.clockOffsetSeconds === null ? '—' : t('fleet.seconds', { count: r.clockOffsetSeconds })),
          },
        ]}
      />
    </>
  );
}
