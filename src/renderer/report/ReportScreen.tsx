import { useCallback, useState } from 'react';
import { useAliveEffect } from '../hooks/use-alive-effect';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../shared/contract/methods/report';
import type { Language, LanguageTexts } from '../../shared/locales';
import { REPORT_CHANNELS } from '../../shared/report/monthly-figures';
import { formatServiceValue, itemRows, layoutItems, serviceRows, type ReportWording } from '../../shared/report/report-rows';
import { formatPointTime } from '../../shared/report/report-month';
import { useKiosk } from '../app/kiosk-context';
import { useCatalog } from '../catalog/catalog-context';
import { useKioskError } from '../hooks/use-kiosk-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { LabelledField } from '../screens/LabelledField';


/**
 * A month's report for the clerk: the figures counted at the point in the township's layout, a notes field, submit;
 * after submitting, who and when, whether the township has it, and "correct" to send a new version.
 */
export function ReportScreen({ month: initialMonth, onClose }: { month: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('report');
  const { client, site } = useKiosk();
  const catalog = useCatalog();
  const [month, setMonth] = useState(initialMonth);
  const [picked, setPicked] = useState(initialMonth);
  const [view, setView] = useState<ReportView | null>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fail, clear } = useKioskError();
  const [printedPages, setPrintedPages] = useState<number | null>(null);
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  // The screen's own loaded texts: the kiosk holds only the languages it has shown (i18n/load-language.ts).
  const wording: ReportWording = { language, texts: { report: i18n.getResourceBundle(language, 'report') as LanguageTexts['report'], common: i18n.getResourceBundle(language, 'common') as LanguageTexts['common'] } };

  const show = useCallback((v: ReportView) => {
    setView(v);
    setNotes(v.notes);
    clear();
  }, [clear]);

  useAliveEffect((alive) => {
    setView(null);
    client.invoke('report.open', { month }).then(
      (v) => alive() && show(v),
      (e: unknown) => alive() && fail(e),
    );
  }, [client, month, show, fail]);

  const act = (run: () => Promise<ReportView>) => {
    setBusy(true);
    run()
      .then(show, fail)
      .finally(() => setBusy(false));
  };
  const submit = () => view && act(() => client.invoke('report.submit', { month: view.month, version: view.version, notes }));
  const correct = () => view && act(() => client.invoke('report.correct', { month: view.month }));
  const print = () => {
    if (!view) return;
    setBusy(true);
    setPrintedPages(null);
    client
      .invoke('print.document', { kind: 'monthlyReport', month: view.month, language })
      .then((job) => setPrintedPages(job.pages), fail)
      .finally(() => setBusy(false));
  };

  const figures = view?.figures;
  const rows = figures ? itemRows(figures, layoutItems(catalog.items), wording) : [];
  const empty = figures ? rows.at(-1)!.total === 0 && serviceRows(figures, wording).every((r) => r.format !== 'count' || r.value === 0) : false;

  return (
    <div className="overlay report-overlay">
      <div className="dialog report-screen" role="dialog" aria-modal="true" aria-labelledby="report-title" data-report-screen={month}>
        <h2 id="report-title">{t('screen.heading', { month })}</h2>
        <div className="report-screen__month">
          <label htmlFor="report-month">{t('screen.pickMonth')}</label>
          <input id="report-month" type="month" value={picked} onChange={(e) => setPicked(e.target.value)} className="field__input" />
          <button type="button" className="button" onClick={() => setMonth(picked)} disabled={!/^\d{4}-\d{2}$/.test(picked) || picked === month}>
            {t('screen.load')}
          </button>
        </div>
        {error ? <ErrorMessage error={error} hotline={site.consultationPhone} /> : null}
        {view && figures ? (
          <>
            <p className="report-screen__state" data-report-state={view.submittedAt ? 'submitted' : 'draft'} data-report-version={view.version}>
              {view.submittedAt
                ? t('screen.submitted', { version: view.version, at: formatPointTime(view.submittedAt), clerk: view.submittedBy?.name ?? '' })
                : t('screen.draft', { version: view.version })}{' '}
              {view.submittedAt ? (view.deliveredAt ? t('screen.delivered', { at: formatPointTime(view.deliveredAt) }) : t('screen.waiting')) : null}
            </p>
            <p>
              {t('screen.deadline', { deadline: formatPointTime(view.deadline) })}
              {view.late ? (
                <strong className="report-screen__late" data-report-late>
                  {' '}
                  {t('screen.late')}
                </strong>
              ) : null}
            </p>
            {empty ? <p data-report-empty>{t('screen.zeroNote')}</p> : null}
            <h3>{t('screen.items')}</h3>
            {/* Focusable so the table can be scrolled from a keyboard too. */}
            <div className="report-screen__scroll" tabIndex={0} role="region" aria-label={t('screen.items')}>
              <table className="report-table" data-report-items>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.code')}</th>
                    <th scope="col">{t('columns.item')}</th>
                    {REPORT_CHANNELS.map((ch) => (
                      <th scope="col" key={ch}>
                        {t(`channels.${ch}`)}
                      </th>
                    ))}
                    <th scope="col">{t('columns.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={`${row.kind}-${row.code}-${i}`} className={row.kind === 'subtotal' || row.kind === 'total' ? 'report-table__sum' : undefined} data-row={row.code || row.kind}>
                      <td>{row.code}</td>
                      <th scope="row">{row.label}</th>
                      {REPORT_CHANNELS.map((ch) => (
                        <td key={ch}>{row.counts[ch]}</td>
                      ))}
                      <td>{row.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t('screen.service')}</h3>
            <table className="report-table" data-report-service>
              <tbody>
                {serviceRows(figures, wording).map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{formatServiceValue(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LabelledField id="report-notes" label={t('screen.notesLabel')}>
              <textarea
                id="report-notes"
                className="field__input report-screen__notes"
                value={notes}
                maxLength={2000}
                placeholder={t('screen.notesHint')}
                readOnly={Boolean(view.submittedAt)}
                onChange={(e) => setNotes(e.target.value)}
              />
            </LabelledField>
            {view.versions.length > 1 ? (
              <>
                <h3>{t('screen.versions')}</h3>
                <ul data-report-versions>
                  {view.versions.map((v) => (
                    <li key={v.version}>
                      {t('screen.versionLine', { version: v.version, state: v.submittedAt ? formatPointTime(v.submittedAt) : t('meta.notSubmitted') })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
        {printedPages !== null ? (
          <p role="status" data-report-printed={printedPages}>
            {t('screen.printed', { pages: printedPages })}
          </p>
        ) : null}
        <div className="dialog__actions">
          {view && !view.submittedAt ? (
            <button type="button" className="button button--primary" onClick={submit} disabled={busy} data-report-submit>
              {busy ? t('screen.submitting') : t('screen.submit')}
            </button>
          ) : null}
          {view?.submittedAt ? (
            <button type="button" className="button" onClick={correct} disabled={busy} data-report-correct>
              {t('screen.correct')}
            </button>
          ) : null}
          {view ? (
            <button type="button" className="button" onClick={print} disabled={busy} data-report-print>
              {t('screen.print')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose} data-report-close>
            {t('screen.back')}
          </button>
        </div>
      </div>
    </div>
  );
}
