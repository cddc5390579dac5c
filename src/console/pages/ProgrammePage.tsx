import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DERIVED_STAGES, PROGRAMME_STAGES, ProgrammePageSchema, ProgrammeSchema, type Milestone, type ProgrammeRow } from '../../shared/console/api';
import { consoleCall, consoleDownload, errorCode } from '../api';
import { DataTable } from '../DataTable';
import { ErrorLine } from '../ErrorLine';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import { useTableQuery } from '../use-table-query';
import type { PageProps } from '.';
import { MilestoneEditor } from './MilestoneEditor';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The programme at a glance: the county's dates with the share reached, and every point by stage. */
export function ProgrammePage({ session }: PageProps) {
  const { t, i18n } = useTranslation();
  const table = useTableQuery('/programme');
  const { data, error: loadError, reload } = useConsoleData(table.path, ProgrammePageSchema);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  if (!data) return <LoadState error={loadError} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const stageName = (s: string) => t(`programme.stages.${s}`);
  const mark = async (row: ProgrammeRow, stage: string, done: boolean) => {
    setError(null);
    try {
      await consoleCall('POST', `/programme/${row.point.kioskId}/${stage}`, ProgrammeSchema, { done });
      await reload();
    } catch (e) {
      setError(errorCode(e));
    }
  };
  return (
    <>
      <div className="actions">
        <button type="button" className="button" data-action="export" onClick={() => void consoleDownload(`/programme.xlsx?lang=${lang}`, `programme-${data.now.slice(0, 10)}.xlsx`).catch(() => setError('internal'))}>
          {t('programme.export')}
        </button>
        {session.staff.scope.kind === 'county' && !editing && (
          <button type="button" className="button" data-action="edit-dates" onClick={() => setEditing(true)}>
            {t('programme.editDates')}
          </button>
        )}
      </div>
      {editing && (
        <MilestoneEditor
          milestones={data.milestones}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void reload();
          }}
        />
      )}
      <DataTable<Milestone>
        caption={t('programme.milestonesCaption')}
        rows={data.milestones}
        rowKey={(m) => `${m.stage}-${m.share}`}
        rowState={(m) => (m.state === 'missed' ? 'alert' : undefined)}
        initialSort={{ key: 'due' }}
        columns={[
          { key: 'due', label: t('programme.due'), value: (m) => m.due },
          { key: 'stage', label: t('programme.stage'), value: (m) => stageName(m.stage) },
          { key: 'reached', label: t('programme.reached'), value: (m) => m.reached, render: (m) => t('programme.share', { reached: percent(m.reached), share: percent(m.share) }) },
          { key: 'state', label: t('programme.state'), value: (m) => t(`programme.states.${m.state}`) },
        ]}
      />
      <p className="page-summary">{t('programme.feedsNote')}</p>
      <p className="page-summary" data-summary="programme">{t('programme.behindCount', { total: data.page.total, behind: data.behind })}</p>
      <label className="checkbox">
        <input type="checkbox" checked={table.query.only === 'behind'} onChange={(e) => table.onQuery({ ...table.query, only: e.target.checked ? 'behind' : undefined, offset: 0 })} data-filter="behind" />
        {t('programme.behindOnly')}
      </label>
      <ErrorLine error={error} />
      <DataTable<ProgrammeRow>
        caption={t('programme.pointsCaption')}
        rows={data.rows}
        server={{ query: table.query, onQuery: table.onQuery, page: data.page }}
        rowKey={(r) => r.point.kioskId}
        rowState={(r) => (r.behind.length > 0 ? 'alert' : undefined)}
        columns={[
          { key: 'point', label: t('programme.point'), value: (r) => r.point.name[lang] },
          ...PROGRAMME_STAGES.map((stage) => ({
            key: stage,
            label: stageName(stage),
            value: (r: ProgrammeRow) => r.stages[stage]?.doneAt ?? null,
            render: (r: ProgrammeRow) => {
              const done = r.stages[stage];
              const late = r.behind.includes(stage);
              if (DERIVED_STAGES.includes(stage))
                return (
                  <span className="stage-cell" data-stage={stage} data-done={done ? 'yes' : 'no'} data-late={late ? 'yes' : undefined} title={t(`programme.derivedFrom.${stage}`)}>
                    {done ? done.doneAt.slice(0, 10) : <span className={late ? 'badge' : undefined}>{t('programme.notYet')}</span>}
                    {done?.by && <span className="stage-cell__by">{done.by}</span>}
                  </span>
                );
              return (
                <span className="stage-cell" data-stage={stage} data-done={done ? 'yes' : 'no'} data-late={late ? 'yes' : undefined}>
                  {done ? <span title={done.by ?? undefined}>{done.doneAt.slice(0, 10)}</span> : <span className={late ? 'badge' : undefined}>{t('programme.notYet')}</span>}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t(done ? 'programme.clearOf' : 'programme.markOf', { point: r.point.name[lang], stage: stageName(stage) })}
                    onClick={() => void mark(r, stage, !done)}
                  >
                    {t(done ? 'programme.clear' : 'programme.mark')}
                  </button>
                </span>
              );
            },
          })),
        ]}
      />
    </>
  );
}
