import { useTranslation } from 'react-i18next';
import { CaseDetailSchema, CaseListSchema, CaseRowSchema, type CaseAction, type CaseRow } from '../../shared/console/api';
import { caseColumns, DeskTable } from '../DeskTable';
import { formatAgo, formatTime } from '../format';
import { ErrorLine } from '../ErrorLine';
import { LoadState } from '../LoadState';
import { MaterialTicks } from '../MaterialTicks';
import { useDesk } from '../use-desk';
import { ResidentLine } from '../ResidentLine';
import { useDeskCase } from '../use-desk-case';
import type { PageProps } from '.';

/** Items and cases at the county's clerk desk for the points in scope: take, return with what is missing, finish, refuse. */
export function CasesPage({ session }: PageProps) {
  const { t, i18n } = useTranslation();
  const { queue: data, error: loadError, reload, opened: current, desk } = useDesk('/cases', CaseListSchema, (q) => q.cases, (c) => c.applicationId);
  if (!data) return <LoadState error={loadError} />;
  if (!data.available) return <p>{t('cases.noDesk')}</p>;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <>
      <p className="page-summary">{t('cases.intro')}</p>
      <DeskTable<CaseRow> desk={desk} caption={t('cases.caption')} sortBy="received" waitingHere={(c) => c.state === 'waiting'}
        opener={{ label: t('cases.actions'), text: t('cases.open'), ariaLabel: (c) => t('cases.openOf', { tracking: c.trackingNumber }), dataAttr: 'data-open-case' }}
        columns={[
          { key: 'tracking', label: t('cases.tracking'), value: (c) => c.trackingNumber },
          ...caseColumns<CaseRow>(t, 'cases', lang),
          { key: 'received', label: t('cases.received'), value: (c) => c.receivedAt, render: (c) => formatTime(c.receivedAt) },
          { key: 'due', label: t('cases.due'), value: (c) => c.dueAt, render: (c) => (c.dueAt ? `${c.overdue ? `${t('cases.overdue')} ` : ''}${formatAgo(c.dueAt, data.now, i18n.language)}` : '—') },
          { key: 'state', label: t('cases.state'), value: (c) => t(`cases.states.${c.state}`) },
        ]}
      />
      {current && <CaseDetail key={current.applicationId} row={current} isCounty={session.staff.scope.kind === 'county'} onChanged={() => void reload()} />}
    </>
  );
}

function CaseDetail({ row, isCounty, onChanged }: { row: CaseRow; isCounty: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { note, setNote, trimmed, withNote, missing, setMissing, materials, resident, reveal, act, error } = useDeskCase<CaseAction>(`/cases/${row.applicationId}`, { move: CaseRowSchema, detail: CaseDetailSchema }, onChanged);
  const open = row.state === 'waiting' || row.state === 'taken';
  return (
    <section className="detail" aria-labelledby="case-title" data-case={row.applicationId} data-case-state={row.state}>
      <h2 id="case-title">{t('cases.detailTitle', { tracking: row.trackingNumber, state: t(`cases.states.${row.state}`) })}</h2>
      <ResidentLine label={t('cases.resident')} masked={row.residentMasked} resident={resident} mayReveal={isCounty} onReveal={() => void reveal()} />
      {open ? (
        <>
          <label htmlFor="case-note">{t('cases.note')}</label>
          <textarea id="case-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          <MaterialTicks materials={materials} ticked={missing} onChange={setMissing} />
          <div className="actions">
            {row.state === 'waiting' && (
              <button type="button" className="button" data-case-action="take" onClick={() => void act({ action: 'take' })}>
                {t('cases.take')}
              </button>
            )}
            {row.state === 'taken' && (
              <>
                <button type="button" className="button" data-case-action="return" disabled={missing.length === 0} onClick={() => void act({ action: 'return', materials: missing, ...withNote })}>
                  {t('cases.return')}
                </button>
                <button type="button" className="button button--primary" data-case-action="finish" onClick={() => void act({ action: 'finish', ...withNote })}>
                  {t('cases.finish')}
                </button>
                <button type="button" className="button" data-case-action="refuse" disabled={!trimmed} onClick={() => void act({ action: 'refuse', reason: trimmed })}>
                  {t('cases.refuse')}
                </button>
              </>
            )}
          </div>
        </>
      ) : (
        <p>{t('cases.decided')}</p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
