import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PointReportSchema, ReportMonthSchema, type ReportMonthRow, type ReportVersion } from '../../shared/console/reports';
import { formatServiceValue } from '../../shared/report/report-layout';
import { consoleDownload } from '../api';
import { DataTable } from '../DataTable';
import { ErrorLine } from '../ErrorLine';
import { formatTime } from '../format';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import type { PageProps } from '.';

const CHANNELS = ['self', 'assisted', 'window', 'homeVisit', 'proxy'] as const;

/** The monthly reports of the points in scope: received, late, corrected; one opened; the township's workbook. */
export function ReportsPage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState<string | null>(null);
  const { data, error: loadError } = useConsoleData(month ? `/reports?month=${month}` : '/reports', ReportMonthSchema, 60_000);
  const [opened, setOpened] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!data) return <LoadState error={loadError} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const stateWords = (r: ReportMonthRow) => `${t(`reports.states.${r.state}`)}${r.versions > 1 ? ` · ${t('reports.corrected', { count: r.versions })}` : ''}`;
  return (
    <>
      <div className="actions">
        <label htmlFor="report-month">{t('reports.month')}</label>
        <input
          id="report-month"
          type="month"
          value={data.month}
          max={data.now.slice(0, 7)}
          onChange={(e) => {
            if (/^\d{4}-\d{2}$/.test(e.target.value)) {
              setOpened(null);
              setMonth(e.target.value);
            }
          }}
          data-report-month
        />
        <button type="button" className="button" data-action="workbook" onClick={() => void consoleDownload(`/reports/${data.month}/workbook.xlsx?lang=${lang}`, `township-report-${data.month}.xlsx`).catch(() => setError('internal'))}>
          {t('reports.workbook')}
        </button>
      </div>
      <p className="page-summary" data-summary="reports">
        {t('reports.summary', { month: data.month, deadline: formatTime(data.deadline), ...data.counts })}
      </p>
      <ErrorLine error={error} />
      <DataTable<ReportMonthRow>
        caption={t('reports.caption', { month: data.month })}
        rows={data.rows}
        rowKey={(r) => r.point.kioskId}
        rowState={(r) => (r.state === 'late' || r.state === 'receivedLate' ? 'alert' : r.state === 'due' ? 'warn' : undefined)}
        columns={[
          { key: 'point', label: t('reports.point'), value: (r) => r.point.name[lang] },
          { key: 'state', label: t('reports.state'), value: (r) => stateWords(r), render: (r) => <span data-report-state={r.state} data-versions={r.versions}>{stateWords(r)}</span> },
          { key: 'submitted', label: t('reports.submittedAt'), value: (r) => r.firstSubmittedAt, render: (r) => formatTime(r.firstSubmittedAt) ?? '—' },
          { key: 'latest', label: t('reports.latestAt'), value: (r) => r.latestSubmittedAt, render: (r) => (r.versions > 1 ? formatTime(r.latestSubmittedAt) : '—') },
          { key: 'by', label: t('reports.submittedBy'), value: (r) => r.submittedBy },
          { key: 'items', label: t('reports.itemsTotal'), value: (r) => r.itemsTotal },
          {
            key: 'open',
            label: t('reports.actions'),
            value: () => null,
            render: (r) =>
              r.versions > 0 ? (
                <button type="button" className="button button--small" data-open-report={r.point.kioskId} aria-label={t('reports.openOf', { point: r.point.name[lang] })} onClick={() => setOpened(r.point.kioskId)}>
                  {t('reports.open')}
                </button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {opened && <ReportDetail key={`${data.month}-${opened}-${lang}`} month={data.month} kioskId={opened} />}
    </>
  );
}

function ReportDetail({ month, kioskId }: { month: string; kioskId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { data, error } = useConsoleData(`/reports/${month}/points/${encodeURIComponent(kioskId)}?lang=${lang}`, PointReportSchema);
  const [shown, setShown] = useState<number | null>(null);
  if (!data) return <LoadState error={error} />;
  const version: ReportVersion = data.versions.find((v) => v.version === shown) ?? data.versions.at(-1)!;
  return (
    <section className="detail" aria-labelledby="report-title" data-report={kioskId} data-report-version={version.version}>
      <h2 id="report-title">{t('reports.detailTitle', { point: data.point.name[lang], month: data.month })}</h2>
      {data.versions.length > 1 && (
        <div className="actions" role="group" aria-label={t('reports.versions')}>
          {data.versions.map((v) => (
            <button key={v.version} type="button" className="button button--small" aria-pressed={v.version === version.version} data-version={v.version} onClick={() => setShown(v.version)}>
              {t('reports.versionN', { n: v.version })}
            </button>
          ))}
        </div>
      )}
      <p>
        {t('reports.versionLine', { n: version.version, by: version.submittedBy, submitted: formatTime(version.submittedAt), received: formatTime(version.receivedAt) })}
        {version.late && <span className="badge" data-badge="late">{t('reports.lateBadge')}</span>}
      </p>
      <p data-report-notes>{version.notes ? t('reports.notes', { notes: version.notes }) : t('reports.noNotes')}</p>
      <DataTable
        caption={t('reports.itemsCaption')}
        rows={version.itemRows.filter((r) => r.kind !== 'item' || r.total > 0)}
        rowKey={(r) => `${r.kind}-${r.code}-${r.label}`}
        rowState={(r) => (r.kind === 'item' || r.kind === 'other' ? undefined : 'sum')}
        initialSort={{ key: 'order' }}
        columns={[
          { key: 'order', label: t('reports.item'), value: () => null, render: (r) => (r.code ? <>{r.label} <span className="stage-cell__by">{r.code}</span></> : r.label) },
          ...CHANNELS.map((ch) => ({ key: ch, label: t(`reports.channels.${ch}`), value: (r: ReportVersion['itemRows'][number]) => r.counts[ch] })),
          { key: 'total', label: t('reports.total'), value: (r) => r.total },
        ]}
      />
      <DataTable
        caption={t('reports.serviceCaption')}
        rows={version.serviceRows}
        rowKey={(r) => r.label}
        initialSort={{ key: 'order' }}
        columns={[
          { key: 'order', label: t('reports.figure'), value: () => null, render: (r) => r.label },
          { key: 'value', label: t('reports.value'), value: (r) => r.value, render: (r) => formatServiceValue(r) },
        ]}
      />
    </section>
  );
}
