import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_STAGES, ProgrammePageSchema, type Milestone, type ProgrammeStage } from '../../shared/console/api';
import { consoleCall, errorCode } from '../api';
import { ErrorLine } from '../ErrorLine';
import { ColumnHeads } from '../ColumnHeads';
import { ChoiceSelect } from '../ChoiceSelect';
import { isCalendarDay } from '../../shared/domain/calendar-day';
import { DateField } from '../DateField';

interface Draft {
  key: number;
  stage: ProgrammeStage;
  due: string;
  /** Percent, as typed. */
  percent: string;
}

/** The county admin's editor of the county's dates: each stage's date and the share of points due by then. */
export function MilestoneEditor({ milestones, onSaved, onCancel }: { milestones: Milestone[]; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Draft[]>(() => milestones.map((m, i) => ({ key: i, stage: m.stage, due: m.due, percent: String(Math.round(m.share * 100)) })));
  const [error, setError] = useState<string | null>(null);
  // Set by a save with a date that is not a real day: every such field then says so, and nothing is sent.
  const [checked, setChecked] = useState(false);
  const change = (key: number, patch: Partial<Draft>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = async () => {
    setError(null);
    if (rows.some((r) => !isCalendarDay(r.due))) return setChecked(true);
    try {
      await consoleCall('PUT', '/programme/milestones', ProgrammePageSchema, { milestones: rows.map((r) => ({ stage: r.stage, due: r.due, share: Number(r.percent) / 100 })) });
      onSaved();
    } catch (e) {
      setError(errorCode(e));
    }
  };
  return (
    <section className="detail" aria-labelledby="milestones-title" data-editor="milestones">
      <h2 id="milestones-title">{t('programme.editDatesTitle')}</h2>
      <table>
        <caption>{t('programme.editDatesCaption')}</caption>
        <ColumnHeads labels={[t('programme.stage'), t('programme.due'), t('programme.sharePercent'), t('programme.actions')]} />
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} data-milestone-row={i}>
              <td>
                <ChoiceSelect aria-label={t('programme.stageOf', { n: i + 1 })} values={PROGRAMME_STAGES} value={r.stage} onChoose={(stage) => change(r.key, { stage })} labelOf={(s) => t(`programme.stages.${s}`)} />
              </td>
              <td>
                <DateField label={t('programme.dueOf', { n: i + 1 })} value={r.due} check={checked} onChange={(due) => change(r.key, { due })} data-milestone-due />
              </td>
              <td>
                <input type="number" min={1} max={100} step={1} aria-label={t('programme.shareOf', { n: i + 1 })} value={r.percent} onChange={(e) => change(r.key, { percent: e.target.value })} data-milestone-share />
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>
                  {t('programme.removeDate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button" data-action="add-date" onClick={() => setRows((all) => [...all, { key: Math.max(-1, ...all.map((r) => r.key)) + 1, stage: 'commissioned', due: '', percent: '100' }])}>
          {t('programme.addDate')}
        </button>
        <button type="button" className="button button--primary" data-action="save-dates" onClick={() => void save()}>
          {t('programme.saveDates')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('programme.cancel')}
        </button>
      </div>
      <ErrorLine error={error} />
    </section>
  );
}
