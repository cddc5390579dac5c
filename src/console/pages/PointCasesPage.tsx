import { useTranslation } from 'react-i18next';
import { PointCaseDetailSchema, PointCaseListSchema, PointCaseRowSchema, type PointCaseMove, type PointCaseRow } from '../../shared/console/point-cases';
import { caseColumns, DeskTable } from '../DeskTable';
import { formatAgo, formatTime } from '../format';
import { ErrorLine } from '../ErrorLine';
import { LoadState } from '../LoadState';
import { MaterialTicks } from '../MaterialTicks';
import { useDesk } from '../use-desk';
import { ResidentLine } from '../ResidentLine';
import { useDeskCase } from '../use-desk-case';
import type { PageProps } from '.';

/**
 * 全程代办 cases carried up from the points in scope: the township takes a case, passes it to the county, returns it
 * with what is missing, finishes or refuses it; at the county a county admin does. The buttons are the moves the
 * gateway says this account may make now; each outcome goes down to the point with its next sync.
 */
export function PointCasesPage({ session }: PageProps) {
  const { t, i18n } = useTranslation();
  const { queue: data, error: loadError, reload, opened: current, desk } = useDesk('/point-cases', PointCaseListSchema, (q) => q.cases, (c) => c.caseId);
  if (!data) return <LoadState error={loadError} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <>
      <p className="page-summary">{t('pointCases.intro')}</p>
      <DeskTable<PointCaseRow> desk={desk} caption={t('pointCases.caption')} sortBy="due" waitingHere={(c) => c.moves.length > 0}
        opener={{ label: t('pointCases.actions'), text: t('pointCases.open'), ariaLabel: (c) => t('pointCases.openOf', { number: c.caseNumber }), dataAttr: 'data-open-point-case' }}
        columns={[
          { key: 'number', label: t('pointCases.number'), value: (c) => c.caseNumber },
          ...caseColumns<PointCaseRow>(t, 'pointCases', lang),
          { key: 'due', label: t('pointCases.due'), value: (c) => c.dueAt, render: (c) => `${c.overdue ? `${t('pointCases.overdue')} ` : ''}${formatAgo(c.dueAt, data.now, i18n.language)}` },
          { key: 'state', label: t('pointCases.state'), value: (c) => t(`pointCases.states.${c.state}`) },
        ]}
      />
      {current && <PointCaseDetail key={`${current.caseId}-${current.state}`} row={current} isCounty={session.staff.scope.kind === 'county'} onChanged={() => void reload()} />}
    </>
  );
}

/** Who opened the case, by name (the open step carries it); the login id only if no open step came up. */
function openedBy(row: PointCaseRow): string {
  return row.steps.find((s) => s.kind === 'open')?.operatorName ?? row.operatorId;
}

function PointCaseDetail({ row, isCounty, onChanged }: { row: PointCaseRow; isCounty: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { note, setNote, trimmed, withNote, missing, setMissing, materials, resident, reveal, act, error } = useDeskCase<PointCaseMove>(`/point-cases/${row.caseId}`, { move: PointCaseRowSchema, detail: PointCaseDetailSchema }, onChanged);
  return (
    <section className="detail" aria-labelledby="point-case-title" data-point-case={row.caseId} data-point-case-state={row.state}>
      <h2 id="point-case-title">{t('pointCases.detailTitle', { number: row.caseNumber, state: t(`pointCases.states.${row.state}`) })}</h2>
      <ResidentLine label={t('pointCases.resident')} masked={row.residentMasked} resident={resident} mayReveal={isCounty} onReveal={() => void reveal()} />
      <p>{t('pointCases.channelOf', { channel: t(`pointCases.channels.${row.channel}`, { defaultValue: row.channel }), operator: openedBy(row) })}</p>
      <ol data-point-case-steps>
        {row.steps.map((s) => (
          <li key={s.id} data-point-case-step={s.kind}>
            {formatTime(s.at)} {t(`pointCases.steps.${s.kind}`)} · {s.operatorName}
            {s.missing ? ` · ${s.missing.text[lang]}` : ''}
            {s.note ? ` · ${s.note[lang]}` : ''}
          </li>
        ))}
      </ol>
      {row.moves.length > 0 ? (
        <>
          <label htmlFor="point-case-note">{t('pointCases.note')}</label>
          <textarea id="point-case-note" rows={2} maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
          {row.moves.includes('return') ? (
            <MaterialTicks materials={materials} ticked={missing} onChange={setMissing} />
          ) : null}
          <div className="actions">
            {row.moves.map((move) => (
              <button
                key={move}
                type="button"
                className={move === 'finish' ? 'button button--primary' : 'button'}
                data-point-case-move={move}
                disabled={(move === 'return' && missing.length === 0) || (move === 'refuse' && !trimmed)}
                onClick={() =>
                  void act(
                    move === 'return'
                      ? { move, materials: missing, ...withNote }
                      : move === 'refuse'
                        ? { move, reason: trimmed }
                        : move === 'take'
                          ? { move }
                          : { move: move as 'passUp' | 'finish', ...withNote },
                  )
                }
              >
                {t(`pointCases.moves.${move}`)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p data-point-case-waiting>{t(row.state === 'sent' || row.state === 'atTownship' || row.state === 'atCounty' ? 'pointCases.notYours' : 'pointCases.atPoint')}</p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
