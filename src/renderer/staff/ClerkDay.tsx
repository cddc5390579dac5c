import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../shared/contract/errors';
import type { ClerkDay as ClerkDayView } from '../../shared/contract/methods/clerk-day';
import type { MethodResult } from '../../shared/contract';
import type { Language } from '../../shared/locales';
import { useKiosk } from '../app/kiosk-context';
import { useCatalog } from '../catalog/catalog-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useReloadOn } from '../hooks/use-reload-on';
import { useReloadWhenDue } from '../hooks/use-reload-when-due';
import { asKioskError, useKioskError } from '../hooks/use-kiosk-error';
import { Register } from './Register';
import { pointDateTime } from '../../shared/domain/point-day';

const KNOWN_REASONS = ['invalidIdNumber', 'unknownItem', 'proxyRecordMismatch', 'unknownApplication', 'applicationNotReturned', 'idTakenByAnotherKiosk'];

/** Why the village list could not be had, in the clerk's words (the core's code and reason). */
function villageFailure(error: KioskError): string | null {
  if (error.code === 'county_unreachable') return 'village.offline';
  if (error.code === 'forbidden' && error.details?.reason === 'outOfScope') return 'village.outOfScope';
  if (error.code === 'not_found' && error.details?.reason === 'notAPoint') return 'village.notAPoint';
  return null;
}

/**
 * The clerk's day (issue 9 item 10): my applications today, inquiries and help calls, what waits for the county,
 * what the county would not take (each with what to do and "dealt with"), and the village list from the county.
 */
export function ClerkDay() {
  const { t, i18n } = useTranslation('clerk-day');
  const { client } = useKiosk();
  const { items } = useCatalog();
  const [day, setDay] = useState<ClerkDayView | null>(null);
  const [village, setVillage] = useState<MethodResult<'clerkDay.villageList'> | null>(null);
  const [villageError, setVillageError] = useState<KioskError | null>(null);
  const { error, fail, clear } = useKioskError();
  const language = i18n.language as Language;
  const itemName = (code: string | null) => (code ? (items.find((x) => x.code === code)?.name[language] ?? code) : t('rejected.unknown'));

  const reload = useCallback(() => {
    client.invoke('clerkDay.today', {}).then(setDay, fail);
  }, [client, fail]);
  // The records change when the panels beside it queue a case step or an application or move an inquiry, when the
  // county settles what was queued (records.changed) and when its outcomes arrive, not only when help is called.
  useReloadOn(client, ['help.requested', 'help.answered', 'records.changed', 'applications.outcome'], reload);
  // The clerk's cases turn overdue at their due time with no event: asked again then.
  useReloadWhenDue(day?.cases ?? null, reload);
  // A sync round that changed no record moves only the queue's line: taken from the event, nothing asked again.
  useEffect(
    () =>
      client.on('sync.progress', ({ online, pending, oldestPendingAt, lastSyncAt }) =>
        setDay((d) => (d ? { ...d, queue: { online, pending, oldestPendingAt, lastSyncAt } } : d)),
      ),
    [client],
  );

  const loadVillage = (refresh: boolean) => {
    setVillageError(null);
    client.invoke('clerkDay.villageList', { refresh }).then(setVillage, (e: unknown) => setVillageError(asKioskError(e)));
  };
  const dealtWith = (outboxId: string) => {
    clear();
    client.invoke('applications.resolveRejected', { outboxId }).then(reload, fail);
  };
  const villageWords = villageError ? villageFailure(villageError) : null;

  return (
    <Register
      className="clerk-day"
      titleId="clerk-day-title"
      title={t('title')}
      error={error}
      data-clerk-day
      actions={
        <button type="button" className="button" onClick={reload} data-clerk-day-refresh>
          {t('refresh')}
        </button>
      }
    >
      {day ? (
        <>
          <h3>{t('mine.title')}</h3>
          {day.submissions.total === 0 ? (
            <p>{t('mine.empty')}</p>
          ) : (
            <>
              <p data-clerk-day-count={day.submissions.total}>{t('mine.count', { count: day.submissions.total })}</p>
              <ul className="register__list" data-clerk-day-mine>
                {day.submissions.items.map((s) => (
                  <li key={s.submissionId} className="register__row" data-submission={s.trackingNumber} data-submission-status={s.status}>
                    {t('mine.row', {
                      time: pointDateTime(s.submittedAt),
                      item: itemName(s.itemCode),
                      tracking: s.trackingNumber,
                      channel: t(`catalog:serviceModes.${s.channel}`),
                      status: t(`mine.status.${s.status}`),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('inquiries.title')}</h3>
          <p data-clerk-day-inquiries>{t('inquiries.figures', day.inquiries)}</p>
          <p data-clerk-day-help>{t('inquiries.help', day.helpCalls)}</p>
          <h3>{t('cases.title')}</h3>
          {day.cases.length === 0 ? (
            <p data-clerk-day-cases="0">{t('cases.empty')}</p>
          ) : (
            <ul className="register__list" data-clerk-day-cases={day.cases.length}>
              {day.cases.map((c) => (
                <li key={c.caseId} className="register__row" data-clerk-day-case={c.caseNumber} data-case-state={c.state} data-case-overdue={c.overdue}>
                  {t('cases.row', { number: c.caseNumber, item: itemName(c.itemCode), state: t(`cases:state.${c.state}`), due: pointDateTime(c.dueAt) })}
                  {c.overdue ? ` · ${t('cases.overdue')}` : null}
                  {c.touchedToday ? ` · ${t('cases.today')}` : null}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('queue.title')}</h3>
          <div data-clerk-day-queue={day.queue.pending}>
            <p>{day.queue.pending === 0 ? t('queue.empty') : t('queue.pending', { count: day.queue.pending })}</p>
            {day.queue.oldestPendingAt ? <p>{t('queue.oldest', { time: pointDateTime(day.queue.oldestPendingAt) })}</p> : null}
            <p>{day.queue.lastSyncAt ? t('queue.lastSync', { time: pointDateTime(day.queue.lastSyncAt) }) : t('queue.neverSynced')}</p>
            <p>{day.queue.online ? t('queue.online') : t('queue.offline')}</p>
          </div>
          <h3>{t('rejected.title')}</h3>
          {day.rejected.length === 0 ? (
            <p data-clerk-day-rejected="0">{t('rejected.empty')}</p>
          ) : (
            <>
            <p>{t('rejected.doneHint')}</p>
            <ul className="register__list" data-clerk-day-rejected={day.rejected.length}>
              {day.rejected.map((r) => (
                <li key={r.outboxId} className="register__row" data-rejected={r.trackingNumber ?? r.outboxId} data-rejected-reason={r.reason}>
                  <p className="register__what">{t('rejected.row', { item: itemName(r.itemCode), tracking: r.trackingNumber ?? '—', time: pointDateTime(r.createdAt) })}</p>
                  <p>{KNOWN_REASONS.includes(r.reason) ? t(`rejected.reason.${r.reason}`) : t('rejected.reason.other', { code: r.reason })}</p>
                  <button type="button" className="button" onClick={() => dealtWith(r.outboxId)} data-rejected-done>
                    {t('rejected.done')}
                  </button>
                </li>
              ))}
            </ul>
            </>
          )}
        </>
      ) : null}
      <div className="register__head">
        <h3>{t('village.title')}</h3>
        <button type="button" className="button" onClick={() => loadVillage(village !== null)} data-village-load>
          {t('village.load')}
        </button>
      </div>
      {villageError && villageWords ? (
        <p role="alert" data-village-error={villageError.code}>
          {t(villageWords)}
        </p>
      ) : null}
      {villageError && !villageWords ? <ErrorMessage error={villageError} /> : null}
      {village ? (
        <div data-village-list={village.entries.length}>
          <p>{t('village.fetched', { time: pointDateTime(village.fetchedAt) })}</p>
          {village.entries.length === 0 ? <p>{t('village.empty')}</p> : null}
          {(['certificationDue', 'cardExpiring', 'pinLocked', 'contributionUnpaid'] as const).map((kind) => {
            const rows = village.entries.filter((e) => e.kind === kind);
            if (rows.length === 0) return null;
            return (
              <div key={kind} data-village-kind={kind}>
                <h4>
                  {t(`village.kind.${kind}`)} · {t('village.count', { count: rows.length })}
                </h4>
                <ul className="register__list">
                  {rows.map((e) => (
                    <li key={`${kind}-${e.idMasked}`} className="register__row" data-village-entry={e.idMasked}>
                      {t('village.row', { name: e.name, id: e.idMasked, date: e.date })}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      ) : null}
    </Register>
  );
}
